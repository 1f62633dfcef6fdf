/**
 * What the write rules need to know about the stored graph, asked of each store. Answers may be
 * promises, so Neo4j answers inside the write's own transaction and the checks see what the write
 * changes; the embedded store answers from memory.
 */
import type { Action, Actor, Episode, Source } from '../../../contract';

/** The record kinds a store holds, by the name the rules and messages use. */
export interface Records {
  actor: Actor;
  source: Source;
  episode: Episode;
  action: Action;
}

export type RecordKind = keyof Records;

export type Awaitable<T> = T | Promise<T>;

export interface IdSet {
  has(id: string): boolean;
}

/**
 * A store's answers about the ids it is asked about. An answer may cover more ids than asked
 * (the embedded store hands over its own maps); the rules only ask it about the ids they passed.
 */
export interface RecordLookup {
  /** The stored records among `ids`. */
  records<K extends RecordKind>(kind: K, ids: readonly string[]): Awaitable<ReadonlyMap<string, Records[K]>>;
  /** Which of `ids` are stored. */
  existing(kind: RecordKind, ids: readonly string[]): Awaitable<IdSet>;
  /** Ids of the actions that reference the record (for an action: those responding to it), in any order; null when it is not stored. */
  referencing(kind: RecordKind, id: string): Awaitable<readonly string[] | null>;
}
