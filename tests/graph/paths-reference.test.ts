/**
 * allShortestPaths against a brute-force reference on random multigraphs: every simple path up
 * to maxLength enumerated, the shortest kept, ordered by action ids element by element.
 */
import fc from 'fast-check';
import type { Action } from '../../contract';
import { allShortestPaths, buildActionGraph } from '../../server/graph';

function reference(actions: Action[], source: string, target: string, maxLength: number, limit: number): string[][] {
  const found: string[][] = [];
  const walk = (node: string, visited: Set<string>, path: string[]) => {
    if (node === target && path.length > 0) {
      found.push([...path]);
      return;
    }
    if (path.length === maxLength) return;
    for (const a of actions) {
      if (a.from !== node && a.to !== node) continue;
      const next = a.from === node ? a.to : a.from;
      if (visited.has(next)) continue;
      visited.add(next);
      path.push(a.id);
      walk(next, visited, path);
      path.pop();
      visited.delete(next);
    }
  };
  walk(source, new Set([source]), []);
  if (!found.length) return [];
  const shortest = Math.min(...found.map((p) => p.length));
  return found
    .filter((p) => p.length === shortest)
    .sort((x, y) => {
      for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
      return 0;
    })
    .slice(0, limit);
}

const graphs = fc
  .record({
    n: fc.integer({ min: 2, max: 9 }),
    edges: fc.array(fc.tuple(fc.nat(8), fc.nat(8), fc.boolean()), { maxLength: 22 }),
    source: fc.nat(8),
    target: fc.nat(8),
    maxLength: fc.integer({ min: 1, max: 6 }),
    limit: fc.integer({ min: 1, max: 12 }),
  })
  .map(({ n, edges, source, target, maxLength, limit }) => {
    const actors = Array.from({ length: n }, (_, i) => `v${i}`);
    const actions: Action[] = [];
    edges.forEach(([a, b, keep], i) => {
      const from = actors[a % n]!;
      const to = actors[b % n]!;
      if (from === to) return;
      actions.push({
        id: `e${String(i).padStart(2, '0')}`,
        type: keep ? 'BANNED' : 'SUED',
        from,
        to,
        status: 'reported',
        summary: 's',
        citations: [{ source: 's', stance: 'reports-claim' }],
      });
    });
    return { actors, actions, source: actors[source % n]!, target: actors[target % n]!, maxLength, limit };
  });

test('every shortest path, in action-id order, as brute force finds them', () => {
  fc.assert(
    fc.property(graphs, fc.boolean(), ({ actors, actions, source, target, maxLength, limit }, filtered) => {
      const passes = (a: Action) => !filtered || a.type === 'BANNED';
      const g = buildActionGraph(
        actors.map((id) => ({ id, name: id, kind: 'company' as const })),
        actions,
      );
      const got = allShortestPaths(g, source, target, maxLength, passes, limit).map((p) => p.actions);
      const expected = source === target ? [] : reference(actions.filter(passes), source, target, maxLength, limit);
      expect(got).toEqual(expected);
    }),
    { numRuns: 500, seed: 20261122 },
  );
});
