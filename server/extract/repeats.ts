/**
 * An act told again of another actor: "Apple removed the game on Thursday. Google did the same
 * that evening", "Spotify followed suit", "..., and so did Vimeo". The new actor does what the
 * last sanction, restoration or notice read before did, to the same targets. The phrases are data
 * (structure.json `repeats`).
 */
import { categoryOf, type ActionType, type ProposedActorRef } from '../../contract';
import type { Found } from './clauses';
import { clauseOf, subjectOf, type Clause } from './clauses';
import { listFrom } from './lists';
import { same, type Reading } from './reading';
import structure from './rules/structure.json';
import type { Sentence } from './text';

const AFTER = structure.repeats.after.map((p) => p.split(' '));
const BEFORE = structure.repeats.before.map((p) => p.split(' '));
const REPEATED = new Set(['sanction', 'restoration', 'notice']);

interface Act {
  type: ActionType;
  from: ProposedActorRef;
  to: ProposedActorRef;
  date: string | null;
  evidence: Array<[number, number]>;
  confidence: number;
  at: number;
}

/**
 * The acts sentence `s` repeats for a new actor, from the acts read before it (`before`); `dateAt`
 * gives the date written in a clause after a character (else before it), if any.
 */
export function repeatsIn<T extends Act>(
  r: Reading,
  s: Sentence,
  lookBack: number,
  before: readonly T[],
  dateAt: (at: number, clause: Clause) => string | null,
): T[] {
  const out: T[] = [];
  for (let k = s.first; k < s.last; k++) {
    const after = AFTER.find((p) => p.every((w, j) => r.norm(k + j) === w));
    const lead = after ? null : BEFORE.find((p) => p.every((w, j) => r.norm(k + j) === w));
    if (!after && !lead) continue;
    const words = (after ?? lead)!.length;
    const clause = clauseOf(r, s, k, k + words);
    const by = after ? subjectOf(r, clause, k, lookBack) : actorsAt(r, s, k + words);
    const at = r.tokens[k]!.start;
    const last = [...before, ...out].filter((a) => a.at < at && REPEATED.has(categoryOf(a.type))).pop();
    if (!by || !last) continue;
    // The act repeated: every proposal made at the same words (a list of targets cut off together).
    const acts = before.filter((a) => a.at === last.at && a.type === last.type);
    const span: [number, number] = [r.tokens[Math.min(k, by.first)]!.start, r.tokens[Math.max(k + words, by.last) - 1]!.end];
    for (const a of acts) {
      for (const f of by.actors) {
        if (same(f, a.to) || same(f, a.from) || out.some((o) => same(o.from, f) && same(o.to, a.to))) continue;
        out.push({
          ...a,
          from: f,
          date: dateAt(at, clause) ?? a.date,
          evidence: [span],
          confidence: Math.round(a.confidence * 80) / 100,
          at: at + 1,
        });
      }
    }
    k += words - 1;
  }
  return out;
}

/** "so did Vimeo and Zonk": the names right after the words. */
function actorsAt(r: Reading, s: Sentence, k: number) {
  const m = k < s.last ? r.mentionAt[k]! : -1;
  return m >= 0 && r.mentions[m]!.first === k ? listFrom(r, m, { start: k, end: s.last }) : null;
}

const ALSO = new Set(structure.repeats.also);

/**
 * "Vimeo and Quux were also taken out of the store", "Vimeo was banned too": a passive sanction
 * told as one more of the same, with no agent named, is by the actor of the last sanction read,
 * and on its day when the sentence gives none (`date`). `first`, `last`: the verb's tokens; `end`:
 * one past its clause.
 */
export function alsoAgent(
  r: Reading,
  first: number,
  last: number,
  end: number,
  target: readonly ProposedActorRef[],
): (Found & { date: string | null }) | null {
  const also =
    [first - 1, first - 2, first - 3].some((k) => ALSO.has(r.norm(k))) ||
    [last, last + 1, last + 2].some((k) => k < end && ALSO.has(r.norm(k)));
  const s = also ? r.sanctionBefore(r.tokens[first]!.start, target) : null;
  return s && { actors: [s.by], first, last, inferred: true, date: s.date ?? null };
}
