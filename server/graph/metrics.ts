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

/** The top `n` by value, ties broken by id so both stores agree. */
export function topN(values: Iterable<readonly [string, number]>, n: number): Ranked[] {
  return [...values]
    .map(([id, value]) => ({ id, value }))
    .filter((r) => r.value > 0)
    .sort((a, b) => b.value - a.value || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, n);
}
