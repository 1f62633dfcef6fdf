/**
 * Courts and judges as actors of a legal act. A court or judge that keeps a party from doing
 * something ("barred Apple from cutting off ...", "turned down Epic's request") rules on that party;
 * the same words from a platform are a sanction. Who counts as a court: an actor the store knows as
 * one, a name with a court's noun in it ("the District Court", "the Tribunal"), or a person the text
 * titles "Judge" or "Justice".
 */
import type { ProposedActorRef } from '../../contract';
import { same, type Reading } from './reading';
import { sentenceSubject, type Found } from './clauses';
import type { Trigger } from './lexicon';
import type { Sentence } from './text';
import rules from './rules/structure.json';

const COURT_NAME = new RegExp(`\\b(?:${rules.courts.nameWords.join('|')})\\b`, 'iu');
const TITLES = new Set(rules.courts.titles);
const NOUNS = new Set(rules.courts.nouns);
const PLACE_PREPOSITIONS = new Set(['in', 'of', 'for']);

/** Is `a` a court or a tribunal (not a judge)? */
function isCourtBody(r: Reading, a: ProposedActorRef): boolean {
  return (a.id !== null && r.kindOf(a.id) === 'court') || COURT_NAME.test(a.name);
}

// Per reading, the answer for each actor: looking for a title scans every mention, and a long report asks often.
const COURTS = new WeakMap<Reading, Map<string, boolean>>();

/** Is `a` a court, a tribunal, or a person the text titles as a judge? */
export function isCourt(r: Reading, a: ProposedActorRef): boolean {
  if (isCourtBody(r, a)) return true;
  const known = COURTS.get(r) ?? new Map<string, boolean>();
  COURTS.set(r, known);
  const key = a.id ?? `new:${a.name}`;
  // "Judge Jo Doe", "Justice Jo Doe": the title before a mention of the person, or the first word of a known name
  // with more words after it ("Justice Jo Doe" as the store spells it; not "Justice Department").
  const titled =
    known.get(key) ??
    r.mentions.some((m) => same(m.actor, a) && (TITLES.has(r.norm(m.first - 1)) || (TITLES.has(r.norm(m.first)) && m.last - m.first > 2)));
  known.set(key, titled);
  return titled;
}

/**
 * Before the verb at `first`, in its sentence, the nearest name is a court or a judge, or a noun for
 * one ("a federal judge") comes after the last name: the verb may be a court's.
 */
export function courtActs(r: Reading, s: Sentence, first: number): boolean {
  for (let k = first - 1; k >= s.first; k--) {
    const m = r.mentionAt[k]!;
    if (m >= 0) return isCourt(r, r.mentions[m]!.actor) || placeOfCourt(r, r.mentions[m]!.first);
    if (NOUNS.has(r.norm(k))) return true;
  }
  return false;
}

/** "a federal court in Northern California", "the judge for the District of X": a name where a court sits, after its noun. */
function placeOfCourt(r: Reading, first: number): boolean {
  const prep = r.norm(first - 1) === 'the' ? first - 2 : first - 1;
  if (!PLACE_PREPOSITIONS.has(r.norm(prep))) return false;
  for (let k = prep - 1; k >= Math.max(0, prep - 3); k--) if (NOUNS.has(r.norm(k))) return true;
  return false;
}

/**
 * "A federal judge on Thursday blocked X from ... . Judge Jo Doe of the District Court wrote ...": a
 * court or judge introduced with "a" and no name before the verb is the first court or judge named
 * in the next two sentences, the way a report's opening sentence leaves the name to the next.
 */
function courtNamedAfter(r: Reading, s: Sentence, first: number): Found | null {
  let indefinite = false;
  for (let k = s.first; k < first; k++) {
    if (r.mentionAt[k]! >= 0) return null;
    if (NOUNS.has(r.norm(k)) && [1, 2, 3].some((j) => k - j >= s.first && ['a', 'an'].includes(r.norm(k - j)))) indefinite = true;
  }
  if (!indefinite) return null;
  const next = r.sentences.filter((x) => x.first >= s.last).slice(0, 2);
  for (const x of next) {
    for (let k = x.first; k < x.last; k++) {
      const m = r.mentionAt[k]!;
      if (m < 0) continue;
      const mention = r.mentions[m]!;
      if (isCourt(r, mention.actor)) return { actors: [mention.actor], first, last: first + 1, inferred: true };
      k = mention.last - 1;
    }
  }
  return null;
}

/**
 * The acting actor of a trigger, as courts change it: a court's act with no name before it takes the
 * court named next; a court found as a claim's author ("filed a lawsuit in the District Court
 * alleging that ...") is where the claim is made, so the sentence's subject makes it, or no one.
 */
export function courtActor(r: Reading, s: Sentence, t: Trigger, from: Found | null): Found | null {
  if (!from && t.rule.fromCourts) return courtNamedAfter(r, s, t.first);
  if (t.rule.type !== 'ACCUSED' || !from?.actors.some((a) => isCourtBody(r, a))) return from;
  const subject = sentenceSubject(r, s, t.first);
  return subject && !subject.actors.some((a) => isCourtBody(r, a)) ? subject : null;
}

/** The court or judge named last before token `at`, other than `not`: whose ruling or order a judgement of one is aimed at. */
export function courtBefore(r: Reading, at: number, not: readonly ProposedActorRef[]): ProposedActorRef | null {
  for (let k = at - 1; k >= 0; k--) {
    const m = r.mentionAt[k]!;
    if (m < 0) continue;
    const a = r.mentions[m]!.actor;
    if (isCourt(r, a) && !not.some((x) => same(x, a))) return a;
    k = r.mentions[m]!.first;
  }
  return null;
}

/**
 * "the judge", "the court" after token `from` in the clause: the judge (a person titled so) or the
 * court named last before it, as the noun says.
 */
export function courtReferenced(r: Reading, clause: { end: number }, from: number): Found | null {
  for (let k = from; k + 1 < clause.end; k++) {
    if (r.mentionAt[k]! >= 0) return null;
    if (r.norm(k) !== 'the' || !NOUNS.has(r.norm(k + 1)) || r.mentionAt[k + 1]! >= 0) continue;
    const person = TITLES.has(r.norm(k + 1).replace(/s$/u, ''));
    for (let j = k - 1; j >= 0; j--) {
      const m = r.mentionAt[j]!;
      if (m < 0) continue;
      const a = r.mentions[m]!.actor;
      if (isCourt(r, a) && isCourtBody(r, a) !== person) return { actors: [a], first: k, last: k + 2, inferred: true };
      j = r.mentions[m]!.first;
    }
    return null;
  }
  return null;
}

/** The author of the last sanction proposed before character `at` (in its sentence too), other than `not`: whom a suit answers. */
export function answeredParty(r: Reading, at: number, not: readonly ProposedActorRef[]): ProposedActorRef | null {
  const list = r.sanctions;
  for (let i = list.length - 1; i >= 0; i--) if (list[i]!.at < at && !not.some((x) => same(x, list[i]!.by))) return list[i]!.by;
  return null;
}

/**
 * The party a review ("upheld the suspension", "overturned the ban") rules on when none is named:
 * the author of the last sanction read before character `at`, or, when that author is itself a
 * court or judge (a panel upholding a justice's order), the one the sanction hit.
 */
export function reviewedParty(r: Reading, at: number, not: readonly ProposedActorRef[]): ProposedActorRef | null {
  const list = r.sanctions;
  for (let i = list.length - 1; i >= 0; i--) {
    const s = list[i]!;
    if (s.at >= at || not.some((x) => same(x, s.by))) continue;
    return isCourt(r, s.by) ? s.to : s.by;
  }
  return null;
}
