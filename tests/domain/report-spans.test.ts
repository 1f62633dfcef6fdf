/** The report panel's evidence spans: highlighted stretches, the locator a citation keeps, and its quote. */
import { locatorOf, mergeSpans, quoteOf, segments } from '../../client/features/report/spans';

// "Stripe" is 0-6, "dropped" 7-14, "Gab" 15-18, the full stop 18-19.
const TEXT = 'Stripe dropped Gab.';

test('overlapping evidence is cut into stretches that list every proposal covering them', () => {
  expect(
    segments(TEXT.length, [
      { key: 'p1', span: [0, 18] },
      { key: 'p2', span: [7, 18] },
    ]),
  ).toEqual([
    { start: 0, end: 7, keys: ['p1'] },
    { start: 7, end: 18, keys: ['p1', 'p2'] },
    { start: 18, end: 19, keys: [] },
  ]);
});

test('spans past the end are cut to the text, and empty or reversed ones mark nothing', () => {
  expect(
    segments(TEXT.length, [
      { key: 'p1', span: [15, 40] },
      { key: 'p2', span: [10, 5] },
      { key: 'p3', span: [4, 4] },
    ]),
  ).toEqual([
    { start: 0, end: 15, keys: [] },
    { start: 15, end: 19, keys: ['p1'] },
  ]);
  expect(segments(0, [{ key: 'p1', span: [0, 3] }])).toEqual([]);
});

test('touching stretches with the same proposals are one mark', () => {
  expect(
    segments(10, [
      { key: 'p1', span: [0, 4] },
      { key: 'p1', span: [4, 8] },
    ]),
  ).toEqual([
    { start: 0, end: 8, keys: ['p1'] },
    { start: 8, end: 10, keys: [] },
  ]);
});

test('the locator names the merged passages in order', () => {
  expect(
    mergeSpans([
      [30, 40],
      [0, 10],
      [8, 12],
    ]),
  ).toEqual([
    [0, 12],
    [30, 40],
  ]);
  expect(
    locatorOf([
      [30, 40],
      [0, 10],
      [8, 12],
    ]),
  ).toBe('chars 0-12, 30-40');
  expect(locatorOf([])).toBeUndefined();
});

test('a locator that would pass 200 characters keeps the first passages and counts the rest', () => {
  // Sixty passages [10i, 10i+5]: with 22 named the text is 192 characters, with 23 it would be 201.
  const spans = Array.from({ length: 60 }, (_, i): [number, number] => [i * 10, i * 10 + 5]);
  const locator = locatorOf(spans)!;
  expect(locator).toMatch(/^chars 0-5, 10-15, 20-25, .*, 200-205, 210-215 and 38 more$/);
  expect(locator).toHaveLength(192);
});

test('the quote is the first passage with its spacing tidied, cut at 25 words', () => {
  expect(
    quoteOf(TEXT, [
      [7, 18],
      [0, 6],
    ]),
  ).toBe('Stripe');
  expect(quoteOf('a  line\nbroken here', [[0, 19]])).toBe('a line broken here');
  const long = Array.from({ length: 30 }, (_, i) => `w${i + 1}`).join(' ');
  const q = quoteOf(long, [[0, long.length]])!;
  expect(q).toBe(`${Array.from({ length: 25 }, (_, i) => `w${i + 1}`).join(' ')}…`);
  expect(q.split(' ')).toHaveLength(25);
  expect(quoteOf(TEXT, [])).toBeUndefined();
  expect(quoteOf('x'.repeat(2000), [[0, 2000]])).toHaveLength(500);
});
