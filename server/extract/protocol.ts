/** The messages between the API's thread and the extraction worker (pool.ts ↔ worker.ts). */
import type { ActorRecord, Unit } from './actors';
import type { Anchor } from './dates';

export interface ExtractJob {
  id: number;
  text: string;
  anchor: Anchor | null;
  /** Which version of the store's actors to match against. */
  actorsVersion: number;
  /** The actors themselves, sent only when the worker holds another version. */
  actors?: readonly ActorRecord[];
  /** With the actors: which owns which (the store's OWNS actions). */
  units?: readonly Unit[];
}

/** The answer as JSON text: a string crosses threads in one copy, and the API thread need not serialise it. */
export type ExtractReply = { id: number; json: string } | { id: number; error: string } | { ready: true };
