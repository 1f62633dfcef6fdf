/** The bounds of the kept answers: what the server holds in memory stays within them. */
import { AnswerCache } from '../../server/api/answer-cache';

const body = (n: number, fill = 'x') => Buffer.from(fill.repeat(n));

test('keeps at most maxEntries answers, dropping the least recently used', () => {
  const c = new AnswerCache(1_000_000, 2);
  c.set(1, '/a', body(10));
  c.set(1, '/b', body(10));
  expect(c.get(1, '/a')).toBeDefined(); // /a is now the most recent
  c.set(1, '/c', body(10));
  expect(c.get(1, '/b')).toBeUndefined();
  expect(c.get(1, '/a')?.body.toString()).toBe('x'.repeat(10));
  expect(c.get(1, '/c')).toBeDefined();
});

test('keeps at most maxBytes, and never one body over a quarter of it', () => {
  const c = new AnswerCache(100, 100);
  c.set(1, '/big', body(26));
  expect(c.get(1, '/big')).toBeUndefined();
  for (const k of ['/1', '/2', '/3', '/4', '/5']) c.set(1, k, body(25));
  expect(c.get(1, '/1')).toBeUndefined();
  expect(['/2', '/3', '/4', '/5'].every((k) => c.get(1, k))).toBe(true);
});

test('another version of the graph empties it; the ETag names the bytes', () => {
  const c = new AnswerCache(1000, 10);
  const a = c.set(1, '/a', body(5, 'a'));
  expect(a.etag).not.toBe(c.set(1, '/b', body(5, 'b')).etag);
  expect(a.etag).toBe(c.set(1, '/a2', body(5, 'a')).etag);
  expect(c.get(2, '/a')).toBeUndefined();
  expect(c.get(1, '/b')).toBeUndefined();
});
