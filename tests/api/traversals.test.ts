/**
 * Paths and chains on small hand-made graphs imported through POST /api/import. Every expected
 * answer is worked out by hand in the comments.
 */
import request from 'supertest';
import { describeEachStore } from '../support/stores';
import { action, doc, importDoc, openHarness, type Harness } from './harness';

/*
 * Paths graph (arrows are action directions; paths ignore them):
 *   p-a -p-ab1 (BANNED)-> p-b      p-b -p-ab2 (SUED)-> p-a      (two actions between a and b)
 *   p-b -p-bd (HOSTED)-> p-d       p-a -p-ac (CONTRACTED)-> p-c    p-c -p-cd (HOSTED)-> p-d
 *   p-e -p-de (SUSPENDED)-> p-d    p-e -p-ef (OWNS)-> p-f        p-iso has no action
 * Shortest a..f has 4 actions, three ways: ab1 bd de ef | ab2 bd de ef | ac cd de ef.
 */
const pathsGraph = doc(
  ['p-a', 'p-b', 'p-c', 'p-d', 'p-e', 'p-f', 'p-iso'],
  [
    action('p-ab1', 'BANNED', 'p-a', 'p-b', '2021-01-01'),
    action('p-ab2', 'SUED', 'p-b', 'p-a', '2021-01-02'),
    action('p-bd', 'HOSTED', 'p-b', 'p-d'),
    action('p-ac', 'CONTRACTED', 'p-a', 'p-c', '2020'),
    action('p-cd', 'HOSTED', 'p-c', 'p-d'),
    action('p-de', 'SUSPENDED', 'p-e', 'p-d', '2021-02'),
    action('p-ef', 'OWNS', 'p-e', 'p-f'),
  ],
);

/* A fan: f-x to each of f-m01..f-m12 to f-y, so twelve shortest paths x..y of two actions. */
const fanIds = Array.from({ length: 12 }, (_, i) => `f-m${String(i + 1).padStart(2, '0')}`);
const fanGraph = doc(
  ['f-x', 'f-y', ...fanIds],
  fanIds.flatMap((m) => [action(`f-x-${m.slice(2)}`, 'HOSTED', 'f-x', m), action(`f-${m.slice(2)}-y`, 'HOSTED', m, 'f-y')]),
);

/*
 * Chains graph:
 *   c1 c-a -> c-b 2021-01-01 BANNED     c2 c-b -> c-c 2021-01-02 SUED      c3 c-c -> c-d 2021-01-03 HOSTED
 *   c4 c-b -> c-e 2020-12-31 REPORTED   c5 c-a -> c-e 2021-01-05 DENIED    c6 c-a -> c-d undated OWNS
 * From c-a (first actions c1, c5; c6 is undated, so in no chain):
 *   c1 then c2 (shares b, later) then c3 (shares c, later), nothing after c3: [c1 c2 c3]
 *   c1 then c5 (shares a, later), nothing after: [c1 c5]
 *   c5 alone has no follower: no chain.
 * From c-e (first actions c4, c5):
 *   [c4 c1 c2 c3], [c4 c1 c5], [c4 c2 c3], [c4 c5]; c5 alone has no follower.
 *   Longest first, then earliest first element by element (c1 on 01-01 before c2 on 01-02).
 */
const chainsGraph = doc(
  ['c-a', 'c-b', 'c-c', 'c-d', 'c-e'],
  [
    action('c1', 'BANNED', 'c-a', 'c-b', '2021-01-01'),
    action('c2', 'SUED', 'c-b', 'c-c', '2021-01-02'),
    action('c3', 'HOSTED', 'c-c', 'c-d', '2021-01-03'),
    action('c4', 'REPORTED', 'c-b', 'c-e', '2020-12-31'),
    action('c5', 'DENIED', 'c-a', 'c-e', '2021-01-05'),
    action('c6', 'OWNS', 'c-a', 'c-d'),
  ],
);

describeEachStore('API traversals on hand-made graphs', (factory) => {
  let h: Harness;
  const get = (url: string) => request(h.app).get(url);

  beforeAll(async () => {
    h = await openHarness(factory);
    await importDoc(h.app, pathsGraph);
    await importDoc(h.app, fanGraph);
    await importDoc(h.app, chainsGraph);
  });
  afterAll(() => h.close());

  describe('paths', () => {
    test('every shortest path, in either direction, two parallel actions making two paths', async () => {
      const res = await get('/api/paths?source=p-a&target=p-f').expect(200);
      expect(res.body).toEqual({
        paths: [
          { actors: ['p-a', 'p-b', 'p-d', 'p-e', 'p-f'], actions: ['p-ab1', 'p-bd', 'p-de', 'p-ef'] },
          { actors: ['p-a', 'p-b', 'p-d', 'p-e', 'p-f'], actions: ['p-ab2', 'p-bd', 'p-de', 'p-ef'] },
          { actors: ['p-a', 'p-c', 'p-d', 'p-e', 'p-f'], actions: ['p-ac', 'p-cd', 'p-de', 'p-ef'] },
        ],
      });
    });

    test('against the direction of the actions too', async () => {
      const res = await get('/api/paths?source=p-f&target=p-e').expect(200);
      expect(res.body.paths).toEqual([{ actors: ['p-f', 'p-e'], actions: ['p-ef'] }]);
    });

    test('maxLength bounds the search: none within 3 actions', async () => {
      expect((await get('/api/paths?source=p-a&target=p-f&maxLength=3').expect(200)).body).toEqual({ paths: [] });
      expect((await get('/api/paths?source=p-a&target=p-f&maxLength=4').expect(200)).body.paths).toHaveLength(3);
    });

    test('filters take actions out of the paths', async () => {
      const res = await get('/api/paths?source=p-a&target=p-f&type=BANNED,HOSTED,SUSPENDED,OWNS').expect(200);
      expect(res.body.paths).toEqual([{ actors: ['p-a', 'p-b', 'p-d', 'p-e', 'p-f'], actions: ['p-ab1', 'p-bd', 'p-de', 'p-ef'] }]);
      const dated = await get('/api/paths?source=p-a&target=p-b&from=2021-01-02').expect(200);
      expect(dated.body.paths).toEqual([{ actors: ['p-a', 'p-b'], actions: ['p-ab2'] }]);
    });

    test('no path is an empty list; an unreachable actor too', async () => {
      expect((await get('/api/paths?source=p-a&target=p-iso').expect(200)).body).toEqual({ paths: [] });
      expect((await get('/api/paths?source=p-a&target=c-a').expect(200)).body).toEqual({ paths: [] });
    });

    test('at most 10 paths, the first 10 in action-id order', async () => {
      const res = await get('/api/paths?source=f-x&target=f-y').expect(200);
      expect(res.body.paths).toHaveLength(10);
      expect(res.body.paths[0]).toEqual({ actors: ['f-x', 'f-m01', 'f-y'], actions: ['f-x-m01', 'f-m01-y'] });
      expect(res.body.paths[9].actors[1]).toBe('f-m10');
    });

    test('unknown actors are 404s naming them; missing or out-of-bound parameters are 400s', async () => {
      const unknown = await get('/api/paths?source=p-a&target=nobody').expect(404);
      expect(unknown.body.error.message).toContain('"nobody"');
      await get('/api/paths?source=nobody&target=p-a').expect(404);
      const missing = await get('/api/paths?source=p-a').expect(400);
      expect(missing.body.error.message).toContain('"target"');
      for (const bad of ['0', '7', '2.5', 'four', '-1']) {
        const res = await get(`/api/paths?source=p-a&target=p-f&maxLength=${bad}`).expect(400);
        expect(res.body.error.message).toContain('"maxLength"');
      }
    });
  });

  describe('chains', () => {
    const actionsOf = (c: { actions: string[] }) => c.actions;
    test('maximal time-respecting chains from an actor, longest first', async () => {
      const res = await get('/api/chains?actor=c-a&categories=all').expect(200);
      expect(res.body.chains.map(actionsOf)).toEqual([
        ['c1', 'c2', 'c3'],
        ['c1', 'c5'],
      ]);
      expect(res.body.truncated).toBe(false);
    });

    test('ties in length go earliest first', async () => {
      const res = await get('/api/chains?actor=c-e&categories=all').expect(200);
      expect(res.body.chains.map(actionsOf)).toEqual([
        ['c4', 'c1', 'c2', 'c3'],
        ['c4', 'c1', 'c5'],
        ['c4', 'c2', 'c3'],
        ['c4', 'c5'],
      ]);
    });

    test('maxLength cuts chains', async () => {
      const res = await get('/api/chains?actor=c-a&categories=all&maxLength=2').expect(200);
      expect(res.body.chains.map(actionsOf)).toEqual([
        ['c1', 'c2'],
        ['c1', 'c5'],
      ]);
    });

    test('only actions passing the filters take part', async () => {
      const byType = await get('/api/chains?actor=c-a&categories=all&type=BANNED,HOSTED,DENIED,REPORTED,OWNS').expect(200);
      expect(byType.body.chains.map(actionsOf)).toEqual([['c1', 'c5']]);
      const byDate = await get('/api/chains?actor=c-a&categories=all&from=2021-01-02').expect(200);
      expect(byDate.body.chains.map(actionsOf)).toEqual([]);
    });

    test('no chain where the first action has no follower (c3 is last; c6 is undated)', async () => {
      expect((await get('/api/chains?actor=c-d&categories=all').expect(200)).body.chains).toEqual([]);
    });

    test('unknown actor 404; missing or out-of-bound parameters 400', async () => {
      await get('/api/chains?actor=nobody').expect(404);
      expect((await get('/api/chains').expect(400)).body.error.message).toContain('"actor"');
      for (const bad of ['1', '9', 'x']) {
        expect((await get(`/api/chains?actor=c-a&maxLength=${bad}`).expect(400)).body.error.message).toContain('"maxLength"');
      }
    });
  });
});
