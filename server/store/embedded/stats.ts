/** Counts by type, status and kind, and the top actors by degree and by betweenness. */
import { betweenness, topN } from '../../graph';
import type { Stats } from '../types';
import type { GraphState } from './state';

export function computeStats(state: GraphState, top: number): Stats {
  const { actors, actions, sources } = state;
  const actionsByType: Stats['actionsByType'] = {};
  const actionsByStatus: Stats['actionsByStatus'] = {};
  const actorsByKind: Stats['actorsByKind'] = {};
  const pairs: [string, string][] = [];
  for (const a of actions.values()) {
    actionsByType[a.type] = (actionsByType[a.type] ?? 0) + 1;
    actionsByStatus[a.status] = (actionsByStatus[a.status] ?? 0) + 1;
    pairs.push([a.from, a.to]);
  }
  for (const a of actors.values()) actorsByKind[a.kind] = (actorsByKind[a.kind] ?? 0) + 1;
  const named = (r: { id: string; value: number }) => ({ id: r.id, name: actors.get(r.id)?.name ?? r.id, value: r.value });
  const degrees = [...actors.keys()].map((id) => [id, state.graph.degree(id)] as const);
  return {
    counts: { actors: actors.size, sources: sources.size, actions: actions.size },
    actionsByType,
    actionsByStatus,
    actorsByKind,
    topByDegree: topN(degrees, top).map(named),
    topByBetweenness: topN(betweenness(actors.keys(), pairs), top).map(named),
  };
}
