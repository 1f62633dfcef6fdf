/**
 * The rules of an import: the whole document is checked (duplicate ids, unresolved references)
 * before anything is written, and each record is created, updated, or left unchanged when the
 * store holds an equal one. The store then writes the plan in one transaction (or journal record).
 */
import { sameRecord, type InterchangeDocument } from '../../../contract';
import type { Counts, ImportResult, WriteOutcome } from '../types';
import { documentProblemsInTurns } from './document-problems';
import { KINDS } from './kinds';
import type { RecordKind, RecordLookup, Records } from './lookup';
import { storedReferences } from './references';
import { responseProblems } from './responses';
import { Turns } from '../../loop-turn';
import { importRefused } from './validation';

export interface RecordWrite<T> {
  record: T;
  outcome: Exclude<WriteOutcome, 'unchanged'>;
}

export interface ImportPlan {
  result: ImportResult;
  /** Per kind, the records to write, in document order; unchanged ones are left out. */
  writes: { [K in RecordKind]: RecordWrite<Records[K]>[] };
}

/**
 * sameRecord, with a shortcut: both records are usually canonical already (validDocument's output,
 * a store's canonical copy), and equal JSON then settles it without the two canonical copies,
 * which are most of a large import's comparison time.
 */
function unchanged(stored: unknown, record: unknown): boolean {
  return JSON.stringify(stored) === JSON.stringify(record) || sameRecord(stored, record);
}

const zero = (): Counts => ({ actors: 0, sources: 0, episodes: 0, actions: 0 });

/**
 * Checks a valid document (validDocument) against the store and classifies its records, giving the
 * event loop a turn every few milliseconds (turns.ts): at M the comparison alone takes hundreds.
 */
export async function planImport(doc: InterchangeDocument, lookup: RecordLookup): Promise<ImportPlan> {
  const turns = new Turns();
  const actors = doc.actors ?? [];
  const sources = doc.sources ?? [];
  const episodes = doc.episodes ?? [];
  const actions = doc.actions ?? [];
  const inPayload = {
    actors: new Set(actors.map((a) => a.id)),
    sources: new Set(sources.map((s) => s.id)),
    episodes: new Set(episodes.map((e) => e.id)),
    actions: new Set(actions.map((a) => a.id)),
  };
  await turns.maybe();
  const problems = await documentProblemsInTurns(doc, inPayload, await storedReferences(lookup, actions, inPayload, turns), turns);
  if (problems.length) throw importRefused(problems);
  const responses = await responseProblems(actions, lookup, undefined, turns);
  if (responses.length) throw importRefused(responses);

  const result: ImportResult = { created: zero(), updated: zero(), unchanged: zero() };
  const classify = async <K extends RecordKind>(kind: K, records: Records[K][]): Promise<RecordWrite<Records[K]>[]> => {
    const stored = await lookup.records(
      kind,
      records.map((r) => r.id),
    );
    const writes: RecordWrite<Records[K]>[] = [];
    await turns.chunks(records, 200, (part) => {
      for (const record of part) {
        const old = stored.get(record.id);
        const outcome = !old ? 'created' : unchanged(old, record) ? 'unchanged' : 'updated';
        result[outcome][KINDS[kind].plural]++;
        if (outcome !== 'unchanged') writes.push({ record, outcome });
      }
    });
    return writes;
  };
  const writes = {
    actor: await classify('actor', actors),
    source: await classify('source', sources),
    episode: await classify('episode', episodes),
    action: await classify('action', actions),
  };
  return { result, writes };
}
