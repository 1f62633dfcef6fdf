/**
 * Ownership written as a compound adjective: "the Google-owned video site", "Facebook-owned
 * Instagram". The word before "-owned" names a known actor; what it describes is the actor named
 * right after, or the site or company the noun after stands for.
 */
import type { ProposedActorRef } from '../../contract';
import names from './rules/names.json';
import type { Reading } from './reading';
import { namesPlace } from './places';

const OWNED = /^(.+)-owned$/u;
const THINGS = new Set(names.references.thingNouns);
const NOT_NAMES = new Set(names.notNames.words);

export interface Ownership {
  owner: ProposedActorRef;
  owned: ProposedActorRef;
  /** Token range [first, last) of the words read, for the evidence. */
  first: number;
  last: number;
}

/**
 * Every "<Owner>-owned <thing>" of the report: the owner a known actor (`lookup`), or a new one when
 * its word is capitalised and names no place or people ("Zonkcorp-owned", not "Russian-owned").
 */
export function ownedCompounds(r: Reading, lookup: (name: string) => ProposedActorRef | null): Ownership[] {
  const out: Ownership[] = [];
  for (let k = 0; k < r.tokens.length; k++) {
    const m = OWNED.exec(r.tokens[k]!.text);
    const owner = m && /^\p{Lu}/u.test(m[1]!) ? (lookup(m[1]!) ?? newOwner(m[1]!)) : null;
    if (!owner) continue;
    const next = r.mentionAt[k + 1]!;
    if (next >= 0) {
      out.push({ owner, owned: r.mentions[next]!.actor, first: k, last: r.mentions[next]!.last });
      continue;
    }
    // "the Google-owned video site": up to two words more, then a noun for a site or company.
    const noun = [1, 2, 3].map((j) => k + j).find((j) => j < r.tokens.length && THINGS.has(r.norm(j)));
    if (noun === undefined) continue;
    // "the Amazon-owned streaming service Twitch" or "Twitch, the Amazon-owned service": the name beside it.
    const after = r.mentionAt[noun + 1]!;
    const the = r.norm(k - 1) === 'the' ? k - 1 : k;
    const before = the > 0 && r.gap(the - 1, the).includes(',') ? r.mentionAt[the - 1]! : -1;
    const beside = after >= 0 ? after : before;
    if (beside >= 0) {
      out.push({ owner, owned: r.mentions[beside]!.actor, first: k, last: Math.max(noun + 1, r.mentions[beside]!.last) });
      continue;
    }
    // A reference ("the Zonkcorp-owned company") is read only for a known owner: a new one may be a mere modifier.
    const owned = owner.id ? r.targetBefore(k, 0, [owner], r.norm(noun)) : null;
    if (owned) out.push({ owner, owned, first: k, last: noun + 1 });
  }
  return out;
}

/** "Zonkcorp" in "Zonkcorp-owned": a new actor, unless the word is a place, a people or a word that names no one. */
function newOwner(word: string): ProposedActorRef | null {
  return namesPlace(word) || NOT_NAMES.has(word.toLowerCase()) ? null : { id: null, name: word };
}
