/**
 * Readable chains on a hand-made graph, on both stores: the default categories, a step along a
 * response link to a claim, parallel actions as one step, chains merged over them, certain and
 * possible steps, order=certain and truncation. Every expected answer is worked out by hand below.
 */
import { CATEGORIES } from '../../contract';
import type { GraphStore } from '../../server/store/types';
import { describeEachStore } from '../support/stores';
import { action, doc, storeWith } from '../contract/fixtures';

/*
 * Days of January 2021 (UTC). aw is the host, p the platform, ep its new host, bz a newspaper.
 *   c1 aw WARNED p 9       c2 aw SUSPENDED p 10 (responds to c1)
 *   a1 a2 a3 p ACCUSED aw 11 (three parallel claims)    s1 p SUED aw 11 (responds to c2)
 *   s2 p SUED aw 12 (parallel to s1)   d1 aw DENIED p 13..19 (responds to s1)   d2 aw DENIED p 14
 *   r1 bz REPORTED aw 12   m1 p MOVED_TO ep 18 (responds to c2)
 * By default chains follow c1, c2 (notice, sanction), s1, s2 (legal), m1 (migration), and d1 only
 * as the step after s1 (it responds to it); never the claims a1-a3, d2, r1. Every step is certain
 * (the day before ends before the next begins) except d1 -> m1: d1 runs to the 19th, past m1's
 * 18th, so that step is possible. Parallel s1, s2 never follow each other; s2 is before d1 and d1
 * answers s1 only, so d1 never follows s2.
 * From aw, maximal chains (s1|s2: the chains through s1 and through s2 merged into one):
 *   5: c1 c2 s1 d1 m1
 *   4: c1 c2 s1|s2 m1 · c1 s1 d1 m1 · c2 s1 d1 m1
 *   3: c1 c2 m1 · c1 s1|s2 m1 · c2 s1|s2 m1 · s1 d1 m1
 *   2: c1 m1 · c2 m1 · s1|s2 m1
 * Ties in length go by the steps' first actions in timeline order.
 */
const graph = doc({
  actors: ['aw', 'p', 'ep', 'bz'],
  actions: [
    action('c1', 'WARNED', 'aw', 'p', '2021-01-09'),
    action('c2', 'SUSPENDED', 'aw', 'p', '2021-01-10', { respondsTo: ['c1'] }),
    action('a1', 'ACCUSED', 'p', 'aw', '2021-01-11'),
    action('a2', 'ACCUSED', 'p', 'aw', '2021-01-11'),
    action('a3', 'ACCUSED', 'p', 'aw', '2021-01-11'),
    action('s1', 'SUED', 'p', 'aw', '2021-01-11', { respondsTo: ['c2'] }),
    action('s2', 'SUED', 'p', 'aw', '2021-01-12'),
    action('d1', 'DENIED', 'aw', 'p', '2021-01-13/2021-01-19', { respondsTo: ['s1'] }),
    action('d2', 'DENIED', 'aw', 'p', '2021-01-14'),
    action('r1', 'REPORTED', 'bz', 'aw', '2021-01-12'),
    action('m1', 'MOVED_TO', 'p', 'ep', '2021-01-18', { respondsTo: ['c2'] }),
  ],
});

/** A chain written as its steps' action ids joined: 's1|s2' is one step standing for both. */
const written = (answer: { chains: Array<{ steps: Array<{ actions: string[] }> }> }) =>
  answer.chains.map((c) => c.steps.map((s) => s.actions.join('|')).join(' '));

describeEachStore('readable chains', (factory) => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await storeWith(factory, graph);
  });
  afterAll(async () => {
    await factory.cleanup(store);
  });

  test('default categories and response links; parallel steps merged; longest, then earliest first', async () => {
    const answer = await store.chains('aw', 6, {}, 50);
    expect(written(answer)).toEqual([
      'c1 c2 s1 d1 m1',
      'c1 c2 s1|s2 m1',
      'c1 s1 d1 m1',
      'c2 s1 d1 m1',
      'c1 c2 m1',
      'c1 s1|s2 m1',
      'c2 s1|s2 m1',
      's1 d1 m1',
      'c1 m1',
      'c2 m1',
      's1|s2 m1',
    ]);
    expect(answer.truncated).toBe(false);
  });

  test('each step names its type and ends, and says whether it certainly or possibly follows', async () => {
    const [first, second] = (await store.chains('aw', 6, {}, 50)).chains;
    expect(first!.steps).toEqual([
      { type: 'WARNED', from: 'aw', to: 'p', actions: ['c1'] },
      { type: 'SUSPENDED', from: 'aw', to: 'p', actions: ['c2'], order: 'certain' },
      { type: 'SUED', from: 'p', to: 'aw', actions: ['s1'], order: 'certain' },
      { type: 'DENIED', from: 'aw', to: 'p', actions: ['d1'], order: 'certain' },
      { type: 'MOVED_TO', from: 'p', to: 'ep', actions: ['m1'], order: 'possible' },
    ]);
    expect(first!.actions).toEqual(['c1', 'c2', 's1', 'd1', 'm1']);
    expect(second!.steps[2]).toEqual({ type: 'SUED', from: 'p', to: 'aw', actions: ['s1', 's2'], order: 'certain' });
    expect(second!.actions).toEqual(['c1', 'c2', 's1', 'm1']);
  });

  test('order=certain: no possible step, so d1 ends the chains it is in', async () => {
    const answer = await store.chains('aw', 6, {}, 50, { certainOnly: true });
    expect(written(answer)).toEqual([
      'c1 c2 s1 d1',
      'c1 c2 s1|s2 m1',
      'c1 c2 m1',
      'c1 s1 d1',
      'c1 s1|s2 m1',
      'c2 s1 d1',
      'c2 s1|s2 m1',
      'c1 m1',
      'c2 m1',
      's1 d1',
      's1|s2 m1',
    ]);
    for (const c of answer.chains) for (const s of c.steps.slice(1)) expect(s.order).toBe('certain');
  });

  test('the limit: the first chains, and truncated says the rest were left out', async () => {
    const three = await store.chains('aw', 6, {}, 3);
    expect(written(three)).toEqual(['c1 c2 s1 d1 m1', 'c1 c2 s1|s2 m1', 'c1 s1 d1 m1']);
    expect(three.truncated).toBe(true);
    const all = await store.chains('aw', 6, {}, 11);
    expect(all.chains).toHaveLength(11);
    expect(all.truncated).toBe(false);
  });

  test('maxLength: chains stop there (a cut chain counts as maximal)', async () => {
    // Of length 2, c1 is followed by c2, s1|s2 (merged) or m1; c2 by s1|s2 or m1; s1 by d1 or m1; s2 by m1.
    expect(written(await store.chains('aw', 2, {}, 50))).toEqual(['c1 c2', 'c1 s1|s2', 'c1 m1', 'c2 s1|s2', 'c2 m1', 's1 d1', 's1|s2 m1']);
  });

  test('every category on request: the three parallel accusations are one step wherever they appear', async () => {
    const answer = await store.chains('aw', 4, {}, 1000, { categories: [...CATEGORIES] });
    const accused = answer.chains.flatMap((c) => c.steps.filter((s) => s.type === 'ACCUSED'));
    expect(accused.length).toBeGreaterThan(0);
    for (const s of accused) expect(s.actions).toEqual(['a1', 'a2', 'a3']);
    // No two chains differ only in parallel steps: each sequence of (type, from, to) appears once.
    const keys = answer.chains.map((c) => c.steps.map((s) => `${s.type} ${s.from} ${s.to}`).join(' / '));
    expect(new Set(keys).size).toBe(keys.length);
    // Claims appear only on request: by default none does.
    const byDefault = await store.chains('aw', 4, {}, 1000);
    expect(byDefault.chains.flatMap((c) => c.steps.map((s) => s.type))).not.toContain('ACCUSED');
  });

  test('from the new host: chains start with its own action, so only m1 (nothing follows it)', async () => {
    expect((await store.chains('ep', 6, {}, 50)).chains).toEqual([]);
  });
});
