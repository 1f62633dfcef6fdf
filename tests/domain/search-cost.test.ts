/**
 * A search costs the same for any query: the query is normalized once per request and bounded
 * after normalization; actors' names and aliases are normalized once per record, not per query.
 * Counted, not timed: String.prototype.normalize calls per search.
 */
import { MAX_QUERY_CHARS, prepareQuery, type Actor, type Source } from '../../contract';
import { filterSources, rankActors } from '../../server/store/answers';

const HOSTILE = '\uFDFA'.repeat(200); // 18 characters each under NFKD: 3600

const actors: Actor[] = Array.from({ length: 500 }, (_, i) => ({
  id: `a${i}`,
  name: `Actor ${i} Ünïcode`,
  kind: 'person',
  layer: 'social-network',
  aliases: [`alias ${i}`, `ﷺ ${i}`],
}));
const sources: Source[] = Array.from({ length: 200 }, (_, i) => ({ id: `s${i}`, title: `Title ${i}`, publisher: 'Pub', author: 'Au' }));

function normalizeCalls(run: () => void): number {
  const spy = jest.spyOn(String.prototype, 'normalize');
  try {
    run();
    return spy.mock.calls.length;
  } finally {
    spy.mockRestore();
  }
}

test('the query is cut after normalization', () => {
  expect(HOSTILE.normalize('NFKD').length).toBe(3600);
  expect(prepareQuery(HOSTILE).length).toBeLessThanOrEqual(MAX_QUERY_CHARS);
});

test('searching actors normalizes the query once, and no actor again', () => {
  rankActors(actors, 'warm');
  for (const q of ['actor 1', HOSTILE, 'zz']) expect(normalizeCalls(() => rankActors(actors, q))).toBe(1);
  expect(rankActors(actors, 'ﷺ 7').map((a) => a.id)).toContain('a7');
});

test('searching sources normalizes the query once, and no source again', () => {
  filterSources(sources, 'warm');
  for (const q of ['title 1', HOSTILE]) expect(normalizeCalls(() => filterSources(sources, q))).toBe(1);
});
