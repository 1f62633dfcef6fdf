/** The write rules' lookup (store/rules) answered inside a write transaction, so checks see what it writes. */
import type { Episode } from '../../../contract';
import type { RecordKind, RecordLookup, Records } from '../rules';
import { runBatched } from './batches';
import {
  ACTIONS_BY_IDS,
  ACTOR_REFERENCES,
  ACTORS_BY_IDS,
  EXISTING_ACTION_IDS,
  EXISTING_ACTOR_IDS,
  EXISTING_SOURCE_IDS,
  SOURCE_REFERENCES,
  SOURCES_BY_IDS,
} from './cypher';
import type { Row, Tx } from './db';
import { actionOfRow, actorOfRow, sourceOfRow } from './mapping';

const BY_IDS: { [K in RecordKind]: { statement: string; ofRow: (row: Row) => Records[K] } } = {
  actor: { statement: ACTORS_BY_IDS, ofRow: actorOfRow },
  source: { statement: SOURCES_BY_IDS, ofRow: sourceOfRow },
  action: { statement: ACTIONS_BY_IDS, ofRow: actionOfRow },
  // Stubs from the contract v2 commit (wt-core): no episode is stored yet, so none is found.
  episode: { statement: 'MATCH (e:Episode) WHERE e.id IN $ids RETURN e.id AS id', ofRow: (row) => row as unknown as Episode },
};

const EXISTING: Record<RecordKind, string> = {
  actor: EXISTING_ACTOR_IDS,
  source: EXISTING_SOURCE_IDS,
  action: EXISTING_ACTION_IDS,
  episode: 'MATCH (e:Episode) WHERE e.id IN $ids RETURN e.id AS id',
};

/** Statements answering the ids of the actions holding on to a record, no row when it is unknown; nothing holds an action. */
const REFERENCES: Record<RecordKind, string | null> = { actor: ACTOR_REFERENCES, source: SOURCE_REFERENCES, action: null, episode: null };

async function existing(tx: Tx, kind: RecordKind, ids: readonly string[]): Promise<Set<string>> {
  const rows = await runBatched(tx, EXISTING[kind], [...new Set(ids)], 'ids');
  return new Set(rows.map((r) => r.id as string));
}

export function lookupIn(tx: Tx): RecordLookup {
  return {
    async records<K extends RecordKind>(kind: K, ids: readonly string[]) {
      const { statement, ofRow } = BY_IDS[kind];
      const found = new Map<string, Records[K]>();
      for (const row of await runBatched(tx, statement, [...new Set(ids)], 'ids')) {
        const record = ofRow(row);
        found.set(record.id, record);
      }
      return found;
    },
    existing: (kind, ids) => existing(tx, kind, ids),
    async referencing(kind, id) {
      const statement = REFERENCES[kind];
      if (!statement) return (await existing(tx, kind, [id])).size ? [] : null;
      const [row] = await tx.run(statement, { id });
      return row ? (row.actions as string[]) : null;
    },
  };
}
