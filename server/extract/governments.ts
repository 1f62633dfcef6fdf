/**
 * Governments named by their country: "The Ugandan government blocked ...", "Uganda's government",
 * "the government of Uganda", "Ugandan authorities" are one actor, "Ugandan government" (or the
 * store's actor of that name), not a new actor "Ugandan". A regulator named by its country
 * ("Pakistan's telecoms regulator", "Chinese regulators", "the country's watchdog") is the regulator
 * the report names elsewhere, else the government. The words are in `rules/places.json`.
 */
import type { ProposedActorRef } from '../../contract';
import type { Mention } from './actors';
import { LEXICON } from './lexicon';
import places from './rules/places.json';
import { apostropheS, fold, tokenize, type Token } from './text';

interface Country {
  name: string;
  adjective: string;
  /** Every way it is written: name, adjective, other names ("US", "Britain"). */
  forms: readonly string[];
}

const GOVERNMENT_NOUNS = new Set(places.governmentNouns.words);
const REGULATOR_NOUNS = new Set(places.regulatorNouns.words);
const REGULATOR_HEADS = new Set(places.regulatorHeads.words);
const DESCRIBING = places.describing.maxWords;

/** Every way a country is written, as folded word sequences, longest first. */
const WRITTEN: Array<{ words: string[]; country: Country }> = places.countries.rows
  .flatMap((row) => {
    const country = { name: row[0]!, adjective: row[1]!, forms: row };
    return row.map((w) => ({ words: tokenize(w).map((t) => t.norm), country }));
  })
  .sort((a, b) => b.words.length - a.words.length);
const NAMES = new Set(places.countries.rows.map((r) => fold(r[0]!)));
const ADJECTIVES = new Set(places.countries.rows.map((r) => fold(r[1]!)));

/** Is `name` a country's or a country's government's ("Ugandan government"): what "the government" stands for. */
export function namesGovernment(name: string): boolean {
  const f = fold(name);
  if (NAMES.has(f)) return true;
  const m = /^(.+) government$/u.exec(f);
  return !!m && (ADJECTIVES.has(m[1]!) || NAMES.has(m[1]!));
}

/** The lone adjectives of countries ("Ugandan", "Pakistani"), for the mentions that name nothing alone. */
export const countryAdjective = (folded: string) => ADJECTIVES.has(folded) && !NAMES.has(folded);

/** The country written at token `i`, and one past its last token; null if none. */
function countryAt(tokens: Token[], i: number): { country: Country; end: number } | null {
  for (const w of WRITTEN) {
    if (w.words.every((x, j) => tokens[i + j]?.norm === x) && /^\p{Lu}/u.test(tokens[i]!.text))
      return { country: w.country, end: i + w.words.length };
  }
  return null;
}

const possessive = apostropheS;

/** From token `k`: up to DESCRIBING lower-case words, then a noun of a government or a regulator. */
function nounAfter(text: string, tokens: Token[], k: number): { end: number; regulator: boolean } | null {
  for (let j = k; j <= k + DESCRIBING && j < tokens.length; j++) {
    const t = tokens[j]!;
    if (t.text !== t.norm || /[,.;:!?]/u.test(text.slice(tokens[j - 1]!.end, t.start))) return null;
    if (GOVERNMENT_NOUNS.has(t.norm)) return { end: j + 1, regulator: false };
    if (REGULATOR_NOUNS.has(t.norm)) return { end: j + 1, regulator: true };
  }
  return null;
}

/**
 * "Ofcom, Britain's media watchdog," and "Britain's media watchdog, Ofcom,": words in apposition to
 * a name describe it; the name is read, not the words.
 */
function apposed(text: string, tokens: Token[], mentionAt: Int32Array, first: number, last: number): boolean {
  const open = tokens[first - 1]?.norm === 'the' ? first - 1 : first;
  const before = open > 0 && /^\s*,\s*$/u.test(text.slice(tokens[open - 1]!.end, tokens[open]!.start)) && mentionAt[open - 1]! >= 0;
  const after = last < tokens.length && /^\s*,\s*$/u.test(text.slice(tokens[last - 1]!.end, tokens[last]!.start)) && mentionAt[last]! >= 0;
  return before || after;
}

interface Found {
  first: number;
  last: number;
  country: Country;
  regulator: boolean;
}

/** Every government or regulator named by its country, left to right. */
function found(text: string, tokens: Token[], mentions: readonly Mention[]): Found[] {
  const out: Found[] = [];
  let lastCountry: Country | null = null;
  const mentionAt = new Int32Array(tokens.length).fill(-1);
  mentions.forEach((m, n) => mentionAt.fill(n, m.first, m.last));
  // A country word inside a longer name ("Uganda Communications Commission", a known "US government") is that name's.
  const free = (a: number, b: number) => {
    const n = mentionAt[a]!;
    if (n < 0) return [...Array(b - a).keys()].every((j) => mentionAt[a + j]! < 0);
    const m = mentions[n]!;
    return m.first === a && m.last === b && !m.actor.id;
  };
  for (let i = 0; i < tokens.length; i++) {
    const c = countryAt(tokens, i);
    if (c && free(i, c.end)) {
      lastCountry = c.country;
      const at = possessive(text, tokens, c.end) ? c.end + 1 : c.end;
      const noun = nounAfter(text, tokens, at);
      if (
        noun &&
        (at > c.end || text.slice(tokens[c.end - 1]!.end, tokens[c.end]!.start) === ' ') &&
        !apposed(text, tokens, mentionAt, i, noun.end)
      ) {
        out.push({ first: i, last: noun.end, country: c.country, regulator: noun.regulator });
        i = noun.end - 1;
      }
      continue;
    }
    const t = tokens[i]!;
    // "the government of Uganda", "the authorities of the United States".
    if (t.text === t.norm && GOVERNMENT_NOUNS.has(t.norm) && tokens[i + 1]?.norm === 'of' && mentionAt[i]! < 0) {
      const at = tokens[i + 2]?.norm === 'the' ? i + 3 : i + 2;
      const after = countryAt(tokens, at);
      if (after && free(at, after.end) && !apposed(text, tokens, mentionAt, i, after.end)) {
        out.push({ first: i, last: after.end, country: after.country, regulator: false });
        lastCountry = after.country;
        i = after.end - 1;
      }
      continue;
    }
    // "the country's regulator", "the nation's government": the country named last.
    if (lastCountry && ['country', 'nation'].includes(t.norm) && tokens[i - 1]?.norm === 'the' && possessive(text, tokens, i + 1)) {
      const noun = nounAfter(text, tokens, i + 2);
      if (noun && !apposed(text, tokens, mentionAt, i, noun.end))
        out.push({ first: i, last: noun.end, country: lastCountry, regulator: noun.regulator });
    }
  }
  return out;
}

/**
 * The regulator the report names for `country`: a known actor of a government's kind that is not
 * the government itself, or a new name ending in a word for a regulator ("Pakistan Telecommunication
 * Authority", "Cyberspace Administration of China"); one naming the country first. Null if none.
 */
function regulatorNamed(
  mentions: readonly Mention[],
  country: Country,
  kindOf: (id: string) => string | undefined,
): ProposedActorRef | null {
  const candidates = mentions
    .map((m) => m.actor)
    .filter((a) => {
      if (namesGovernment(a.name)) return false;
      if (a.id) return kindOf(a.id) === 'government' && !/\bgovernment\b/iu.test(a.name);
      const words = fold(a.name).split(' ');
      const of = words.indexOf('of');
      return REGULATOR_HEADS.has(words[of > 0 ? of - 1 : words.length - 1]!) && /^\p{Lu}/u.test(a.name);
    });
  const own = (a: ProposedActorRef) => country.forms.some((w) => ` ${fold(a.name)} `.includes(` ${fold(w)} `));
  return candidates.find(own) ?? candidates[0] ?? null;
}

/**
 * The mentions with each government or regulator named by its country as one mention of that
 * actor: a known one when `lookup` knows "<adjective> government" or "<country> government",
 * else a new "<adjective> government". Mentions inside the words read are replaced.
 */
export function governments(
  text: string,
  tokens: Token[],
  mentions: readonly Mention[],
  lookup: (name: string) => ProposedActorRef | null,
  kindOf: (id: string) => string | undefined,
): Mention[] {
  const all = found(text, tokens, mentions);
  const countries = countriesActing(text, tokens, mentions, lookup);
  if (!all.length) return countries;
  const governmentOf = (c: Country): ProposedActorRef => storeGovernment(c, lookup) ?? { id: null, name: `${c.adjective} government` };
  const added: Mention[] = all.map((f) => ({
    actor: (f.regulator && regulatorNamed(mentions, f.country, kindOf)) || governmentOf(f.country),
    first: f.first,
    last: f.last,
    start: tokens[f.first]!.start,
    end: tokens[f.last - 1]!.end,
  }));
  const kept = countries.filter((m) => !added.some((a) => m.first < a.last && a.first < m.last));
  return [...kept, ...added].sort((a, b) => a.first - b.first);
}

/** The store's actor for `c`'s government ("Nigerian government", "government of Nigeria"), if it has one. */
function storeGovernment(c: Country, lookup: (name: string) => ProposedActorRef | null): ProposedActorRef | null {
  for (const form of c.forms) {
    const known = lookup(`${form} government`) ?? lookup(`government of ${form}`);
    if (known) return known;
  }
  return null;
}

/**
 * The store's government of the country named `name` ("Nigeria"), if it has one: what "the
 * government" stands for when the country was named as a place or an actor of its own.
 */
export function knownGovernment(name: string, lookup: (name: string) => ProposedActorRef | null): ProposedActorRef | null {
  const f = fold(name);
  const row = WRITTEN.find(
    (w) =>
      w.words.join(' ') ===
      tokenize(f)
        .map((t) => t.norm)
        .join(' '),
  );
  return row ? storeGovernment(row.country, lookup) : null;
}

/**
 * Countries named alone, as actors: "Iran has cut off ...", "Sri Lanka lifted its block". A name
 * opening a sentence is kept as a name only before a verb of the lexicon (actors.ts), so "Nigeria
 * lifted ..." lost its subject; a country's name is a name wherever it stands, so it is added. Each
 * country named alone is the store's government of that country when it has one (how the store
 * codes it), else a new actor named as written. Adjectives ("Iranian") name no one alone.
 */
function countriesActing(
  text: string,
  tokens: Token[],
  mentions: readonly Mention[],
  lookup: (name: string) => ProposedActorRef | null,
): Mention[] {
  const out: Mention[] = mentions.map((m) => {
    const c = m.actor.id ? null : countryNamed(m.actor.name);
    const known = c && storeGovernment(c, lookup);
    return known ? { ...m, actor: known } : m;
  });
  const opens = (k: number) => k === 0 || /[.!?]["'’”)]?\s*$|\n\s*$/u.test(text.slice(tokens[k - 1]!.end, tokens[k]!.start));
  for (let i = 0; i < tokens.length; i++) {
    if (!/^\p{Lu}/u.test(tokens[i]!.text)) continue;
    // A sentence's first words ("Iran has ...", "The US banned ..."); elsewhere a country's name was read as a name
    // already, or left out on purpose ("Supreme Court of Erewhon", "the Georgia Republican"), or is "US", "UK", which
    // open longer names: there it is read only right before a verb of the lexicon ("after the US banned ...").
    const the = tokens[i - 1]?.norm === 'the' ? i - 1 : i;
    const first = opens(the);
    if (!first && (the === i || PREPOSITIONS.has(tokens[the - 1]?.norm ?? ''))) continue;
    const c = countryAt(tokens, i);
    // "United Kingdom" read as a name "Kingdom": a new name inside the country's words gives way to it.
    const inside = (m: Mention) => m.first < c!.end && i < m.last;
    if (!c || out.some((m) => inside(m) && (m.actor.id !== null || m.first < i || m.last > c.end))) continue;
    const written = text.slice(tokens[i]!.start, tokens[c.end - 1]!.end);
    if (fold(written) === fold(c.country.adjective) && !NAMES.has(fold(written))) continue;
    // "Sri Lankan", "Nigeria-based": a longer word is no country named alone; nor "Russia's media regulator", read as the regulator.
    if (/^[-\p{L}]/u.test(text.slice(tokens[c.end - 1]!.end))) continue;
    const owner = possessive(text, tokens, c.end);
    if (owner && nounAfter(text, tokens, c.end + 1)) continue;
    // "Nigeria lifted ...", "Iran has cut off ...", "Erewhon's ban on ...": the country acts, or owns the act told after it.
    const next = tokens[owner ? c.end + 1 : c.end];
    if (!next || next.text !== next.norm || (!owner && NOT_ACTING.has(next.norm))) continue;
    if (!first && (owner || !LEXICON.isVerb(next.norm))) continue;
    for (let k = out.length - 1; k >= 0; k--) if (inside(out[k]!)) out.splice(k, 1);
    out.push({
      actor: storeGovernment(c.country, lookup) ?? { id: null, name: written },
      first: i,
      last: c.end,
      start: tokens[i]!.start,
      end: tokens[c.end - 1]!.end,
    });
    i = c.end - 1;
  }
  return out.sort((a, b) => a.first - b.first);
}

// After a country opening a sentence, words that make it no subject ("Iran and Iraq", "Erewhon, a country of ...").
const PREPOSITIONS = new Set([
  'in',
  'of',
  'from',
  'to',
  'by',
  'at',
  'on',
  'into',
  'across',
  'throughout',
  'inside',
  'for',
  'with',
  'against',
  'than',
]);
const NOT_ACTING = new Set([
  'and',
  'or',
  'of',
  'in',
  'to',
  'for',
  'with',
  'at',
  'from',
  'by',
  'as',
  'the',
  'a',
  'an',
  'is',
  'was',
  'are',
  'were',
  'remains',
]);

/** The country whose name (not adjective) `name` is, or null. */
function countryNamed(name: string): Country | null {
  const words = tokenize(name).map((t) => t.norm);
  const row = WRITTEN.find((w) => w.words.length === words.length && w.words.every((x, j) => x === words[j]));
  return row && fold(name) !== fold(row.country.adjective) ? row.country : null;
}

/** Is `written` ("Iran", "Sri Lanka", "the UK") a country's name, not its adjective? */
export const isCountryName = (written: string) => countryNamed(written.replace(/^the\s+/iu, '')) !== null;
