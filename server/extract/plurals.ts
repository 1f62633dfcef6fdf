/**
 * "Both of the company's apps vanished ... Apple took them down": "them" (or a passive "they") is
 * the plural noun phrase named last, and the act is on the owner written in it. Which words form
 * a plural noun phrase comes from compromise's noun-phrase layer, not from a list.
 */
import nlp from 'compromise';
import type { ProposedActorRef } from '../../contract';
import names from './rules/names.json';
import { same, type Reading } from './reading';

const THINGS = new Set(names.references.thingNouns);
const DEFINITE = /^(?:the|its|their|these|those|both)\s/iu;
// Tagging is the slow part: at most this many look-ups a report.
const MAX_LOOKUPS = 40;
const budgets = new WeakMap<Reading, { left: number }>();

interface NounPhrase {
  text: string;
  offset: { start: number; length: number };
  noun?: { isPlural?: boolean };
}

/**
 * The owner of the plural noun phrase named last before token `at` (from token `from` on): an actor
 * named inside it before "'s" ("Gab's forums"), or the site or company a noun before "'s" stands for
 * ("the messaging company's apps"). Null when the last plural phrase has no owner, or none is found.
 */
export function pluralOwner(r: Reading, at: number, from: number, acting: readonly ProposedActorRef[]): ProposedActorRef | null {
  let budget = budgets.get(r);
  if (!budget) budgets.set(r, (budget = { left: MAX_LOOKUPS }));
  if (budget.left <= 0 || from >= at) return null;
  budget.left--;
  const start = r.tokens[from]!.start;
  const phrases = nlp(r.text.slice(start, r.tokens[at]!.start)).nouns().json({ offset: true }) as NounPhrase[];
  // A definite phrase without an owner ("the apps") stands for an earlier one with the same noun that has one.
  let head: string | null = null;
  for (let i = phrases.length - 1; i >= 0; i--) {
    const p = phrases[i]!;
    const text = p.text.trim().replace(/[.,;:!?]+$/u, '');
    if (!p.noun?.isPlural || /^(?:they|them|those|these)$/iu.test(text)) continue;
    const owned = /^(.*?)['’]s\s/u.exec(text);
    const last = text.split(/\s+/u).pop()!.toLowerCase();
    if (!owned) {
      // "images of abuse": an indefinite phrase is no antecedent.
      if (head === null && DEFINITE.test(text)) head = last;
      continue;
    }
    if (head !== null && head !== last) continue;
    const ownerEnd = start + p.offset.start + owned[1]!.length;
    // The owner's last word, as a token: a mention there is the owner; a noun for a site or company stands for one.
    let k = at - 1;
    while (k > from && r.tokens[k]!.end > ownerEnd) k--;
    const m = r.mentionAt[k]!;
    if (m >= 0) return r.mentions[m]!.actor;
    if (!THINGS.has(r.norm(k))) return null;
    return r.targetBefore(k, from, [...acting], r.norm(k));
  }
  return null;
}

const LIST_LINK = /^\s*(?:,|,?\s*and|,?\s*or)\s*(?:the\s+)?$/iu;

/**
 * "The pages of A, B, the C and D returned ... after the network blocked them": "them" (at token
 * `at`) is every owner listed after the last definite plural noun and "of" before it (from token
 * `from` on), when no other actor than `acting` is named between the list and `at`. Empty when
 * there is no such list of two names or more.
 */
export function pluralOwners(r: Reading, at: number, from: number, acting: readonly ProposedActorRef[]): ProposedActorRef[] {
  for (let k = at - 1; k > from + 1; k--) {
    const m = r.mentionAt[k]!;
    if (m >= 0 && !acting.some((a) => same(a, r.mentions[m]!.actor))) {
      // The last name before "them": is it the end of a list opened by "the <plural> of"?
      let head = m;
      while (head > 0 && LIST_LINK.test(r.text.slice(r.mentions[head - 1]!.end, r.mentions[head]!.start))) head--;
      const first = r.mentions[head]!.first;
      const of = r.norm(first - 1) === 'the' ? first - 2 : first - 1;
      const noun = r.tokens[of - 1];
      if (head === m || r.norm(of) !== 'of' || !noun || !/^\p{Ll}+s$/u.test(noun.text) || !DEFINITE.test(`${r.norm(of - 2)} `)) return [];
      return r.mentions.slice(head, m + 1).map((x) => x.actor);
    }
  }
  return [];
}

const PASSIVE_AUX = new Set(['was', 'were', 'been', 'being', 'be', 'had', 'have', 'has', 'is', 'are', 'later', 'also', 'since', 'all']);

/**
 * "many users who were banned from A and B": the passive's target is a group of people named by a
 * plural common noun and "who", no actor; the act is not on anyone named before. True when the verb
 * at token `verb` is so introduced.
 */
export function peopleGroupTarget(r: Reading, verb: number): boolean {
  let k = verb - 1;
  while (k > 0 && (PASSIVE_AUX.has(r.norm(k)) || /ly$/u.test(r.norm(k)))) k--;
  if (r.norm(k) !== 'who' || k < 1) return false;
  const noun = r.tokens[k - 1]!;
  return r.mentionAt[k - 1]! < 0 && /^\p{Ll}+s$/u.test(noun.text) && !/(?:ss|us)$/u.test(noun.text);
}
