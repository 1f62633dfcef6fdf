/** What a journal record's ops change, read off the state before they are applied (the befores). */
import type { ChangedRecord, HistoryRecordKind } from '../../../contract';
import type { GraphState, Op } from './state';

const KIND_OF: Record<Op['t'], HistoryRecordKind> = {
  actor: 'actor',
  source: 'source',
  episode: 'episode',
  action: 'action',
  delActor: 'actor',
  delSource: 'source',
  delEpisode: 'episode',
  delAction: 'action',
};

function stored(state: GraphState, kind: HistoryRecordKind, id: string): Record<string, unknown> | null {
  const map = { actor: state.actors, source: state.sources, episode: state.episodes, action: state.actions }[kind];
  return (map.get(id) as Record<string, unknown> | undefined) ?? null;
}

/** Call before the ops are applied. Records are shared, not copied: the state never mutates one in place. */
export function changedRecords(state: GraphState, ops: readonly Op[]): ChangedRecord[] {
  return ops.map((op): ChangedRecord => {
    const kind = KIND_OF[op.t];
    if ('v' in op) {
      const before = stored(state, kind, op.v.id);
      return { kind, id: op.v.id, op: before ? 'replaced' : 'created', before, after: op.v };
    }
    return { kind, id: op.id, op: 'deleted', before: stored(state, kind, op.id), after: null };
  });
}
