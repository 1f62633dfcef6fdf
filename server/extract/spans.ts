/**
 * The words of each matched phrase of the lexicon: a name inside one ("gave the owner of the forum
 * Gab 24 hours") is acted upon by it, as one right after a verb is, so it is no subject for a verb
 * that follows ("... and suspended X" is still the first subject's act).
 */
import type { Mention } from './actors';
import type { Trigger } from './lexicon';
import type { Reading } from './reading';

const INSIDE = new WeakMap<Reading, Uint8Array>();

/** Records the spans of the triggers found in the text read by `r`. */
export function markSpans(r: Reading, found: readonly (readonly Trigger[])[]): void {
  const inside = new Uint8Array(r.tokens.length);
  for (const triggers of found) for (const t of triggers) if (t.last - t.first > 2) inside.fill(1, t.first + 1, t.last);
  INSIDE.set(r, inside);
}

/** Is mention `m` within the words of a matched phrase, after its first word? */
export function insideAct(r: Reading, m: Mention): boolean {
  return INSIDE.get(r)?.[m.first] === 1;
}
