/**
 * Ownership written as a compound adjective: "the Google-owned video site", "Facebook-owned
 * Instagram". The word before "-owned" names a known actor; what it describes is the actor named
 * right after, or the site or company the noun after stands for.
 */
import type { ProposedActorRef } from '../../contract';
import names from './rules/names.json';
import type { Reading } from './reading';

const OWNED = /^(.+)-owned$/u;
const THINGS = new Set(names.references.thingNouns);

export interface Ownership {
  owner: ProposedActorRef;
  owned: ProposedActorRef;
  /** Token range [first, last) of the words read, for the evidence. */
  first: number;
  last: number;
}

/** Every "<Owner>-owned <thing>" of the report whose owner is a known actor (`lookup`). */
export function ownedCompounds(r: Reading, lookup: (name: string) => ProposedActorRef | null): Ownership[] {
  const out: Ownership[] = [];
  for (let k = 0; k < r.tokens.length; k++) {
    const m = OWNED.exec(r.tokens[k]!.text);
    const owner = m && /^\p{Lu}/u.test(m[1]!) ? lookup(m[1]!) : null;
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
    const owned = r.targetBefore(k, 0, [owner], r.norm(noun));
    if (owned) out.push({ owner, owned, first: k, last: noun + 1 });
  }
  return out;
}
