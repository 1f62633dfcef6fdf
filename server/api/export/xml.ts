/** XML text and attribute escaping; characters XML 1.0 cannot carry are dropped. */

// Control characters other than tab, LF and CR, the two non-characters, and lone surrogates.
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point: XML 1.0 cannot carry them
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** Escapes for text content and for attribute values (quotes and whitespace kept as written). */
export function xml(value: string | number | boolean): string {
  return String(value)
    .replace(NOT_XML, '')
    .replace(/[&<>"'\t\n\r]/g, (c) => ENTITIES[c]!);
}
