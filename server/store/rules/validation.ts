/**
 * The schema check every write starts with. Callers may pass records they parsed already, but a
 * store takes nothing on trust; what it keeps is the canonical copy (keys sorted), which the
 * caller can no longer change, the same in both stores.
 */
import { canonical, parseDocument, type InterchangeDocument, type Parsed } from '../../../contract';
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

export function validDocument(input: unknown): InterchangeDocument {
  return valid(parseDocument(input), IMPORT_REJECTED);
}
