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
      actions: state.sortedActions().slice(),
    });
  }
  const actions = state.matching(filter);
  const sourceIds = new Set(actions.flatMap((a) => a.citations.map((c) => c.source)));
  return copyRecord({
    format: INTERCHANGE_FORMAT,
    actors: [...actorsReferencedBy(actions)].sort().map((id) => state.actors.get(id)!),
    sources: [...sourceIds].sort().map((id) => state.sources.get(id)!),
    actions,
  });
}
