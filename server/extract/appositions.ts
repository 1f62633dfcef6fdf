/**
 * Targets and actors told around the object of a sanction verb:
 * - "barred Erewhon's army, the Tatmadan, from ...": the possessor names no target; the name in
 *   apposition to what it owns does;
 * - "barred X from both A and B": the services listed after "from" are the ones that shut X out.
 */
import type { Clause, Found } from './clauses';
import { listFrom } from './lists';
import type { Reading } from './reading';
import verbsRules from './rules/structure.json';

const BARRING = new Set(verbsRules.barring.forms);
// "'s military, the ", "'s armed forces, " — a possessed common noun, then a comma before a name.
const POSSESSED_THEN_NAME = /^['’]s(?:\s+\p{Ll}[\p{Ll}-]*){1,3},\s+(?:the\s+)?$/u;

/** "X's <noun>, Name,": the name in apposition, with those listed after it, or null. */
export function appositionTarget(r: Reading, clause: Clause, to: Found): Found | null {
  if (to.inferred || to.actors.length !== 1) return null;
  const m = r.mentionAt[to.last - 1]!;
  if (m < 0) return null;
  const next = m + 1;
  const named = r.mentions[next];
  if (!named || named.last > clause.end) return null;
  if (!POSSESSED_THEN_NAME.test(r.text.slice(r.mentions[m]!.end, named.start))) return null;
  // The apposition closes with a comma (or the clause ends): otherwise the name starts a new phrase.
  const close = r.text.slice(named.end, named.end + 1);
  if (close !== ',' && named.last !== clause.end) return null;
  return listFrom(r, next, clause);
}

/** "barred X from (both) A and B": the two or more services after "from", which act on X; or null. */
export function barredFrom(r: Reading, clause: Clause, verb: number, to: Found): Found | null {
  if (!BARRING.has(r.norm(verb))) return null;
  // Past the object and an apposition closing it ("X, the Y, from ...").
  let k = to.last;
  if (r.isApostropheS(k)) k++;
  while (k < clause.end && r.norm(k) !== 'from' && k - to.last < 8 && r.mentionAt[k]! < 0) k++;
  if (r.norm(k) !== 'from') return null;
  k++;
  if (r.norm(k) === 'both') k++;
  const m = r.mentionAt[k]!;
  if (m < 0 || r.mentions[m]!.first !== k) return null;
  const list = listFrom(r, m, clause);
  return list.actors.length >= 2 ? list : null;
}
