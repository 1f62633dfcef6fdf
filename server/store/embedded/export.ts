/** Interchange v1 of the whole graph or of the filtered actions with every record they name. */
import { copyRecord, isEmptyFilter, type ActionFilter, type InterchangeDocument } from '../../../contract';
import { actorsReferencedBy, sortById } from '../answers';
import type { GraphState } from './state';

export function exportDocument(state: GraphState, filter: ActionFilter): InterchangeDocument {
  if (isEmptyFilter(filter)) {
    return copyRecord({
      format: 'deplatforming-graph/v1',
      actors: sortById([...state.actors.values()]),
      sources: sortById([...state.sources.values()]),
      actions: state.sortedActions().slice(),
    });
  }
  const actions = state.matching(filter);
  const sourceIds = new Set(actions.flatMap((a) => a.sourceIds));
  return copyRecord({
    format: 'deplatforming-graph/v1',
    actors: [...actorsReferencedBy(actions)].sort().map((id) => state.actors.get(id)!),
    sources: [...sourceIds].sort().map((id) => state.sources.get(id)!),
    actions,
  });
}
