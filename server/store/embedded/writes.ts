/**
 * Writes: the rules both stores share (store/rules), asked of the state in the write's turn, then
 * the ops that carry the change out, journalled as one record (writer.ts).
 */
import type { InterchangeDocument } from '../../../contract';
import { checkCreate, checkDelete, checkReplace, planImport, validDocument, validRecord, type RecordKind, type Records } from '../rules';
import type { ChangeNote, ImportResult } from '../types';
import type { Op } from './state';
import type { Writer } from './writer';

/** The journal's names for deletes, kept as they are in journals already on disk. */
const DELETE_OP = { actor: 'delActor', source: 'delSource', episode: 'delEpisode', action: 'delAction' } as const satisfies Record<
  RecordKind,
  Op['t']
>;

function put<K extends RecordKind>(kind: K, record: Records[K]): Op {
  // Op names its record by kind, a pairing TypeScript does not follow through a generic K.
  return { t: kind, v: record } as Op;
}

export function importDocument(writer: Writer, input: InterchangeDocument, note?: ChangeNote): Promise<ImportResult> {
  return writer.write(
    async (lookup) => {
      const { result, writes } = await planImport(validDocument(input), lookup);
      const ops = [
        ...writes.actor.map((w) => put('actor', w.record)),
        ...writes.source.map((w) => put('source', w.record)),
        ...writes.episode.map((w) => put('episode', w.record)),
        ...writes.action.map((w) => put('action', w.record)),
      ];
      return { ops, answer: result };
    },
    note,
    'import',
  );
}

export function create<K extends RecordKind>(writer: Writer, kind: K, input: Records[K], note?: ChangeNote): Promise<void> {
  return writer.write(async (lookup) => {
    const record = validRecord(kind, input);
    await checkCreate(kind, record, lookup);
    return { ops: [put(kind, record)], answer: undefined };
  }, note);
}

export function replace<K extends RecordKind>(writer: Writer, kind: K, input: Records[K], note?: ChangeNote): Promise<void> {
  return writer.write(async (lookup) => {
    const record = validRecord(kind, input);
    await checkReplace(kind, record, lookup);
    return { ops: [put(kind, record)], answer: undefined };
  }, note);
}

export function remove(writer: Writer, kind: RecordKind, id: string, note?: ChangeNote): Promise<void> {
  return writer.write(async (lookup) => {
    await checkDelete(kind, id, lookup);
    return { ops: [{ t: DELETE_OP[kind], id }], answer: undefined };
  }, note);
}
