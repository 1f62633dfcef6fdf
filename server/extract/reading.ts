/**
 * The text being read: its words, sentences and actor mentions, with the lookups the clause
 * readers (clauses.ts, accounts.ts, attribution.ts) share: the topic, relative clauses and
 * appositions between commas, and the actor a reference stands for.
 */
import type { ProposedActorRef } from '../../contract';
import type { Mention } from './actors';
import { attribution, formSet } from './lexicon';
import names from './rules/names.json';
import { apostropheS, fold, type Sentence, type Token } from './text';
import { namesGovernment } from './governments';

/** Prepositions whose noun is not the subject of a verb after it. */
export const SUBJECT_SKIP = new Set([
  'of',
  'from',
  'to',
  'by',
  'against',
  'for',
  'on',
  'at',
  'in',
  'with',
  'into',
  'about',
  'than',
  'like',
  'via',
]);
const RELATIVES = new Set(attribution.relatives.words);
const PARTICIPLES = new Set(attribution.participleAppositions.words);
const SAYING = formSet([...attribution.reportingVerbs.verbs, ...attribution.confirmingVerbs.verbs]);
// "the app" for the actor introduced as "the network": each noun of a group stands for the others.
const SAME_THING = new Map<string, readonly string[]>(names.references.sameThing.groups.flatMap((g) => g.map((n) => [n, g] as const)));
const PERSON_WORDS = new Set([...names.references.personNouns.words, ...names.titles.words, 'mr', 'mrs', 'ms', 'dr']);
const COUNTRIES = new Set(names.countries.words);
// "The company", "the site" is never a court or a government the store knows ("the regulator" may be).
const BUSINESSES = new Set(['company', 'firm', ...(SAME_THING.get('app') ?? [])]);
const PUBLIC_KINDS = new Set(['court', 'government']);
const NOUN_KINDS = new Map<string, readonly string[]>(Object.entries(names.references.nounKinds.kinds));

const ROLES = new Set([...PERSON_WORDS, ...names.references.spokesRoles.words, 'secretary', 'chairman', 'chairwoman']);

/** "Jo Doe, the White House press secretary," or "Jo Doe, Zorvo's chief executive,": a role in apposition makes a person. */
function roleAfter(r: Reading, m: Mention): boolean {
  if (m.last >= r.tokens.length || !r.gap(m.last - 1, m.last).includes(',')) return false;
  const opens =
    ['the', 'a', 'an'].includes(r.norm(m.last)) || (r.mentionAt[m.last]! >= 0 && r.norm(r.mentions[r.mentionAt[m.last]!]!.last) === 's');
  if (!opens) return false;
  for (let k = m.last + 1; k < Math.min(r.tokens.length, m.last + 7); k++) {
    if (/[,.;:!?]/u.test(r.gap(k - 1, k))) return false;
    if (ROLES.has(r.norm(k))) return true;
  }
  return false;
}

export function same(a: ProposedActorRef, b: ProposedActorRef): boolean {
  return a.id !== null || b.id !== null ? a.id === b.id : a.name === b.name;
}

/** The text being read: its words, sentences and actor mentions, with lookups between them. */
export class Reading {
  /** The mention covering each token, or -1. */
  readonly mentionAt: Int32Array;
  /** The actor the report is mostly about: what "the site" and "the platform" stand for. */
  topic: ProposedActorRef | null;
  /** The actors that are not people, ranked as the topic is: who did the sanctioning in a report about someone sanctioned. */
  things: ProposedActorRef[] = [];
  /**
   * The sanctions read so far, as each verb is read: where it is, who acted on whom and when ("the ban was a
   * ploy" is a claim against its actor; a ruling upholding a judge's order is on its target).
   */
  readonly sanctions: Array<{ at: number; by: ProposedActorRef; to: ProposedActorRef; date: string | null }> = [];
  /** Names of new actors written as people (`writtenAsPeople`): "the company" never stands for them. */
  people = new Set<string>();
  /** The store's government of a country named as a new actor ("Nigeria"), if it knows one: "the government" is that actor. */
  governmentOf: (country: string) => ProposedActorRef | null = () => null;
  /** Tokens that are verbs of the lexicon or saying verbs: an actor named right after one is acted upon, not acting. */
  readonly verbs = new Set<number>();
  /** For a token inside a relative clause between commas (", which ... ,"), its first token and one past its last; else -1. */
  readonly relativeStart: Int32Array;
  readonly relativeEnd: Int32Array;

  constructor(
    readonly text: string,
    readonly tokens: Token[],
    readonly sentences: Sentence[],
    readonly mentions: Mention[],
    /** The store's kind of a known actor ("person", "platform"), so "the forum" never stands for a person. */
    readonly kindOf: (id: string) => string | undefined = () => undefined,
  ) {
    this.mentionAt = new Int32Array(tokens.length).fill(-1);
    mentions.forEach((m, i) => this.mentionAt.fill(i, m.first, m.last));
    this.relativeStart = new Int32Array(tokens.length).fill(-1);
    this.relativeEnd = new Int32Array(tokens.length).fill(-1);
    for (const s of sentences) {
      for (let k = s.first + 1; k < s.last; k++) {
        // After a name, an apposition ("Roskomnadzor, Russia's media regulator, blocked"; "Vimeo, owned by Reddit, banned")
        // is skipped like a relative clause.
        const apposition =
          this.mentionAt[k - 1]! >= 0 &&
          (['the', 'a', 'an'].includes(tokens[k]!.norm) ||
            PARTICIPLES.has(tokens[k]!.norm) ||
            (this.mentionAt[k]! >= 0 && /^['’]s\b/u.test(text.slice(this.mentions[this.mentionAt[k]!]!.end))));
        if ((!RELATIVES.has(tokens[k]!.norm) && !apposition) || !this.gap(k - 1, k).includes(',')) continue;
        // A comma before a name continues a list inside the clause ("dropped by Apple, Spotify and Stitcher,").
        let j = k + 1;
        while (j < s.last && (!this.gap(j - 1, j).includes(',') || this.mentionAt[j]! >= 0)) j++;
        if (j === s.last || (apposition && j - k > 12)) break;
        this.relativeStart.fill(k, k, j);
        this.relativeEnd.fill(j, k, j);
        k = j - 1;
      }
    }
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
   * New actors the report writes as people: after a noun for a person or a title ("the rapper X",
   * "Senator X", "Mr. X"), or with an initial ("R. Kelly"). They are not among the things.
   */
  private writtenAsPeople(): Set<string> {
    const out = new Set<string>();
    for (const m of this.mentions) {
      if (m.actor.id) continue;
      const before = this.norm(m.first - 1);
      if (PERSON_WORDS.has(before) || /^\p{Lu}\. /u.test(m.actor.name) || roleAfter(this, m)) out.add(m.actor.name);
    }
    return out;
  }

  /** The topic, weighting each actor's mentions by `bonus` (extra weight for actors found acted upon). */
  chooseTopic(bonus: Map<string, number>): void {
    const score = new Map<string, { ref: ProposedActorRef; n: number; first: number }>();
    for (const m of this.mentions) {
      const key = m.actor.id ?? `new:${m.actor.name}`;
      const c = score.get(key) ?? { ref: m.actor, n: bonus.get(key) ?? 0, first: m.first };
      c.n++;
      score.set(key, c);
    }
    const ranked = [...score.values()].sort((a, b) => b.n - a.n || a.first - b.first);
    this.topic = ranked[0]?.ref ?? null;
    this.people = this.writtenAsPeople();
    this.things = ranked.filter((c) => !(c.ref.id ? this.kindOf(c.ref.id) === 'person' : this.people.has(c.ref.name))).map((c) => c.ref);
  }

  /** The acting actor of the sentence before `s`: its first actor named and not acted upon. */
  actingIn(s: Sentence, lookBack: number): ProposedActorRef | null {
    const i = this.sentences.indexOf(s);
    const prev = this.sentences[i - 1];
    if (!prev || prev.first < lookBack) return null;
    for (let k = prev.first; k < prev.last; k++) {
      const m = this.mentionAt[k]!;
      if (m >= 0 && !this.actedUpon(this.mentions[m]!) && !SUBJECT_SKIP.has(this.norm(this.mentions[m]!.first - 1)))
        return this.mentions[m]!.actor;
    }
    return null;
  }

  /** Is mention `m` the object of a verb just before it ("told Parler", "banned the Gab")? */
  actedUpon(m: Mention): boolean {
    let k = m.first - 1;
    if (['the', 'a', 'an'].includes(this.norm(k))) k--;
    return this.verbs.has(k);
  }

  /**
   * What "the site" at token `at` stands for: the report's main actor when it was named in the
   * last few sentences, else the last actor named before it other than the one acting. A noun for
   * a site or a company (`thing`: "the forum", "the company") skips the people the store knows and
   * prefers the main actor wherever it was named before.
   */
  targetBefore(at: number, lookBack: number, acting: ProposedActorRef[], thing: boolean | string = false): ProposedActorRef | null {
    if (thing === 'government' || thing === 'authorities') return this.governmentBefore(at);
    const group = typeof thing === 'string' ? SAME_THING.get(thing) : undefined;
    // "the company" is not the actor introduced as "the network", nor "the app" the one introduced as "the publisher".
    const otherKind = (a: ProposedActorRef) => {
      const noun = group && this.describedNoun(a);
      return !!noun && !group.includes(noun);
    };
    const kinds = typeof thing === 'string' ? NOUN_KINDS.get(thing) : undefined;
    // "the service" is no known company: a noun with kinds stands only for actors of those kinds, or new ones.
    const fits = (a: ProposedActorRef) =>
      !(kinds && a.id && !kinds.includes(this.kindOf(a.id) ?? '')) &&
      !acting.some((x) => same(x, a)) &&
      !(thing && (a.id ? this.kindOf(a.id) === 'person' : this.people.has(a.name))) &&
      !(typeof thing === 'string' && BUSINESSES.has(thing) && a.id && PUBLIC_KINDS.has(this.kindOf(a.id) ?? '')) &&
      !otherKind(a);
    // "the registrar" after "its registrar, Network Solutions" or "Network Solutions, the registrar": the actor so described.
    const described = typeof thing === 'string' ? this.describedAs(thing, at) : null;
    if (described && fits(described)) return described;
    // "the platform": the last actor of that kind named in the last few sentences.
    for (let k = at - 1; kinds && k >= lookBack; k--) {
      const a = this.mentions[this.mentionAt[k]!]?.actor;
      if (a?.id && kinds.includes(this.kindOf(a.id) ?? '') && fits(a)) return a;
    }
    // "Zorvo said it would cut the paper's reach, and Jo Doe accused the company ...": a thing that spoke or acted earlier in the same sentence.
    const sentence = typeof thing === 'string' ? this.sentenceAtChar(this.tokens[at]!.start) : undefined;
    for (let k = at - 1; sentence && k >= sentence.first; k--) {
      const m = this.mentions[this.mentionAt[k]!];
      // Only a name that speaks or acts there ("Zorvo said"), not one in a phrase or a quotation.
      if (m && fits(m.actor) && (this.verbs.has(m.last) || SAYING.has(this.norm(m.last)))) return m.actor;
      if (m) k = m.first;
    }
    let recent: ProposedActorRef | null = null;
    for (let k = at - 1; k >= lookBack; k--) {
      const m = this.mentionAt[k]!;
      if (m < 0) continue;
      const a = this.mentions[m]!.actor;
      if (this.topic && same(a, this.topic) && fits(a)) return a;
      if (!recent && fits(a)) recent = a;
      k = this.mentions[m]!.first;
    }
    // "The forum", "the site": the report's main actor, even named further back, before a nearer other one.
    if (thing && this.topic && fits(this.topic) && this.mentions.some((m) => m.last <= at && same(m.actor, this.topic!))) return this.topic;
    // When the topic is a person, the main actor among the things stands for "the publisher".
    const main = thing && this.topic && !fits(this.topic) ? this.things.find(fits) : undefined;
    if (main && this.mentions.some((m) => m.last <= at && same(m.actor, main))) return main;
    return recent ?? (this.topic && fits(this.topic) ? this.topic : null);
  }

  /**
   * "The government", "the authorities": the country named last before token `at` (a known actor of a
   * government's kind, or a name of `names.json` countries), however far back; null when none is.
   */
  governmentBefore(at: number): ProposedActorRef | null {
    for (let k = at - 1; k >= 0; k--) {
      const m = this.mentionAt[k]!;
      if (m < 0) continue;
      const a = this.mentions[m]!.actor;
      if (a.id ? this.kindOf(a.id) === 'government' : COUNTRIES.has(fold(a.name)) || namesGovernment(a.name))
        return (!a.id && this.governmentOf(a.name)) || a;
      k = this.mentions[m]!.first;
    }
    return null;
  }

  private described: Map<string, string> | null = null;

  /** The noun of a group of `sameThing` that an apposition gives the actor anywhere in the report ("X, the network that ..."), if any. */
  describedNoun(a: ProposedActorRef): string | undefined {
    if (!this.described) {
      this.described = new Map();
      for (const m of this.mentions) {
        const key = m.actor.id ?? `new:${m.actor.name}`;
        if (this.described.has(key) || m.last >= this.tokens.length) continue;
        const before = m.first > 0 && this.gap(m.first - 1, m.first).includes(',') ? this.norm(m.first - 1) : '';
        const after =
          this.gap(m.last - 1, m.last).includes(',') && ['the', 'a', 'an'].includes(this.norm(m.last))
            ? [1, 2, 3].map((j) => this.norm(m.last + j)).find((w) => SAME_THING.has(w))
            : undefined;
        const noun = after ?? (SAME_THING.has(before) ? before : undefined);
        if (noun) this.described.set(key, noun);
      }
    }
    return this.described.get(a.id ?? `new:${a.name}`);
  }

  /** The actor of the last sanction read before character `at`, other than `not`. */
  sanctionerBefore(at: number, not: readonly ProposedActorRef[]): ProposedActorRef | null {
    return this.sanctionBefore(at, not)?.by ?? null;
  }

  /** The last sanction read before character `at` whose actor is not among `not`. */
  sanctionBefore(at: number, not: readonly ProposedActorRef[]): Reading['sanctions'][number] | null {
    for (let i = this.sanctions.length - 1; i >= 0; i--) {
      const s = this.sanctions[i]!;
      if (s.at < at && !not.some((x) => same(x, s.by))) return s;
    }
    return null;
  }

  /** The actor last named before token `at` next to `noun` in apposition: "registrar, Network Solutions" or "Network Solutions, the registrar". */
  describedAs(noun: string, at: number): ProposedActorRef | null {
    const nouns = SAME_THING.get(noun) ?? [noun];
    for (let k = at - 1; k >= Math.max(1, at - 400); k--) {
      const m = this.mentionAt[k]!;
      if (m < 0) continue;
      const mention = this.mentions[m]!;
      k = mention.first;
      const before = nouns.includes(this.norm(mention.first - 1)) && this.gap(mention.first - 1, mention.first).includes(',');
      const after =
        mention.last + 1 < at &&
        this.gap(mention.last - 1, mention.last).includes(',') &&
        ['the', 'a', 'an', 'its'].includes(this.norm(mention.last)) &&
        [1, 2, 3].some((j) => nouns.includes(this.norm(mention.last + j)));
      if (before || after) return mention.actor;
    }
    return null;
  }

  /** The sentence holding the character at `offset` (binary search: long texts have many). */
  sentenceAtChar(offset: number): Sentence | undefined {
    let lo = 0;
    let hi = this.sentences.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = this.sentences[mid]!;
      if (offset < s.start) hi = mid - 1;
      else if (offset > s.end) lo = mid + 1;
      else return s;
    }
    return undefined;
  }

  /** The actor named last before `at` in its sentence, other than `acting` and than an agent after "by". */
  nearestOther(at: number, lookBack: number, acting: ProposedActorRef[]): ProposedActorRef | null {
    const s = this.sentenceAtChar(this.tokens[at]!.start);
    for (let k = at - 1; s && k >= Math.max(lookBack, s.first); k--) {
      const m = this.mentions[this.mentionAt[k]!];
      if (!m) continue;
      k = m.first;
      if (!acting.some((x) => same(x, m.actor)) && this.norm(m.first - 1) !== 'by') return m.actor;
    }
    return null;
  }

  /** Scanning back towards `at`'s clause: the token before the relative clause holding `k` when it closes by `at`, else `k`. */
  skipBack(k: number, at: number): number {
    const end = this.relativeEnd[k] ?? -1;
    return end >= 0 && end <= at ? this.relativeStart[k]! - 1 : k;
  }

  /** Scanning forward up to `to`: the first token after the relative clause holding `k` when it closes by `to`, else `k`. */
  skipForward(k: number, to: number): number {
    const end = this.relativeEnd[k] ?? -1;
    return end >= 0 && end <= to ? end : k;
  }

  /** Is token `k` the "s" of a possessive? */
  isApostropheS(k: number): boolean {
    return apostropheS(this.text, this.tokens, k);
  }

  norm(i: number): string {
    return this.tokens[i]?.norm ?? '';
  }

  gap(a: number, b: number): string {
    return this.text.slice(this.tokens[a]!.end, this.tokens[b]!.start);
  }
}
