/** Degree and betweenness rankings, computed with graphology's metrics on the actor graph. */
import { UndirectedGraph } from 'graphology';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import type { ActionFilter, Category } from '../../contract';

/**
 * The categories degree and betweenness count: those asked for, else sanctions, so that a claim
 * split into many accusations does not dominate the rankings. Both stores key their metrics by it.
 */
export function metricCategories(filter: ActionFilter): Category[] {
  return filter.categories?.length ? [...new Set(filter.categories)].sort() : ['sanction'];
}

/** Betweenness of each actor on the simple undirected projection (one edge per related pair). */
export function betweenness(actorIds: Iterable<string>, pairs: Iterable<readonly [string, string]>): Map<string, number> {
  const g = new UndirectedGraph();
  for (const id of actorIds) g.addNode(id);
  for (const [a, b] of pairs) if (a !== b) g.mergeEdge(a, b);
  const scores = betweennessCentrality(g, { normalized: false });
  return new Map(Object.entries(scores).map(([id, v]) => [id, Math.round(v * 1e6) / 1e6]));
}

export interface Ranked {
  id: string;
  value: number;
}

const byValueThenId = (a: Ranked, b: Ranked) => b.value - a.value || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The top `n` by value (positive values only), ties broken by id so both stores agree. Kept in a
 * buffer cut back to the best `n` whenever it reaches 4n, so ranking 100,000 actors for a top 10
 * sorts a few hundred entries at a time instead of all of them on the event loop.
 */
export function topN(values: Iterable<readonly [string, number]>, n: number): Ranked[] {
  if (n <= 0) return [];
  let best: Ranked[] = [];
  for (const [id, value] of values) {
    if (!(value > 0)) continue;
    best.push({ id, value });
    if (best.length >= 4 * n) best = best.sort(byValueThenId).slice(0, n);
  }
  return best.sort(byValueThenId).slice(0, n);
}
