/**
 * The rules for writing one record: what makes a create a conflict, a replace or delete a
 * not-found, and a delete a conflict. Each throws the store error the API maps to its answer, and
 * returns when the write may go ahead. Run them in the write's transaction (or queue turn).
 */
import { ConflictError, NotFoundError } from '../errors';
import { KINDS } from './kinds';
import type { RecordKind, RecordLookup, Records } from './lookup';

async function isStored(lookup: RecordLookup, kind: RecordKind, id: string): Promise<boolean> {
  return (await lookup.existing(kind, [id])).has(id);
}

export async function checkCreate<K extends RecordKind>(kind: K, record: Records[K], lookup: RecordLookup): Promise<void> {
  if (await isStored(lookup, kind, record.id)) throw new ConflictError(`${kind} "${record.id}" already exists`);
  await KINDS[kind].checkReferences?.(record, lookup);
}

export async function checkReplace<K extends RecordKind>(kind: K, record: Records[K], lookup: RecordLookup): Promise<void> {
  if (!(await isStored(lookup, kind, record.id))) throw new NotFoundError(kind, record.id);
  await KINDS[kind].checkReferences?.(record, lookup);
}

/** A record some action still references stays: deleting it would leave the action dangling. */
export async function checkDelete(kind: RecordKind, id: string, lookup: RecordLookup): Promise<void> {
  const held = await lookup.referencing(kind, id);
  if (!held) throw new NotFoundError(kind, id);
  if (held.length) throw new ConflictError(`${kind} "${id}" ${KINDS[kind].heldBy} ${held.length} action(s)`, [...held].sort());
}
