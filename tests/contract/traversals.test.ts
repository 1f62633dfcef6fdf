/** Traversals on hand-made graphs: neighbourhood, selection, shortest paths, time-respecting chains. */
import { CATEGORIES } from '../../contract';
import type { GraphStore, Subgraph } from '../../server/store/types';
import { describeEachStore } from '../support/stores';
import { action, doc, ids, storeWith } from './fixtures';

const BIG = 5000;

describeEachStore('traversals', (factory) => {
  const opened: GraphStore[] = [];
  const open = async (d: Parameters<typeof storeWith>[1]) => {
    const s = await storeWith(factory, d);
    opened.push(s);
    return s;
  };
  afterAll(async () => {
    for (const s of opened) await factory.cleanup(s);
  });

  /**
   *   x --n7-- f --n1--> a --n4--> c <--n5-- d --n6--> e      z (isolated)
   *   |        ^         |         |
   *   n8       n2        n3        n9
   *   |        |         v         v
   *   y        b <-------+---------+
   * Distances from f: a, b, x = 1; c, y = 2; d = 3; e = 4. n7 and n8 are COMPETES_WITH and undated.
   */
  describe('neighbourhood and selection', () => {
    let store: GraphStore;
    beforeAll(async () => {
      store = await open(
        doc({
          actors: ['f', 'a', 'b', 'c', 'd', 'e', 'x', 'y', 'z'],
          actions: [
            action('n1', 'BANNED', 'f', 'a', '2021-01-01'),
            action('n2', 'SUED', 'b', 'f', '2021-01-02'),
            action('n3', 'REPORTED', 'a', 'b', '2021-01-03'),
            action('n4', 'BANNED', 'a', 'c', '2021-01-04'),
            action('n5', 'SUED', 'd', 'c', '2021-01-05'),
            action('n6', 'BANNED', 'd', 'e', '2021-01-06'),
            action('n7', 'COMPETES_WITH', 'f', 'x'),
            action('n8', 'COMPETES_WITH', 'y', 'x'),
            action('n9', 'HOSTED', 'c', 'b', '2021-01-07'),
          ],
        }),
      );
    });
    const actorIds = (g: Subgraph | null) => ids(g!.actors);
    const actionIds = (g: Subgraph | null) => ids(g!.actions).sort();

    test('depth 1: the focus, then its neighbours by id; the actions among them, including one not touching the focus', async () => {
      const g = await store.neighbourhood('f', 1, {}, BIG);
      expect(actorIds(g)).toEqual(['f', 'a', 'b', 'x']);
      expect(actionIds(g)).toEqual(['n1', 'n2', 'n3', 'n7']);
      expect(g!.truncated).toBe(false);
    });

    test('depth 2 and 3: ordered by distance, then id', async () => {
      const g2 = await store.neighbourhood('f', 2, {}, BIG);
      expect(actorIds(g2)).toEqual(['f', 'a', 'b', 'x', 'c', 'y']);
      expect(actionIds(g2)).toEqual(['n1', 'n2', 'n3', 'n4', 'n7', 'n8', 'n9']);
      const g3 = await store.neighbourhood('f', 3, {}, BIG);
      expect(actorIds(g3)).toEqual(['f', 'a', 'b', 'x', 'c', 'y', 'd']);
      expect(actionIds(g3)).toEqual(['n1', 'n2', 'n3', 'n4', 'n5', 'n7', 'n8', 'n9']);
    });

    test('actions are taken in either direction', async () => {
      const g = await store.neighbourhood('c', 1, {}, BIG);
      expect(actorIds(g)).toEqual(['c', 'a', 'b', 'd']);
      expect(actionIds(g)).toEqual(['n3', 'n4', 'n5', 'n9']);
    });

    test('actors carry their degree', async () => {
      const g = await store.neighbourhood('f', 1, {}, BIG);
      expect(Object.fromEntries(g!.actors.map((a) => [a.id, a.degree]))).toEqual({ f: 3, a: 3, b: 3, x: 2 });
    });

    test('filters restrict the traversal, not only the answer', async () => {
      const byType = await store.neighbourhood('f', 2, { types: ['BANNED', 'SUED', 'REPORTED', 'HOSTED'] }, BIG);
      expect(actorIds(byType)).toEqual(['f', 'a', 'b', 'c']);
      expect(actionIds(byType)).toEqual(['n1', 'n2', 'n3', 'n4', 'n9']);
      // From 2 January: n1 and the undated n7, n8 are out, so a is reached only through b.
      const byDate = await store.neighbourhood('f', 2, { from: '2021-01-02' }, BIG);
      expect(actorIds(byDate)).toEqual(['f', 'b', 'a', 'c']);
      expect(actionIds(byDate)).toEqual(['n2', 'n3', 'n4', 'n9']);
      const onlyCompetes = await store.neighbourhood('f', 3, { types: ['COMPETES_WITH'] }, BIG);
      expect(actorIds(onlyCompetes)).toEqual(['f', 'x', 'y']);
      expect(actionIds(onlyCompetes)).toEqual(['n7', 'n8']);
    });

    test('an unknown focus is null; an isolated one is alone', async () => {
      expect(await store.neighbourhood('nobody', 1, {}, BIG)).toBeNull();
      const g = await store.neighbourhood('z', 3, {}, BIG);
      expect(g).toMatchObject({ actions: [], truncated: false });
      expect(actorIds(g)).toEqual(['z']);
    });

    test('maxElements caps the answer: actors by distance, each with its actions to actors already kept', async () => {
      // Kept in this order: f, a, n1, b, n2, n3, x, n7, c, n4, n9, y, n8, d, n5 (15 elements in all).
      const g5 = await store.neighbourhood('f', 3, {}, 5);
      expect(actorIds(g5)).toEqual(['f', 'a', 'b']);
      expect(actionIds(g5)).toEqual(['n1', 'n2']);
      expect(g5!.truncated).toBe(true);

      const g9 = await store.neighbourhood('f', 3, {}, 9);
      expect(actorIds(g9)).toEqual(['f', 'a', 'b', 'x', 'c']);
      expect(actionIds(g9)).toEqual(['n1', 'n2', 'n3', 'n7']);
      expect(g9!.truncated).toBe(true);

      const g14 = await store.neighbourhood('f', 3, {}, 14);
      expect(actorIds(g14)).toEqual(['f', 'a', 'b', 'x', 'c', 'y', 'd']);
      expect(actionIds(g14)).toEqual(['n1', 'n2', 'n3', 'n4', 'n7', 'n8', 'n9']);
      expect(g14!.truncated).toBe(true);

      const exact = await store.neighbourhood('f', 3, {}, 15);
      expect(exact!.actions).toHaveLength(8);
      expect(exact!.truncated).toBe(false);

      const g3 = await store.neighbourhood('f', 3, {}, 3);
      expect(actorIds(g3)).toEqual(['f', 'a']);
      expect(actionIds(g3)).toEqual(['n1']);
      expect(g3!.truncated).toBe(true);
    });

    test('selection without a filter: every actor, isolated ones included, and every action', async () => {
      const g = await store.selection({}, BIG);
      expect(actorIds(g).sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'x', 'y', 'z']);
      expect(actionIds(g)).toEqual(['n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7', 'n8', 'n9']);
      expect(g.truncated).toBe(false);
    });

    test('selection with a filter: the passing actions and only the actors they touch', async () => {
      const competes = await store.selection({ types: ['COMPETES_WITH'] }, BIG);
      expect(actorIds(competes).sort()).toEqual(['f', 'x', 'y']);
      expect(actionIds(competes)).toEqual(['n7', 'n8']);
      const late = await store.selection({ from: '2021-01-05' }, BIG);
      expect(actorIds(late).sort()).toEqual(['b', 'c', 'd', 'e']);
      expect(actionIds(late)).toEqual(['n5', 'n6', 'n9']);
      const none = await store.selection({ statuses: ['disputed'] }, BIG);
      expect(none).toEqual({ actors: [], actions: [], truncated: false });
    });

    test('a capped selection keeps the best-connected actors and the actions among them', async () => {
      // Degrees: a, b, c, f = 3 (ties by id), then d, x = 2. Kept: a, b, n3 (a-b), c.
      const g = await store.selection({}, 4);
      expect(actorIds(g)).toEqual(['a', 'b', 'c']);
      expect(actionIds(g)).toEqual(['n3']);
      expect(g.truncated).toBe(true);
    });
  });

  /**
   *   s --e1--> m <--e3-- t        s --l1--> k1 --l2--> k2 --l3--> k3 --l4--> far      iso
   *   s <--e2-- m                  (e1 REPORTED, e2 SUED, e4 HOSTED and undated, the rest BANNED)
   *   s --e4--> n --e5--> t
   */
  describe('shortestPaths', () => {
    let store: GraphStore;
    beforeAll(async () => {
      store = await open(
        doc({
          actors: ['s', 'm', 'n', 't', 'k1', 'k2', 'k3', 'far', 'iso'],
          actions: [
            action('e1', 'REPORTED', 's', 'm', '2021-01-01'),
            action('e2', 'SUED', 'm', 's', '2021-01-02'),
            action('e3', 'BANNED', 't', 'm', '2021-01-03'),
            action('e4', 'HOSTED', 's', 'n'),
            action('e5', 'BANNED', 'n', 't', '2021-01-05'),
            action('l1', 'BANNED', 's', 'k1', '2021-02-01'),
            action('l2', 'BANNED', 'k1', 'k2', '2021-02-02'),
            action('l3', 'BANNED', 'k2', 'k3', '2021-02-03'),
            action('l4', 'BANNED', 'k3', 'far', '2021-02-04'),
          ],
        }),
      );
    });

    test('every shortest path, in either direction; parallel actions make separate paths; ordered by action ids', async () => {
      expect(await store.shortestPaths('s', 't', 4, {}, 10)).toEqual([
        { actors: ['s', 'm', 't'], actions: ['e1', 'e3'] },
        { actors: ['s', 'm', 't'], actions: ['e2', 'e3'] },
        { actors: ['s', 'n', 't'], actions: ['e4', 'e5'] },
      ]);
      expect(await store.shortestPaths('t', 's', 4, {}, 10)).toEqual([
        { actors: ['t', 'm', 's'], actions: ['e3', 'e1'] },
        { actors: ['t', 'm', 's'], actions: ['e3', 'e2'] },
        { actors: ['t', 'n', 's'], actions: ['e5', 'e4'] },
      ]);
      expect(await store.shortestPaths('m', 'n', 4, {}, 10)).toEqual([
        { actors: ['m', 's', 'n'], actions: ['e1', 'e4'] },
        { actors: ['m', 's', 'n'], actions: ['e2', 'e4'] },
        { actors: ['m', 't', 'n'], actions: ['e3', 'e5'] },
      ]);
    });

    test('adjacent actors: one path per action between them', async () => {
      expect(await store.shortestPaths('m', 's', 4, {}, 10)).toEqual([
        { actors: ['m', 's'], actions: ['e1'] },
        { actors: ['m', 's'], actions: ['e2'] },
      ]);
    });

    test('limit keeps the first paths in order', async () => {
      expect(await store.shortestPaths('s', 't', 4, {}, 2)).toEqual([
        { actors: ['s', 'm', 't'], actions: ['e1', 'e3'] },
        { actors: ['s', 'm', 't'], actions: ['e2', 'e3'] },
      ]);
      expect(await store.shortestPaths('s', 't', 4, {}, 1)).toEqual([{ actors: ['s', 'm', 't'], actions: ['e1', 'e3'] }]);
    });

    test('maxLength bounds the search: nothing found beyond it is []', async () => {
      expect(await store.shortestPaths('s', 'far', 4, {}, 10)).toEqual([
        { actors: ['s', 'k1', 'k2', 'k3', 'far'], actions: ['l1', 'l2', 'l3', 'l4'] },
      ]);
      expect(await store.shortestPaths('s', 'far', 3, {}, 10)).toEqual([]);
      expect(await store.shortestPaths('t', 'far', 6, {}, 10)).toHaveLength(3);
      expect(await store.shortestPaths('t', 'far', 5, {}, 10)).toEqual([]);
      expect(await store.shortestPaths('s', 't', 1, {}, 10)).toEqual([]);
    });

    test('filters exclude actions from the paths', async () => {
      expect(await store.shortestPaths('s', 't', 4, { types: ['BANNED', 'REPORTED'] }, 10)).toEqual([
        { actors: ['s', 'm', 't'], actions: ['e1', 'e3'] },
      ]);
      // A date window leaves the undated e4 out.
      expect(await store.shortestPaths('s', 't', 4, { from: '2021-01-01', to: '2021-01-31' }, 10)).toEqual([
        { actors: ['s', 'm', 't'], actions: ['e1', 'e3'] },
        { actors: ['s', 'm', 't'], actions: ['e2', 'e3'] },
      ]);
      expect(await store.shortestPaths('s', 't', 4, { statuses: ['alleged'] }, 10)).toEqual([]);
      expect(await store.shortestPaths('m', 'n', 4, { types: ['BANNED'] }, 10)).toEqual([
        { actors: ['m', 't', 'n'], actions: ['e3', 'e5'] },
      ]);
      expect(await store.shortestPaths('m', 's', 4, { types: ['SUED', 'HOSTED', 'COMPETES_WITH'] }, 10)).toEqual([
        { actors: ['m', 's'], actions: ['e2'] },
      ]);
    });

    test('with the direct actions filtered out, the shortest path is a longer one', async () => {
      // Without e1 (REPORTED) and e2 (SUED): m-t-n-s.
      expect(await store.shortestPaths('m', 's', 4, { types: ['BANNED', 'HOSTED'] }, 10)).toEqual([
        { actors: ['m', 't', 'n', 's'], actions: ['e3', 'e5', 'e4'] },
      ]);
      expect(await store.shortestPaths('m', 's', 2, { types: ['BANNED', 'HOSTED'] }, 10)).toEqual([]);
      // A window also drops the undated e4: no way left.
      expect(await store.shortestPaths('m', 's', 4, { types: ['BANNED', 'HOSTED'], from: '2021-01-03' }, 10)).toEqual([]);
    });

    test('an unknown or unreachable actor gives []', async () => {
      expect(await store.shortestPaths('s', 'nobody', 4, {}, 10)).toEqual([]);
      expect(await store.shortestPaths('nobody', 's', 4, {}, 10)).toEqual([]);
      expect(await store.shortestPaths('s', 'iso', 6, {}, 10)).toEqual([]);
    });
  });

  /**
   * Days (January 2021 unless said): w D->A Dec 31 2020, m A->B 1, z A->C 2, b B->C 3, r C->D 4,
   * u A->D undated. Chains from A, worked out by hand (see the expected lists).
   */
  describe('chains', () => {
    // These check the time rules on every category; the default categories are tested in tests/graph/chains.test.ts.
    const ALL_CATEGORIES = { categories: [...CATEGORIES] };
    let store: GraphStore;
    beforeAll(async () => {
      store = await open(
        doc({
          actors: ['actor-a', 'actor-b', 'actor-c', 'actor-d', 'x', 'y', 'zz', 'p', 'q', 'r2', 'u1', 'v1', 'w1', 'lone'],
          actions: [
            action('w', 'SUED', 'actor-d', 'actor-a', '2020-12-31'),
            action('m', 'BANNED', 'actor-a', 'actor-b', '2021-01-01'),
            action('z', 'DELISTED', 'actor-a', 'actor-c', '2021-01-02'),
            action('b', 'SUSPENDED', 'actor-b', 'actor-c', '2021-01-03'),
            action('r', 'ACCUSED', 'actor-c', 'actor-d', '2021-01-04'),
            action('u', 'HOSTED', 'actor-a', 'actor-d'),
            // Same date, either order.
            action('sa', 'BANNED', 'x', 'y', '2021-03-01'),
            action('sb', 'BANNED', 'y', 'zz', '2021-03-01'),
            // A month begins on its first day: q2 (2021-01) begins before q1 (2021-01-03).
            action('q1', 'BANNED', 'p', 'q', '2021-01-03'),
            action('q2', 'BANNED', 'q', 'r2', '2021-01'),
            // 2021-01-10T23:59-08:00 is 07:59 UTC on the 11th, after 2021-01-11 begins.
            action('o1', 'SUSPENDED', 'u1', 'v1', '2021-01-10T23:59:00-08:00'),
            action('o2', 'SUED', 'v1', 'w1', '2021-01-11'),
          ],
        }),
      );
    });
    const chains = async (actor: string, maxLength = 8, filter = {}, limit = 50) => {
      const answer = await store.chains(actor, maxLength, filter, limit, ALL_CATEGORIES);
      expect(answer.truncated).toBe(limit < 50);
      return answer.chains.map((c) => c.actions);
    };

    test('every maximal chain whose first action involves the actor, longest first, then earliest first', async () => {
      expect(await chains('actor-a')).toEqual([
        ['w', 'm', 'z', 'b', 'r'],
        ['w', 'm', 'z', 'r'],
        ['w', 'm', 'b', 'r'],
        ['w', 'z', 'b', 'r'],
        ['m', 'z', 'b', 'r'],
        ['w', 'z', 'r'],
        ['m', 'z', 'r'],
        ['m', 'b', 'r'],
        ['z', 'b', 'r'],
        ['w', 'r'],
        ['z', 'r'],
      ]);
    });

    test('from another actor: only chains starting with its own actions; a lone last action makes no chain', async () => {
      expect(await chains('actor-d')).toEqual([
        ['w', 'm', 'z', 'b', 'r'],
        ['w', 'm', 'z', 'r'],
        ['w', 'm', 'b', 'r'],
        ['w', 'z', 'b', 'r'],
        ['w', 'z', 'r'],
        ['w', 'r'],
      ]);
    });

    test('maxLength caps each chain', async () => {
      expect(await chains('actor-a', 3)).toEqual([
        ['w', 'm', 'z'],
        ['w', 'm', 'b'],
        ['w', 'z', 'b'],
        ['w', 'z', 'r'],
        ['m', 'z', 'b'],
        ['m', 'z', 'r'],
        ['m', 'b', 'r'],
        ['z', 'b', 'r'],
        ['w', 'r'],
        ['z', 'r'],
      ]);
      expect(await chains('actor-a', 2)).toEqual([
        ['w', 'm'],
        ['w', 'z'],
        ['w', 'r'],
        ['m', 'z'],
        ['m', 'b'],
        ['z', 'b'],
        ['z', 'r'],
      ]);
    });

    test('limit keeps the first chains and says the rest were left out', async () => {
      expect(await chains('actor-a', 8, {}, 3)).toEqual([
        ['w', 'm', 'z', 'b', 'r'],
        ['w', 'm', 'z', 'r'],
        ['w', 'm', 'b', 'r'],
      ]);
    });

    test('undated actions never take part', async () => {
      const all = (await chains('actor-a')).flat();
      expect(all).not.toContain('u');
    });

    test('only actions passing the filters take part', async () => {
      expect(await chains('actor-a', 8, { types: ['SUED', 'BANNED', 'SUSPENDED', 'ACCUSED'] })).toEqual([
        ['w', 'm', 'b', 'r'],
        ['m', 'b', 'r'],
        ['w', 'r'],
      ]);
      expect(await chains('actor-a', 8, { from: '2021-01-01' })).toEqual([
        ['m', 'z', 'b', 'r'],
        ['m', 'z', 'r'],
        ['m', 'b', 'r'],
        ['z', 'b', 'r'],
        ['z', 'r'],
      ]);
      expect(await chains('actor-a', 8, { statuses: ['disputed'] })).toEqual([]);
    });

    test('actions on the same date follow each other in either order, each action once', async () => {
      expect((await chains('y')).map((c) => c.join(',')).sort()).toEqual(['sa,sb', 'sb,sa']);
      expect(await chains('x')).toEqual([['sa', 'sb']]);
    });

    test('overlapping spans follow each other in either order (a possible step)', async () => {
      // January 2021 holds 3 January; 07:59 UTC on the 11th is within the UTC day 2021-01-11.
      expect(await chains('p')).toEqual([['q1', 'q2']]);
      expect(await chains('r2')).toEqual([['q2', 'q1']]);
      expect(await chains('u1')).toEqual([['o1', 'o2']]);
      expect(await chains('w1')).toEqual([['o2', 'o1']]);
      const steps = (await store.chains('p', 8, {}, 50, ALL_CATEGORIES)).chains[0]!.steps;
      expect(steps.map((st) => st.order)).toEqual([undefined, 'possible']);
    });

    test('an action does not follow one that ended before it began (an impossible step)', async () => {
      // m (1 Jan) then w (31 Dec 2020): w ended before m began, so no chain from B goes m, w.
      for (const c of await chains('actor-b')) expect(c.join(',')).not.toContain('m,w');
      const steps = (await store.chains('actor-a', 8, {}, 50, ALL_CATEGORIES)).chains[0]!.steps;
      expect(steps.map((st) => st.order)).toEqual([undefined, 'certain', 'certain', 'certain', 'certain']);
    });

    test('an actor without dated actions, or unknown, has no chains', async () => {
      expect(await chains('lone')).toEqual([]);
      expect(await chains('nobody')).toEqual([]);
    });
  });

  describe('after a write', () => {
    test('the same traversal asked again answers from the new graph, never from the one before', async () => {
      const store = await open(
        doc({
          actors: ['p', 'q', 'r'],
          actions: [action('w1', 'BANNED', 'p', 'q', '2021-01-01')],
        }),
      );
      const ask = async () => ({
        near: ids((await store.neighbourhood('p', 2, {}, BIG))!.actions).sort(),
        all: ids((await store.selection({}, BIG)).actions).sort(),
        paths: (await store.shortestPaths('p', 'r', 4, {}, 10)).map((x) => x.actions),
        chains: (await store.chains('p', 4, {}, 10)).chains.map((c) => c.actions),
      });
      expect(await ask()).toEqual({ near: ['w1'], all: ['w1'], paths: [], chains: [] });
      await store.createAction(action('w2', 'SUED', 'q', 'r', '2021-01-02'));
      expect(await ask()).toEqual({ near: ['w1', 'w2'], all: ['w1', 'w2'], paths: [['w1', 'w2']], chains: [['w1', 'w2']] });
      await store.deleteAction('w1');
      expect(await ask()).toEqual({ near: [], all: ['w2'], paths: [], chains: [] });
    });

    test('changing an answer it was given does not change the next answer', async () => {
      const store = await open(doc({ actors: ['p', 'q'], actions: [action('w1', 'BANNED', 'p', 'q', '2021-01-01')] }));
      const first = await store.neighbourhood('p', 1, {}, BIG);
      first!.actors.length = 0;
      first!.actions[0]!.summary = 'changed by the caller';
      const paths = await store.shortestPaths('p', 'q', 2, {}, 10);
      paths[0]!.actions.push('x');
      const chains = await store.chains('p', 2, {}, 10);
      chains.chains.push({ actions: ['x'], steps: [] });
      const again = await store.neighbourhood('p', 1, {}, BIG);
      expect(ids(again!.actors)).toEqual(['p', 'q']);
      expect(again!.actions[0]!.summary).not.toBe('changed by the caller');
      expect(await store.shortestPaths('p', 'q', 2, {}, 10)).toEqual([{ actors: ['p', 'q'], actions: ['w1'] }]);
      expect((await store.chains('p', 2, {}, 10)).chains).toEqual([]);
    });
  });
});
