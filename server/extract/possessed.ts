/**
 * Things owned by an actor, as the object of an act: "banned its activities", "deleted its page",
 * "cut his livestream", "took down the party's channel". What is cut off is the thing; the act is
 * on its owner: for "its" and "their" the actor named last that is not the one acting, for "his"
 * and "her" the person named last, for "the <noun>'s" the actor the noun stands for. The things
 * and the owners' nouns are in `rules/references.json`.
 */
import type { ProposedActorRef } from '../../contract';
import { personBefore } from './accounts';
import type { Found } from './clauses';
import { isPerson } from './content';
import { pluralActors } from './references';
import { same, type Reading } from './reading';
import rules from './rules/references.json';

const THINGS = new Set(rules.possessed.words);
const MAX_WORDS = rules.possessed.maxWords;
const OWNER_NOUNS = new Set(rules.ownerNouns.words);
const MAX_BACK = rules.reach.maxWords;

/** The last token of a thing of `THINGS` written from token `k` on, a few lower-case words at most, or -1. */
function thingFrom(r: Reading, k: number, to: number): number {
  for (let j = k; j < Math.min(to, k + MAX_WORDS); j++) {
    const t = r.tokens[j]!;
    if (r.mentionAt[j]! >= 0 || t.text !== t.norm || (j > k && /[,.;:!?'’]/u.test(r.gap(j - 1, j)))) return -1;
    // "its page", "its event page", but not "its page of rules" read past the thing.
    if (THINGS.has(t.norm)) return j;
  }
  return -1;
}

/** The nearest actor named before token `at`, back to `lookBack`, that is neither acting nor a person. */
function ownerBefore(r: Reading, at: number, lookBack: number, acting: readonly ProposedActorRef[]): ProposedActorRef | null {
  // Bounded in words too: a text with no sentence end is not read back whole each time.
  for (let k = at - 1; k >= Math.max(lookBack, at - MAX_BACK); k--) {
    const m = r.mentions[r.mentionAt[k]!];
    if (!m) continue;
    k = m.first;
    if (!acting.some((a) => same(a, m.actor)) && !isPerson(r, m.actor) && r.norm(m.first - 1) !== 'by') return m.actor;
  }
  return null;
}

/**
 * The owner of a thing named at token `k` as the object ("its activities", "her livestream",
 * "the party's page"), other than `acting`; for "its" with no such owner, the token after the thing
 * (it stands for no one); null when `k` opens no such thing or no owner is found.
 */
export function possessedTarget(
  r: Reading,
  k: number,
  to: number,
  lookBack: number,
  acting: readonly ProposedActorRef[],
): Found | number | null {
  const w = r.norm(k);
  if (w !== 'its' && w !== 'the') return null;
  // A clause is scanned again for each verb in it: each reading is made once.
  let memo = memos.get(r);
  if (!memo) memos.set(r, (memo = new Map<string, Found | number | null>()));
  const key = `${k}|${to}|${lookBack}|${acting.map((a) => a.id ?? a.name).join(',')}`;
  if (!memo.has(key)) memo.set(key, readPossessed(r, k, to, lookBack, acting));
  return memo.get(key)!;
}

const memos = new WeakMap<Reading, Map<string, Found | number | null>>();

function readPossessed(r: Reading, k: number, to: number, lookBack: number, acting: readonly ProposedActorRef[]): Found | number | null {
  const w = r.norm(k);
  let last = -1;
  let owners: ProposedActorRef[] = [];
  if (['its', 'their', 'his', 'her'].includes(w)) {
    last = thingFrom(r, k + 1, to);
    if (last < 0) return null;
    const one = w === 'his' || w === 'her' ? personBefore(r, k, acting) : w === 'their' ? null : ownerBefore(r, k, lookBack, acting);
    // "their accounts": every actor of the list named last, else the one named last.
    owners = one ? [one] : w === 'their' ? (pluralActors(r, { first: k, last: k + 1, count: null, things: false }, acting) ?? []) : [];
    if (!owners.length && w === 'their') owners = [ownerBefore(r, k, lookBack, acting)].filter((a) => a !== null);
  } else if (w === 'the') {
    // "the party's page": an owner's noun, an apostrophe and "s", then the thing.
    let j = k + 1;
    while (j < Math.min(to, k + 3) && !OWNER_NOUNS.has(r.norm(j)) && r.mentionAt[j]! < 0 && r.tokens[j]!.text === r.norm(j)) j++;
    if (!OWNER_NOUNS.has(r.norm(j)) || r.mentionAt[j]! >= 0 || !r.isApostropheS(j + 1)) return null;
    last = thingFrom(r, j + 2, to);
    const owner = last < 0 ? null : r.targetBefore(k, lookBack, [...acting], r.norm(j));
    if (owner && !isPerson(r, owner)) owners = [owner];
  }
  // "its page" with no actor but people and the one acting named before: no one ("its" is never a person).
  if (!owners.length && w === 'its') return last + 1;
  if (!owners.length || owners.some((a) => acting.some((b) => same(a, b)))) return null;
  return { actors: owners, first: k, last: last + 1, inferred: true };
}
