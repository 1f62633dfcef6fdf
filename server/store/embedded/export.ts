/** Interchange v2 of the whole graph or of the filtered actions with every record they name. */
import { copyRecord, INTERCHANGE_FORMAT, isEmptyFilter, type ActionFilter, type InterchangeDocument } from '../../../contract';
import { actorsReferencedBy, sortById } from '../answers';
import type { GraphState } from './state';

export function exportDocument(state: GraphState, filter: ActionFilter): InterchangeDocument {
  if (isEmptyFilter(filter)) {
    return copyRecord({
      format: INTERCHANGE_FORMAT,
      actors: sortById([...state.actors.values()]),
      sources: sortById([...state.sources.values()]),
      episodes: sortById([...state.episodes.values()]),
      actions: state.orderedActions().slice(),
    });
  }
  const actions = state.matching(filter);
  const sourceIds = new Set(actions.flatMap((a) => a.citations.map((c) => c.source)));
  const episodeIds = new Set(actions.flatMap((a) => a.episodes ?? []));
  // A response whose target is left out would not import back: the link goes with the target.
  const kept = new Set(actions.map((a) => a.id));
  const trimmed = actions.map((a) => {
    if (!a.respondsTo?.some((t) => !kept.has(t))) return a;
    const respondsTo = a.respondsTo.filter((t) => kept.has(t));
    const { respondsTo: _r, ...rest } = a;
    return respondsTo.length ? { ...rest, respondsTo } : rest;
  });
  return copyRecord({
    format: INTERCHANGE_FORMAT,
    actors: [...actorsReferencedBy(actions)].sort().map((id) => state.actors.get(id)!),
    sources: [...sourceIds].sort().map((id) => state.sources.get(id)!),
    episodes: [...episodeIds].sort().map((id) => state.episodes.get(id)!),
    actions: trimmed,
  });
}
