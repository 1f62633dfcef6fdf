/**
 * A sentence that opens with a participle phrase: "Dropped by Reddit in May, Gab moved to Vimeo",
 * "Having been banned from X, Y sued", "After banning Gab, Reddit said". The phrase's act has no
 * subject of its own; the main clause's subject (the first name after the phrase's comma) is its
 * target when the participle is past (the phrase is passive) and its actor when it is present.
 */
import type { Found } from './clauses';
import type { Trigger } from './lexicon';
import { found } from './lists';
import type { Reading } from './reading';
import structure from './rules/structure.json';
import type { Sentence } from './text';

const LEAD = new Set(structure.openers.lead);
const PASSIVE_LEAD = new Set(['been', 'being']);

export interface Opener {
  /** The phrase's act is passive: the main subject is its target. */
  passive: boolean;
  /** The main clause's subject. */
  subject: Found;
  /** The token after the phrase's last word (its comma follows it). */
  end: number;
}

/** The opening participle phrase that holds trigger `t`, with the main clause's subject; null when `t` is in none. */
export function openerOf(r: Reading, s: Sentence, t: Trigger): Opener | null {
  if (!t.verb) return null;
  let k = s.first;
  const lead = new Set<string>();
  while (k < t.first && LEAD.has(r.norm(k))) lead.add(r.norm(k++));
  if (k !== t.first) return null;
  const word = r.norm(t.first);
  // "Banned from X, ..." and "Having been dropped by X, ...": passive; "After banning X, ..." and "Having dropped X, ...": active.
  const been = [...lead].some((w) => PASSIVE_LEAD.has(w));
  const active = word.endsWith('ing') || (lead.has('having') && !been);
  if (!active && !been && !/(?:ed|en|wn|t)$/u.test(word)) return null;
  let end = t.last;
  while (end < s.last && !r.gap(end - 1, end).includes(',')) {
    if (r.gap(end - 1, end).match(/[;:]/u)) return null;
    end++;
  }
  if (end >= s.last) return null;
  const m = r.mentionAt[end]!;
  const main = m >= 0 && r.mentions[m]!.first === end ? m : r.norm(end) === 'the' ? r.mentionAt[end + 1]! : -1;
  if (main < 0) return null;
  return { passive: !active, subject: found(r, [main]), end };
}
