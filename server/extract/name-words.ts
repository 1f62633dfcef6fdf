/**
 * The words of a name: which tokens may open, carry on or join one, and the readings that decide
 * where a new name ends ("Mastercard and Visa" are two, "Freedom Rally 2022" one, "called Stand to
 * the Shore" one). Shared by the known-name index and the proper-noun finder (actors.ts).
 */
import names from './rules/names.json';
import type { Token } from './text';

const NOT_NAMES = new Set([...names.notNames.words, ...names.titles.words]);
const ARTICLES = new Set(names.articles.words);

/**
 * Words of one name are separated by a space; a known name may also carry the comma of a company
 * suffix ("Amazon Web Services, Inc.") or a spaced ampersand, but never a line break.
 */
export function joinable(text: string, a: Token, b: Token, known = false): boolean {
  const gap = text.slice(a.end, b.start);
  // An initial's full stop stays inside a name ("Donald J. Trump").
  if (gap === ' ' || (gap === '. ' && a.text.length === 1 && /\p{Lu}/u.test(a.text))) return true;
  // "Lawyers' Committee": a plural possessive opening a name; the caller checks the capital after it.
  if (/^['’] $/u.test(gap) && /\p{Lu}\p{Ll}*s$/u.test(a.text)) return true;
  // A spaced ampersand joins capitalised words of a new name too ("Simon & Schuster"); the caller checks the capital.
  if (gap.length <= 3 && /^[ \t]*&[ \t]*$/u.test(gap)) return true;
  return known && gap.length <= 3 && /^(?:[ \t]+|,[ \t]+)$/u.test(gap);
}

// "8chan" is a name; "18-page", "24-hour", "10th" and "1990s" are not. A forum written with its
// site's short prefix ("r/The_Donald") is a name by the capital after the slash.
export const capitalised = (t: Token) =>
  (/^[\p{Lu}\p{N}]/u.test(t.text) || /^\p{Ll}{1,2}\/\p{Lu}/u.test(t.text)) &&
  /\p{L}/u.test(t.text) &&
  !/^\p{N}+-/u.test(t.text) &&
  !/^\p{N}+(?:st|nd|rd|th|s)$/iu.test(t.text);

export const NUMBER_WORDS = new Set(names.insideNames.numberWords);
export const ORG_PREPOSITIONS = new Set(names.insideNames.organisationPrepositions);
export const RANKS = new Set(names.insideNames.ranks);
const BUSINESS_NOUNS = new Set(names.insideNames.businessNouns);

/** "called Stand to the Shore": past the joining words at `j`, a capital in the same sentence carries the given name on. */
export function givenNameGoesOn(text: string, tokens: Token[], breaks: Set<number>, j: number): boolean {
  let k = j;
  while (k < tokens.length && CALLED_JOINERS.has(tokens[k]!.norm) && !/^\p{Lu}/u.test(tokens[k]!.text)) k++;
  return k < tokens.length && k - j <= 2 && !breaks.has(k) && nameWordAt(text, tokens, k);
}

/** A capitalised word at `k` that may carry on a name: not a word that names nothing. */
export function nameWordAt(text: string, tokens: Token[], k: number): boolean {
  const t = tokens[k];
  return !!t && capitalised(t) && !NOT_NAMES.has(t.norm) && joinable(text, tokens[k - 1]!, t);
}

/** "the Melbourne company", "a Beijing-based"... : one word between an article and a noun for a business. */
export function describesBusiness(tokens: Token[], i: number, last: number): boolean {
  return i > 0 && ARTICLES.has(tokens[i - 1]!.norm) && BUSINESS_NOUNS.has(tokens[last]?.text ?? '');
}
export const YEAR = /^(?:19|20)\p{N}{2}$/u;
export const CALLING = new Set(names.givenNames.verbs);
export const CALLED_JOINERS = new Set(names.givenNames.joiners);

/**
 * Capitalised words the report also writes as a name of their own, not beside "and" or "&"
 * ("Mastercard said ...", "Visa, which ..."): such a word joined to another by "and" is one of two names.
 */
export function soloWords(text: string, tokens: Token[]): Set<string> {
  const out = new Set<string>();
  const pairs = (a: Token | undefined, b: Token | undefined) =>
    !!a && !!b && (a.norm === 'and' || b.norm === 'and' || text.slice(a.end, b.start).includes('&'));
  tokens.forEach((t, k) => {
    if (!capitalised(t) || pairs(tokens[k - 1], t) || pairs(t, tokens[k + 1])) return;
    if (k + 1 < tokens.length && capitalised(tokens[k + 1]!) && joinable(text, t, tokens[k + 1]!)) return;
    if (k > 0 && capitalised(tokens[k - 1]!) && joinable(text, tokens[k - 1]!, t)) return;
    out.add(t.norm);
  });
  return out;
}

const COUNTING = new Set(['two', 'both', 'pair']);

/**
 * "Mastercard and Visa": two one-word names, one of them written alone elsewhere in the report, or
 * counted as two by the words around them ("two other apps, Telegram and Signal", "Telegram and
 * Signal, two apps ...").
 */
export function pairOfNames(text: string, tokens: Token[], i: number, j: number, solo: Set<string>): boolean {
  const after = tokens[j + 1];
  if (j - i !== 1 || !after || !capitalised(after)) return false;
  if (solo.has(tokens[i]!.norm) || solo.has(after.norm)) return true;
  const opensAfterComma = i > 0 && /^\s*,\s*$/u.test(text.slice(tokens[i - 1]!.end, tokens[i]!.start));
  if (opensAfterComma && tokens.slice(Math.max(0, i - 6), i).some((t) => COUNTING.has(t.norm))) return true;
  return /^\s*,\s*(?:two|both)\b/iu.test(text.slice(after.end, after.end + 12));
}

const OFFICE_NOUNS = new Set(names.insideNames.officeNouns);
// "The Ministry of ...", "His office": an article or a possessive opens no office's name.
const DETERMINERS = new Set([...ARTICLES, ...names.references.targetDeterminers, 'this', 'that', 'our', 'your', 'my']);

/** "the State Department", "the Federal Police": a word that names nothing alone opens an office's name before a capitalised noun for one. */
export function officeNamed(text: string, tokens: Token[], i: number): boolean {
  const next = tokens[i + 1];
  return (
    !!next &&
    !DETERMINERS.has(tokens[i]!.norm) &&
    /^\p{Lu}/u.test(tokens[i]!.text) &&
    /^\p{Lu}/u.test(next.text) &&
    OFFICE_NOUNS.has(next.norm) &&
    joinable(text, tokens[i]!, next)
  );
}

const LAW_WORDS = new Set(names.insideNames.lawWords);

/** Is the token at `k` a capitalised word for a law ("Act", "Amendment") closing the name before it? */
export const namesLaw = (tokens: Token[], k: number) => !!tokens[k] && /^\p{Lu}/u.test(tokens[k].text) && LAW_WORDS.has(tokens[k].norm);

const TIME_OPENERS = new Set(names.insideNames.timeOpeners);
const TIME_WORDS = new Set(names.insideNames.timeWords);

/** One past a short time phrase opening at `k` ("on Friday", "last week", "on March 3"), or `k` when none does. */
export function timeAfter(tokens: Token[], k: number): number {
  if (!TIME_OPENERS.has(tokens[k]?.norm ?? '') || !TIME_WORDS.has(tokens[k + 1]?.norm ?? '')) return k;
  return /^\p{N}{1,2}$/u.test(tokens[k + 2]?.text ?? '') ? k + 3 : k + 2;
}
