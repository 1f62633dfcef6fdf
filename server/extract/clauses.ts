/**
 * Where the actors of a verb are: the clause around it, its subject and its object, in the active
 * and the passive, with coordinated actors ("Apple and Google removed ...") and the words that
 * stand for an actor already named ("the site", "it").
 */
import type { ProposedActorRef } from '../../contract';
import { isSaying } from './attribution';
import { attribution } from './lexicon';
import names from './rules/names.json';
import structure from './rules/structure.json';
import type { Sentence } from './text';
import { accountOwner, isAccountNoun, isPersonNoun, personBefore, referenceOwner } from './accounts';
import { pluralOwner, pluralOwners } from './plurals';
import { pluralSubject, pluralTarget, themList } from './references';
import { possessedTarget } from './possessed';
import {
  actingBefore,
  appositionHead,
  describedAfter,
  describedName,
  opensContent,
  opensSentence,
  speakerAsIt,
  isPerson,
  thingBefore,
  appositionAntecedent,
} from './content';
import { insideAct } from './spans';
import { possessedName } from './owned-names';
import { Reading, same, SUBJECT_SKIP } from './reading';
import { found, listBefore, listedAfter, namesJoined, withCoordinated } from './lists';

const set = (words: readonly string[]) => new Set(words);
const BREAKS = set(attribution.clauseBreaks.words);
const OBJECT_SKIP = set(attribution.objectSkip.words);
const AUX = set(attribution.passiveAux.words);
const ADVERBS = set(attribution.adverbs.words);
const COMMA_AND = set(['and', 'or', 'but']);
const OPENING = set(['and', 'but', 'yet', 'so', 'then']);
const PAST_FORMS = set(structure.clauses.pastForms);
/** A reference word list compiled to folded word sequences. */
const refs = (list: readonly string[]) => list.map((r) => r.split(' '));
const SUBJECT_REFS = refs(names.references.subject);
const SUBJECT_PRONOUNS = SUBJECT_REFS.filter((r) => r.length === 1);
const TARGET_DETERMINERS = set(names.references.targetDeterminers);
const TARGET_NOUNS = refs([...names.references.targetNouns, ...names.references.personNouns.words]).sort((a, b) => b.length - a.length);
const TARGET_PRONOUNS = set(names.references.targetPronouns);
const THING_NOUNS = set(names.references.thingNouns);
// "Google's Play Store and Apple's App Store": the owned things' names may be capitalised.
const WHO = new Set(['who', 'whom', 'which']);
const OBJECT_RELATIVES = new Set(['which', 'whom', 'that']);
const NOT_NAME_WORDS = set(names.notNames.words);
// Words between a relative clause's subject and its verb ("which Facebook had quietly cut off").
const AUXILIARY_OR_ADVERB = /^(?:had|has|have|did|does|do|was|is|would|will|also|later|then|itself|themselves|\p{L}+ly)$/u;

/** Is the reference [first, last) a noun for a site or a company ("the forum", "the company"), not a pronoun or "his account"? */
function isThing(r: Reading, ref: { first: number; last: number }): boolean {
  return ref.last - ref.first > 1 && THING_NOUNS.has(r.norm(ref.last - 1)) && !['his', 'her'].includes(r.norm(ref.first));
}

/** The noun of a reference to a site or a company ("registrar" in "the registrar"), or false. */
function thingNoun(r: Reading, ref: { first: number; last: number }): string | false {
  return isThing(r, ref) && r.norm(ref.last - 1);
}

export interface Clause {
  start: number;
  end: number;
}

/** The clause around tokens [first, last): bounded by the sentence, a clause-opening word, or ; and :. */
export function clauseOf(r: Reading, s: Sentence, first: number, last: number): Clause {
  let start = s.first;
  for (let k = first - 1; k >= s.first; k--) {
    // A relative clause closed before the verb is not where the verb's clause starts.
    k = r.skipBack(k, first);
    if (k < s.first) break;
    if (BREAKS.has(r.norm(k)) || (COMMA_AND.has(r.norm(k)) && k > s.first && r.gap(k - 1, k).includes(','))) {
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
    if (
      BREAKS.has(r.norm(k)) ||
      (k > last && /[;:]/.test(r.gap(k - 1, k))) ||
      (COMMA_AND.has(r.norm(k)) && r.gap(k - 1, k).includes(',') && startsClause(r, k + 1, s))
    ) {
      end = k;
      break;
    }
  }
  return { start, end };
}

/** After ", and": a new clause when an actor is named within two words and a verb follows ("and Twitter suspended"). */
function startsClause(r: Reading, k: number, s: Sentence): boolean {
  for (let j = k; j < Math.min(s.last, k + 6); j++) {
    const m = r.mentionAt[j]!;
    if (m < 0) continue;
    let after = r.mentions[m]!.last;
    // "and Twitter soon followed": adverbs may come between the name and its verb.
    while (after < s.last - 1 && ADVERBS.has(r.norm(after))) after++;
    return (
      after < s.last &&
      (r.verbs.has(after) ||
        /(?:ed|s)$/.test(r.norm(after)) ||
        PAST_FORMS.has(r.norm(after)) ||
        ['has', 'had', 'was', 'also', 'then', 'later'].includes(r.norm(after)))
    );
  }
  return ['it', 'they', 'he', 'she'].includes(r.norm(k)) || ['the'].includes(r.norm(k));
}

/** An auxiliary ("was", "got") before the verb, with only adverbs between: the verb is passive. */
export function isPassive(r: Reading, clause: Clause, first: number, last = first + 1): boolean {
  // "was permanently banning" is progressive, not passive.
  for (let k = first; k < last; k++) if (r.norm(k).endsWith('ing')) return false;
  for (let k = first - 1; k >= clause.start && k >= first - 4; k--) {
    const w = r.norm(k);
    if (AUX.has(w)) return true;
    if (!ADVERBS.has(w) && !w.endsWith('ly')) return false;
  }
  return false;
}

/**
 * "He was banned by X in March and dropped by Y in May": a participle after "and" with its own
 * "by" shares the earlier passive's subject. The earlier auxiliary's token, or null.
 */
export function coordinatedPassive(r: Reading, clause: Clause, first: number, last: number): number | null {
  if (r.norm(last) !== 'by' || r.mentionAt[last + (r.norm(last + 1) === 'the' ? 2 : 1)]! < 0) return null;
  let k = first - 1;
  while (k > clause.start && (ADVERBS.has(r.norm(k)) || r.norm(k).endsWith('ly'))) k--;
  if (!COMMA_AND.has(r.norm(k)) || r.norm(k) === 'but') return null;
  for (let j = k - 1; j >= clause.start; j--) if (AUX.has(r.norm(j)) && isPassive(r, clause, j + 1)) return j;
  return null;
}

export interface Found {
  actors: ProposedActorRef[];
  /** Token range of the words naming them here, for the evidence. */
  first: number;
  last: number;
  /** Named by a reference word ("the site"), not by name. */
  inferred: boolean;
}

/**
 * The mention index nearest before token `at` within [from, at) that can be a subject: not the
 * object of a preposition (nor coordinated with one: "competitor to Facebook and Twitter"), unless
 * it is a possessor ("in Parler's lawsuit"), and not acted upon by a verb just before it.
 */
function mentionBefore(r: Reading, from: number, at: number, notAccounts = false): number | null {
  let fallback: number | null = null;
  for (let k = at - 1; k >= from; k--) {
    k = r.skipBack(k, at);
    if (k < from) break;
    const m = r.mentionAt[k]!;
    if (m < 0) continue;
    const mention = r.mentions[m]!;
    let head = m;
    // Back to the head of a list; commas alone make one only when "and" or "or" closes it ("According to BuzzFeed, AWS" is none).
    let closed = false;
    for (; head > 0 && r.mentions[head - 1]!.first >= from; head--) {
      const link = r.text.slice(r.mentions[head - 1]!.end, r.mentions[head]!.start);
      if (!/^\s*(?:,|and|&|or)\s*(?:and\s+)?$/iu.test(link)) break;
      if (/[a-z&]/iu.test(link)) closed = true;
      else if (!closed) break;
    }
    const headMention = r.mentions[head]!;
    // For a pronoun: the platform of an account ("Trump's Facebook and Instagram accounts") is not what "it" stands for.
    if (notAccounts && isAccountNoun(r.norm(mention.last))) {
      k = headMention.first;
      continue;
    }
    const possessor = /^['’]s?\b/u.test(r.text.slice(mention.end, mention.end + 2));
    const prep = ['the', 'both'].includes(r.norm(headMention.first - 1)) ? headMention.first - 2 : headMention.first - 1;
    const governed = SUBJECT_SKIP.has(r.norm(prep)) && prep >= from;
    if ((possessor || !governed) && (!r.actedUpon(mention) || opensContent(r, mention)) && !insideAct(r, mention)) return m;
    fallback ??= m;
    k = governed ? headMention.first : mention.first;
  }
  return fallback;
}

/**
 * The subject: the nearest actor named before the verb in its clause, with those coordinated with
 * it. A word standing for an actor between them wins: "it"/"they" opening a sentence is the
 * previous sentence's acting actor, elsewhere the nearest actor named and not acted upon; "the
 * company", "the site" (and, in the passive, any target word) are the report's topic.
 */
export function subjectOf(r: Reading, clause: Clause, first: number, lookBack: number, passive = false): Found | null {
  // "lost to X, which had sued it": the name before ", which" is the subject, whatever governs it.
  const antecedent = passive ? null : subjectRelative(r, first);
  if (antecedent) return antecedent;
  const m = mentionBefore(r, clause.start, first);
  const from = m === null ? clause.start : r.mentions[m]!.last;
  const target = targetIn(r, from, first);
  // "he", "she" before the verb: the person named before ("She was banned by the platform"); also
  // before a name governed by a preposition ("he shared the notice on Twitter and claimed ...").
  const head = m === null ? -1 : r.mentions[m]!.first;
  // Or a name inside the words of an act before ("He gave the head of the regulator X 24 hours ... and told ...").
  const governed =
    head >= 0 &&
    (SUBJECT_SKIP.has(r.norm(['the', 'both'].includes(r.norm(head - 1)) ? head - 2 : head - 1)) || insideAct(r, r.mentions[m!]!));
  for (let k = governed ? clause.start : from; k < first; k++) {
    if (r.norm(k) !== 'he' && r.norm(k) !== 'she') continue;
    const p = personBefore(r, k);
    if (p) return { actors: [p], first: k, last: k + 1, inferred: true };
  }
  // "They were restored": likewise the owner of the plural thing named last.
  const they = passive ? [...Array(first - from).keys()].map((j) => from + j).find((k) => r.norm(k) === 'they') : undefined;
  const owner = they === undefined ? null : pluralOwner(r, they, lookBack, []);
  if (owner && they !== undefined) return { actors: [owner], first: they, last: they + 1, inferred: true };
  // "Both companies removed it", "they" right after a list: every actor of the list.
  const plural = pluralSubject(r, from, first);
  if (plural) return plural;
  if (passive && target) {
    // A noun for a person with no person named before stands for no one here.
    const person = isPersonNoun(r.norm(target.last - 1));
    const t = referenceOwner(r, target)?.actors[0] ?? (person ? null : r.targetBefore(target.first, lookBack, [], thingNoun(r, target)));
    if (person && !t) return null;
    if (t) return { actors: [t], first: target.first, last: target.last, inferred: true };
  }
  // After a name, only a pronoun stands in for the subject: "GoDaddy, the registrar, gave ..." is
  // GoDaddy; unless a verb of the lexicon comes between, so that the name belongs to another
  // predicate ("Trump's accounts would stay suspended ..., the day the company locked him out").
  // A saying verb is one too: "Matthew Prince said the company had terminated ..." is the company's act.
  const otherPredicate = m !== null && ([...r.verbs].some((v) => v >= from && v < first) || saidBetween(r, r.mentions[m]!.last, first));
  const ref = referenceIn(r, from, first, m === null || otherPredicate ? SUBJECT_REFS : SUBJECT_PRONOUNS);
  if (ref) {
    const pronoun = ref.last - ref.first === 1;
    const sentenceStart = r.sentences.find((s) => s.first <= ref.first && ref.first < s.last);
    let actor: ProposedActorRef | null = null;
    if (!pronoun) actor = r.targetBefore(ref.first, lookBack, [], thingNoun(r, ref));
    // "the streaming company said it would ...": "it" right after a saying verb is the one saying.
    else if (r.norm(ref.first) === 'it' && (isSaying(r, ref.first - 1) || (r.norm(ref.first - 1) === 'that' && isSaying(r, ref.first - 2))))
      actor = saidBy(r, ref.first - (r.norm(ref.first - 1) === 'that' ? 2 : 1), lookBack);
    // "It" opening a sentence, or after its first conjunction ("And it stated ..."), is the previous sentence's acting actor.
    else if (
      sentenceStart &&
      (sentenceStart.first === ref.first ||
        (sentenceStart.first === ref.first - 1 && OPENING.has(r.norm(ref.first - 1))) ||
        opensSentence(r, sentenceStart, ref.first))
    )
      actor = actingBefore(r, sentenceStart, lookBack);
    // "the company said ..., and it rejected ...": "it" opening a clause after ", and" is the sentence's first subject.
    else if (
      sentenceStart &&
      r.norm(ref.first) === 'it' &&
      r.norm(ref.first - 1) === 'and' &&
      r.gap(ref.first - 2, ref.first - 1).includes(',')
    )
      actor = firstSubject(r, sentenceStart, ref.first, lookBack);
    if (!actor) {
      const before = mentionBefore(r, lookBack, ref.first, true);
      actor = before === null ? null : r.mentions[before]!.actor;
    }
    // "it" is never a person: "the judge ordered the app suspended, writing that it had ignored ..." is the app.
    if (actor && r.norm(ref.first) === 'it' && isPerson(r, actor)) actor = thingBefore(r, ref.first, lookBack);
    if (actor) return { actors: [actor], first: ref.first, last: ref.last, inferred: true };
  }
  if (m !== null) return found(r, withCoordinated(r, m, -1, clause).ids);
  // "The former television presenter had branded ...": a noun for a person is the person named before, not a site.
  const t =
    target &&
    (isPersonNoun(r.norm(target.last - 1))
      ? personBefore(r, target.first)
      : r.targetBefore(target.first, lookBack, [], thingNoun(r, target)));
  if (target && t) return { actors: [t], first: target.first, last: target.last, inferred: true };
  return null;
}

/** The subject of the first verb (of the lexicon, or a saying verb) of sentence `s` before token `before`. */
function firstSubject(r: Reading, s: Sentence, before: number, lookBack: number): ProposedActorRef | null {
  for (let k = s.first; k < before; k++)
    if (r.verbs.has(k) || isSaying(r, k)) return subjectOf(r, clauseOf(r, s, k, k + 1), k, lookBack)?.actors[0] ?? null;
  return null;
}

/** The actor named nearest before the verb in its clause, whatever comes before it ("Parler, an alternative to Twitter"). */
export function nearestBefore(r: Reading, clause: Clause, first: number): Found | null {
  for (let k = first - 1; k >= clause.start; k--) {
    const m = r.mentionAt[k]!;
    if (m < 0) continue;
    const head = appositionHead(r, r.mentions[m]!);
    if (head === -2) return null;
    // "A and B, two apps owned by Y": a plural apposition stands for the whole list before it.
    if (head < 0 && PLURAL_APPOSITION.test(r.text.slice(r.mentions[m]!.end, r.tokens[first]!.start)))
      return found(r, withCoordinated(r, m, -1, clause).ids.reverse());
    return found(r, [head >= 0 ? head : m]);
  }
  return null;
}
const PLURAL_APPOSITION = /^\s*,\s+(?:both|all|the|two|three|four|five|several)\s+(?:\p{Ll}+\s+){0,2}\p{Ll}+s\s+$/u;

// How far back "it" may find the account it stands for, in words: the clause before.
const ACCOUNT_LOOK_BACK = 25;

/**
 * The holder of "an account" named in the last few words before `at` ("Jones had kept an account on
 * Instagram"): the first actor of its sentence not acted upon. Null when the account noun nearest
 * before is plural or not introduced by "a"/"an" (then "it" is more likely a site).
 */
function accountJustNamed(r: Reading, at: number): Found | null {
  for (let k = at - 1; k >= Math.max(0, at - ACCOUNT_LOOK_BACK); k--) {
    if (!isAccountNoun(r.norm(k))) continue;
    if (!['a', 'an'].includes(r.norm(k - 1)) || r.norm(k).endsWith('s')) return null;
    const s = r.sentenceAtChar(r.tokens[k]!.start);
    return s ? sentenceSubject(r, s, k - 1) : null;
  }
  return null;
}

/** The first actor of the sentence that is not acted upon: who a participle after a comma ("..., claiming") is about. */
export function sentenceSubject(r: Reading, s: Sentence, before: number): Found | null {
  for (let k = openingPhraseEnd(r, s, before); k < before; k++) {
    const m = r.mentionAt[k]!;
    if (m >= 0 && !r.actedUpon(r.mentions[m]!)) return found(r, [m]);
  }
  return null;
}

const OPENING_PREPOSITIONS = set(['after', 'before', 'during', 'outside', 'inside', 'despite', 'unlike', 'like', 'amid', 'following']);

/**
 * "Wearing a yellow Star of David, she shouted ...": a sentence opened by a participle or a
 * preposition has its subject after the comma that closes that phrase; the names inside it act on
 * nothing. Returns where the subject may start.
 */
function openingPhraseEnd(r: Reading, s: Sentence, before: number): number {
  const opener = r.norm(s.first);
  if (!(opener.endsWith('ing') || OPENING_PREPOSITIONS.has(opener)) || r.mentionAt[s.first]! >= 0) return s.first;
  for (let k = s.first + 1; k < before; k++) if (r.gap(k - 1, k).includes(',')) return k;
  return s.first;
}

/**
 * The object: the first actor named after the verb in its clause (not after "in", "on", ..., and
 * not the subject again), with those coordinated with it; or a word standing for the target ("the
 * site", "his account"), unless an actor is named right after it ("the account of the Daily Stormer");
 * with `targets` 'things', only a noun for a site or a company ("the forum").
 */
export function objectOf(
  r: Reading,
  clause: Clause,
  first: number,
  last: number,
  lookBack: number,
  subject: ProposedActorRef[],
  targets: boolean | 'things' = true,
  skip: ReadonlySet<string> = OBJECT_SKIP,
): Found | null {
  // "Gab, which Reddit banned in May, moved to Vimeo", "Gab, a site that Reddit banned, ...": the verb of a relative
  // clause whose subject is named in it takes no object past its close (its object is the name before it).
  const opens = r.relativeStart[first] ?? -1;
  const closes = r.relativeEnd[first] ?? -1;
  if (opens >= 0 && closes < clause.end && namedSubjectRelative(r, opens, first)) clause = { ...clause, end: closes };
  const listed = targets ? listedAfter(r, last, subject) : null;
  if (listed) return listed;
  for (let k = first + 1; k < clause.end; k++) {
    // "banned the users who posted it": a relative clause after an object that names no actor belongs to that object.
    if (k > last && WHO.has(r.norm(k)) && r.mentionAt[k - 1]! < 0 && /^\p{Ll}+$/u.test(r.tokens[k - 1]!.text) && r.gap(k - 1, k) === ' ')
      break;
    const m = r.mentionAt[k]!;
    if (m < 0) {
      // "fined both companies", "blocked the three services": every actor of the list named before.
      const plural = targets ? pluralTarget(r, k, clause.end, subject) : null;
      if (typeof plural === 'number') {
        k = plural - 1;
        continue;
      }
      if (plural) return plural;
      // "the party's page", "its activities": the thing's owner (possessed.ts).
      const owned = targets === true && ['the', 'its'].includes(r.norm(k)) ? possessedTarget(r, k, clause.end, lookBack, subject) : null;
      if (typeof owned === 'number') {
        k = owned - 1;
        continue;
      }
      if (owned) return owned;
      // A pronoun or a reference inside the words of a pattern, before its last word, is its object ("kicked him off", "cut the site off").
      if ((k < last && !TARGET_PRONOUNS.has(r.norm(k)) && !TARGET_DETERMINERS.has(r.norm(k))) || !targets) continue;
      const ref = targetAt(r, k, clause.end);
      const commented = ref && ref.last - ref.first === 1 ? objectCommentedOn(r, first, ref.first, subject) : null;
      if (commented) return { actors: [commented], first: ref!.first, last: ref!.last, inferred: true };
      if (!ref || (targets === 'things' && !isThing(r, ref)) || (k < last && ref.last >= last)) continue;
      const of = r.norm(ref.last) === 'of' ? r.mentionAt[ref.last + 1]! : -1;
      if (of >= 0) return found(r, withCoordinated(r, of, 1, clause).ids);
      // "the account of the president's son": of someone not named as an actor, so no one here.
      if (r.norm(ref.last) === 'of' && r.norm(ref.last + 1) === 'the') {
        k = ref.last;
        continue;
      }
      const speaker = ref.last - ref.first === 1 ? speakerAsIt(r, ref.first, subject) : null;
      if (speaker) return { actors: [speaker], first: ref.first, last: ref.last, inferred: true };
      const owner = referenceOwner(r, ref);
      if (owner) return owner;
      // "had kept an account on Instagram; Instagram ... removed it": "it" is the account just named, so the act is on its owner.
      const holder = ref.last - ref.first === 1 && r.norm(ref.first) === 'it' ? accountJustNamed(r, ref.first) : null;
      if (holder && !holder.actors.some((a) => subject.some((b) => same(a, b))))
        return { actors: holder.actors, first: ref.first, last: ref.last, inferred: true };
      // "him", "her": a person named before, not the subject ("Zuckerberg had kicked him off").
      // "took them down": the owner of the plural thing named last ("the company's apps").
      if (r.norm(ref.first) === 'them' && ref.last - ref.first === 1) {
        const owners = pluralOwners(r, ref.first, lookBack, subject);
        if (owners.length) return { actors: owners, first: ref.first, last: ref.last, inferred: true };
        const owner = pluralOwner(r, ref.first, lookBack, subject);
        if (owner && !subject.some((a) => same(a, owner))) return { actors: [owner], first: ref.first, last: ref.last, inferred: true };
      }
      // "blocked A, B and C ... restored them", "their pages": the list named last, other than the one acting.
      const list =
        (['them', 'their'].includes(r.norm(ref.first)) ? listBefore(r, ref.first, lookBack, subject) : null) ??
        (r.norm(ref.first) === 'them' && ref.last - ref.first === 1 ? themList(r, ref.first, subject) : null);
      if (list) return { actors: list, first: ref.first, last: ref.last, inferred: true };
      const personal = ['him', 'her', 'his'].includes(r.norm(ref.first));
      const person = personal && ref.last - ref.first === 1 ? personBefore(r, ref.first, subject) : null;
      if (person) return { actors: [person], first: ref.first, last: ref.last, inferred: true };
      // "him", "his channel" with no person named before: no one here, not the site or company named last.
      if (personal && (ref.last - ref.first === 1 || isAccountNoun(r.norm(ref.last - 1)))) {
        k = ref.last - 1;
        continue;
      }
      // "the service's first brush ...: X threatened to block it": "it" is the site or company last named by a noun.
      const described = r.norm(ref.first) === 'it' && ref.last - ref.first === 1 ? thingNamedBefore(r, ref.first, lookBack, subject) : null;
      if (described) return { actors: [described], first: ref.first, last: ref.last, inferred: true };
      // "told Parler it would cut off its hosting": "its" is the actor named last, other than the one acting.
      const t =
        (['its', 'their'].includes(r.norm(ref.first)) ? r.nearestOther(ref.first, lookBack, subject) : null) ??
        r.targetBefore(ref.first, lookBack, subject, thingNoun(r, ref));
      if (t) return { actors: [t, ...namesJoined(r, clause, ref.last, t)], first: ref.first, last: ref.last, inferred: true };
      k = ref.last - 1;
      continue;
    }
    const mention = r.mentions[m]!;
    // "removed … episodes of X": right after the words, "of" names whose they were.
    // "in the European Union": a capitalised word left out of the name ("European") is skipped to find the preposition.
    let p = mention.first - 1;
    while (
      p > last &&
      r.mentionAt[p]! < 0 &&
      /^\p{Lu}/u.test(r.tokens[p]!.text) &&
      NOT_NAME_WORDS.has(r.norm(p)) &&
      r.gap(p, p + 1) === ' '
    )
      p--;
    const before = p < last || (p === last && r.norm(last) === 'of') ? '' : r.norm(p);
    if (skip.has(before) || (before === 'the' && skip.has(r.norm(p - 1))) || subject.some((a) => same(a, mention.actor))) {
      k = mention.last - 1;
      continue;
    }
    const f = found(r, withCoordinated(r, m, 1, clause).ids);
    return accountOwner(r, f)?.owner ?? f;
  }
  // "RT and Sputnik, which Facebook had cut off": with no one named after the verb, the names before the relative word.
  const antecedent = targets ? relativeAntecedent(r, first, subject) : null;
  if (antecedent) return antecedent;
  // "cancelled its registration" with no one named after: "its" is the actor named last, other than the one acting.
  if (targets && last - first > 2 && ['its', 'their'].includes(r.norm(first + 1))) {
    const a = r.nearestOther(first + 1, lookBack, subject);
    if (a) return { actors: [a], first: first + 1, last: first + 2, inferred: true };
  }
  return null;
}

/** "by PayPal last year and by Mailchimp": the actors after "and" with the same preposition, later in the clause. */
function laterSamePreposition(r: Reading, clause: Clause, from: number, preps: ReadonlySet<string>): number[] {
  const out: number[] = [];
  for (let k = from; k + 1 < clause.end; k++) {
    if (!COMMA_AND.has(r.norm(k)) || r.norm(k) === 'but' || !preps.has(r.norm(k + 1))) continue;
    const m = r.mentionAt[k + (r.norm(k + 2) === 'the' ? 3 : 2)]!;
    if (m >= 0 && !out.includes(m)) out.push(m);
  }
  return out;
}

/** The first actor named after one of `preps` (a "the" may come between) after the verb, in its clause. */
export function afterPreposition(r: Reading, clause: Clause, last: number, preps: ReadonlySet<string>): Found | null {
  for (let k = last; k < clause.end; k++) {
    const m = r.mentionAt[k]!;
    if (m < 0) continue;
    const mention = r.mentions[m]!;
    let j = mention.first - 1;
    // "owned by the X": the article may be the first word after the matched ones.
    while (j >= last && ['the', 'both', 'its', 'their', 'a'].includes(r.norm(j))) j--;
    if (preps.has(r.norm(j))) {
      // "by the Beijing company ByteDance": a place before a describing noun is not the name.
      const described = describedName(r, mention);
      if (described >= 0) return found(r, [described]);
      // "by Reddit's subsidiary Vimeo": the owned name is the one meant.
      const owned = possessedName(r, mention);
      if (owned >= 0) return found(r, [owned]);
      return found(r, [...withCoordinated(r, m, 1, clause).ids, ...laterSamePreposition(r, clause, mention.last, preps)]);
    }
    // "moved to a new host, SkySilk": the name in apposition to the preposition's noun.
    const comma = mention.first - 1;
    if (comma > last && r.gap(comma, mention.first).includes(',')) {
      let p = comma;
      while (p > Math.max(last - 1, comma - 4) && /^\p{Ll}+$/u.test(r.tokens[p]!.text) && !preps.has(r.norm(p))) p--;
      if (preps.has(r.norm(p)) && ['a', 'an', 'the', 'its', 'their'].includes(r.norm(p + 1)) && r.mentionAt[p + 1]! < 0)
        return found(r, [m]);
    }
    // "owned by the Beijing company ByteDance": the name right after a noun that describes it.
    if (describedAfter(r, last, mention.first, preps)) return found(r, [m]);
    k = mention.last - 1;
  }
  return null;
}

function referenceIn(r: Reading, from: number, to: number, list: string[][]): { first: number; last: number } | null {
  for (let k = from; k < to; k++) {
    k = r.skipForward(k, to);
    if (k >= to) break;
    if (r.mentionAt[k]! >= 0) continue;
    for (const words of list) {
      if (words.every((w, j) => r.norm(k + j) === w) && k + words.length <= to) return { first: k, last: k + words.length };
    }
  }
  return null;
}

// Words before a name that make it a place or a time, not a party: "a court in Ohio".
const PLACE_WORDS = set(['in', 'at', 'into', 'near', 'across', 'throughout']);

/**
 * "sued Reddit, accusing it of ...": a pronoun right after a participle that follows a comma is
 * the party the sentence's act was done to, the last name before the comma other than the subject
 * and places.
 */
function objectCommentedOn(r: Reading, verb: number, pronoun: number, subject: readonly ProposedActorRef[]): ProposedActorRef | null {
  if (pronoun !== verb + 1 || !r.norm(verb).endsWith('ing') || !r.gap(verb - 1, verb).includes(',')) return null;
  const s = r.sentenceAtChar(r.tokens[verb]!.start);
  if (!s) return null;
  for (let k = verb - 1; k >= s.first; k--) {
    const m = r.mentionAt[k]!;
    if (m < 0) continue;
    const mention = r.mentions[m]!;
    k = mention.first;
    const before = ['the', 'a', 'an'].includes(r.norm(k - 1)) ? r.norm(k - 2) : r.norm(k - 1);
    if (PLACE_WORDS.has(before) || subject.some((a) => same(a, mention.actor))) continue;
    return r.actedUpon(mention) || ['against', 'on', 'from'].includes(before) ? mention.actor : null;
  }
  return null;
}

/** A target reference starting at token k: a pronoun, or a determiner and a noun for what was cut off. */
function targetAt(r: Reading, k: number, to: number): { first: number; last: number } | null {
  const w = r.norm(k);
  if (TARGET_PRONOUNS.has(w)) return { first: k, last: k + 1 };
  // "an account of his": an indefinite account is a target only with its owner after it.
  if (['a', 'an'].includes(w) && ['his', 'hers', 'theirs'].includes(r.norm(k + 3)) && r.norm(k + 2) === 'of')
    return k + 2 <= to ? { first: k, last: k + 2 } : null;
  if (!TARGET_DETERMINERS.has(w)) return null;
  for (let j = k + 1; j <= k + 3 && j < to; j++) {
    for (const noun of TARGET_NOUNS) {
      // "the dating apps Zorvo and Pinlet": names right after the noun are what it means, read as themselves.
      if (noun.every((x, i) => r.norm(j + i) === x) && j + noun.length <= to)
        return r.mentionAt[j + noun.length]! >= 0 && r.gap(j + noun.length - 1, j + noun.length) === ' '
          ? null
          : { first: k, last: j + noun.length };
    }
    // One adjective may come between ("its new domain", "the Parler app" is a mention, not this).
    if (r.mentionAt[j]! >= 0) return null;
  }
  return null;
}

function targetIn(r: Reading, from: number, to: number): { first: number; last: number } | null {
  for (let k = from; k < to; k++) {
    k = r.skipForward(k, to);
    if (k >= to) break;
    if (r.mentionAt[k]! >= 0) continue;
    const t = targetAt(r, k, to);
    if (t) return t;
  }
  return null;
}

/** In the passive, "by the platform": the actor the reference after "by" stands for, not the target. */
export function agentReference(r: Reading, clause: Clause, last: number, lookBack: number, target: ProposedActorRef[]): Found | null {
  for (let k = last; k < clause.end - 1; k++) {
    if (r.norm(k) !== 'by' || r.mentionAt[k + 1]! >= 0) continue;
    const ref = targetAt(r, k + 1, clause.end);
    const noun = ref && thingNoun(r, ref);
    const a = noun ? r.targetBefore(ref.first, lookBack, target, noun) : null;
    return a && { actors: [a], first: ref!.first, last: ref!.last, inferred: true };
  }
  return null;
}

function saidBetween(r: Reading, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (isSaying(r, k)) return true;
  return false;
}

/** Who says at the saying verb `k` when it is a thing named by a noun ("the streaming company said"); a name is left to the caller. */
function saidBy(r: Reading, k: number, lookBack: number): ProposedActorRef | null {
  const s = r.sentences.find((x) => x.first <= k && k < x.last);
  if (!s) return null;
  const clause = clauseOf(r, s, k, k + 1);
  const noun = k - 1;
  if (noun < clause.start || !THING_NOUNS.has(r.norm(noun)) || r.mentionAt[noun]! >= 0) return null;
  // "the company", "the streaming company": an article at most two words before the noun.
  const the = [1, 2, 3].map((j) => noun - j).find((j) => j >= clause.start && r.norm(j) === 'the');
  if (the === undefined || [...Array(noun - the).keys()].some((j) => r.mentionAt[the + j]! >= 0)) return null;
  return r.targetBefore(the, lookBack, [], r.norm(noun));
}

/**
 * "RT and Sputnik, which Facebook had cut off": the verb at `first` has its subject right after a
 * relative word that follows a name and a comma; that name, with those joined to it, is the object.
 */
/** "X, which had sued Y": the actors named just before ", which" or ", who" opening the verb at token `first`. */
function subjectRelative(r: Reading, first: number): Found | null {
  let k = first - 1;
  while (k > 0 && r.mentionAt[k]! < 0 && AUXILIARY_OR_ADVERB.test(r.norm(k))) k--;
  if (!['which', 'who'].includes(r.norm(k)) || k < 1 || !r.gap(k - 1, k).includes(',')) return null;
  const m = r.mentionAt[k - 1]!;
  if (m < 0) return null;
  const s = r.sentences.find((x) => x.first <= k && k < x.last)!;
  return found(r, withCoordinated(r, m, -1, { start: s.first, end: k }).ids.reverse());
}

/** A relative word between `opens` and `first` followed by a name: "which Reddit", "a site that Reddit". */
function namedSubjectRelative(r: Reading, opens: number, first: number): boolean {
  for (let k = opens; k < first - 1; k++) if (OBJECT_RELATIVES.has(r.norm(k)) && r.mentionAt[k + 1]! >= 0) return true;
  return whoseBefore(r, opens, first) >= 0;
}

/** "whose broadcasts Reddit banned": the token of "whose" when it opens, with one or two nouns, the clause of a named subject. */
function whoseBefore(r: Reading, from: number, first: number): number {
  for (let k = from; k < first - 2; k++) {
    if (r.norm(k) !== 'whose') continue;
    const j = [k + 2, k + 3].find((x) => r.mentionAt[x]! >= 0 && r.mentions[r.mentionAt[x]!]!.first === x);
    return j !== undefined && r.tokens.slice(k + 1, j).every((t) => /^\p{Ll}+$/u.test(t.text)) ? k : -1;
  }
  return -1;
}

function relativeAntecedent(r: Reading, first: number, subject: readonly ProposedActorRef[]): Found | null {
  let k = first - 1;
  while (k > 0 && r.mentionAt[k]! < 0 && AUXILIARY_OR_ADVERB.test(r.norm(k))) k--;
  const m = r.mentionAt[k]!;
  if (m < 0 || !subject.some((a) => same(a, r.mentions[m]!.actor))) return null;
  const named = r.mentions[m]!.first;
  const whose = whoseBefore(r, Math.max(0, named - 3), named + 1);
  const rel = whose >= 0 ? whose : named - 1;
  if (!OBJECT_RELATIVES.has(r.norm(rel)) && whose < 0) return null;
  // "X, the account that tracks flights and that Twitter itself had removed": the antecedent named in apposition.
  const before = r.gap(rel - 1, rel).includes(',') ? r.mentionAt[rel - 1]! : appositionAntecedent(r, rel);
  if (before < 0) return null;
  const s = r.sentences.find((x) => x.first <= rel && rel < x.last)!;
  return found(r, withCoordinated(r, before, -1, { start: s.first, end: rel }).ids.reverse());
}

/**
 * The actor that "the <noun>" (a noun for a site or company, named with no actor after the last
 * actor named) stands for, when such a noun comes between the last name and `at`; else null, for
 * the caller's nearest-name reading.
 */
function thingNamedBefore(r: Reading, at: number, lookBack: number, acting: readonly ProposedActorRef[]): ProposedActorRef | null {
  for (let k = at - 1; k > lookBack; k--) {
    // An apposition of the actor acting ("Roskomnadzor, Russia's watchdog,") is skipped.
    k = r.skipBack(k, at);
    if (k <= lookBack) break;
    if (r.mentionAt[k]! >= 0) {
      const a = r.mentions[r.mentionAt[k]!]!.actor;
      if (!acting.some((x) => same(x, a))) return null;
      k = r.mentions[r.mentionAt[k]!]!.first;
      continue;
    }
    if (!THING_NOUNS.has(r.norm(k)) || r.norm(k - 1) !== 'the') continue;
    return r.targetBefore(k - 1, lookBack, [...acting], r.norm(k));
  }
  return null;
}
