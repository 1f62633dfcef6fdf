/** Interchange v2 of the whole graph or of the filtered actions with every record they name. */
import { copyRecord, INTERCHANGE_FORMAT, isEmptyFilter, type ActionFilter, type InterchangeDocument } from '../../../contract';
import { actorsReferencedBy, sortById } from '../answers';
import type { Slices } from './slices';
import type { GraphState } from './state';

/** Copied record by record in slices (a whole copy held the loop for half a second at M). */
export async function exportDocument(state: GraphState, slices: Slices, filter: ActionFilter): Promise<InterchangeDocument> {
  const copy = <T>(records: T[]) => slices.map(records, copyRecord);
  await state.prepareTimeline(slices);
  if (isEmptyFilter(filter)) {
    return {
      format: INTERCHANGE_FORMAT,
      actors: await copy(sortById([...state.actors.values()])),
      sources: await copy(sortById([...state.sources.values()])),
      episodes: await copy(sortById([...state.episodes.values()])),
      actions: await copy(state.orderedActions()),
    };
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
  return {
    format: INTERCHANGE_FORMAT,
    actors: await copy([...actorsReferencedBy(actions)].sort().map((id) => state.actors.get(id)!)),
    sources: await copy([...sourceIds].sort().map((id) => state.sources.get(id)!)),
    episodes: await copy([...episodeIds].sort().map((id) => state.episodes.get(id)!)),
    actions: await copy(trimmed),
  };
}
