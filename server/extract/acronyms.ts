/**
 * Acronyms: "the Zorblat Policy Institute (ZPI) ... ZPI said": a new name written in capitals whose
 * letters are the initials of a longer name in the report (lower-case joining words skipped) is
 * that actor, known or new, not a second one. A short name declared beside a long one ("the
 * Telecoms Directorate, known as TIB,") is that actor too, whatever its letters.
 */
import type { Mention } from './actors';

const ACRONYM = /^\p{Lu}{2,6}$/u;

/** The initials of a name of two words or more ("Zorblat Policy Institute": "ZPI"); null for one word. */
function initials(name: string): string | null {
  const words = name.split(/[\s&]+/u).filter((w) => /^\p{Lu}/u.test(w));
  return words.length >= 2 ? words.map((w) => w[0]!).join('') : null;
}

/** `found` with each acronym mention bound to the longer name it abbreviates, among `found` and `known`. */
export function withAcronyms(text: string, found: Mention[], known: readonly Mention[]): Mention[] {
  const declared = declaredNames(text, found, known);
  const byInitials = new Map<string, Mention['actor']>();
  for (const m of [...known, ...found]) {
    const key = initials(m.actor.name);
    if (key && !byInitials.has(key)) byInitials.set(key, m.actor);
  }
  return found.map((m) => {
    const full = m.actor.id
      ? undefined
      : (declared.get(m.actor.name) ?? (ACRONYM.test(m.actor.name) ? byInitials.get(m.actor.name) : undefined));
    return full ? { ...m, actor: full } : m;
  });
}

/** Between a long name and the short one it declares: ", known as", " (", ", or". */
const DECLARES = /^\s*(?:,\s*(?:also\s+|better\s+|commonly\s+)?known\s+as|\((?:known\s+as\s+)?)\s*(?:the\s+)?$/iu;

/** Short names declared right after a longer one, each mapped to the longer one's actor. */
function declaredNames(text: string, found: readonly Mention[], known: readonly Mention[]): Map<string, Mention['actor']> {
  const all = [...known, ...found].sort((a, b) => a.start - b.start);
  const out = new Map<string, Mention['actor']>();
  for (let i = 1; i < all.length; i++) {
    const [long, short] = [all[i - 1]!, all[i]!];
    if (short.actor.id || out.has(short.actor.name) || short.actor.name.length >= long.actor.name.length) continue;
    if (DECLARES.test(text.slice(long.end, short.start))) out.set(short.actor.name, long.actor);
  }
  return out;
}
