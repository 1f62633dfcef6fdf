/**
 * Causatives: an actor makes another act. "Ofcom ordered Zonk Telecom to block Gab" is an order
 * to Zonk Telecom and, told as done, Zonk Telecom's sanction of Gab (the orderer's when the one
 * ordered is a regulator or government carrying it out); "the judge ordered Gab suspended" is the
 * judge's sanction of Gab. The ones ordered may be a list or a plural noun with its named members
 * ("operators, Zonk Telecom among them"). Rules read the sanction verb after "to" as unrealised;
 * these readings are what the order makes of it.
 */
import { categoryOf } from '../../contract';
import type { Trigger, Rule } from './lexicon';
import { clauseOf, objectOf, subjectOf, type Found } from './clauses';
import { listFrom } from './lists';
import { same, type Reading } from './reading';
import type { ProposedActorRef } from '../../contract';
import type { Sentence } from './text';
import rules from './rules/structure.json';

const ORDER_VERBS = new Set(rules.orders.verbs);
const CLOSERS = rules.orders.listClosers.map((c) => c.split(' '));
const COMMANDS = new Set(rules.orders.commands);
const CAUSATIVES = new Set(rules.orders.causatives);
const ORDER_KINDS = new Set(rules.orders.orderKinds);
const CARRIED_OUT_BY = new Set(rules.orders.carriedOutBy);
const GROUPS = rules.orders.groups.map((g) => g.split(' ')).sort((a, b) => b.length - a.length);
const ADVERBS = /^(?:also|immediately|jointly|then|\p{L}+ly)$/u;
const THAT = new Set(rules.orders.thatOpeners);
const BEFORE_THAT = new Set(rules.orders.beforeThat);
const MODALS = new Set(['to', 'should', 'must', 'would', 'will', 'shall']);

/** "demanded on May 3 that ...": the opener of an order told as a clause within a few words of verb `k`, or -1. */
function thatOpener(r: Reading, s: Sentence, k: number): number {
  if (THAT.has(r.norm(k + 1))) return k + 1;
  if (!BEFORE_THAT.has(r.norm(k + 1))) return -1;
  for (let j = k + 2; j < Math.min(s.last, k + 7); j++) {
    if (r.mentionAt[j]! >= 0 || r.gap(j - 1, j).includes(',')) return -1;
    if (THAT.has(r.norm(j))) return j;
  }
  return -1;
}

export interface OrderedRoles {
  t: Trigger;
  roles: { from: Found; to: Found };
  /** "ordered the app suspended", "demanded that X remove it": the act's token, which the rules must not read on its own. */
  made?: number;
}

const ORDERED_RULE = (base: Rule): Rule => ({
  ...base,
  type: 'ORDERED',
  from: 'subject',
  to: 'object',
  then: null,
  toElse: null,
  fromKinds: null,
  fromCourts: false,
});

/** Token after the closing words of a members list ("among them"), or -1. */
function closed(r: Reading, k: number): number {
  for (const c of CLOSERS) if (c.every((w, i) => r.norm(k + i) === w)) return k + c.length;
  return -1;
}

/** The actors ordered, right after the verb: a list of names, or "<plural noun>, A and B among them,"; and the token after them. */
function ordered(r: Reading, s: Sentence, k: number, lookBack: number, by: ProposedActorRef[]): { who: Found; next: number } | null {
  const clause = { start: k, end: s.last };
  let j = k + 1;
  if (r.norm(j) === 'the') j++;
  const m = r.mentionAt[j]!;
  if (m >= 0 && r.mentions[m]!.first === j) {
    const who = listFrom(r, m, clause);
    return { who, next: who.last };
  }
  // "telecom operators, Zonk Telecom among them,": a few lower-case words, a comma, names, closing words.
  const members = listed(r, s, j);
  if (members) return members;
  // "ordered internet service providers to suspend ...": the group, one new actor, when none of its members is named;
  // "wrote to the operators, telling them to ...": "them" is the group named before in the sentence.
  const group = r.norm(j) === 'them' ? groupBefore(r, s, j) : groupAt(r, r.norm(j) === 'all' ? j + 1 : j);
  if (group) return { who: group, next: r.norm(j) === 'them' ? j + 1 : group.last };
  // "ordered the app suspended": a word for an actor named before.
  const ref = objectOf(r, clause, k, k + 1, lookBack, by);
  return ref && ref.inferred && ref.first <= j + 1 ? { who: ref, next: ref.last } : null;
}

function groupAt(r: Reading, j: number): Found | null {
  const words = GROUPS.find((g) => g.every((w, i) => r.norm(j + i) === w) && r.mentionAt[j + g.length - 1]! < 0);
  if (!words) return null;
  const name = r.text.slice(r.tokens[j]!.start, r.tokens[j + words.length - 1]!.end);
  return { actors: [{ id: null, name }], first: j, last: j + words.length, inferred: false };
}

/** The last group named in the sentence before token `at`, read forward so that "internet service providers" is not "service providers". */
function groupBefore(r: Reading, s: Sentence, at: number): Found | null {
  let last: Found | null = null;
  for (let k = s.first; k < at; k++) {
    const g = groupAt(r, k);
    if (g && g.last <= at) [last, k] = [g, g.last - 1];
  }
  return last && { ...last, first: at, last: at + 1, inferred: true };
}

function listed(r: Reading, s: Sentence, j: number): { who: Found; next: number } | null {
  const clause = { start: j, end: s.last };
  let w = j;
  while (w + 1 < s.last && w - j < 4 && r.mentionAt[w]! < 0 && /^\p{Ll}/u.test(r.tokens[w]!.text) && !r.gap(w, w + 1).includes(',')) w++;
  if (w === j || w + 1 >= s.last || !r.gap(w, w + 1).startsWith(',')) return null;
  const n = r.mentionAt[w + 1]!;
  if (n < 0 || r.mentions[n]!.first !== w + 1) return null;
  const who = listFrom(r, n, clause);
  const after = closed(r, who.last);
  return after < 0 ? null : { who, next: after };
}

/** "Moraes, acting on a request from Ofcom, ordered": the start of a participle phrase between commas just before `k`, or `k`. */
function besidePhrase(r: Reading, clause: { start: number }, k: number): number {
  if (k - 1 <= clause.start || !r.gap(k - 1, k).includes(',')) return k;
  for (let j = k - 1; j > clause.start && k - j < 15; j--) if (r.gap(j - 1, j).includes(',')) return /ing$/u.test(r.norm(j)) ? j : k;
  return k;
}

/** The orders of sentence `s` whose act is a sanction the rules found as a trigger. */
export function ordersIn(
  r: Reading,
  s: Sentence,
  found: readonly Trigger[],
  lookBack: number,
  kindOf: (id: string) => string | undefined,
): OrderedRoles[] {
  const out: OrderedRoles[] = [];
  for (let k = s.first; k < s.last - 2; k++) {
    const causative = CAUSATIVES.has(r.norm(k));
    if (!ORDER_VERBS.has(r.norm(k)) && !causative) continue;
    const clause = clauseOf(r, s, k, k + 1);
    const by = subjectOf(r, clause, besidePhrase(r, clause, k), lookBack);
    // "Namehold ordered Pixelcast to ...": a company's demand is no order in the dataset's sense.
    if (!by || (!causative && by.actors.some((a) => a.id !== null && !ORDER_KINDS.has(kindOf(a.id) ?? '')))) continue;
    const that = causative ? -1 : thatOpener(r, s, k);
    const got = ordered(r, s, that < 0 ? k : that, lookBack, by.actors);
    if (!got || by.actors.some((a) => got.who.actors.some((b) => same(a, b)))) continue;
    let j = got.next;
    const infinitive = that >= 0 || (r.norm(j) === 'to' && !causative);
    if (MODALS.has(r.norm(j)) && infinitive) j++;
    while (j < s.last && ADVERBS.test(r.norm(j)) && !found.some((t) => t.first === j)) j++;
    const act = found.find((t) => t.first === j && categoryOf(t.rule.type) === 'sanction');
    if (!act) continue;
    const at: Trigger = { rule: act.rule, first: k, last: k + 1, verb: true };
    if (!infinitive) {
      // "ordered Gab suspended": the orderer's sanction of the ones named.
      out.push({ t: at, roles: { from: by, to: got.who }, made: act.first });
      continue;
    }
    // "demanded that Reddit take it down": the act is only asked for, so the rules must not read it as done.
    out.push({ t: { ...at, rule: ORDERED_RULE(act.rule) }, roles: { from: by, to: got.who }, ...(that >= 0 ? { made: act.first } : {}) });
    // "asked Reddit to ban Gab": a request, not yet an act; "demanded that Reddit ban Gab" too.
    if (!COMMANDS.has(r.norm(k)) || that >= 0) continue;
    const target = objectOf(r, clauseOf(r, s, act.first, act.last), act.first, act.last, lookBack, got.who.actors);
    if (!target) continue;
    const carried = got.who.actors.every((a) => a.id !== null && CARRIED_OUT_BY.has(kindOf(a.id) ?? ''));
    out.push({ t: at, roles: { from: carried ? by : got.who, to: target } });
  }
  return out;
}
