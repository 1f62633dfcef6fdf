/**
 * An actor counted among those who acted: "Vimeo was among the platforms that banned Gab", "one of
 * the companies that dropped X" (the relative clause's subject is the named member), and "Vimeo
 * joined Reddit in banning Gab" (both act). The words are structure.json `members`.
 */
import type { Found } from './clauses';
import { found } from './lists';
import { same, type Reading } from './reading';
import structure from './rules/structure.json';
import type { Sentence } from './text';

const RULES = structure.members;
const RELATIVES = new Set(RULES.relatives);
const OPENERS = RULES.openers.map((o) => o.split(' '));
const LINKS = new Set(RULES.links);
const JOINED = new Set(RULES.joined);
const REACH = 6;

/** The member named by mention `m`, not in the act's own clause: inferred. */
const asFound = (r: Reading, m: number): Found => ({ ...found(r, [m]), inferred: true });

/** "X was among the platforms that <verb at `first`>": X, else null. */
export function memberSubject(r: Reading, s: Sentence, first: number): Found | null {
  if (!RELATIVES.has(r.norm(first - 1))) return null;
  for (let k = first - 2; k > s.first && first - k <= REACH; k--) {
    if (r.mentionAt[k]! >= 0 || /[,;:]/u.test(r.gap(k - 1, k))) return null;
    const opener = OPENERS.find((o) => o.every((w, j) => r.norm(k + j) === w));
    if (!opener) continue;
    let j = k - 1;
    while (j > s.first && LINKS.has(r.norm(j))) j--;
    const m = r.mentionAt[j]!;
    return m >= 0 ? asFound(r, m) : null;
  }
  return null;
}

/** "Vimeo joined Reddit in <verb at `first`>": Vimeo, one more actor of the act, else null. */
export function joinedActor(r: Reading, s: Sentence, first: number): Found | null {
  if (r.norm(first - 1) !== 'in' || !r.norm(first).endsWith('ing')) return null;
  const named = r.mentionAt[first - 2]!;
  if (named < 0) return null;
  const verb = r.mentions[named]!.first - 1;
  if (verb <= s.first || !JOINED.has(r.norm(verb))) return null;
  const m = r.mentionAt[verb - 1]!;
  return m >= 0 ? asFound(r, m) : null;
}

/** The act's actors with the members these words add: the named member when none was found, and one who joined. */
export function withMembers(r: Reading, s: Sentence, first: number, from: Found | null): Found | null {
  const actors = from ?? memberSubject(r, s, first);
  const joined = joinedActor(r, s, first);
  if (!actors || !joined || actors.actors.some((a) => same(a, joined.actors[0]!))) return actors ?? joined;
  return { ...actors, actors: [...actors.actors, ...joined.actors] };
}
