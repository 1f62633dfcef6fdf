/**
 * XML 1.0 allows only tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD and U+10000–U+10FFFF (the Char
 * production), and the browser's XMLSerializer writes the others as they are, making an invalid
 * document. Labels come from the data (any Unicode the API accepts), so they are dropped here.
 */
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlChars(text: string): string {
  return text.replace(FORBIDDEN, '');
}
