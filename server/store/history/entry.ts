/**
 * A change as both stores keep it: every record it touched, whole, before and after. The API shows
 * a bounded part of it (answerOf); asOf exports roll the befores back (rebuild.ts).
 */
import { HISTORY_RECORDS_SHOWN, type Change, type ChangedRecord, type HistoryRecordKind } from '../../../contract';

/** Who asks for a write and why; both optional so server-side writes (the seed) need none. */
export interface ChangeNote {
  who?: string;
  message?: string;
}

/** The author of a write that names none: the seed and other server-side writes. */
export const SYSTEM_AUTHOR = 'system';

export interface HistoryEntry {
  change: number;
  at: string;
  who: string;
  message?: string;
  kind: 'write' | 'import';
  records: ChangedRecord[];
}

/** What GET /api/history asks a store for. Times are ISO strings, compared as instants. */
export interface HistoryQuery {
  /** Changes made at or after this time. */
  since?: string;
  /** Changes made at or before this time. */
  until?: string;
  who?: string;
  /** `kind:id`, e.g. `actor:parler`. */
  record?: string;
  /** Only changes numbered below this (the page before). */
  before?: number;
  limit: number;
}

export const recordKey = (kind: HistoryRecordKind, id: string) => `${kind}:${id}`;

export function entryOf(
  change: number,
  at: string,
  note: ChangeNote | undefined,
  kind: HistoryEntry['kind'],
  records: ChangedRecord[],
): HistoryEntry {
  return { change, at, who: note?.who ?? SYSTEM_AUTHOR, ...(note?.message !== undefined && { message: note.message }), kind, records };
}

/** The stored entry as the API shows it: the record asked about, or the first records of a large change. */
export function answerOf(entry: HistoryEntry, record?: string): Change {
  const records = record ? entry.records.filter((r) => recordKey(r.kind, r.id) === record) : entry.records;
  return {
    change: entry.change,
    at: entry.at,
    who: entry.who,
    ...(entry.message !== undefined && { message: entry.message }),
    kind: entry.kind,
    records: records.slice(0, HISTORY_RECORDS_SHOWN),
    recordCount: entry.records.length,
  };
}

/** Whether an entry passes the query's filters (not its paging). */
export function entryMatches(entry: Pick<HistoryEntry, 'change' | 'at' | 'who'>, keys: () => Iterable<string>, q: HistoryQuery): boolean {
  if (q.before !== undefined && entry.change >= q.before) return false;
  if (q.since !== undefined && Date.parse(entry.at) < Date.parse(q.since)) return false;
  if (q.until !== undefined && Date.parse(entry.at) > Date.parse(q.until)) return false;
  if (q.who !== undefined && entry.who !== q.who) return false;
  if (q.record !== undefined) {
    for (const k of keys()) if (k === q.record) return true;
    return false;
  }
  return true;
}

/**
 * Change times never go backwards, even if the clock does, so "as of a time" has one answer: the
 * last change made at or before it.
 */
export function nextTime(last: string | undefined, now = new Date()): string {
  if (last !== undefined && Date.parse(last) >= now.getTime()) return new Date(Date.parse(last) + 1).toISOString();
  return now.toISOString();
}
