/** The write rules' lookup (store/rules) answered inside a write transaction, so checks see what it writes. */
import type { RecordKind, RecordLookup, Records } from '../rules';
import { runBatched } from './batches';
import {
  ACTION_REFERENCES,
  ACTIONS_BY_IDS,
  ACTOR_REFERENCES,
  ACTORS_BY_IDS,
  EPISODE_REFERENCES,
  EPISODES_BY_IDS,
  EXISTING_ACTION_IDS,
  EXISTING_ACTOR_IDS,
  EXISTING_EPISODE_IDS,
  EXISTING_SOURCE_IDS,
  SOURCE_REFERENCES,
  SOURCES_BY_IDS,
} from './cypher';
import type { Row, Tx } from './db';
import { actionOfRow, actorOfRow, episodeOfRow, sourceOfRow } from './mapping';

const BY_IDS: { [K in RecordKind]: { statement: string; ofRow: (row: Row) => Records[K] } } = {
  actor: { statement: ACTORS_BY_IDS, ofRow: actorOfRow },
  source: { statement: SOURCES_BY_IDS, ofRow: sourceOfRow },
  episode: { statement: EPISODES_BY_IDS, ofRow: episodeOfRow },
  action: { statement: ACTIONS_BY_IDS, ofRow: actionOfRow },
};

const EXISTING: Record<RecordKind, string> = {
  actor: EXISTING_ACTOR_IDS,
  source: EXISTING_SOURCE_IDS,
  episode: EXISTING_EPISODE_IDS,
  action: EXISTING_ACTION_IDS,
};

/**
 * Statements answering the ids of the actions holding on to a record (for an action: those
 * responding to it), no row when it is unknown.
 */
const REFERENCES: Record<RecordKind, string> = {
  actor: ACTOR_REFERENCES,
  source: SOURCE_REFERENCES,
  episode: EPISODE_REFERENCES,
  action: ACTION_REFERENCES,
};

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
      const [row] = await tx.run(REFERENCES[kind], { id });
      return row ? (row.actions as string[]) : null;
    },
  };
}
