/**
 * Ownership told by a noun for a service or a unit beside the owned name: "Reddit's subsidiary
 * Vimeo", "Reddit's video service Vimeo" (the owner's possessive before), and "Vimeo, a Reddit
 * subsidiary," (the owner as a modifier in an apposition). The nouns are structure.json
 * `ownership.ownedNouns`. In "banned by Reddit's subsidiary Vimeo" the owned name is the one meant,
 * so `possessedName` lets the role readers pass over the owner.
 */
import type { Ownership } from './compounds';
import type { Mention } from './actors';
import { same, type Reading } from './reading';
import structure from './rules/structure.json';

const OWNED_NOUNS = new Set(structure.ownership.ownedNouns);
const MAX_WORDS = 3;

/** After mention `m`, "'s" and up to three lower-case words ending in an owned noun, then a name: that name's mention, else -1. */
export function possessedName(r: Reading, m: Mention): number {
  const after = m.last;
  if (!r.isApostropheS(after)) return -1;
  for (let j = after + 1; j < Math.min(r.tokens.length - 1, after + 1 + MAX_WORDS); j++) {
    if (!/^\p{Ll}/u.test(r.tokens[j]!.text) || r.gap(j - 1, j).includes(',')) return -1;
    const next = r.mentionAt[j + 1]!;
    if (OWNED_NOUNS.has(r.norm(j)) && next >= 0 && r.mentions[next]!.first === j + 1 && r.gap(j, j + 1) === ' ') return next;
  }
  return -1;
}

/** "<Owner>'s subsidiary <Name>" and "<Name>, a <Owner> subsidiary,": every such ownership of the report. */
export function ownedBesideNouns(r: Reading): Ownership[] {
  const out: Ownership[] = [];
  r.mentions.forEach((m) => {
    const named = possessedName(r, m);
    if (named >= 0 && !same(m.actor, r.mentions[named]!.actor))
      out.push({ owner: m.actor, owned: r.mentions[named]!.actor, first: m.first, last: r.mentions[named]!.last });
    const owned = modifiedApposition(r, m);
    if (owned && !same(m.actor, owned.actor)) out.push({ owner: m.actor, owned: owned.actor, first: owned.first, last: m.last + 1 });
  });
  return out;
}

/** Mention `m` as the modifier in ", a <m> subsidiary," right after another name: that name's mention. */
function modifiedApposition(r: Reading, m: Mention): Mention | null {
  const article = m.first - 1;
  if (article < 1 || !['a', 'an'].includes(r.norm(article)) || !r.gap(article - 1, article).includes(',')) return null;
  const head = r.mentionAt[article - 1]!;
  if (head < 0 || !OWNED_NOUNS.has(r.norm(m.last))) return null;
  const closes = m.last + 1 >= r.tokens.length || /[,.;]/u.test(r.gap(m.last, m.last + 1));
  return closes ? r.mentions[head]! : null;
}
