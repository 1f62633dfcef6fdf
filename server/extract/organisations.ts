/**
 * Organisations named by their person: "President Trump's campaign website" is the Trump campaign,
 * an actor of its own (a payment processor drops the campaign, not the man), and "the campaign"
 * after it is the same actor. The nouns are in `rules/names.json` `personOrganisations`.
 */
import type { ProposedActorRef } from '../../contract';
import type { Mention } from './actors';
import names from './rules/names.json';
import { apostropheS, type Token } from './text';

const NOUNS = new Set(names.personOrganisations.words);

/**
 * The mentions with each "<person>'s <noun>" replaced by a mention of "<surname> <noun>", and each
 * later "the <noun>" (not followed by a name) added as a mention of it. `isPerson` says which
 * actors are people.
 */
export function personOrganisations(
  text: string,
  tokens: Token[],
  mentions: readonly Mention[],
  isPerson: (a: ProposedActorRef) => boolean,
): Mention[] {
  const out: Mention[] = [];
  const named = new Map<string, ProposedActorRef>();
  const taken = new Set<number>();
  for (const m of mentions) {
    const noun = tokens[m.last + 1];
    const apostrophe = apostropheS(text, tokens, m.last);
    if (!apostrophe || !noun || !NOUNS.has(noun.norm) || !isPerson(m.actor)) {
      out.push(m);
      continue;
    }
    const surname = m.actor.name.split(' ').pop()!;
    const name = `${surname} ${noun.norm}`;
    const actor = named.get(name) ?? { id: null, name };
    named.set(name, actor);
    named.set(noun.norm, actor);
    out.push({ actor, first: m.first, last: m.last + 2, start: m.start, end: noun.end });
    for (let k = m.first; k < m.last + 2; k++) taken.add(k);
  }
  if (!named.size) return out;
  const first = Math.min(...out.filter((m) => m.actor.id === null && named.has(m.actor.name)).map((m) => m.first));
  const used = new Set<number>();
  for (const m of out) for (let k = m.first; k < m.last; k++) used.add(k);
  // "the campaign" after "Trump's campaign": the same actor.
  for (let k = first + 1; k + 1 < tokens.length; k++) {
    const actor = named.get(tokens[k + 1]!.norm);
    if (!actor || tokens[k]!.norm !== 'the' || used.has(k + 1) || /^\p{Lu}/u.test(tokens[k + 2]?.text ?? '')) continue;
    out.push({ actor, first: k + 1, last: k + 2, start: tokens[k + 1]!.start, end: tokens[k + 1]!.end });
  }
  return out.sort((a, b) => a.first - b.first);
}
