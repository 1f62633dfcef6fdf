/** The messages between the API's thread and an import worker (start.ts, worker.ts). */
import type { InterchangeDocument } from '../../contract';

/** What the worker is given: the body's bytes as received, and how to read them. */
export interface ImportJob {
  bytes: Uint8Array;
  /** The Content-Type's charset, lower case; utf-8 when it names none. */
  charset: string;
  /** Prefix of the 400 message when the body does not fit the schema. */
  prefix: string;
}

/** A refusal, as the 400 answer will carry it. */
export interface Refusal {
  message: string;
  details: string[];
}

export type RecordList = 'actors' | 'sources' | 'episodes' | 'actions';

/** The document without its record lists, which follow in batches. */
export type DocumentHead = Omit<InterchangeDocument, RecordList>;

/** The worker's first message: the refusal, or the valid document's head and how many records follow. */
export type CheckReply = { refused: Refusal } | { head: DocumentHead; lists: RecordList[] } | { failed: string };

/** Asked of the worker after its first answer: the next batch of records. */
export interface NextBatch {
  next: true;
}

/** A batch of one list's records, in document order; `done` when none are left. */
export type BatchReply = { list: RecordList; records: unknown[] } | { done: true };
