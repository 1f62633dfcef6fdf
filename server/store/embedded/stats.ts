/**
 * Counts by type, status, category and kind, and the top actors by degree. Betweenness is not
 * computed here: the store's BetweennessService adds it (off the event loop, once per version).
 * Counts by type, status and category cover the actions passing the filter; degree only those of
 * the metric categories (sanctions unless asked), so claims split out of one lawsuit do not
 * dominate.
 */
import { categoryOf, isEmptyFilter, type Action, type ActionFilter, type Category, type StatsBase } from '../../../contract';
import { metricCategories, topN, type ActorGraphSnapshot } from '../../graph';
import type { Slices } from './slices';
import type { GraphState } from './state';

/** The actions the metrics count: passing the filter, of the metric categories (in no particular order: they are only counted). */
export function metricActions(state: GraphState, filter: ActionFilter): Action[] {
  return state.matching({ ...filter, categories: metricCategories(filter) }, true);
}

/** In slices (computeStats read every action at once: half a second at M after an import). */
export async function computeStats(state: GraphState, slices: Slices, top: number, filter: ActionFilter = {}): Promise<StatsBase> {
  const { actors, sources, episodes, actions } = state;
  const actionsByType: StatsBase['actionsByType'] = {};
  const actionsByStatus: StatsBase['actionsByStatus'] = {};
  const actionsByCategory: StatsBase['actionsByCategory'] = {};
  const actorsByKind: StatsBase['actorsByKind'] = {};
  await state.prepareTimeline(slices);
  await slices.each(isEmptyFilter(filter) ? actions.values() : state.matching(filter, true), (a) => {
    actionsByType[a.type] = (actionsByType[a.type] ?? 0) + 1;
    actionsByStatus[a.status] = (actionsByStatus[a.status] ?? 0) + 1;
    const c = categoryOf(a.type);
    actionsByCategory[c] = (actionsByCategory[c] ?? 0) + 1;
  });
  await slices.each(actors.values(), (a) => {
    actorsByKind[a.kind] = (actorsByKind[a.kind] ?? 0) + 1;
  });
  const named = (r: { id: string; value: number }) => ({ id: r.id, name: actors.get(r.id)?.name ?? r.id, value: r.value });
  const degree = new Map<string, number>([...actors.keys()].map((id) => [id, 0]));
  await slices.each(metricActions(state, filter), (a) => {
    degree.set(a.from, (degree.get(a.from) ?? 0) + 1);
    degree.set(a.to, (degree.get(a.to) ?? 0) + 1);
  });
  return {
    counts: { actors: actors.size, sources: sources.size, episodes: episodes.size, actions: actions.size },
    actionsByType,
    actionsByStatus,
    actionsByCategory,
    actorsByKind,
    categories: metricCategories(filter),
    topByDegree: topN([...degree], top).map(named),
  };
}

/**
 * The actor graph betweenness is computed on (the worker's input), read in slices; it names the
 * version it was read at, which is later than the one asked for when a write landed meanwhile.
 */
export async function actorGraphSnapshot(state: GraphState, slices: Slices, categories: Category[]): Promise<ActorGraphSnapshot> {
  const version = state.version;
  await state.prepareTimeline(slices);
  const ids: string[] = [];
  const names: string[] = [];
  await slices.each(state.actors.values(), (a) => {
    ids.push(a.id);
    names.push(a.name);
  });
  const pairs: [string, string][] = [];
  await slices.each(metricActions(state, { categories }), (a) => pairs.push([a.from, a.to]));
  return { version: String(version), ids, names, pairs };
}
