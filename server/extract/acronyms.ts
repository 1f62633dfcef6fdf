/**
 * Acronyms: "the Zorblat Policy Institute (ZPI) ... ZPI said": a new name written in capitals whose
 * letters are the initials of a longer name in the report (lower-case joining words skipped) is
 * that actor, known or new, not a second one.
 */
import type { Mention } from './actors';

const ACRONYM = /^\p{Lu}{2,6}$/u;

/** The initials of a name of two words or more ("Zorblat Policy Institute": "ZPI"); null for one word. */
function initials(name: string): string | null {
  const words = name.split(/[\s&]+/u).filter((w) => /^\p{Lu}/u.test(w));
  return words.length >= 2 ? words.map((w) => w[0]!).join('') : null;
}

/** `found` with each acronym mention bound to the longer name it abbreviates, among `found` and `known`. */
export function withAcronyms(found: Mention[], known: readonly Mention[]): Mention[] {
  const byInitials = new Map<string, Mention['actor']>();
  for (const m of [...known, ...found]) {
    const key = initials(m.actor.name);
    if (key && !byInitials.has(key)) byInitials.set(key, m.actor);
  }
  return found.map((m) => {
    const full = !m.actor.id && ACRONYM.test(m.actor.name) ? byInitials.get(m.actor.name) : undefined;
    return full ? { ...m, actor: full } : m;
  });
}
