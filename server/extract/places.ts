/**
 * Places and adjectives are not actors: "a federal judge in Northern California barred Apple",
 * "cut off across Europe", "a Jewish conservative", "Police cut the cuffs off". A new name that is
 * only a city, a region, a country's adjective or a word of `rules/places.json` `notActors` is
 * dropped from the mentions, so the act falls to whoever the sentence names besides it. Countries
 * and US states stay: reports code them as actors.
 */
import type { Mention } from './actors';
import { countryAdjective } from './governments';
import names from './rules/names.json';
import places from './rules/places.json';
import { fold, type Token } from './text';

const PLACES = new Set(places.places.words);
const COMPASS = new Set(places.compassWords.words);
const NOT_ACTORS = new Set(places.notActors.words);
// "Southern Poverty Law Center", "Eastern District of Virginia": a word for an organisation makes it no region.
const ORGANISATION = new Set([
  ...names.accounts.organisationWords.words,
  ...names.joiners.ofHeads,
  ...places.regulatorHeads.words,
  'law',
  'convention',
  'alliance',
  'airlines',
]);

/** Does the new name name a place or a kind of people, not an actor? */
export function namesPlace(name: string): boolean {
  const words = fold(name).replace(/^the /u, '').split(' ');
  const key = words.join(' ');
  if (PLACES.has(key)) return true;
  if (words.length === 1) return NOT_ACTORS.has(key) || countryAdjective(key);
  return COMPASS.has(words[0]!) && words.length <= 3 && !words.some((w) => ORGANISATION.has(w));
}

const ROLES = new Set([
  ...names.titles.words,
  ...names.references.personNouns.words,
  ...names.references.spokesRoles.words,
  'secretary',
  'nominee',
  'candidate',
]);

/**
 * "Jo Doe, the White House press secretary,", "the Zorland nominee": a new name between an article
 * and a role (in an apposition, a few lower-case words may come between) says where a person works
 * or what they stand for; it is not an actor there.
 */
function describesRole(text: string, tokens: readonly Token[], m: Mention): boolean {
  if (m.first < 2 || !['the', 'a', 'an'].includes(tokens[m.first - 1]!.norm)) return false;
  // "the Democratic nominee": one word right before the role, wherever it stands.
  if (m.last - m.first === 1 && ROLES.has(tokens[m.last]?.text ?? '')) return true;
  if (!text.slice(tokens[m.first - 2]!.end, tokens[m.first - 1]!.start).includes(',')) return false;
  for (let k = m.last; k < Math.min(tokens.length, m.last + 3); k++) {
    const t = tokens[k]!;
    if (t.text !== t.norm || /[,.;:!?]/u.test(text.slice(tokens[k - 1]!.end, t.start))) return false;
    if (ROLES.has(t.norm)) return true;
  }
  return false;
}

/** The mentions without new names of places, nor names that only describe a person's role. */
export function withoutPlaces(text: string, tokens: readonly Token[], mentions: readonly Mention[]): Mention[] {
  return mentions.filter((m) => m.actor.id !== null || !(namesPlace(m.actor.name) || describesRole(text, tokens, m)));
}

const PLACE_PREPOSITIONS = new Set(places.placePrepositions.words);

/** Is `word` ("in", "across") one that makes the name after it a place where an act happened? */
export const placePreposition = (word: string) => PLACE_PREPOSITIONS.has(word);
