/**
 * Actor search: case- and accent-insensitive, prefix and substring on the name and the aliases,
 * best match first. Both stores rank through matchRank so they answer in the same order.
 */
import type { Actor } from './schemas';

export function normalizeText(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Lower is better; null when the actor does not match. */
export function matchRank(actor: Pick<Actor, 'name' | 'aliases'>, query: string): number | null {
  const q = normalizeText(query);
  if (q === '') return 0;
  const name = normalizeText(actor.name);
  const aliases = (actor.aliases ?? []).map(normalizeText);
  const wordStart = (s: string) => s.split(/[^\p{L}\p{N}]+/u).some((w) => w.startsWith(q));
  if (name === q) return 0;
  if (aliases.includes(q)) return 1;
  if (name.startsWith(q)) return 2;
  if (aliases.some((a) => a.startsWith(q))) return 3;
  if (wordStart(name)) return 4;
  if (aliases.some(wordStart)) return 5;
  if (name.includes(q)) return 6;
  if (aliases.some((a) => a.includes(q))) return 7;
  return null;
}

/** Text a store can index for a substring prefilter: name and aliases, normalized. */
export function searchText(actor: Pick<Actor, 'name' | 'aliases'>): string {
  return [actor.name, ...(actor.aliases ?? [])].map(normalizeText).join('\n');
}
