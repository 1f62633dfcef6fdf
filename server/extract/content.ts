/**
 * Reported content: "claiming PayPal had banned it", "said Gab was ...". A name right after a saying
 * or claiming verb, followed by a finite verb, opens the reported clause: it is that clause's
 * subject, not the object of the saying verb, however the claim itself is read.
 */
import structure from './rules/structure.json';
import { isSaying } from './attribution';
import type { Mention } from './actors';
import { same, SUBJECT_SKIP, type Reading } from './reading';
import type { ProposedActorRef } from '../../contract';
import type { Sentence } from './text';
import { isAccountNoun } from './accounts';

const FINITE = new Set(structure.content.finite);

/** Does mention `m`, after a saying verb, open the clause said ("claiming X had banned it")? */
export function opensContent(r: Reading, m: Mention): boolean {
  let k = m.first - 1;
  if (r.norm(k) === 'that') k--;
  if (!isSaying(r, k)) return false;
  // The saying verb itself, not "told": an addressee is acted upon.
  const next = r.norm(m.last);
  return FINITE.has(next) || (r.verbs.has(m.last) && /(?:ed|s)$/u.test(next));
}

/**
 * "WikiLeaks answered, claiming PayPal had banned it": "it" in the clause said, with another actor
 * acting in it, is the one saying it. The saying verb must come before the clause's subject, in the
 * same sentence; the speaker is the actor named nearest before that verb and not acted upon.
 */
export function speakerAsIt(r: Reading, at: number, subject: readonly ProposedActorRef[]): ProposedActorRef | null {
  if (r.norm(at) !== 'it' || !subject.length) return null;
  const s = r.sentences.find((x) => x.first <= at && at < x.last);
  if (!s) return null;
  let k = at - 1;
  // The subject's mention, then the saying verb right before it (past "that").
  while (k >= s.first && !(r.mentionAt[k]! >= 0 && subject.some((a) => same(a, r.mentions[r.mentionAt[k]!]!.actor)))) k--;
  if (k < s.first) return null;
  k = r.mentions[r.mentionAt[k]!]!.first - 1;
  if (r.norm(k) === 'that') k--;
  if (k < s.first || !isSaying(r, k)) return null;
  for (let j = k - 1; j >= s.first; j--) {
    const m = r.mentionAt[j]!;
    if (m < 0) continue;
    const mention = r.mentions[m]!;
    const before = ['the', 'both'].includes(r.norm(mention.first - 1)) ? mention.first - 2 : mention.first - 1;
    if (
      r.actedUpon(mention) ||
      SUBJECT_SKIP.has(r.norm(before)) ||
      r.people.has(mention.actor.name) ||
      subject.some((a) => same(a, mention.actor))
    ) {
      j = mention.first;
      continue;
    }
    return mention.actor;
  }
  return null;
}

const DATE_OPENERS = new Set(structure.content.dateOpeners);

/**
 * "On Sunday it had deleted ..., and on May 11 it cut ...": "it" after no more than an opening
 * phrase of time (no name, no verb before it in the sentence), or a later "it" joined to such one
 * by ", and", stands where an opening "It" does: for the previous sentence's acting actor.
 */
export function opensSentence(r: Reading, s: Sentence, at: number): boolean {
  if (r.norm(at) !== 'it') return false;
  const plain = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (r.mentionAt[k]! >= 0 || r.verbs.has(k)) return false;
    return true;
  };
  if (at > s.first && DATE_OPENERS.has(r.norm(s.first)) && at - s.first <= 5 && plain(s.first, at)) return true;
  for (let k = at - 1; k > s.first; k--) {
    if (r.norm(k) !== 'and' || !r.gap(k - 1, k).includes(',')) continue;
    if (at - k > 5 || !plain(k + 1, at)) return false;
    for (let j = k - 1; j >= s.first; j--) if (r.norm(j) === 'it') return j === s.first || opensSentence(r, s, j);
    return false;
  }
  return false;
}

/** The acting actor of the nearest of the three sentences before `s` that names one ("The ban also covers ..." names none). */
export function actingBefore(r: Reading, s: Sentence, lookBack: number): ProposedActorRef | null {
  const i = r.sentences.indexOf(s);
  for (let j = i; j > Math.max(0, i - 3); j--) {
    const a = r.actingIn(r.sentences[j]!, lookBack);
    if (a) return a;
  }
  return null;
}

const DESCRIBERS = new Set(structure.content.describers);

/**
 * "by the Beijing company ByteDance", "to the payments firm Stripe": a name right after "the", at
 * most three words and a noun for an organisation, all after one of `preps`.
 */
export function describedAfter(r: Reading, last: number, first: number, preps: ReadonlySet<string>): boolean {
  if (first < 2 || !DESCRIBERS.has(r.norm(first - 1)) || r.gap(first - 1, first) !== ' ') return false;
  for (let j = first - 2; j >= Math.max(last, first - 5); j--) {
    if (r.mentionAt[j]! >= 0 || r.gap(j, j + 1) !== ' ') return false;
    if (r.norm(j) === 'the' || r.norm(j) === 'a') return j - 1 >= last - 1 && preps.has(r.norm(j - 1));
  }
  return false;
}

/** "the Beijing company ByteDance": the mention of the name after a describing noun that follows `m`, or -1. */
export function describedName(r: Reading, m: Mention): number {
  if (m.last + 1 >= r.tokens.length || !DESCRIBERS.has(r.norm(m.last))) return -1;
  if (r.gap(m.last - 1, m.last) !== ' ' || r.gap(m.last, m.last + 1) !== ' ') return -1;
  const next = r.mentionAt[m.last + 1]!;
  return next >= 0 && r.mentions[next]!.first === m.last + 1 ? next : -1;
}

/**
 * "Assembly Four, the Melbourne company that runs X": a name used as a modifier of a describing
 * noun in an apposition stands for nothing; the name before the apposition's comma is meant.
 * The mention meant, -2 when no name stands there, or -1 when `m` is no such modifier.
 */
export function appositionHead(r: Reading, m: Mention): number {
  if (!DESCRIBERS.has(r.norm(m.last)) || !['the', 'a'].includes(r.norm(m.first - 1))) return -1;
  const comma = m.first - 1;
  if (comma < 1 || m.last >= r.tokens.length || !r.gap(comma - 1, comma).includes(',')) return -1;
  // No name before the comma: the modifier is still not the one meant (-2: no one).
  const head = r.mentionAt[comma - 1]!;
  return head >= 0 ? head : -2;
}

/** Does the verb at `first` open its clause right after "and" or "but" (adverbs between allowed), so that it has no subject of its own? */
export function sharesSubject(r: Reading, clause: { start: number }, first: number): boolean {
  if (!['and', 'but'].includes(r.norm(clause.start - 1))) return false;
  for (let k = clause.start; k < first; k++) if (!/^(?:also|then|later|quickly|\p{L}+ly)$/u.test(r.norm(k))) return false;
  return true;
}

const GROUP_AUX = new Set(['was', 'were', 'had', 'have', 'has', 'been', 'being', 'is', 'are', 'later', 'also', 'then', 'all']);

/** "users who were banned from X": the verb at `first` is passive in a relative clause on a lower-case plural noun. */
export function groupRelative(r: Reading, clause: { start: number }, first: number): boolean {
  let k = first - 1;
  while (k > clause.start && GROUP_AUX.has(r.norm(k))) k--;
  if (!['who', 'that'].includes(r.norm(k)) || k - 1 < clause.start) return false;
  const noun = r.tokens[k - 1]!;
  return r.mentionAt[k - 1]! < 0 && /^\p{Ll}+s$/u.test(noun.text) && !isAccountNoun(noun.norm) && r.gap(k - 1, k) === ' ';
}

/** The end of a claim's object: the first comma or semicolon after the claim's words, or the clause's end. */
export function claimEnd(r: Reading, clause: { end: number }, last: number): number {
  for (let k = last; k < clause.end - 1; k++) if (/[,;]/u.test(r.gap(k, k + 1))) return k + 1;
  return clause.end;
}

/** Is the actor a person: known as one, or a new name written as one? */
export function isPerson(r: Reading, a: ProposedActorRef): boolean {
  return a.id ? r.kindOf(a.id) === 'person' : r.people.has(a.name);
}

/** The nearest actor named before token `at`, back to `lookBack`, that is not a person. */
export function thingBefore(r: Reading, at: number, lookBack: number): ProposedActorRef | null {
  for (let k = at - 1; k >= lookBack; k--) {
    const m = r.mentionAt[k]!;
    if (m < 0) continue;
    const a = r.mentions[m]!.actor;
    if (!isPerson(r, a)) return a;
    k = r.mentions[m]!.first;
  }
  return null;
}

const RELATIVES = new Set(['that', 'which', 'whom']);

/**
 * "Zeddo, the account that X had removed", "..., the account that tracks flights and that X removed":
 * the name before ", the <noun>" that the relative word at `rel` describes (past an earlier relative
 * clause joined by "and"), or -1.
 */
export function appositionAntecedent(r: Reading, rel: number): number {
  let head = rel - 1;
  if (r.norm(head) === 'and') {
    let k = head - 1;
    while (k > head - 15 && k > 0 && !RELATIVES.has(r.norm(k))) k--;
    if (!RELATIVES.has(r.norm(k))) return -1;
    head = k - 1;
  }
  if (head < 2 || r.mentionAt[head]! >= 0 || !/^\p{Ll}+$/u.test(r.tokens[head]!.text)) return -1;
  if (!['the', 'a', 'an'].includes(r.norm(head - 1)) || !r.gap(head - 2, head - 1).includes(',')) return -1;
  return r.mentionAt[head - 2]!;
}
