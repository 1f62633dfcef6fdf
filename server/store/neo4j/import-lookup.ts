/**
 * The lookup an import's rules ask (store/rules planImport), with two savings over lookupIn. A
 * kind the database holds none of is answered without a statement: a first import would otherwise
 * look up every id it carries, one index seek each, to find nothing. And the stored records read
 * to classify the import are kept, so the history's befores need no second read.
 */
import type { RecordKind, RecordLookup, Records } from '../rules';
import { COUNT_RECORDS } from './cypher';
import type { Tx } from './db';
import { lookupIn } from './lookup';

const PLURAL: Record<RecordKind, 'actors' | 'sources' | 'episodes' | 'actions'> = {
  actor: 'actors',
  source: 'sources',
  episode: 'episodes',
  action: 'actions',
};

export interface ImportLookup extends RecordLookup {
  /** The stored records `records` found so far for `kind`: an import's befores. */
  found<K extends RecordKind>(kind: K): ReadonlyMap<string, Records[K]>;
}

const EMPTY: ReadonlySet<string> = new Set();

/** Counts come from Neo4j's count store in this transaction: constant time, and they see its writes. */
export async function importLookup(tx: Tx): Promise<ImportLookup> {
  const [counts] = await tx.run(COUNT_RECORDS);
  const none = (kind: RecordKind) => Number(counts?.[PLURAL[kind]] ?? 0) === 0;
  const inner = lookupIn(tx);
  const kept: { [K in RecordKind]?: Map<string, Records[K]> } = {};
  return {
    async records<K extends RecordKind>(kind: K, ids: readonly string[]) {
      const found = none(kind) ? new Map<string, Records[K]>() : await inner.records(kind, ids);
      const into = (kept[kind] ??= new Map()) as Map<string, Records[K]>;
      for (const [id, record] of found) into.set(id, record);
      return found;
    },
    existing: (kind, ids) => (none(kind) ? EMPTY : inner.existing(kind, ids)),
    referencing: (kind, id) => (none(kind) ? null : inner.referencing(kind, id)),
    found: <K extends RecordKind>(kind: K) => (kept[kind] ?? new Map()) as ReadonlyMap<string, Records[K]>,
  };
}
