/**
 * The history on Neo4j: one (:Change) node per change, created in the write's own transaction, so
 * a transaction that fails leaves no change behind and a committed one always has its change. The
 * number comes from one (:ChangeCounter) node, locked before it is read, so concurrent writes are
 * numbered one after another without gaps; its lastAt keeps change times from going backwards.
 * A change's records (whole, before and after) are kept as one JSON string; `keys` lists them as
 * `kind:id` for the record filter.
 */
import neo4j from 'neo4j-driver';
import type { ChangedRecord, InterchangeDocument } from '../../../contract';
import { entryOf, nextTime, recordKey, type ChangeNote, type HistoryEntry, type HistoryQuery } from '../history/entry';
import { UnavailableError } from '../errors';
import type { Db, Row, Tx } from './db';

const HISTORY_SCHEMA: readonly string[] = [
  'CREATE CONSTRAINT change_number IF NOT EXISTS FOR (c:Change) REQUIRE c.change IS UNIQUE',
  'CREATE CONSTRAINT change_counter_id IF NOT EXISTS FOR (c:ChangeCounter) REQUIRE c.id IS UNIQUE',
  'CREATE INDEX change_at IF NOT EXISTS FOR (c:Change) ON (c.at)',
  'CREATE INDEX change_who IF NOT EXISTS FOR (c:Change) ON (c.who)',
];

// The lock is taken (a property written) before the counter is read: otherwise two transactions
// could read the same value and one change number would be given twice.
const NEXT_CHANGE = `MERGE (c:ChangeCounter {id: 'dataset'})
ON CREATE SET c.value = 0
SET c.locked = true
WITH c
SET c.value = c.value + 1
REMOVE c.locked
RETURN c.value AS change, c.lastAt AS lastAt`;

const CREATE_CHANGE = `MATCH (k:ChangeCounter {id: 'dataset'})
SET k.lastAt = $at
CREATE (c:Change {change: $change, at: $at, who: $who, message: $message, kind: $kind, records: $records, keys: $keys})`;

const CHANGE_NUMBER = `OPTIONAL MATCH (c:ChangeCounter {id: 'dataset'}) RETURN coalesce(c.value, 0) AS change`;

const QUERY = `MATCH (c:Change)
WHERE ($before IS NULL OR c.change < $before)
  AND ($since IS NULL OR c.at >= $since)
  AND ($until IS NULL OR c.at <= $until)
  AND ($who IS NULL OR c.who = $who)
  AND ($record IS NULL OR $record IN c.keys)
RETURN c {.*} AS c ORDER BY c.change DESC LIMIT $limit`;

const CHANGE_AT = `MATCH (c:Change) WHERE c.at <= $at RETURN coalesce(max(c.change), 0) AS change`;
const FIRST_CHANGE = `MATCH (c:Change) RETURN min(c.change) AS change`;
const BETWEEN = `MATCH (c:Change) WHERE c.change > $after AND c.change <= $upTo RETURN c {.*} AS c ORDER BY c.change DESC`;
const WIPE = `MATCH (c) WHERE c:Change OR c:ChangeCounter WITH c LIMIT 10000 DETACH DELETE c RETURN count(*) AS deleted`;

export async function ensureHistorySchema(db: Db): Promise<void> {
  for (const statement of HISTORY_SCHEMA) await db.query(statement, {}, 'write');
}

/** Records a change in the write's transaction; nothing for a write that changed nothing. */
export async function recordChange(
  tx: Tx,
  note: ChangeNote | undefined,
  kind: HistoryEntry['kind'],
  records: ChangedRecord[],
): Promise<void> {
  if (records.length === 0) return;
  const [row] = await tx.run(NEXT_CHANGE);
  const change = Number(row!.change);
  const at = nextTime((row!.lastAt as string | null) ?? undefined);
  const entry = entryOf(change, at, note, kind, records);
  await tx.run(CREATE_CHANGE, {
    change: neo4j.int(change),
    at,
    who: entry.who,
    message: entry.message ?? null,
    kind,
    records: JSON.stringify(records),
    keys: [...new Set(records.map((r) => recordKey(r.kind, r.id)))],
  });
}

function entryOfRow(row: Row): HistoryEntry {
  const c = row.c as Record<string, unknown>;
  return {
    change: Number(c.change),
    at: c.at as string,
    who: c.who as string,
    ...(typeof c.message === 'string' && { message: c.message }),
    kind: c.kind as HistoryEntry['kind'],
    records: JSON.parse(c.records as string) as ChangedRecord[],
  };
}

export async function changeNumber(db: Db): Promise<number> {
  const [row] = await db.query(CHANGE_NUMBER);
  return Number(row?.change ?? 0);
}

export async function history(db: Db, q: HistoryQuery): Promise<HistoryEntry[]> {
  const rows = await db.query(QUERY, {
    before: q.before ?? null,
    since: q.since ?? null,
    until: q.until ?? null,
    who: q.who ?? null,
    record: q.record ?? null,
    limit: neo4j.int(q.limit),
  });
  return rows.map(entryOfRow);
}

export async function changeAt(db: Db, at: string): Promise<number> {
  const [row] = await db.query(CHANGE_AT, { at });
  return Number(row?.change ?? 0);
}

export async function historyStart(db: Db): Promise<number | null> {
  const [row] = await db.query(FIRST_CHANGE);
  return row?.change == null ? null : Number(row.change);
}

/**
 * The unfiltered export with the change number it shows. Neo4j reads see commits made while they
 * run, so the number is read before and after: equal, nothing was committed in between (every
 * commit raises it); else it is read again.
 */
export async function exportCurrent(
  db: Db,
  exportAll: () => Promise<InterchangeDocument>,
): Promise<{ change: number; doc: InterchangeDocument }> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const change = await changeNumber(db);
    const doc = await exportAll();
    if ((await changeNumber(db)) === change) return { change, doc };
  }
  throw new UnavailableError('the dataset changed during every attempt to read it whole; retry');
}

/** The changes after `after` up to `upTo`, newest first. */
export async function changesBetween(db: Db, after: number, upTo: number): Promise<HistoryEntry[]> {
  const rows = await db.query(BETWEEN, { after: neo4j.int(after), upTo: neo4j.int(upTo) });
  return rows.map(entryOfRow);
}

/** For test isolation only, as wipeForTests. */
export async function wipeHistory(db: Db): Promise<void> {
  for (;;) {
    const [row] = await db.query(WIPE, {}, 'write');
    if (!Number(row?.deleted)) return;
  }
}
