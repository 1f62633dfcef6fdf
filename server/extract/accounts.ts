/**
 * Accounts of someone: "his Instagram account", "Ye's Twitter account", "an account of his". What
 * is cut off is the account, but the act is on its owner, and the platform named with the account
 * is the one acting when the text names no other ("was locked out of his Twitter account").
 */
import type { ProposedActorRef } from '../../contract';
import names from './rules/names.json';
import { fold } from './text';
import type { Found } from './clauses';
import { same, SUBJECT_SKIP, type Reading } from './reading';
import { titledPerson } from './titles';

const ACCOUNT_NOUNS = new Set(names.accounts.nouns);
const POSSESSIVES = new Set(names.accounts.possessives);
const OWNING_VERBS = new Set(names.accounts.usedBy);
const HOLDING_AUX = new Set(['had', 'has', 'have', 'once', 'still', 'then']);
const PERSON_NOUNS = new Set(names.references.personNouns.words.map((w) => w.split(' ').pop()!));
const ORGANISATION = new Set(names.accounts.organisationWords.words);
const SPOKES_ROLES = new Set(names.references.spokesRoles.words.map((w) => w.split(' ').pop()!));
// A name after one of these is governed by it, not a person the sentence is about ("known as Kanye West").
const GOVERNING = new Set([...SUBJECT_SKIP, 'as']);

// How far back "his" may look for its person, in words: a few sentences.
const LOOK_BACK = 120;
const LOOK_BACK_PAST_SPOKES = 400;

export const isAccountNoun = (word: string) => ACCOUNT_NOUNS.has(word);
export const isPersonNoun = (word: string) => PERSON_NOUNS.has(word);

/**
 * "Infowars had its Apple Podcasts listing removed": before the verb at `verb`, "had" or "got", a
 * possessive, a platform and an account noun. The platform, and where "had" is (the subject is before it).
 */
export function causative(r: Reading, verb: number): { platform: Found; at: number } | null {
  if (!ACCOUNT_NOUNS.has(r.norm(verb - 1))) return null;
  const m = r.mentionAt[verb - 2]!;
  if (m < 0) return null;
  const mention = r.mentions[m]!;
  const at = mention.first - 2;
  if (!['its', 'his', 'her', 'their'].includes(r.norm(mention.first - 1)) || !CAUSATIVE.has(r.norm(at))) return null;
  return { platform: { actors: [mention.actor], first: mention.first, last: mention.last, inferred: false }, at };
}

const CAUSATIVE = new Set(['had', 'has', 'have', 'got', 'gets', 'get']);

/**
 * Can this actor be "he" or "she"? A known person; a new name of two to four words; a new name
 * written once right after a role ("the rapper Ye").
 */
function personLike(r: Reading, actor: ProposedActorRef): boolean {
  if (actor.id) return r.kindOf(actor.id) === 'person';
  if (/^[\p{L}'’-]+(?: [\p{L}'’-]+){1,3}$/u.test(actor.name))
    return !fold(actor.name)
      .split(' ')
      .some((w) => ORGANISATION.has(w));
  let memo = roles.get(r);
  if (!memo) roles.set(r, (memo = new Map<string, boolean>()));
  let found = memo.get(actor.name);
  if (found === undefined) memo.set(actor.name, (found = afterRole(r, actor)));
  return found;
}

// Per reading, whether a new actor is written after a role: computed once per actor, so that a long text stays linear.
const roles = new WeakMap<Reading, Map<string, boolean>>();

function afterRole(r: Reading, actor: ProposedActorRef): boolean {
  return r.mentions.some((m) => {
    if (!same(m.actor, actor)) return false;
    const before = r.tokens[m.first - 1];
    return !!before && /^\p{Ll}+$/u.test(before.text) && !GOVERNING.has(before.norm) && ['the', 'a'].includes(r.norm(m.first - 2));
  });
}

/**
 * The person "his" or "her" at token `at` stands for: the nearest person named before it who is not
 * governed by a preposition and does not name a platform ("his Twitter account").
 */
export function personBefore(r: Reading, at: number, not: readonly ProposedActorRef[] = []): ProposedActorRef | null {
  let spokesperson: ProposedActorRef | null = null;
  let inClause: ProposedActorRef | null = null;
  const sentence = r.sentenceAtChar(r.tokens[at]?.start ?? 0);
  // Past a spokesperson, the person may have been named further back: the report's subject, named at its start.
  for (let k = at - 1; k >= Math.max(0, at - (spokesperson ? LOOK_BACK_PAST_SPOKES : LOOK_BACK)); k--) {
    const m = r.mentionAt[k]!;
    if (m < 0) continue;
    const mention = r.mentions[m]!;
    k = mention.first;
    // "the channel of David Icke" names its owner as "David Icke's channel" would: not governed.
    const owner = r.norm(mention.first - 1) === 'of' && ACCOUNT_NOUNS.has(r.norm(mention.first - 2));
    if ((GOVERNING.has(r.norm(mention.first - 1)) && !owner) || ACCOUNT_NOUNS.has(r.norm(mention.last))) continue;
    if (not.some((a) => same(a, mention.actor)) || !personLike(r, mention.actor)) continue;
    // "Leslie Miller, a vice president at the company, said ...": in a later sentence, "his" is someone else named before.
    if (!spokesperson && !sameSentence(sentence, mention.first) && speaksFor(r, mention)) {
      spokesperson = mention.actor;
      continue;
    }
    if (spokesperson && same(spokesperson, mention.actor)) continue;
    // "X, who is running against Y, said ...": in a later sentence, "he" is X, not the Y inside X's relative clause.
    if (!sameSentence(sentence, mention.first) && r.relativeStart[mention.first]! >= 0) {
      inClause ??= mention.actor;
      continue;
    }
    return mention.actor;
  }
  return spokesperson ?? inClause;
}

const sameSentence = (s: { first: number; last: number } | undefined, k: number) => !!s && s.first <= k && k < s.last;

/** Is this mention introduced with a role that speaks for an organisation ("X, a vice president at Y," or "spokesperson X")? */
function speaksFor(r: Reading, m: { first: number; last: number }): boolean {
  if (SPOKES_ROLES.has(r.norm(m.first - 1))) return true;
  if (!r.gap(m.last - 1, m.last).includes(',')) return false;
  for (let k = m.last; k < Math.min(r.tokens.length, m.last + 8); k++) {
    if (SPOKES_ROLES.has(r.norm(k))) return true;
    if (k > m.last && r.gap(k - 1, k).includes(',')) return false;
  }
  return false;
}

/** The owner of the account whose possessive is at token `k` ("his", or the name before "'s"), or null. */
function ownerAt(r: Reading, k: number): Found | null {
  if (POSSESSIVES.has(r.norm(k))) {
    const p = personBefore(r, k);
    return p && { actors: [p], first: k, last: k + 1, inferred: true };
  }
  // "Kai Marsh, whose Twitch channel": the name before the relative word.
  if (r.norm(k) === 'whose' && r.gap(k - 1, k).includes(',') && r.mentionAt[k - 1]! >= 0) {
    const m = r.mentions[r.mentionAt[k - 1]!]!;
    return { actors: [m.actor], first: m.first, last: m.last, inferred: false };
  }
  if (!r.isApostropheS(k)) return null;
  const m = r.mentionAt[k - 1]!;
  if (m < 0) return null;
  const owner = r.mentions[m]!;
  return { actors: [owner.actor], first: owner.first, last: owner.last, inferred: false };
}

/**
 * Actors named as the platform of someone's account ("his Facebook and Instagram accounts"): the
 * account's owner, and the platforms as found. Null when `f` is not followed by an account noun.
 */
export function accountOwner(r: Reading, f: Found): { owner: Found; platform: Found } | null {
  if (f.inferred || !ACCOUNT_NOUNS.has(r.norm(f.last))) return null;
  // "the Twitter account of Jordan Pike"
  const of = r.norm(f.first - 1) === 'the' && r.norm(f.last + 1) === 'of' ? r.mentionAt[f.last + 2]! : -1;
  if (of >= 0) {
    const m = r.mentions[of]!;
    return { owner: { actors: [m.actor], first: m.first, last: m.last, inferred: false }, platform: f };
  }
  const owner = ownerAt(r, f.first - 1);
  return owner && { owner, platform: f };
}

/** "an account of his", "the channel of hers": the owner of a target reference [first, last), or null. */
export function referenceOwner(r: Reading, ref: { first: number; last: number }): Found | null {
  // "the channel belonging to Alex Jones"
  if (ACCOUNT_NOUNS.has(r.norm(ref.last - 1)) && r.norm(ref.last) === 'belonging' && r.norm(ref.last + 1) === 'to') {
    const m = r.mentions[r.mentionAt[ref.last + 2]!];
    if (m) return { actors: [m.actor], first: ref.first, last: m.last, inferred: false };
  }
  // "the Georgia Republican", "the streamer": a person named before.
  if (PERSON_NOUNS.has(r.norm(ref.last - 1)) && r.mentionAt[ref.last - 1]! < 0) {
    const p = titledPerson(r, r.norm(ref.last - 1), ref.first) ?? personBefore(r, ref.first);
    return p && { actors: [p], first: ref.first, last: ref.last, inferred: true };
  }
  if (!ACCOUNT_NOUNS.has(r.norm(ref.last - 1))) return null;
  const holder = holderAfter(r, ref);
  if (holder) return holder;
  if (POSSESSIVES.has(r.norm(ref.first))) return ownerAt(r, ref.first);
  if (r.norm(ref.last) === 'of' && ['his', 'hers', 'theirs'].includes(r.norm(ref.last + 1))) {
    const p = personBefore(r, ref.first);
    return p && { actors: [p], first: ref.first, last: ref.last + 2, inferred: true };
  }
  return null;
}

/**
 * "the account WikiLeaks used", "the page Jo Roe had opened": an account noun followed at once by a
 * name and a verb of holding (a relative clause without "that", an auxiliary allowed) is that name's.
 */
function holderAfter(r: Reading, ref: { first: number; last: number }): Found | null {
  const m = ref.last < r.tokens.length ? r.mentionAt[ref.last]! : -1;
  if (m < 0 || r.gap(ref.last - 1, ref.last) !== ' ') return null;
  const mention = r.mentions[m]!;
  let k = mention.last;
  if (HOLDING_AUX.has(r.norm(k))) k++;
  if (!OWNING_VERBS.has(r.norm(k))) return null;
  return { actors: [mention.actor], first: ref.first, last: mention.last, inferred: false };
}

/**
 * After a passive verb, "out of his Twitter account", "from her YouTube channel": the account named
 * with its platform, in tokens [from, to). The platform acted on the owner.
 */
export function accountAfter(r: Reading, from: number, to: number): { owner: Found; platform: Found } | null {
  for (let k = from; k < to; k++) {
    const m = r.mentionAt[k]!;
    if (m < 0) continue;
    const mention = r.mentions[m]!;
    const f: Found = { actors: [mention.actor], first: mention.first, last: mention.last, inferred: false };
    const found = accountOwner(r, f);
    if (found) return found;
    k = mention.last - 1;
  }
  return null;
}
