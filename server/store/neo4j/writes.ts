/**
 * Writes. Each runs in one write transaction: its checks read the same state it writes, and a
 * throw anywhere (a failed check, a lost reference, the server going away) rolls all of it back.
 * The checks are the rules both stores share (store/rules), asked of this transaction (lookup.ts).
 */
import type { Action, InterchangeDocument } from '../../../contract';
import { ConflictError, NotFoundError } from '../errors';
import { checkCreate, checkDelete, checkReplace, planImport, validDocument, validRecord, type RecordKind, type Records } from '../rules';
import type { ImportPlan } from '../rules/import';
import type { ChangedRecord } from '../../../contract';
import type { ChangeNote, ImportResult } from '../types';
import { chunks, runBatched } from './batches';
import {
  CREATE_ACTIONS_LINKED,
  CREATE_ACTOR,
  CREATE_EPISODE,
  CREATE_SOURCE,
  DELETE_ACTION,
  DELETE_ACTOR,
  DELETE_EPISODE,
  DELETE_SOURCE,
  LINK_ACTION_CLAIMANTS,
  LINK_ACTION_DISPUTANTS,
  LINK_ACTION_ENDS,
  LINK_ACTION_EPISODES,
  LINK_ACTION_RESPONSES,
  LINK_ACTION_SOURCES,
  REPLACE_ACTOR,
  REPLACE_EPISODE,
  REPLACE_SOURCE,
  UNLINK_ACTIONS,
  UPSERT_ACTIONS,
  UPSERT_ACTORS,
  UPSERT_EPISODES,
  UPSERT_SOURCES,
} from './cypher';
import type { Db, Params, Tx } from './db';
import { recordChange } from './history';
import { importLookup, type ImportLookup } from './import-lookup';
import { lookupIn } from './lookup';
import { actionLinks, actionProps, actionRow, actorProps, citationRow, episodeProps, sourceProps } from './mapping';

/** Runs a LINK_* statement and checks that every reference found its node. */
async function link(tx: Tx, statement: string, rows: readonly { id: string }[], expected: number): Promise<void> {
  let linked = 0;
  for (const chunk of chunks(rows)) {
    const [row] = await tx.run(statement, { rows: chunk });
    linked += Number(row?.linked ?? 0);
  }
  if (linked !== expected) {
    // Checked a moment ago in this transaction; only a concurrent delete gets here.
    throw new ConflictError(CONCURRENT_DELETE);
  }
}

const CONCURRENT_DELETE = 'a referenced record was deleted by a concurrent change; nothing was written, retry';

const count = (rows: { ids: readonly string[] }[]) => rows.reduce((n, r) => n + r.ids.length, 0);

/**
 * The response links and episodes of actions just created or rewritten. After every action of the
 * write is there: a response may name an action written with it.
 */
async function linkResponsesAndEpisodes(tx: Tx, actions: readonly Action[]): Promise<void> {
  const links = actionLinks(actions);
  await link(tx, LINK_ACTION_RESPONSES, links.responses, count(links.responses));
  await link(tx, LINK_ACTION_EPISODES, links.episodes, count(links.episodes));
}

/** Each id once, in order: a claim or dispute is one relationship however often the record names it. */
const distinct = (ids: readonly string[] | undefined): string[] => [...new Set(ids ?? [])];

/** A batch of new actions as CREATE_ACTIONS_LINKED takes them, and the counts it must answer. */
function createRows(actions: readonly Action[]) {
  const rows = actions.map((a) => ({
    props: actionProps(a),
    citations: a.citations.map(citationRow),
    claimants: distinct(a.claimedBy),
    disputants: distinct(a.disputedBy),
  }));
  const expected = { created: rows.length, cited: 0, claimed: 0, disputed: 0 };
  for (const row of rows) {
    expected.cited += row.citations.length;
    expected.claimed += row.claimants.length;
    expected.disputed += row.disputants.length;
  }
  return { rows, expected };
}

/**
 * New actions, nodes and relationships, one statement per batch (CREATE_ACTIONS_LINKED); their
 * response links and episodes are the caller's (linkResponsesAndEpisodes). Every reference was
 * checked a moment ago in this transaction; only a concurrent delete makes one missing, and then
 * nothing is written.
 */
async function createActions(tx: Tx, actions: readonly Action[]): Promise<void> {
  for (const chunk of chunks(actions)) {
    const { rows, expected } = createRows(chunk);
    const [r] = await tx.run(CREATE_ACTIONS_LINKED, { rows });
    const wrong = (['created', 'cited', 'claimed', 'disputed'] as const).some((key) => Number(r?.[key]) !== expected[key]);
    if (wrong) throw new ConflictError(CONCURRENT_DELETE);
  }
}

/** Stored actions rewritten: MERGE by id, the relationships they own dropped and made again. */
export async function rewriteActions(tx: Tx, actions: readonly Action[]): Promise<void> {
  if (actions.length === 0) return;
  await runBatched(
    tx,
    UNLINK_ACTIONS,
    actions.map((a) => a.id),
    'ids',
  );
  await runBatched(tx, UPSERT_ACTIONS, actions.map(actionRow));
  const links = actionLinks(actions);
  await link(tx, LINK_ACTION_ENDS, links.ends, links.ends.length);
  await link(
    tx,
    LINK_ACTION_SOURCES,
    links.sources,
    links.sources.reduce((n, r) => n + r.citations.length, 0),
  );
  await link(tx, LINK_ACTION_CLAIMANTS, links.claimants, count(links.claimants));
  await link(tx, LINK_ACTION_DISPUTANTS, links.disputants, count(links.disputants));
  await linkResponsesAndEpisodes(tx, actions);
}

/** How each kind is written, once the rules (store/rules) have passed in the same transaction. */
interface KindWrites<T> {
  create(tx: Tx, record: T): Promise<void>;
  /** False when the record is gone: a concurrent change deleted it after the rules found it. */
  replace(tx: Tx, record: T): Promise<boolean>;
  remove(tx: Tx, id: string): Promise<boolean>;
}

/** Whether a statement on one record (REPLACE_*, DELETE_*) found it, by the count it returns. */
async function found(tx: Tx, statement: string, params: Params, count: 'replaced' | 'deleted'): Promise<boolean> {
  const [row] = await tx.run(statement, params);
  return Number(row?.[count] ?? 0) > 0;
}

const WRITES: { [K in RecordKind]: KindWrites<Records[K]> } = {
  actor: {
    create: async (tx, actor) => {
      await tx.run(CREATE_ACTOR, { props: actorProps(actor) });
    },
    replace: (tx, actor) => found(tx, REPLACE_ACTOR, { id: actor.id, props: actorProps(actor) }, 'replaced'),
    remove: (tx, id) => found(tx, DELETE_ACTOR, { id }, 'deleted'),
  },
  source: {
    create: async (tx, source) => {
      await tx.run(CREATE_SOURCE, { props: sourceProps(source) });
    },
    replace: (tx, source) => found(tx, REPLACE_SOURCE, { id: source.id, props: sourceProps(source) }, 'replaced'),
    remove: (tx, id) => found(tx, DELETE_SOURCE, { id }, 'deleted'),
  },
  episode: {
    create: async (tx, episode) => {
      await tx.run(CREATE_EPISODE, { props: episodeProps(episode) });
    },
    replace: (tx, episode) => found(tx, REPLACE_EPISODE, { id: episode.id, props: episodeProps(episode) }, 'replaced'),
    remove: (tx, id) => found(tx, DELETE_EPISODE, { id }, 'deleted'),
  },
  action: {
    create: async (tx, action) => {
      await createActions(tx, [action]);
      await linkResponsesAndEpisodes(tx, [action]);
    },
    replace: async (tx, action) => {
      // MERGE by id: an action deleted meanwhile is made again, every reference checked as it is linked.
      await rewriteActions(tx, [action]);
      return true;
    },
    remove: (tx, id) => found(tx, DELETE_ACTION, { id }, 'deleted'),
  },
};

/** An import's changed records, the befores of updated ones as the rules read them (importLookup). */
function importRecords(lookup: ImportLookup, writes: ImportPlan['writes']): ChangedRecord[] {
  const out: ChangedRecord[] = [];
  for (const kind of ['actor', 'source', 'episode', 'action'] as const) {
    const stored = lookup.found(kind);
    for (const { record, outcome } of writes[kind] as { record: Records[RecordKind]; outcome: string }[]) {
      const before = outcome === 'created' ? null : ((stored.get(record.id) as unknown as Record<string, unknown> | undefined) ?? null);
      out.push({ kind, id: record.id, op: outcome === 'created' ? 'created' : 'replaced', before, after: record });
    }
  }
  return out;
}

async function storedRecord(tx: Tx, kind: RecordKind, id: string): Promise<Record<string, unknown> | null> {
  return ((await lookupIn(tx).records(kind, [id])).get(id) as unknown as Record<string, unknown> | undefined) ?? null;
}

export async function importDocument(db: Db, input: InterchangeDocument, note?: ChangeNote): Promise<ImportResult> {
  const doc = validDocument(input);
  return db.write(async (tx) => {
    const lookup = await importLookup(tx);
    const { result, writes } = await planImport(doc, lookup);
    await recordChange(tx, note, 'import', importRecords(lookup, writes));
    await runBatched(
      tx,
      UPSERT_ACTORS,
      writes.actor.map(({ record }) => ({ id: record.id, props: actorProps(record) })),
    );
    await runBatched(
      tx,
      UPSERT_SOURCES,
      writes.source.map(({ record }) => ({ id: record.id, props: sourceProps(record) })),
    );
    await runBatched(
      tx,
      UPSERT_EPISODES,
      writes.episode.map(({ record }) => ({ id: record.id, props: episodeProps(record) })),
    );
    const created = writes.action.filter((w) => w.outcome === 'created').map((w) => w.record);
    await createActions(tx, created);
    await rewriteActions(
      tx,
      writes.action.filter((w) => w.outcome === 'updated').map((w) => w.record),
    );
    await linkResponsesAndEpisodes(tx, created);
    return result;
  });
}

// A record is validated before its transaction opens, so an invalid one is refused even when
// the database cannot be reached.

export async function create<K extends RecordKind>(db: Db, kind: K, input: Records[K], note?: ChangeNote): Promise<void> {
  const record = validRecord(kind, input);
  return db.write(async (tx) => {
    await checkCreate(kind, record, lookupIn(tx));
    await WRITES[kind].create(tx, record);
    const after = record as unknown as Record<string, unknown>;
    await recordChange(tx, note, 'write', [{ kind, id: record.id, op: 'created', before: null, after }]);
  });
}

export async function replace<K extends RecordKind>(db: Db, kind: K, input: Records[K], note?: ChangeNote): Promise<void> {
  const record = validRecord(kind, input);
  return db.write(async (tx) => {
    await checkReplace(kind, record, lookupIn(tx));
    const before = await storedRecord(tx, kind, record.id);
    if (!(await WRITES[kind].replace(tx, record))) throw new NotFoundError(kind, record.id);
    const after = record as unknown as Record<string, unknown>;
    await recordChange(tx, note, 'write', [{ kind, id: record.id, op: before ? 'replaced' : 'created', before, after }]);
  });
}

export async function remove(db: Db, kind: RecordKind, id: string, note?: ChangeNote): Promise<void> {
  return db.write(async (tx) => {
    await checkDelete(kind, id, lookupIn(tx));
    const before = await storedRecord(tx, kind, id);
    if (!(await WRITES[kind].remove(tx, id))) throw new NotFoundError(kind, id);
    await recordChange(tx, note, 'write', [{ kind, id, op: 'deleted', before, after: null }]);
  });
}
