/**
 * Ownership told in a relative clause or a short predicate after the thing owned, where the owner is
 * a pronoun, the owned a reference, or the verb one the lexicon's word slots cannot place:
 * "A and B, which it owns", "the company, which Elon Musk owns", "X, which belongs to Y",
 * "X, part of Y," and "X belongs to Y". The phrases are data (structure.json `ownership`).
 */
import type { ProposedActorRef } from '../../contract';
import { sentenceSubject } from './clauses';
import type { Ownership } from './compounds';
import { same, type Reading } from './reading';
import names from './rules/names.json';
import structure from './rules/structure.json';
import type { Sentence } from './text';

const RULES = structure.ownership;
const OWNING = new Set(RULES.owningVerbs);
const PRONOUNS = new Set(RULES.ownerPronouns);
const THINGS = new Set(names.references.thingNouns);
/** "belongs to", "is part of", "a unit of": each a list of words, matched in order after the owned. */
const LINKS = RULES.links.map((l) => l.split(' '));
const OWNED_NOUNS = new Set(RULES.ownedNouns);

/** Every ownership of those shapes in the report. */
export function ownedRelatives(r: Reading): Ownership[] {
  const out: Ownership[] = [];
  for (const s of r.sentences) {
    for (let k = s.first + 1; k < s.last; k++) {
      const relative = ['which', 'that'].includes(r.norm(k)) && r.gap(k - 1, k).includes(',');
      const owned = ownedBefore(r, s, k);
      if (!owned) continue;
      // "WhatsApp, Meta's messaging service,": the owner's possessive in an apposition that names a service.
      const possessor = !relative && r.gap(k - 1, k).includes(',') ? possessiveApposition(r, s, k) : null;
      if (possessor && !same(possessor.actor, owned)) {
        out.push({ owner: possessor.actor, owned, first: k, last: possessor.last });
        continue;
      }
      const from = relative ? k + 1 : k;
      // "A, which it owns" / "A, which Y has owned since 2012".
      const owner = relative ? ownerWithin(r, s, from) : null;
      if (owner && !same(owner.actor, owned)) {
        out.push({ owner: owner.actor, owned, first: k, last: owner.last });
        continue;
      }
      // "A, which belongs to Y", "A, part of Y", "A belongs to Y".
      const linked = linkAt(r, s, from, relative || r.gap(k - 1, k).includes(','));
      if (linked && !same(linked.actor, owned)) out.push({ owner: linked.actor, owned, first: k, last: linked.last });
    }
  }
  return out;
}

/** The actor written just before token `at`: a name, or "the company" for the one it stands for. */
function ownedBefore(r: Reading, s: Sentence, at: number): ProposedActorRef | null {
  const m = r.mentionAt[at - 1]!;
  if (m >= 0) return r.mentions[m]!.actor;
  const noun = r.norm(at - 1);
  if (at - 2 >= s.first && THINGS.has(noun) && ['the', 'its'].includes(r.norm(at - 2))) return r.targetBefore(at - 2, 0, [], noun);
  return null;
}

/** "it owns", "Y owns", "Y has owned", "its parent owns": the owner and one past the verb. */
function ownerWithin(r: Reading, s: Sentence, from: number): { actor: ProposedActorRef; last: number } | null {
  let k = from;
  let actor: ProposedActorRef | null;
  const m = r.mentionAt[k]!;
  if (m >= 0) {
    actor = r.mentions[m]!.actor;
    k = r.mentions[m]!.last;
  } else if (PRONOUNS.has(r.norm(k))) {
    actor = mainSubject(r, s, from - 1);
    k++;
  } else return null;
  // An auxiliary or an adverb may come between: "has owned", "now owns", "has since bought".
  for (let j = 0; j < 2 && k < s.last && !OWNING.has(r.norm(k)); j++) k++;
  return actor && OWNING.has(r.norm(k)) ? { actor, last: k + 1 } : null;
}

/** One of the linking phrases at `from` and the actor right after it. */
function linkAt(r: Reading, s: Sentence, from: number, afterComma: boolean): { actor: ProposedActorRef; last: number } | null {
  for (const words of LINKS) {
    // Without a relative word or a comma, only a finite verb links: "X belongs to Y", not "X part of Y".
    if (!afterComma && !RULES.finiteLinks.includes(words[0]!)) continue;
    if (!words.every((w, j) => r.norm(from + j) === w)) continue;
    let k = from + words.length;
    if (['the', 'a', 'an'].includes(r.norm(k))) k++;
    const m = k < s.last ? r.mentionAt[k]! : -1;
    if (m >= 0) return { actor: r.mentions[m]!.actor, last: r.mentions[m]!.last };
  }
  return null;
}

/**
 * "it" in the relative clause: the acting actor of the sentence, "the company" that opens it or its
 * first name not acted upon; never a person.
 */
function mainSubject(r: Reading, s: Sentence, before: number): ProposedActorRef | null {
  const opener = r.norm(s.first) === 'the' && THINGS.has(r.norm(s.first + 1)) ? r.targetBefore(s.first, 0, [], r.norm(s.first + 1)) : null;
  const a = opener ?? sentenceSubject(r, s, before)?.actors[0] ?? null;
  const person = a && (a.id ? r.kindOf(a.id) === 'person' : r.people.has(a.name));
  return person ? null : a;
}

/** At token `k`: "<Owner>'s", up to three lower-case words ending in a noun for a service, then a comma or the sentence's end. */
function possessiveApposition(r: Reading, s: Sentence, k: number): { actor: ProposedActorRef; last: number } | null {
  const m = r.mentionAt[k]!;
  if (m < 0 || r.mentions[m]!.first !== k) return null;
  const after = r.mentions[m]!.last;
  if (!r.isApostropheS(after)) return null;
  for (let j = after + 1; j < Math.min(s.last, after + 4); j++) {
    if (!/^\p{Ll}/u.test(r.tokens[j]!.text)) return null;
    const closes = j + 1 === s.last || r.gap(j, j + 1).includes(',');
    if (OWNED_NOUNS.has(r.norm(j)) && closes) return { actor: r.mentions[m]!.actor, last: j + 1 };
  }
  return null;
}
