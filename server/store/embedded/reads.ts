/** Records and lists of them, read from memory and copied out: callers never hold the state's own objects. */
import {
  actionTimeAnswer,
  copyRecord,
  searchKey,
  sortTimeline,
  type Action,
  type Actor,
  type Episode,
  type PageRequest,
  type Source,
} from '../../../contract';
import { incidentActions } from '../../graph';
import { filterSources, page, rankActors } from '../answers';
import type {
  ActionQuery,
  ActionWithSources,
  ActorDetail,
  ActorQuery,
  ActorWithDegree,
  Counts,
  EpisodeWithActions,
  Page,
  SourceQuery,
  SourceWithActions,
} from '../types';
import type { Slices } from './slices';
import type { GraphState } from './state';

export function withDegree(state: GraphState, actor: Actor): ActorWithDegree {
  return { ...copyRecord(actor), degree: state.graph.degree(actor.id) };
}

export function counts(state: GraphState): Counts {
  return { actors: state.actors.size, sources: state.sources.size, episodes: state.episodes.size, actions: state.actions.size };
}

export function getActor(state: GraphState, id: string): ActorDetail | null {
  const actor = state.actors.get(id);
  if (!actor) return null;
  const actionCounts: ActorDetail['actionCounts'] = {};
  state.graph.forEachEdge(id, (_k, attrs) => {
    actionCounts[attrs.action.type] = (actionCounts[attrs.action.type] ?? 0) + 1;
  });
  return { ...withDegree(state, actor), actionCounts };
}

export async function listActors(state: GraphState, slices: Slices, query: ActorQuery): Promise<Page<ActorWithDegree>> {
  const candidates = [...state.actors.values()].filter(
    (a) => (!query.kind || a.kind === query.kind) && (!query.layer || a.layer === query.layer),
  );
  // Each actor's search key is made on its first search (then kept with the record): after an
  // import that is every actor, so they are made in slices before the ranking reads them.
  if (query.q) await slices.each(candidates, searchKey);
  const p = page(rankActors(candidates, query.q), query);
  return { items: p.items.map((a) => withDegree(state, a)), total: p.total };
}

export function getAction(state: GraphState, id: string): ActionWithSources | null {
  const action = state.actions.get(id);
  if (!action) return null;
  return copyRecord({
    ...action,
    sources: action.citations.map((c) => state.sources.get(c.source)!).filter(Boolean),
    responses: state.responsesTo(id),
    time: actionTimeAnswer(action),
  });
}

export async function listActions(state: GraphState, slices: Slices, query: ActionQuery): Promise<Page<Action>> {
  await state.prepareTimeline(slices);
  // Sorted again after filtering: the response rule applies among the listed actions only, so a
  // response whose target is filtered out takes its place by its own dates (as on Neo4j).
  const matching =
    query.actor !== undefined
      ? sortTimeline(incidentActions(state.graph, query.actor).filter(state.predicate(query)))
      : state.matching(query);
  const p = page(matching, query);
  return { items: copyRecord(p.items), total: p.total };
}

export function getSource(state: GraphState, id: string): SourceWithActions | null {
  const source = state.sources.get(id);
  if (!source) return null;
  return { ...copyRecord(source), actions: state.actionsCitingSource(id) };
}

export function listSources(state: GraphState, query: SourceQuery): Page<Source> {
  const p = page(filterSources(state.sources.values(), query.q), query);
  return { items: copyRecord(p.items), total: p.total };
}

export function getEpisode(state: GraphState, id: string): EpisodeWithActions | null {
  const episode = state.episodes.get(id);
  if (!episode) return null;
  return { ...copyRecord(episode), actions: state.actionsInEpisode(id) };
}

export function listEpisodes(state: GraphState, query: PageRequest): Page<Episode> {
  const p = page(
    [...state.episodes.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    query,
  );
  return { items: copyRecord(p.items), total: p.total };
}
