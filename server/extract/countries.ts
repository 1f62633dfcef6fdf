/**
 * Countries as the authors of blocks told in the passive with the place of the block: "Gab is
 * banned in Erewhon", "A and B had been blocked in Erewhon", "Quux remains blocked in Erewhon".
 * With no agent named ("by ..."), a block in a country is that country's: the state blocks what
 * is blocked within it. Only for verbs of blocking and banning (`rules/nominal.json` placeAgent),
 * only for a country's name (not a city or region), and only when no other actor sanctioned in the
 * sentence before or earlier in this one, whose act the passive may go on telling.
 */
import type { ProposedActorRef } from '../../contract';
import type { Clause, Found } from './clauses';
import { isCountryName } from './governments';
import { forms, type Trigger } from './lexicon';
import { same, type Reading } from './reading';
import rules from './rules/nominal.json';
import { fold } from './text';

/** Each verb of `placeAgent` as its first word's forms and the words that must follow within the match. */
const VERBS = rules.placeAgent.verbs.map((v) => {
  const [head, ...rest] = fold(v).split(' ');
  return { heads: new Set(forms(head!)), rest };
});
const PREPOSITIONS = new Set(rules.placeAgent.prepositions);

function blocking(r: Reading, t: Trigger): boolean {
  const words = Array.from({ length: t.last - t.first + 1 }, (_, j) => r.norm(t.first + j));
  return VERBS.some((v) => v.heads.has(words[0]!) && v.rest.every((w) => words.includes(w)));
}

/** The country after "in" (or another of the prepositions) following the verb `t`, in its clause, as the agent; or null. */
export function placeAgent(r: Reading, clause: Clause, t: Trigger, targets: readonly ProposedActorRef[]): Found | null {
  if (!blocking(r, t)) return null;
  for (let k = t.last; k < clause.end - 1; k++) {
    if (!PREPOSITIONS.has(r.norm(k))) continue;
    const at = r.norm(k + 1) === 'the' ? k + 2 : k + 1;
    const m = r.mentions[r.mentionAt[at]!];
    if (!m || m.first !== at || !isCountryName(r.text.slice(m.start, m.end))) continue;
    if (targets.some((x) => same(x, m.actor))) return null;
    // "Zorvo blocked A on Monday. B was blocked in Erewhon too": the passive goes on telling Zorvo's act.
    const s = r.sentenceAtChar(r.tokens[t.first]!.start);
    const prev = s && r.sentences[r.sentences.indexOf(s) - 1];
    const since = (prev ?? s)?.start ?? 0;
    const verb = r.tokens[t.first]!.start;
    if (r.sanctions.some((x) => x.at >= since && x.at < verb && !same(x.by, m.actor))) return null;
    return { actors: [m.actor], first: m.first, last: m.last, inferred: true };
  }
  return null;
}
