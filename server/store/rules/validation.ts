/**
 * The schema check every write starts with. Callers may pass records they parsed already, but a
 * store takes nothing on trust; what it keeps is the canonical copy (keys sorted), which the
 * caller can no longer change, the same in both stores.
 */
import { canonical, parseDocument, type InterchangeDocument, type Parsed, type Problem } from '../../../contract';
import { ValidationError } from '../errors';
import { KINDS } from './kinds';
import type { RecordKind, Records } from './lookup';

export const IMPORT_REJECTED = 'the import was rejected and nothing was written';

function valid<T>(parsed: Parsed<T>, message: string): T {
  if (!parsed.ok) throw new ValidationError(parsed.problems, message);
  return canonical(parsed.value);
}

export function validRecord<K extends RecordKind>(kind: K, input: unknown): Records[K] {
  return valid(KINDS[kind].parse(input), 'invalid record');
}

/**
 * How many problems a refused import names. Past that the answer only counts them: a document of a
 * million bad records would otherwise cost minutes of CPU and an answer of hundreds of megabytes.
 */
export const PROBLEMS_NAMED = 100;

/** The refusal of an import: the first PROBLEMS_NAMED problems, and how many there were in all. */
export function importRefused(problems: Problem[], total = problems.length): ValidationError {
  if (total <= PROBLEMS_NAMED && problems.length === total) return new ValidationError(problems, IMPORT_REJECTED);
  return new ValidationError(
    problems.slice(0, PROBLEMS_NAMED),
    `${IMPORT_REJECTED} (${total} problems; the first ${PROBLEMS_NAMED} are named)`,
  );
}

const RECORD_LISTS = ['actors', 'sources', 'episodes', 'actions'] as const;

/**
 * Records that are not objects at all, counted in one cheap pass before the schema runs: the schema
 * check builds a problem object per bad record, which for a million of them is the whole cost.
 */
function nonRecords(input: unknown): { problems: Problem[]; total: number } {
  const problems: Problem[] = [];
  let total = 0;
  if (input === null || typeof input !== 'object') return { problems, total };
  for (const list of RECORD_LISTS) {
    const records = (input as Record<string, unknown>)[list];
    if (!Array.isArray(records)) continue;
    for (let i = 0; i < records.length; i++) {
      const record: unknown = records[i];
      if (record !== null && typeof record === 'object' && !Array.isArray(record)) continue;
      total++;
      if (problems.length < PROBLEMS_NAMED) {
        const got = record === null ? 'null' : Array.isArray(record) ? 'an array' : typeof record;
        problems.push({ path: `${list}[${i}]`, message: `expected a record (an object), got ${got}` });
      }
    }
  }
  return { problems, total };
}

/**
 * Documents this process's import worker made with validDocument itself (server/import-worker/):
 * checking them again here would hold the event loop as long as the worker saved. Each is taken
 * once, by identity, so nothing a client sends can be passed off as checked.
 */
const checkedOffThread = new WeakSet<object>();

/** Marks a document the import worker returned from validDocument; the store's own check then takes it as it is. */
export function checkedElsewhere(doc: InterchangeDocument): InterchangeDocument {
  checkedOffThread.add(doc);
  return doc;
}

export function validDocument(input: unknown): InterchangeDocument {
  if (typeof input === 'object' && input !== null && checkedOffThread.delete(input)) return input as InterchangeDocument;
  const loose = nonRecords(input);
  if (loose.total) throw importRefused(loose.problems, loose.total);
  const parsed = parseDocument(input);
  if (!parsed.ok) throw importRefused(parsed.problems);
  return canonical(parsed.value);
}
