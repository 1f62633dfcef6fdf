/**
 * Actor mentions: known actors found by their name or an alias (case-, accent- and
 * article-insensitive, as actor search folds them), and capitalised phrases that name no known
 * actor, proposed as new actors (id null).
 */
import type { ProposedActorRef } from '../../contract';
import { attribution, formSet, LEXICON } from './lexicon';
import names from './rules/names.json';
import { apostropheS, fold, tokenize, type Token } from './text';
import { withAcronyms } from './acronyms';
import {
  CALLED_JOINERS,
  CALLING,
  capitalised,
  describesBusiness,
  givenNameGoesOn,
  joinable,
  nameWordAt,
  namesLaw,
  NUMBER_WORDS,
  officeNamed,
  ORG_PREPOSITIONS,
  pairOfNames,
  timeAfter,
  RANKS,
  soloWords,
  YEAR,
} from './name-words';

export interface ActorRecord {
  id: string;
  name: string;
  aliases?: string[];
  kind?: string;
}

/** The store's OWNS actions as [parent id, unit id]: "Amazon" in a report may stand for its unit AWS. */
export type Unit = readonly [parent: string, unit: string];

export interface Mention {
  actor: ProposedActorRef;
  /** Token range [first, last). */
  first: number;
  last: number;
  start: number;
  end: number;
}

interface Entry {
  ref: ProposedActorRef;
  /** The name's own spelling, for names that only match as written (one or two letters: "X"). */
  exact?: string;
}

const ARTICLES = new Set(names.articles.words);
const SAYING = formSet([...attribution.reportingVerbs.verbs, ...attribution.confirmingVerbs.verbs]);
const PARTICIPLES = new Set(attribution.participleAppositions.words);

/**
 * A word opening a sentence with a saying verb or a verb of the lexicon right after it ("Meta said
 * on Friday ...", "Patreon removed ..."), or after an apposition ("Patreon, the crowdfunding site,
 * removed ..."), names who speaks or acts; a plural ("Critics said") is a group of people, not an actor.
 */
function speaks(text: string, tokens: Token[], i: number): boolean {
  if (tokens[i]!.norm.endsWith('s')) return false;
  const lexical = (k: number) => SAYING.has(tokens[k]?.norm ?? '') || LEXICON.isVerb(tokens[k]?.norm ?? '');
  // "Zonk was also banned", "Zonk has removed": an auxiliary, perhaps an adverb, then such a verb.
  const verb = (k: number) =>
    lexical(k) ||
    (AUXILIARIES.has(tokens[k]?.norm ?? '') &&
      (lexical(k + 1) || (/^(?:also|been|not|\p{L}+ly)$/u.test(tokens[k + 1]?.norm ?? '') && lexical(k + 2))));
  if (verb(i + 1) && text.slice(tokens[i]!.end, tokens[i + 1]!.start) === ' ') return true;
  // "Erewhon on Friday blocked ...", "Zorpay last week said ...": a time between the name and its verb.
  const time = timeAfter(tokens, i + 1);
  if (time > i + 1 && verb(time)) return true;
  // ", the crowdfunding site, removed": up to five words between the commas.
  // ", which owns Facebook, answered": a relative clause likewise.
  // ", owned by Reddit, banned": a participle apposition too.
  const opens =
    ARTICLES.has(tokens[i + 1]?.norm ?? '') ||
    ['which', 'that', 'who'].includes(tokens[i + 1]?.norm ?? '') ||
    PARTICIPLES.has(tokens[i + 1]?.norm ?? '');
  if (!/^,\s+$/u.test(text.slice(tokens[i]!.end, tokens[i + 1]?.start ?? 0)) || !opens) return false;
  for (let k = i + 2; k < Math.min(tokens.length, i + 8); k++)
    if (text.slice(tokens[k - 1]!.end, tokens[k]!.start).includes(',')) return verb(k);
  return false;
}
const AUXILIARIES = new Set(['was', 'were', 'is', 'are', 'has', 'had', 'have', 'will', 'would', 'can', 'could', 'did']);
const COMMON = new Set(names.commonWords.words);
// A title starts no name and ends one: "Representative Jane Doe" is "Jane Doe".
const NOT_NAMES = new Set([...names.notNames.words, ...names.titles.words]);
// "its Play Store": a product of the owner, not an actor.
const POSSESSED = new Set(names.references.possessedNames.words);
const JOINERS = new Set(names.joiners.words);
const OF_HEADS = new Set([...names.accounts.organisationWords.words, ...names.joiners.ofHeads]);
const PERSON_NOUNS = new Set(names.references.personNouns.words);
const MAX_NAME_WORDS = 8;
const SINGULAR = new Set(names.insideNames.singularVerbs);
const PEOPLE_PLURALS = new Set(names.insideNames.peoplePlurals);
const TEAM_NOUNS = new Set(names.teams.nouns);
const KIND_WORDS = new Set(names.shortNames.words);
// "The Google-owned video site", "Kremlin-backed outlets": a word describing something by its owner is no name.
const DESCRIBING = /-(?:owned|backed|run|funded|controlled|linked|affiliated|based)$/u;
// A web address with a common top-level domain: "stormfront.org", "gab.com".
const DOMAIN = /^([\p{L}\p{N}-]+)\.(?:com|org|net|ru|io|co|info|me|tv|app|site|online|us|uk|win)$/u;

/** The folded words of a name without a leading article; the key a mention is looked up by. */
function keyWords(name: string): Token[] {
  const words = tokenize(name);
  while (words.length > 1 && ARTICLES.has(words[0]!.norm)) words.shift();
  return words;
}

/** Every known actor's name and aliases, by folded key; built once per version of the store's actors. */
export class ActorIndex {
  private readonly byKey = new Map<string, Entry>();
  private readonly firstWords = new Set<string>();
  private readonly kinds = new Map<string, string>();
  private readonly unitsOf = new Map<string, string[]>();

  constructor(actors: readonly ActorRecord[], units: readonly Unit[] = []) {
    for (const a of actors) if (a.kind) this.kinds.set(a.id, a.kind);
    for (const [parent, unit] of units) this.unitsOf.set(parent, [...(this.unitsOf.get(parent) ?? []), unit]);
    // Names before aliases, so an alias never takes the key of another actor's name.
    for (const pass of ['name', 'alias'] as const) {
      for (const a of actors) {
        const ref = { id: a.id, name: a.name };
        for (const n of pass === 'name' ? [a.name] : (a.aliases ?? [])) this.add(n, ref);
      }
    }
  }

  private add(name: string, ref: ProposedActorRef): void {
    const words = keyWords(name).slice(0, MAX_NAME_WORDS);
    if (words.length === 0) return;
    const key = words.map((w) => w.norm).join(' ');
    if (this.byKey.has(key)) return;
    this.byKey.set(key, key.length <= 2 ? { ref, exact: words.map((w) => w.text).join(' ') } : { ref });
    this.firstWords.add(words[0]!.norm);
  }

  /** The units the store says `id` owns. */
  units(id: string): readonly string[] {
    return this.unitsOf.get(id) ?? [];
  }

  kindOf(id: string): string | undefined {
    return this.kinds.get(id);
  }

  get size(): number {
    return this.byKey.size;
  }

  /** The known actor whose name or alias is exactly `name` (folded, article dropped), if any. */
  lookup(name: string): ProposedActorRef | null {
    const key = keyWords(name)
      .map((w) => w.norm)
      .join(' ');
    return this.byKey.get(key)?.ref ?? null;
  }

  /** Longest known names first, left to right, never across a sentence end (`breaks`: token indexes that start a sentence). */
  find(text: string, tokens: Token[], breaks: Set<number>): Mention[] {
    const out: Mention[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (!this.firstWords.has(t.norm)) continue;
      let key = '';
      let best: { entry: Entry; last: number } | null = null;
      for (let j = i; j < Math.min(tokens.length, i + MAX_NAME_WORDS); j++) {
        if (j > i && (breaks.has(j) || !joinable(text, tokens[j - 1]!, tokens[j]!, true))) break;
        key = j === i ? t.norm : `${key} ${tokens[j]!.norm}`;
        const entry = this.byKey.get(key);
        if (entry && accepts(entry, tokens.slice(i, j + 1))) best = { entry, last: j + 1 };
      }
      if (best) {
        out.push({ actor: best.entry.ref, first: i, last: best.last, start: t.start, end: tokens[best.last - 1]!.end });
        i = best.last - 1;
      }
    }
    return out;
  }
}

function accepts(entry: Entry, words: Token[]): boolean {
  const written = words.map((w) => w.text).join(' ');
  if (entry.exact !== undefined) return written === entry.exact;
  if (words.length === 1 && COMMON.has(words[0]!.norm) && words[0]!.text === words[0]!.norm) return false;
  return true;
}

/** "Ministry of Transport and Communications": an office "of" a field, where "and" joins a second field. */
function officeOf(tokens: Token[], i: number, j: number): boolean {
  // One capitalised word after "and", then no other: "Health and Jo Marsh" are two actors; unless both are words for fields.
  const after = tokens[j + 2];
  return (
    OFFICES.has(tokens[i]!.norm) &&
    tokens[i + 1]?.norm === 'of' &&
    j - i <= 4 &&
    !tokens.slice(i + 2, j).some((w) => w.norm === 'and') &&
    (!after || !/^\p{Lu}/u.test(after.text) || (field(tokens[j + 1]!) && field(after)))
  );
}

const FIELD = new RegExp(`(?:${names.insideNames.fieldEndings.join('|')})$`, 'u');
const FIELD_WORDS = new Set(names.insideNames.fieldWords);
/** "Communications", "Technology", "Trade": a word for a field an office is "of", not part of a person's name. */
const field = (t: Token) => FIELD_WORDS.has(t.norm) || FIELD.test(t.norm);

/**
 * Capitalised phrases outside known mentions: candidate new actors. A lone capitalised word that
 * opens a sentence counts only when the report also writes it capitalised elsewhere, or when it
 * looks like a brand (inner capitals, digits).
 */
export function properNouns(
  text: string,
  tokens: Token[],
  breaks: Set<number>,
  taken: readonly Mention[],
  kindOf: (id: string) => string | undefined = () => undefined,
): Mention[] {
  const used = new Uint8Array(tokens.length);
  for (const m of taken) used.fill(1, m.first, m.last);
  const midSentence = new Set<string>();
  for (let i = 0; i < tokens.length; i++) if (!breaks.has(i) && capitalised(tokens[i]!)) midSentence.add(tokens[i]!.norm);
  // A word the report also writes as a web address ("Stormfront" and "stormfront.org") is a name.
  for (const t of tokens) {
    const label = DOMAIN.exec(t.norm)?.[1];
    if (label) midSentence.add(label);
  }
  const titles = titleCase(tokens, breaks);
  const solo = soloWords(text, tokens);
  const alone = new Set<string>();
  for (let i = 1; i < tokens.length; i++) if (capitalised(tokens[i]!) && !NATIONAL.has(tokens[i - 1]!.norm)) alone.add(tokens[i]!.norm);
  const out: Mention[] = [];
  const byKey = new Map<string, ProposedActorRef>();
  for (let i = 0; i < tokens.length; i++) {
    if (used[i] || titles[i] || !capitalised(tokens[i]!) || DESCRIBING.test(tokens[i]!.norm)) continue;
    if (
      NOT_NAMES.has(tokens[i]!.norm) &&
      !nationalName(text, tokens, breaks, used, i, alone) &&
      !officeNamed(text, tokens, i) &&
      !(!breaks.has(i) && listedNumber(text, tokens, i))
    )
      continue;
    // "Brigadier-General Zaw Min Tun": a rank written with a hyphen is a title, not part of the name.
    if (tokens[i]!.norm.includes('-') && tokens[i]!.norm.split('-').every((w) => RANKS.has(w))) continue;
    if (i > 0 && POSSESSED.has(tokens[i - 1]!.norm)) {
      while (i + 1 < tokens.length && !breaks.has(i + 1) && capitalised(tokens[i + 1]!) && joinable(text, tokens[i]!, tokens[i + 1]!)) i++;
      continue;
    }
    let last = i + 1;
    const called = i > 0 && CALLING.has(tokens[i - 1]!.norm);
    for (let j = i + 1; j < tokens.length && !used[j] && !breaks.has(j) && j - i < MAX_NAME_WORDS; j++) {
      // "People's Daily", "Women's March": the possessive of a plural noun for people opens a name, not an owner.
      if (PEOPLE_PLURALS.has(tokens[j - 1]!.norm) && apostropheS(text, tokens, j) && nameWordAt(text, tokens, j + 1)) continue;
      if (!joinable(text, tokens[j - 1]!, tokens[j]!)) break;
      // "Freedom Convoy 2022": a year written right after a name is part of it.
      if (YEAR.test(tokens[j]!.text) && capitalised(tokens[j - 1]!)) {
        last = j + 1;
        break;
      }
      // "a group called Stop the Steal", "a page named Convoy to DC": a name given is read to its last capital.
      if (called && CALLED_JOINERS.has(tokens[j]!.norm) && givenNameGoesOn(text, tokens, breaks, j)) continue;
      if (text.slice(tokens[j - 1]!.end, tokens[j]!.start).includes('&') && !capitalised(tokens[j]!)) break;
      // "Lawyers' Committee for Civil Rights Under Law", "National Center on Hate": after a word for an
      // organisation, a preposition followed by a capitalised word stays inside the name.
      if (ORG_PREPOSITIONS.has(tokens[j]!.norm) && tokens.slice(i, j).some((w) => OF_HEADS.has(w.norm)) && nameWordAt(text, tokens, j + 1))
        continue;
      if (capitalised(tokens[j]!)) {
        // "Assembly Four", "Channel Five": a number word written with a capital inside a name is part of it.
        if (
          NOT_NAMES.has(tokens[j]!.norm) &&
          !JOINERS.has(tokens[j]!.norm) &&
          !NUMBER_WORDS.has(tokens[j]!.norm) &&
          !officeNamed(text, tokens, j) &&
          // "San Francisco State University": such a word before an organisation's word stays inside.
          !(tokens[j + 1] && capitalised(tokens[j + 1]!) && OF_HEADS.has(tokens[j + 1]!.norm) && joinable(text, tokens[j]!, tokens[j + 1]!))
        )
          break;
        last = j + 1;
      } else if (!JOINERS.has(tokens[j]!.norm)) break;
      // "Uber and Lyft", "Paul Nehlen and Paul Joseph Watson" are two; "and" stays inside only an office's
      // name ("Ministry of Information and Communications Technology"). A known pair was found before.
      // A pair with a singular verb after it is one name ("Barrow and Finch has dropped ...").
      // A team's name ("its Trust and Safety team") is left whole for teams.ts.
      else if (
        tokens[j]!.norm === 'and' &&
        !officeOf(tokens, i, j) &&
        !(j - i === 1 && SINGULAR.has(tokens[j + 2]?.norm ?? '')) &&
        !(j - i === 1 && TEAM_NOUNS.has(tokens[j + 2]?.text ?? ''))
      )
        break;
      // "Drew Harwell of The Washington Post" is a person and their employer; "of" joins only after one
      // word ("Nation of Islam") or a word for an organisation ("Supreme Court of the United States").
      else if (tokens[j]!.norm === 'of' && j - i >= 2 && !tokens.slice(i, j).some((w) => OF_HEADS.has(w.norm))) break;
    }
    last = possessedOffice(text, tokens, breaks, used, last);
    const named = last;
    last = courtKindAfter(text, tokens, used, last);
    // "the Second Amendment", "the Communications Decency Act": the name of a law, not of an actor.
    if (namesLaw(tokens, last)) {
      i = last;
      continue;
    }
    const words = tokens.slice(i, last);
    const lone = words.length === 1 ? words[0]! : null;
    // "Uber and Lyft deactivated her": a word opening a sentence, joined by "and" to a name after it, is one too.
    const paired =
      tokens[last]?.norm === 'and' &&
      (pairOfNames(text, tokens, i, last, solo) || (!tokens[i]!.norm.endsWith('s') && nameWordAt(text, tokens, last + 1)));
    if (lone && breaks.has(i) && !midSentence.has(lone.norm) && !/\p{N}|.\p{Lu}/u.test(lone.text) && !speaks(text, tokens, i) && !paired)
      continue;
    if (lone && lone.text.length < 2) continue;
    // "the Georgia Republican": a capitalised word before a noun for a person describes that person.
    if (lone && PERSON_NOUNS.has(tokens[last]?.norm ?? '') && /^\p{Lu}/u.test(tokens[last]!.text)) continue;
    // "the Melbourne company that runs X", "a Beijing firm": a place before a lower-case noun for a business describes it.
    if (lone && describesBusiness(tokens, i, last)) continue;
    // "@ElonJet": an account's handle keeps its "@".
    const handle = text[words[0]!.start - 1] === '@' && !/\S/u.test(text[words[0]!.start - 2] ?? ' ');
    const start = handle ? words[0]!.start - 1 : words[0]!.start;
    // "Tagansky district court" is named as a court is: "Tagansky District Court".
    const kind = tokens.slice(named, last).map((t) => t.text[0]!.toUpperCase() + t.text.slice(1));
    const name = [text.slice(start, tokens[named - 1]!.end), ...kind].join(' ');
    const key = words.map((w) => w.norm).join(' ');
    let ref = byKey.get(key);
    if (!ref) {
      // A surname alone is the person named in full before it ("Jones" after "Alex Jones"), new or known.
      ref = (lone && ([...byKey.entries()].find(([k]) => k.endsWith(` ${lone.norm}`))?.[1] ?? knownSurname(taken, i, lone, kindOf))) ||
        shortened(byKey, key) || {
          id: null,
          name,
        };
      byKey.set(key, ref);
    }
    out.push({ actor: ref, first: i, last, start, end: words[words.length - 1]!.end });
    i = last - 1;
  }
  return withAcronyms(text, out, taken);
}

/** "News Corp, Nine, the ABC and SBS": a capitalised number word opened and closed as an item of a list of names is a name. */
function listedNumber(text: string, tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  if (i === 0 || !NUMBER_WORDS.has(t.norm) || !/^\p{Lu}/u.test(t.text)) return false;
  const next = tokens[i + 1];
  const opened =
    (/^\s*,\s*$/u.test(text.slice(tokens[i - 1]!.end, t.start)) && capitalised(tokens[i - 1]!)) || tokens[i - 1]!.norm === 'and';
  const closed = (!!next && /^\s*,/u.test(text.slice(t.end, next.start))) || next?.norm === 'and';
  return opened && closed;
}

const NATIONAL = new Set(names.nationalNames.words);
/** "American Renaissance", "the European Union": a nationality opening a name (see `names.json` `nationalNames`). */
function nationalName(text: string, tokens: Token[], breaks: Set<number>, used: Uint8Array, i: number, alone: Set<string>): boolean {
  if (!NATIONAL.has(tokens[i]!.norm)) return false;
  const words: Token[] = [];
  for (let j = i + 1; j < tokens.length && j - i < MAX_NAME_WORDS && !used[j] && !breaks.has(j); j++) {
    if (!capitalised(tokens[j]!) || NOT_NAMES.has(tokens[j]!.norm) || !joinable(text, tokens[j - 1]!, tokens[j]!)) break;
    words.push(tokens[j]!);
  }
  // "Russian Telegram channels ... Telegram said": a word the report also writes without the nationality is the name.
  return (words.length === 1 && !alone.has(words[0]!.norm)) || (words.length > 1 && words.some((w) => OF_HEADS.has(w.norm)));
}

const OFFICES = new Set(['office', 'department', 'ministry', 'bureau', 'agency', 'service', 'commission', 'committee']);

/**
 * "the Prosecutor General's Office": a name, perhaps a title word after it, and "'s" with a
 * capitalised word for an office, is one organisation. One past the name's last token.
 */
function possessedOffice(text: string, tokens: Token[], breaks: Set<number>, used: Uint8Array, last: number): number {
  let k = last;
  if (
    !apostropheS(text, tokens, k) &&
    tokens[k] &&
    !breaks.has(k) &&
    !used[k] &&
    capitalised(tokens[k]!) &&
    joinable(text, tokens[k - 1]!, tokens[k]!)
  )
    k++;
  const office = tokens[k + 1];
  if (!apostropheS(text, tokens, k) || !office || used[k + 1] || !OFFICES.has(office.norm) || !capitalised(office)) return last;
  return k + 2;
}

/**
 * Tokens of sentences written in title case (a headline: "Amazon Told Media They Were Shutting
 * Down Parler"), where capitals mark no names: only known actors are found there.
 */
function titleCase(tokens: Token[], breaks: Set<number>): Uint8Array {
  const out = new Uint8Array(tokens.length);
  let first = 0;
  for (let i = 1; i <= tokens.length; i++) {
    if (i < tokens.length && !breaks.has(i)) continue;
    const words = tokens.slice(first, i).filter((t) => /^\p{L}/u.test(t.text));
    const capitals = words.filter((t) => /^\p{Lu}/u.test(t.text)).length;
    if (words.length >= 5 && capitals >= 0.8 * words.length) out.fill(1, first, i);
    first = i;
  }
  return out;
}

/**
 * Lower-case web addresses left unnamed ("put the stormfront.org address on hold") that are an
 * actor's name with its domain: a mention of that actor, known (`lookup`) or already proposed in
 * the report. "Web.com", written as a name, is left to the proper nouns.
 */
export function domainMentions(tokens: Token[], taken: readonly Mention[], lookup: (name: string) => ProposedActorRef | null): Mention[] {
  const used = new Uint8Array(tokens.length);
  for (const m of taken) used.fill(1, m.first, m.last);
  const named = new Map<string, ProposedActorRef>();
  for (const m of taken) named.set(fold(m.actor.name).replace(/[^\p{L}\p{N}]+/gu, ''), m.actor);
  const out: Mention[] = [];
  tokens.forEach((t, i) => {
    const label = used[i] || t.text !== t.norm ? null : DOMAIN.exec(t.norm)?.[1];
    if (!label) return;
    const actor = lookup(label) ?? named.get(label.replace(/-/g, ''));
    if (actor) out.push({ actor, first: i, last: i + 1, start: t.start, end: t.end });
  });
  return out;
}

/** The known person named before token `at` whose name (of two words or more) ends with `word`. */
function knownSurname(
  taken: readonly Mention[],
  at: number,
  word: Token,
  kindOf: (id: string) => string | undefined,
): ProposedActorRef | undefined {
  for (let k = taken.length - 1; k >= 0; k--) {
    const m = taken[k]!;
    if (m.first >= at || !m.actor.id || kindOf(m.actor.id) !== 'person') continue;
    const words = tokenize(m.actor.name);
    if (words.length > 1 && words[words.length - 1]!.norm === word.norm) return m.actor;
  }
  return undefined;
}

/**
 * The new actor named earlier in full whose name this one shortens by leaving off the words that
 * only say what kind of organisation it is: "Epic" after "Epic Games".
 */
function shortened(byKey: ReadonlyMap<string, ProposedActorRef>, key: string): ProposedActorRef | undefined {
  for (const [full, ref] of byKey) {
    if (ref.id !== null || !full.startsWith(`${key} `)) continue;
    if (
      full
        .slice(key.length + 1)
        .split(' ')
        .every((w) => KIND_WORDS.has(w))
    )
      return ref;
  }
  return undefined;
}

/**
 * Known people whose name opens a longer capitalised name ("Trump Organization", "Trump Media &
 * Technology Group"): the longer name is another actor, so the person's mention is dropped and
 * left to the proper nouns.
 */
export function insideLongerNames(
  text: string,
  tokens: Token[],
  breaks: Set<number>,
  known: readonly Mention[],
  kindOf: (id: string) => string | undefined,
): Mention[] {
  const used = new Uint8Array(tokens.length);
  for (const m of known) used.fill(1, m.first, m.last);
  return known.filter((m) => {
    const next = tokens[m.last];
    if (!m.actor.id || kindOf(m.actor.id) !== 'person' || !next || used[m.last] || breaks.has(m.last)) return true;
    return !(capitalised(next) && !NOT_NAMES.has(next.norm) && joinable(text, tokens[m.last - 1]!, next));
  });
}

const COURT_KINDS = names.courtKinds.words.map((w) => w.split(' '));

/** "Tagansky district court": the end of a court's kind written in lower case right after a name ending at `last`, else `last`. */
function courtKindAfter(text: string, tokens: Token[], used: Uint8Array, last: number): number {
  for (const kind of COURT_KINDS) {
    const fits = kind.every((w, k) => {
      const t = tokens[last + k];
      return t && !used[last + k] && t.text === w && text.slice(tokens[last + k - 1]!.end, t.start) === ' ';
    });
    if (fits) return last + kind.length;
  }
  return last;
}
