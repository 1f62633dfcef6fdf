/**
 * Actor search: case- and accent-insensitive, prefix and substring on the name and the aliases,
 * best match first. Both stores rank through rankOf so they answer in the same order.
 *
 * The cost of a search must not depend on the query: the query is normalized once per request and
 * cut to MAX_QUERY_CHARS after normalization (NFKD can multiply a text's length by 18: U+FDFA), and
 * each actor's normalized name and aliases are computed once per record (searchKey), not per query.
 */
import type { Actor } from './schemas';

/** Longest normalized query compared: longer ones are cut here (the API accepts 200 characters before normalization). */
export const MAX_QUERY_CHARS = 200;

export function normalizeText(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The query as compared: normalized once, then bounded. */
export function prepareQuery(query: string): string {
  return normalizeText(query).slice(0, MAX_QUERY_CHARS).trimEnd();
}

/** An actor's name and aliases as searched: normalized, with their words. */
export interface SearchKey {
  name: string;
  aliases: string[];
  nameWords: string[];
  aliasWords: string[][];
}

const words = (s: string) => s.split(/[^\p{L}\p{N}]+/u);

function keyOf(name: string, aliases: string[]): SearchKey {
  return { name, aliases, nameWords: words(name), aliasWords: aliases.map(words) };
}

/**
 * Keys by record: records are never changed in place (a write replaces them), so a key stays right
 * for as long as its record lives, and goes with it.
 */
const keys = new WeakMap<object, SearchKey>();

export function searchKey(actor: Pick<Actor, 'name' | 'aliases'>): SearchKey {
  let key = keys.get(actor);
  if (!key) {
    key = keyOf(normalizeText(actor.name), (actor.aliases ?? []).map(normalizeText));
    keys.set(actor, key);
  }
  return key;
}

/** Remembers an actor's key from its stored searchText (below), which is already normalized. */
export function rememberSearchKey(actor: object, text: string): void {
  const [name = '', ...aliases] = text.split('\n');
  keys.set(actor, keyOf(name, aliases));
}

/** Lower is better; null when the key does not match the prepared query `q` (prepareQuery). */
export function rankOf(key: SearchKey, q: string): number | null {
  if (q === '') return 0;
  const wordStart = (ws: string[]) => ws.some((w) => w.startsWith(q));
  if (key.name === q) return 0;
  if (key.aliases.includes(q)) return 1;
  if (key.name.startsWith(q)) return 2;
  if (key.aliases.some((a) => a.startsWith(q))) return 3;
  if (wordStart(key.nameWords)) return 4;
  if (key.aliasWords.some(wordStart)) return 5;
  if (key.name.includes(q)) return 6;
  if (key.aliases.some((a) => a.includes(q))) return 7;
  return null;
}

/** Text a store can index for a substring prefilter: name and aliases, normalized, one per line. */
export function searchText(actor: Pick<Actor, 'name' | 'aliases'>): string {
  const key = searchKey(actor);
  return [key.name, ...key.aliases].join('\n');
}
