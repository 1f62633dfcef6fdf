/** The one cache primitive: what it keeps, what it drops first, and when it forgets everything. */
import { VersionedLru } from '../../server/cache/versioned-lru';

const bytes = { max: 100, sizeOf: (v: string) => v.length };
// has(), not get(): looking must not change the recency order under test.
const keptKeys = (c: VersionedLru<string>, keys: string[]) => keys.filter((k) => c.has(k));

test('over its entry bound, the least recently used is dropped first', () => {
  const c = new VersionedLru<string>({ entries: 3 });
  for (const k of ['a', 'b', 'c']) c.set(1, k, k);
  expect(c.get(1, 'a')).toBe('a'); // a is now the most recent; b the least
  c.set(1, 'd', 'd');
  expect(c.has('b')).toBe(false);
  c.set(1, 'e', 'e');
  expect(c.has('c')).toBe(false);
  expect(keptKeys(c, ['a', 'b', 'c', 'd', 'e'])).toEqual(['a', 'd', 'e']);
});

test('has() does not count as a use', () => {
  const c = new VersionedLru<string>({ entries: 2 });
  c.set(1, 'a', 'a');
  c.set(1, 'b', 'b');
  expect(c.has('a')).toBe(true);
  c.set(1, 'c', 'c');
  expect(c.has('a')).toBe(false);
});

test('over its byte bound, the least recently used are dropped until it fits', () => {
  const c = new VersionedLru<string>({ entries: 100, bytes });
  for (const k of ['1', '2', '3', '4']) c.set(1, k, k.repeat(25));
  expect(c.get(1, '1')).toBeDefined(); // 2 is now the least recent
  c.set(1, '5', '5'.repeat(25));
  expect(keptKeys(c, ['1', '2', '3', '4', '5'])).toEqual(['1', '3', '4', '5']);
  c.set(1, '6', '6'.repeat(20)); // 120 bytes: 3, the least recent, goes
  expect(keptKeys(c, ['1', '3', '4', '5', '6'])).toEqual(['1', '4', '5', '6']);
});

test('replacing a value counts its new size, not both', () => {
  const c = new VersionedLru<string>({ entries: 100, bytes });
  for (const k of ['a', 'b', 'c', 'd']) c.set(1, k, 'x'.repeat(25));
  c.set(1, 'a', 'y'.repeat(25));
  expect(keptKeys(c, ['a', 'b', 'c', 'd'])).toEqual(['a', 'b', 'c', 'd']);
});

test('a value over a quarter of the byte bound is not kept, and pushes nothing out', () => {
  const c = new VersionedLru<string>({ entries: 100, bytes });
  c.set(1, 'small', 'x'.repeat(25));
  expect(c.set(1, 'big', 'x'.repeat(26))).toBe(false);
  expect(c.has('big')).toBe(false);
  expect(c.has('small')).toBe(true);
  expect(c.set(1, 'quarter', 'x'.repeat(25))).toBe(true);
});

test('another version empties it, whether a number or a bookmark', () => {
  const c = new VersionedLru<string>({ entries: 10 });
  c.set(1, 'a', 'a');
  expect(c.version).toBe(1);
  expect(c.get(2, 'a')).toBeUndefined();
  expect(c.version).toBe(2);
  c.set(2, 'b', 'b');
  c.at('FB:kcwQ1');
  expect(c.has('b')).toBe(false);
  c.set('FB:kcwQ1', 'c', 'c');
  expect(c.get('FB:kcwQ1', 'c')).toBe('c');
  // Bookmarks are compared for equality only: any other one is another version.
  expect(c.get('FB:kcwQ0', 'c')).toBeUndefined();
});

test('emptied by a new version, its byte count starts again from nothing', () => {
  const c = new VersionedLru<string>({ entries: 100, bytes });
  for (const k of ['1', '2', '3', '4']) c.set(1, k, k.repeat(25));
  for (const k of ['1', '2', '3', '4']) c.set(2, k, k.repeat(25));
  expect(c.version).toBe(2);
  expect(keptKeys(c, ['1', '2', '3', '4'])).toEqual(['1', '2', '3', '4']);
});

test('null is a value it keeps (a focus not found); undefined is a miss', () => {
  const c = new VersionedLru<string | null>({ entries: 2 });
  c.set(1, 'gone', null);
  expect(c.get(1, 'gone')).toBeNull();
  expect(c.get(1, 'never')).toBeUndefined();
});
