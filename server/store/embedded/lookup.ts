/** The write rules' lookup (store/rules) answered from memory: the state's own maps and indexes. */
import type { RecordKind, RecordLookup, Records } from '../rules';
import type { GraphState } from './state';

export function lookupIn(state: GraphState): RecordLookup {
  const stored: { [K in RecordKind]: ReadonlyMap<string, Records[K]> } = {
    actor: state.actors,
    source: state.sources,
    episode: state.episodes,
    action: state.actions,
  };
  return {
    records: (kind) => stored[kind],
    existing: (kind) => stored[kind],
    referencing(kind, id) {
      if (!stored[kind].has(id)) return null;
      if (kind === 'actor') return state.actionsReferencingActor(id);
      if (kind === 'source') return state.actionsCitingSource(id);
      if (kind === 'episode') return state.actionsInEpisode(id);
      return state.responsesTo(id);
    },
  };
}
