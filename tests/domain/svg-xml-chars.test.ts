/** The browser's SVG export drops characters XML 1.0 forbids (labels come from data), keeping every other one. */
import { XMLValidator } from 'fast-xml-parser';
import { xmlChars } from '../../client/features/export/xml-chars';

test('control characters, U+FFFE/U+FFFF and lone surrogates are dropped; the document then parses', () => {
  const label = 'a\u0000b\u0001c\u001fd\uFFFEe\uFFFFf\uD800g\uDC00h';
  expect(xmlChars(label)).toBe('abcdefgh');
  expect(XMLValidator.validate(`<svg><text>${xmlChars(label)}</text></svg>`)).toBe(true);
});

test('allowed characters are kept: tab, line breaks, BMP text, astral characters', () => {
  const text = 'tab\there\nline\r☃ é 😀 \uE000\uFFFD';
  expect(xmlChars(text)).toBe(text);
});
