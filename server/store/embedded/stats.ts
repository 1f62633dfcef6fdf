/**
 * Counts by type, status and kind, and the top actors by degree. Betweenness is not computed
 * here: the store's BetweennessService adds it (off the event loop, once per version).
 */
import type { StatsBase } from '../../../contract';
import { topN } from '../../graph';
import type { GraphState } from './state';

export function computeStats(state: GraphState, top: number): StatsBase {
  const { actors, actions, sources } = state;
  const actionsByType: StatsBase['actionsByType'] = {};
  const actionsByStatus: StatsBase['actionsByStatus'] = {};
  const actorsByKind: StatsBase['actorsByKind'] = {};
  for (const a of actions.values()) {
    actionsByType[a.type] = (actionsByType[a.type] ?? 0) + 1;
    actionsByStatus[a.status] = (actionsByStatus[a.status] ?? 0) + 1;
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
  };
}
