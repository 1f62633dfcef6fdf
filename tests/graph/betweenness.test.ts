/** Betweenness off the event loop: exact agrees with graphology; sampled states its bound; one computation per version, shared; stale served while a new one runs. */
import { betweenness } from '../../server/graph';
import { BetweennessService, type ActorGraphSnapshot } from '../../server/graph/betweenness-service';
import { chooseSources, errorBound, numberPairs, WORK } from '../../server/graph/betweenness-plan';
import { betweennessOffLoop, type BetweennessResult } from '../../server/graph/betweenness-worker';
import { generateGraph } from '../../bench/generate';

describe('betweenness in a worker', () => {
  test('exact on a small graph, equal to graphology (parallel actions, self-pairs, isolated actors, pairs naming no actor)', async () => {
    const doc = generateGraph({ actors: 300, actions: 1500, seed: 7 });
    const ids = [...doc.actors!.map((a) => a.id), 'isolated'];
    const pairs = [...doc.actions!.map((a) => [a.from, a.to] as const), [ids[0]!, ids[0]!] as const];
    // A pair naming no actor is left out (graphology would add the actor).
    const result = await betweennessOffLoop(ids, [...pairs, [ids[1]!, 'unknown'] as const]);
    expect(result.method).toEqual({ method: 'exact', actors: ids.length, pivots: ids.length, errorBound: 0, confidence: 1 });
    expect(Object.fromEntries(result.scores)).toEqual(Object.fromEntries(betweenness(ids, pairs)));
  });

  test('sampled past the work budget: k pivots, chosen by id (the same for any order), with a stated bound', async () => {
    const n = 5000;
    const ids = Array.from({ length: n }, (_, i) => `a${i}`);
    const pairs = ids.slice(1).map((id, i) => [ids[i]!, id] as const);
    const ends = await numberPairs(ids, pairs);
    const { sources, method } = chooseSources(ids, ends);
    expect(n * (n + ends.length)).toBeGreaterThan(WORK);
    expect(method).toMatchObject({ method: 'sampled', actors: n, pivots: sources.length, confidence: 0.95 });
    expect(method.errorBound).toBe(errorBound(n, sources.length));
    expect(method.errorBound).toBeGreaterThan(0);
    const reversed = [...ids].reverse();
    const again = chooseSources(reversed, await numberPairs(reversed, pairs)).sources;
    expect([...again].map((i) => reversed[i]).sort()).toEqual([...sources].map((i) => ids[i]).sort());
  });
});

describe('BetweennessService', () => {
  const snap = (version: string): ActorGraphSnapshot => ({
    version,
    ids: ['a', 'b', 'c'],
    names: ['A', 'B', 'C'],
    pairs: [
      ['a', 'b'],
      ['b', 'c'],
    ],
  });
  function fake(method: 'exact' | 'sampled') {
    const calls: string[] = [];
    const pending: ((r: BetweennessResult) => void)[] = [];
    const compute = (ids: readonly string[]) => {
      calls.push(ids.join());
      return new Promise<BetweennessResult>((resolve) => pending.push(resolve));
    };
    const finish = () =>
      pending.shift()!({
        scores: new Map([
          ['a', 0],
          ['b', 1],
          ['c', 0],
        ]),
        method: { method, actors: 3, pivots: 3, errorBound: 0, confidence: 1 },
      });
    return { calls, compute, finish };
  }

  test('concurrent callers for one version share one computation', async () => {
    const f = fake('exact');
    const service = new BetweennessService(f.compute);
    const answers = [
      service.get('1', 10, () => snap('1')),
      service.get('1', 10, () => snap('1')),
      service.get('1', 1, () => snap('1')),
    ] as const;
    await new Promise((r) => setImmediate(r));
    f.finish();
    const [first, , third] = await Promise.all(answers);
    expect(f.calls).toHaveLength(1);
    expect(first).toEqual({
      topByBetweenness: [{ id: 'b', name: 'B', value: 1 }],
      betweenness: { version: '1', current: true, method: 'exact', actors: 3, pivots: 3, errorBound: 0, confidence: 1 },
    });
    expect(third.topByBetweenness).toHaveLength(1);
    expect(await service.get('1', 10, () => snap('1'))).toEqual(first);
    expect(f.calls).toHaveLength(1);
  });

  test('sampled (large) graphs: the last value is served, with its version, while the new one is computed', async () => {
    const f = fake('sampled');
    const service = new BetweennessService(f.compute);
    const firstAnswer = service.get('1', 10, () => snap('1'));
    await new Promise((r) => setImmediate(r));
    f.finish();
    expect((await firstAnswer).betweenness).toMatchObject({ version: '1', current: true });
    const stale = await service.get('2', 10, () => snap('2'));
    expect(stale.betweenness).toMatchObject({ version: '1', current: false });
    expect((await service.get('2', 10, () => snap('2'))).betweenness.current).toBe(false);
    expect(f.calls).toHaveLength(2);
    await new Promise((r) => setImmediate(r));
    f.finish();
    await new Promise((r) => setImmediate(r));
    expect((await service.get('2', 10, () => snap('2'))).betweenness).toMatchObject({ version: '2', current: true });
    expect(f.calls).toHaveLength(2);
  });

  test('exact (small) graphs are awaited: the answer is always current', async () => {
    const f = fake('exact');
    const service = new BetweennessService(f.compute);
    const first = service.get('1', 10, () => snap('1'));
    await new Promise((r) => setImmediate(r));
    f.finish();
    await first;
    const second = service.get('2', 10, () => snap('2'));
    await new Promise((r) => setImmediate(r));
    f.finish();
    expect((await second).betweenness).toMatchObject({ version: '2', current: true });
  });
});
