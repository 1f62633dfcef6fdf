/**
 * Plural references to actors named before: "both companies", "the two platforms", "all three",
 * "each of them", and "they" right after a list. Each stands for the actors of the last list named
 * before it ("Apple and Google ... both companies"), or, with a count and no such list, for the last
 * that many actors named; a count must agree ("the three services" is a list of three). The words
 * are in `rules/references.json`.
 */
import type { ProposedActorRef } from '../../contract';
import type { Found } from './clauses';
import { isPerson } from './content';
import { same, type Reading } from './reading';
import { attribution } from './lexicon';
import rules from './rules/references.json';

const COUNTS = new Map<string, number>(Object.entries(rules.counts.words));
const PLURAL_NOUNS = new Set(rules.pluralNouns.words);
const PRONOUN_LISTS = new Set(rules.pronounLists.words);
const REACH = rules.reach.sentences;
const PUBLIC_KINDS = new Set(['court', 'government']);
const MAX_BACK = rules.reach.maxWords;
// "work on the platforms", "pulled it from both stores": after these a plural is where, not whom.
const NOT_TARGET = new Set([...attribution.objectSkip.words, 'from', 'by', 'about', 'between', 'among']);
const DEFINITE = new Set(['the', 'these', 'those', 'both', 'all']);
// Words that end a noun phrase before its noun: "the ban on apps" is no reference to apps.
const STOP = new Set([
  'of',
  'on',
  'in',
  'to',
  'for',
  'from',
  'with',
  'by',
  'and',
  'or',
  'that',
  'which',
  'who',
  'the',
  'a',
  'an',
  'its',
  'their',
]);
// Between two names of a list: a comma, "and", "or", "as well as", an article after them.
const LINK = /^\s*(?:,|,?\s*(?:and|or|&|as well as))\s*(?:the\s+)?$/iu;

interface PluralRef {
  first: number;
  last: number;
  /** How many actors it stands for, when it says so. */
  count: number | null;
  /** Written with a noun for sites or companies: stands for no person. */
  things: boolean;
}

/** A plural reference starting at token `k`, ending by `to`: "both companies", "the two giants", "all three", "each of them". */
export function pluralAt(r: Reading, k: number, to: number): PluralRef | null {
  const w = r.norm(k);
  const free = (a: number, b: number) => {
    for (let j = a; j < b; j++) if (j >= to || r.mentionAt[j]! >= 0) return false;
    return true;
  };
  // "each of them", "both of them", "all three of them"
  let j = k + 1;
  if (w === 'all' && COUNTS.has(r.norm(j))) j++;
  if (PRONOUN_LISTS.has(w) && r.norm(j) === 'of' && r.norm(j + 1) === 'them' && free(k, j + 2))
    return { first: k, last: j + 2, count: w === 'both' ? 2 : w === 'all' && j > k + 1 ? COUNTS.get(r.norm(k + 1))! : null, things: false };
  // "all three", "both" closing the phrase before a verb or a preposition: read by the caller's position.
  if (w === 'all' && j > k + 1 && !/^\p{Ll}+s$/u.test(r.tokens[j]?.text ?? '') && free(k, j))
    return { first: k, last: j, count: COUNTS.get(r.norm(k + 1))!, things: false };
  if (!DEFINITE.has(w)) return null;
  // "both of the big app stores", "each of the two firms": the phrase after "of the".
  let at = k + 1;
  if (['both', 'each', 'all'].includes(w) && r.norm(at) === 'of' && r.norm(at + 1) === 'the') at += 2;
  let count = w === 'both' ? 2 : null;
  if (COUNTS.has(r.norm(at))) count = COUNTS.get(r.norm(at++))!;
  // Up to two lower-case words before the plural noun ("the two tech giants").
  for (let n = 0; n < 3 && at < to; n++, at++) {
    const t = r.tokens[at]!;
    if (r.mentionAt[at]! >= 0 || t.text !== t.norm || STOP.has(t.norm) || r.verbs.has(at) || /[,.;:!?]/u.test(r.gap(at - 1, at)))
      return null;
    if (!PLURAL_NOUNS.has(t.norm)) continue;
    // "the two apps Zorvo and Pinlet", "the services of X": named right after, they are read as themselves.
    const next = at + 1 < r.tokens.length ? at + 1 : -1;
    const of = r.norm(next) === 'of' ? (r.norm(next + 1) === 'the' ? next + 2 : next + 1) : -1;
    if (next >= 0 && ((r.mentionAt[next]! >= 0 && r.gap(at, next) === ' ') || (of > 0 && r.mentionAt[of]! >= 0))) return null;
    // "the platforms" with no count is a reference only when definite and plain ("these platforms" too).
    if (count === null && w === 'all') return null;
    return { first: k, last: at + 1, count, things: true };
  }
  return null;
}

/**
 * The first token of the sentence `REACH - 1` sentences before the one holding token `at`, and no
 * more than `MAX_BACK` tokens back: a text with no sentence end is not read back whole each time.
 */
function reachStart(r: Reading, at: number): number {
  const s = r.sentenceAtChar(r.tokens[at]!.start);
  const i = s ? r.sentences.indexOf(s) : -1;
  return Math.max(at - MAX_BACK, i < 0 ? 0 : r.sentences[Math.max(0, i - REACH + 1)]!.first);
}

/** The actors of the list of mentions ending with mention `m` (head first), and the mention index of its head. */
function listEndingAt(r: Reading, m: number): { actors: ProposedActorRef[]; head: number } {
  let head = m;
  let closed = false;
  while (head > 0) {
    const link = r.text.slice(r.mentions[head - 1]!.end, r.mentions[head]!.start);
    if (!LINK.test(link)) break;
    if (/[a-z&]/iu.test(link)) closed = true;
    else if (!closed) break;
    head--;
  }
  const actors: ProposedActorRef[] = [];
  for (let i = head; i <= m; i++) if (!actors.some((a) => same(a, r.mentions[i]!.actor))) actors.push(r.mentions[i]!.actor);
  return { actors: closed ? actors : actors.slice(-1), head };
}

/**
 * The actors a plural reference [first, last) stands for, other than `acting`: the last list named
 * before it within a few sentences that agrees with its count and, for a noun of sites or companies,
 * names no person; else, with a count, the last that many such actors named. Null when none fits.
 */
export function pluralActors(r: Reading, ref: PluralRef, acting: readonly ProposedActorRef[]): ProposedActorRef[] | null {
  const from = reachStart(r, ref.first);
  // "both companies" is no person, and no court or government the store knows.
  const fits = (a: ProposedActorRef) =>
    !acting.some((x) => same(x, a)) && !(ref.things && (isPerson(r, a) || (a.id && PUBLIC_KINDS.has(r.kindOf(a.id) ?? ''))));
  // The actors that fit, nearest first: with a count and no list that agrees, the last that many of them.
  const seen: ProposedActorRef[] = [];
  for (let k = ref.first - 1; k >= from; k--) {
    const m = r.mentionAt[k]!;
    if (m < 0) continue;
    k = r.mentions[m]!.first;
    if (!fits(r.mentions[m]!.actor)) continue;
    const list = listEndingAt(r, m);
    k = r.mentions[list.head]!.first;
    for (const a of [...list.actors].reverse()) if (fits(a) && !seen.some((x) => same(x, a))) seen.push(a);
    if (list.actors.length < 2 || !list.actors.every(fits)) continue;
    if (ref.count === null || list.actors.length === ref.count) return list.actors;
  }
  return ref.count !== null && seen.length >= ref.count ? seen.slice(0, ref.count).reverse() : null;
}

/**
 * An object written as a plural reference at token `k` ("fined both companies"): the actors it
 * stands for; or, when no list agrees with it ("the three services" after two names), the token
 * after it, so that it is read as no one; null when there is no plural reference at `k`.
 */
export function pluralTarget(r: Reading, k: number, to: number, acting: readonly ProposedActorRef[]): Found | number | null {
  if (NOT_TARGET.has(r.norm(k - 1))) return null;
  const ref = pluralAt(r, k, to);
  if (!ref) return null;
  // A clause is scanned again for each verb in it: each reading is made once.
  let memo = memos.get(r);
  if (!memo) memos.set(r, (memo = new Map<string, Found | number | null>()));
  const key = `${k}|${to}|${acting.map((a) => a.id ?? a.name).join(',')}`;
  if (!memo.has(key)) memo.set(key, readTarget(r, ref, acting));
  return memo.get(key)!;
}

const memos = new WeakMap<Reading, Map<string, Found | number | null>>();

function readTarget(r: Reading, ref: PluralRef, acting: readonly ProposedActorRef[]): Found | number | null {
  const actors = pluralActors(r, ref, acting);
  if (actors) return { actors, first: ref.first, last: ref.last, inferred: true };
  return ref.count === null ? null : ref.last;
}

/**
 * "them" as an object, when no nearer reading found its list: the last list of two names or more
 * named within a few sentences, other than the actor acting.
 */
export function themList(r: Reading, at: number, acting: readonly ProposedActorRef[]): ProposedActorRef[] | null {
  return pluralActors(r, { first: at, last: at + 1, count: null, things: false }, acting);
}

/**
 * A subject written as a plural reference between tokens `from` and `verb` ("Both companies
 * removed it", "the two platforms said"), or "they" right after a list ("Apple and Google ... They
 * pulled it"): the actors it stands for, or null.
 */
export function pluralSubject(r: Reading, from: number, verb: number): Found | null {
  for (let k = from; k < verb; k++) {
    k = r.skipForward(k, verb);
    if (k >= verb || r.mentionAt[k]! >= 0) continue;
    if (r.norm(k) === 'they') {
      const list = nearestList(r, k);
      return list && { actors: list, first: k, last: k + 1, inferred: true };
    }
    const ref = pluralAt(r, k, verb);
    if (!ref) continue;
    const actors = pluralActors(r, ref, []);
    return actors && { actors, first: ref.first, last: ref.last, inferred: true };
  }
  return null;
}

/** "they": the list whose last name is the actor named last before token `at`, when it is a list. */
function nearestList(r: Reading, at: number): ProposedActorRef[] | null {
  const from = reachStart(r, at);
  for (let k = at - 1; k >= from; k--) {
    const m = r.mentionAt[k]!;
    if (m < 0) continue;
    const list = listEndingAt(r, m).actors;
    return list.length > 1 ? list : null;
  }
  return null;
}
