/**
 * Writes. Each runs in one write transaction: its checks read the same state it writes, and a
 * throw anywhere (a failed check, a lost reference, the server going away) rolls all of it back.
 * Checks, their order and their messages are those of the embedded store.
 */
import {
  actionReferenceProblems, canonical, documentProblems, parseAction, parseActor, parseDocument, parseSource, referencedIds,
  sameRecord, type Action, type Actor, type InterchangeDocument, type Parsed, type Source,
} from '../../../contract';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import type { Counts, ImportResult } from '../types';
import {
  ACTIONS_BY_IDS, ACTOR_REFERENCES, ACTORS_BY_IDS, CREATE_ACTIONS_LINKED, CREATE_ACTOR, CREATE_SOURCE, DELETE_ACTION, DELETE_ACTOR,
  DELETE_SOURCE, EXISTING_ACTION_IDS, EXISTING_ACTOR_IDS, EXISTING_SOURCE_IDS, LINK_ACTION_CLAIMANTS, LINK_ACTION_DISPUTANTS,
  LINK_ACTION_ENDS, LINK_ACTION_SOURCES, REPLACE_ACTOR, REPLACE_SOURCE, SOURCE_REFERENCES, SOURCES_BY_IDS, UNLINK_ACTIONS,
  UPSERT_ACTIONS, UPSERT_ACTORS, UPSERT_SOURCES,
} from './cypher';
import type { Db, Params, Tx } from './db';
import {
  actionLinks, actionOfRow, actionProps, actionRow, actorOfRow, actorProps, sourceOfRow, sourceProps,
} from './mapping';

/**
 * Rows per UNWIND statement: big imports go in several statements of one transaction. Fewer,
 * bigger statements: each costs a round trip and a plan lookup; 5,000 rows of actions stay a few
 * MB of parameters.
 */
const BATCH = 5_000;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH) out.push(items.slice(i, i + BATCH));
  return out;
}

async function runBatched<T>(tx: Tx, statement: string, rows: readonly T[], key = 'rows', extra: Params = {}): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  for (const chunk of chunks(rows)) out.push(...(await tx.run(statement, { ...extra, [key]: chunk })));
  return out;
}

async function existing(tx: Tx, statement: string, ids: Iterable<string>): Promise<Set<string>> {
  const rows = await runBatched(tx, statement, [...new Set(ids)], 'ids');
  return new Set(rows.map((r) => r.id as string));
}

/** Runs a LINK_* statement and checks that every reference found its node. */
async function link(tx: Tx, statement: string, rows: { id: string; ids?: readonly string[] }[], expected: number): Promise<void> {
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

/**
 * New actions, nodes and relationships, one statement per batch (CREATE_ACTIONS_LINKED). Every
 * reference was checked a moment ago in this transaction; only a concurrent delete makes one
 * missing, and then nothing is written.
 */
async function createActions(tx: Tx, actions: readonly Action[]): Promise<void> {
  for (const chunk of chunks(actions)) {
    const rows = chunk.map((a) => ({
      props: actionProps(a), from: a.from, to: a.to, sources: a.sourceIds, claimants: a.claimedBy ?? [], disputants: a.disputedBy ?? [],
    }));
    const [r] = await tx.run(CREATE_ACTIONS_LINKED, { rows });
    const expected = rows.reduce((n, row) => ({
      cited: n.cited + row.sources.length, claimed: n.claimed + row.claimants.length, disputed: n.disputed + row.disputants.length,
    }), { cited: 0, claimed: 0, disputed: 0 });
    if (Number(r?.created) !== rows.length || Number(r?.cited) !== expected.cited
      || Number(r?.claimed) !== expected.claimed || Number(r?.disputed) !== expected.disputed) {
      throw new ConflictError(CONCURRENT_DELETE);
    }
  }
}

/** Stored actions rewritten: MERGE by id, their relationships dropped and made again. */
async function rewriteActions(tx: Tx, actions: readonly Action[]): Promise<void> {
  if (actions.length === 0) return;
  await runBatched(tx, UNLINK_ACTIONS, actions.map((a) => a.id), 'ids');
  await runBatched(tx, UPSERT_ACTIONS, actions.map(actionRow));
  const links = actionLinks(actions);
  const count = (rows: { ids: readonly string[] }[]) => rows.reduce((n, r) => n + r.ids.length, 0);
  await link(tx, LINK_ACTION_ENDS, links.ends, links.ends.length);
  await link(tx, LINK_ACTION_SOURCES, links.sources, count(links.sources));
  await link(tx, LINK_ACTION_CLAIMANTS, links.claimants, count(links.claimants));
  await link(tx, LINK_ACTION_DISPUTANTS, links.disputants, count(links.disputants));
}

const zero = (): Counts => ({ actors: 0, sources: 0, actions: 0 });

const IMPORT_REJECTED = 'the import was rejected and nothing was written';

/**
 * The record as the schema reads it, canonical (keys sorted): callers pass parsed records, but a
 * store takes nothing on trust, and stores what the embedded store stores.
 */
function valid<T>(parsed: Parsed<T>, message = 'invalid record'): T {
  if (!parsed.ok) throw new ValidationError(parsed.problems, message);
  return canonical(parsed.value);
}

export async function importDocument(db: Db, input: InterchangeDocument): Promise<ImportResult> {
  const doc = valid(parseDocument(input), IMPORT_REJECTED);
  return db.write(async (tx) => {
    const actors = doc.actors ?? [];
    const sources = doc.sources ?? [];
    const actions = doc.actions ?? [];
    const refs = referencedIds(actions);

    // What is stored already: the records the payload may replace, and the references it may use.
    const storedActors = new Map<string, Actor>();
    for (const r of await runBatched(tx, ACTORS_BY_IDS, [...new Set(actors.map((a) => a.id))], 'ids')) {
      const a = actorOfRow(r);
      storedActors.set(a.id, a);
    }
    const storedSources = new Map<string, Source>();
    for (const r of await runBatched(tx, SOURCES_BY_IDS, [...new Set(sources.map((s) => s.id))], 'ids')) {
      const s = sourceOfRow(r);
      storedSources.set(s.id, s);
    }
    const storedActions = new Map<string, Action>();
    for (const r of await runBatched(tx, ACTIONS_BY_IDS, [...new Set(actions.map((a) => a.id))], 'ids')) {
      const a = actionOfRow(r);
      storedActions.set(a.id, a);
    }
    const inPayload = { actors: new Set(actors.map((a) => a.id)), sources: new Set(sources.map((s) => s.id)) };
    const knownActors = await existing(tx, EXISTING_ACTOR_IDS, [...refs.actors].filter((id) => !inPayload.actors.has(id)));
    const knownSources = await existing(tx, EXISTING_SOURCE_IDS, [...refs.sources].filter((id) => !inPayload.sources.has(id)));

    const problems = documentProblems(doc, {
      hasActor: (id) => storedActors.has(id) || knownActors.has(id),
      hasSource: (id) => storedSources.has(id) || knownSources.has(id),
    });
    if (problems.length) throw new ValidationError(problems, IMPORT_REJECTED);

    const result: ImportResult = { created: zero(), updated: zero(), unchanged: zero() };
    const changed = <T extends { id: string }>(records: T[], stored: Map<string, T>, key: keyof Counts): T[] =>
      records.filter((r) => {
        const old = stored.get(r.id);
        const outcome = !old ? 'created' : sameRecord(old, r) ? 'unchanged' : 'updated';
        result[outcome][key]++;
        return outcome !== 'unchanged';
      });

    await runBatched(tx, UPSERT_ACTORS, changed(actors, storedActors, 'actors').map((a) => ({ id: a.id, props: actorProps(a) })));
    await runBatched(tx, UPSERT_SOURCES, changed(sources, storedSources, 'sources').map((s) => ({ id: s.id, props: sourceProps(s) })));
    const changedActions = changed(actions, storedActions, 'actions');
    await createActions(tx, changedActions.filter((a) => !storedActions.has(a.id)));
    await rewriteActions(tx, changedActions.filter((a) => storedActions.has(a.id)));
    return result;
  });
}

// ---- actors ----

export async function createActor(db: Db, input: Actor): Promise<void> {
  const actor = valid(parseActor(input));
  return db.write(async (tx) => {
    if ((await existing(tx, EXISTING_ACTOR_IDS, [actor.id])).size) throw new ConflictError(`actor "${actor.id}" already exists`);
    await tx.run(CREATE_ACTOR, { props: actorProps(actor) });
  });
}

export async function replaceActor(db: Db, input: Actor): Promise<void> {
  const actor = valid(parseActor(input));
  const [row] = await db.query(REPLACE_ACTOR, { id: actor.id, props: actorProps(actor) }, 'write');
  if (!Number(row?.replaced)) throw new NotFoundError('actor', actor.id);
}

export async function deleteActor(db: Db, id: string): Promise<void> {
  return db.write(async (tx) => {
    const [row] = await tx.run(ACTOR_REFERENCES, { id });
    if (!row) throw new NotFoundError('actor', id);
    const refs = [...(row.actions as string[])].sort();
    if (refs.length) throw new ConflictError(`actor "${id}" is referenced by ${refs.length} action(s)`, refs);
    await tx.run(DELETE_ACTOR, { id });
  });
}

// ---- sources ----

export async function createSource(db: Db, input: Source): Promise<void> {
  const source = valid(parseSource(input));
  return db.write(async (tx) => {
    if ((await existing(tx, EXISTING_SOURCE_IDS, [source.id])).size) throw new ConflictError(`source "${source.id}" already exists`);
    await tx.run(CREATE_SOURCE, { props: sourceProps(source) });
  });
}

export async function replaceSource(db: Db, input: Source): Promise<void> {
  const source = valid(parseSource(input));
  const [row] = await db.query(REPLACE_SOURCE, { id: source.id, props: sourceProps(source) }, 'write');
  if (!Number(row?.replaced)) throw new NotFoundError('source', source.id);
}

export async function deleteSource(db: Db, id: string): Promise<void> {
  return db.write(async (tx) => {
    const [row] = await tx.run(SOURCE_REFERENCES, { id });
    if (!row) throw new NotFoundError('source', id);
    const refs = [...(row.actions as string[])].sort();
    if (refs.length) throw new ConflictError(`source "${id}" is cited by ${refs.length} action(s)`, refs);
    await tx.run(DELETE_SOURCE, { id });
  });
}

// ---- actions ----

async function checkActionReferences(tx: Tx, action: Action): Promise<void> {
  const refs = referencedIds([action]);
  const actors = await existing(tx, EXISTING_ACTOR_IDS, refs.actors);
  const sources = await existing(tx, EXISTING_SOURCE_IDS, refs.sources);
  const problems = actionReferenceProblems([action], { hasActor: (id) => actors.has(id), hasSource: (id) => sources.has(id) }, () => '');
  if (problems.length) throw new ValidationError(problems, 'unresolved references');
}

export async function createAction(db: Db, input: Action): Promise<void> {
  const action = valid(parseAction(input));
  return db.write(async (tx) => {
    if ((await existing(tx, EXISTING_ACTION_IDS, [action.id])).size) throw new ConflictError(`action "${action.id}" already exists`);
    await checkActionReferences(tx, action);
    await createActions(tx, [action]);
  });
}

export async function replaceAction(db: Db, input: Action): Promise<void> {
  const action = valid(parseAction(input));
  return db.write(async (tx) => {
    if (!(await existing(tx, EXISTING_ACTION_IDS, [action.id])).size) throw new NotFoundError('action', action.id);
    await checkActionReferences(tx, action);
    await rewriteActions(tx, [action]);
  });
}

export async function deleteAction(db: Db, id: string): Promise<void> {
  const [row] = await db.query(DELETE_ACTION, { id }, 'write');
  if (!Number(row?.deleted)) throw new NotFoundError('action', id);
}
