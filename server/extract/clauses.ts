/**
 * Where the actors of a verb are: the clause around it, its subject and its object, in the active
 * and the passive, with coordinated actors ("Apple and Google removed ...") and the words that
 * stand for an actor already named ("the site", "it").
 */
import type { ProposedActorRef } from '../../contract';
import type { Mention } from './actors';
import { attribution } from './lexicon';
import names from './rules/names.json';
import type { Sentence, Token } from './text';

const set = (words: readonly string[]) => new Set(words);
const BREAKS = set(attribution.clauseBreaks.words);
const OBJECT_SKIP = set(attribution.objectSkip.words);
const SUBJECT_SKIP = set(['of', 'from', 'to', 'by', 'against', 'for', 'on', 'at', 'in', 'with', 'into', 'about', 'than', 'like', 'via']);
const AUX = set(attribution.passiveAux.words);
const ADVERBS = set(attribution.adverbs.words);
const COORDINATION = /^(?:\s*,?\s*(?:and|&|as well as|or)\s+(?:both\s+|the\s+)?|\s*,\s*)$/iu;

/** A reference word list compiled to folded word sequences. */
const refs = (list: readonly string[]) => list.map((r) => r.split(' '));
const SUBJECT_REFS = refs(names.references.subject);
const TARGET_REFS = refs(names.references.target);

/** The text being read: its words, sentences and actor mentions, with lookups between them. */
export class Reading {
  /** The mention covering each token, or -1. */
  readonly mentionAt: Int32Array;
  /** The actor most often named: what "the site" and "the platform" stand for. */
  readonly topic: ProposedActorRef | null;

  constructor(
    readonly text: string,
    readonly tokens: Token[],
    readonly sentences: Sentence[],
    readonly mentions: Mention[],
  ) {
    this.mentionAt = new Int32Array(tokens.length).fill(-1);
    mentions.forEach((m, i) => this.mentionAt.fill(i, m.first, m.last));
    const counts = new Map<string, { ref: ProposedActorRef; n: number; first: number }>();
    for (const m of mentions) {
      const key = m.actor.id ?? `new:${m.actor.name}`;
      const c = counts.get(key) ?? { ref: m.actor, n: 0, first: m.first };
      c.n++;
      counts.set(key, c);
    }
    this.topic = [...counts.values()].sort((a, b) => b.n - a.n || a.first - b.first)[0]?.ref ?? null;
  }

  /**
   * What "the site" at token `at` stands for: the report's main actor when it was named in the
   * last few sentences, else the last actor named before it other than the one acting.
   */
  targetBefore(at: number, lookBack: number, acting: ProposedActorRef[]): ProposedActorRef | null {
    let recent: ProposedActorRef | null = null;
    for (let k = at - 1; k >= lookBack; k--) {
      const m = this.mentionAt[k]!;
      if (m < 0) continue;
      const a = this.mentions[m]!.actor;
      if (this.topic && same(a, this.topic) && !acting.some((x) => same(x, a))) return a;
      if (!recent && !acting.some((x) => same(x, a))) recent = a;
      k = this.mentions[m]!.first;
    }
    return recent ?? (this.topic && !acting.some((x) => same(x, this.topic!)) ? this.topic : null);
  }

  norm(i: number): string {
    return this.tokens[i]?.norm ?? '';
  }

  gap(a: number, b: number): string {
    return this.text.slice(this.tokens[a]!.end, this.tokens[b]!.start);
  }
}

export interface Clause {
  start: number;
  end: number;
}

/** The clause around tokens [first, last): bounded by the sentence, a clause-opening word, or ; and :. */
export function clauseOf(r: Reading, s: Sentence, first: number, last: number): Clause {
  let start = s.first;
  for (let k = first - 1; k >= s.first; k--) {
    if (BREAKS.has(r.norm(k))) {
      start = k + 1;
      break;
    }
    if (k > s.first && /[;:]/.test(r.gap(k - 1, k))) {
      start = k;
      break;
    }
  }
  let end = s.last;
  for (let k = last; k < s.last; k++) {
    if (BREAKS.has(r.norm(k)) || (k > last && /[;:]/.test(r.gap(k - 1, k)))) {
      end = k;
      break;
    }
  }
  return { start, end };
}

/** An auxiliary ("was", "got") before the verb, with only adverbs between: the verb is passive. */
export function isPassive(r: Reading, clause: Clause, first: number): boolean {
  for (let k = first - 1; k >= clause.start && k >= first - 4; k--) {
    const w = r.norm(k);
    if (AUX.has(w)) return true;
    if (!ADVERBS.has(w) && !w.endsWith('ly')) return false;
  }
  return false;
}

export interface Found {
  actors: ProposedActorRef[];
  /** Token range of the words naming them here, for the evidence. */
  first: number;
  last: number;
  /** Named by a reference word ("the site"), not by name. */
  inferred: boolean;
}

function withCoordinated(r: Reading, m: number, direction: -1 | 1, clause: Clause): { ids: number[] } {
  const ids = [m];
  let cur = m;
  for (;;) {
    const next = cur + direction;
    const nm = r.mentions[next];
    if (!nm) break;
    const a = direction === 1 ? r.mentions[cur]! : nm;
    const b = direction === 1 ? nm : r.mentions[cur]!;
    if (nm.first < clause.start || nm.last > clause.end) break;
    const between = r.text.slice(a.end, b.start);
    if (!COORDINATION.test(between) && !/^\s*(?:'s|’s)?\s*(?:and|,)\s*(?:both\s+)?$/iu.test(between)) break;
    ids.push(next);
    cur = next;
  }
  return { ids };
}

function found(r: Reading, ids: number[]): Found {
  const ms = ids.map((i) => r.mentions[i]!);
  const actors: ProposedActorRef[] = [];
  for (const m of ms) if (!actors.some((a) => same(a, m.actor))) actors.push(m.actor);
  return { actors, first: Math.min(...ms.map((m) => m.first)), last: Math.max(...ms.map((m) => m.last)), inferred: false };
}

export function same(a: ProposedActorRef, b: ProposedActorRef): boolean {
  return a.id !== null || b.id !== null ? a.id === b.id : a.name === b.name;
}

/** The mention index nearest before token `at` within [from, at), skipping objects of prepositions. */
function mentionBefore(r: Reading, from: number, at: number): number | null {
  let fallback: number | null = null;
  for (let k = at - 1; k >= from; k--) {
    const m = r.mentionAt[k]!;
    if (m < 0) continue;
    const mention = r.mentions[m]!;
    if (!SUBJECT_SKIP.has(r.norm(mention.first - 1)) || mention.first - 1 < from) return m;
    fallback ??= m;
    k = mention.first;
  }
  return fallback;
}

/** The subject: the nearest actor named before the verb in its clause, with those coordinated with it. */
export function subjectOf(r: Reading, clause: Clause, first: number, lookBack: number): Found | null {
  const m = mentionBefore(r, clause.start, first);
  if (m !== null) return found(r, withCoordinated(r, m, -1, clause).ids);
  const ref = referenceIn(r, clause.start, first, SUBJECT_REFS);
  if (ref) {
    // "it", "the company": the actor named last before it, in this sentence or the ones before.
    const before = mentionBefore(r, lookBack, ref.first);
    if (before !== null) return { actors: [r.mentions[before]!.actor], first: ref.first, last: ref.last, inferred: true };
  }
  const target = referenceIn(r, clause.start, first, TARGET_REFS);
  const t = target && r.targetBefore(target.first, lookBack, []);
  if (target && t) return { actors: [t], first: target.first, last: target.last, inferred: true };
  return null;
}

/** The object: the first actor named after the verb in its clause (not after "in", "on", ...), with those coordinated with it. */
export function objectOf(
  r: Reading,
  clause: Clause,
  first: number,
  last: number,
  lookBack: number,
  subject: ProposedActorRef[],
  skip: ReadonlySet<string> = OBJECT_SKIP,
): Found | null {
  for (let k = last; k < clause.end; k++) {
    const m = r.mentionAt[k]!;
    if (m < 0) continue;
    const mention = r.mentions[m]!;
    if (skip.has(r.norm(mention.first - 1)) || (r.norm(mention.first - 1) === 'the' && skip.has(r.norm(mention.first - 2)))) {
      k = mention.last - 1;
      continue;
    }
    return found(r, withCoordinated(r, m, 1, clause).ids);
  }
  const ref = referenceIn(r, first + 1, clause.end, TARGET_REFS);
  const t = ref && r.targetBefore(ref.first, lookBack, subject);
  if (ref && t) return { actors: [t], first: ref.first, last: ref.last, inferred: true };
  return null;
}

/** The first actor named after one of `preps` (a "the" may come between) after the verb, in its clause. */
export function afterPreposition(r: Reading, clause: Clause, last: number, preps: ReadonlySet<string>): Found | null {
  for (let k = last; k < clause.end; k++) {
    const m = r.mentionAt[k]!;
    if (m < 0) continue;
    const mention = r.mentions[m]!;
    const p = r.norm(mention.first - 1) === 'the' ? r.norm(mention.first - 2) : r.norm(mention.first - 1);
    if (preps.has(p)) return found(r, withCoordinated(r, m, 1, clause).ids);
    k = mention.last - 1;
  }
  return null;
}

function referenceIn(r: Reading, from: number, to: number, list: string[][]): { first: number; last: number } | null {
  for (let k = from; k < to; k++) {
    if (r.mentionAt[k]! >= 0) continue;
    for (const words of list) {
      if (words.every((w, j) => r.norm(k + j) === w) && k + words.length <= to) return { first: k, last: k + words.length };
    }
  }
  return null;
}
