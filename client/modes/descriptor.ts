/**
 * What a view mode tells the rest of the browser about itself. Kept free of the DOM so the URL
 * codec, the reducers and their tests can read every mode; what a mode draws lives beside it,
 * in its folder's view.ts (see views.ts).
 */
import type { QueryReader } from '../state/query';

export interface ModeDescriptor<Id extends string = string, S = unknown> {
  readonly id: Id;
  /** The switcher button's text. */
  readonly label: string;
  /**
   * Searched in the whole filtered graph (paths, chains): the mode draws all of it even while
   * an actor is focused, and focusing on an actor from it goes back to the first mode.
   */
  readonly wholeGraph: boolean;
  /** False when the mode hides the drawing (the table): nothing to fit or to replay. */
  readonly drawing: boolean;
  /** The mode's own part of the view state, kept while other modes are shown. */
  readonly initial: S;
  readonly url: ModeUrl<S>;
}

export interface ModeUrl<S> {
  /** The query parameters this mode owns (no other mode and no common field uses them). */
  readonly params: readonly string[];
  read(q: QueryReader): S;
  /** Writes only the values that differ from the initial ones, so the bare address stays bare. */
  write(s: S, q: URLSearchParams): void;
}

/** Keeps the literal id and the state type for the registry's types. */
export function defineMode<Id extends string, S>(mode: ModeDescriptor<Id, S>): ModeDescriptor<Id, S> {
  return mode;
}
