/**
 * The structural fallback: when the lexicon's rules found a sanction, claim or restoration verb
 * but no actors for it, the clause is read by position alone. The phrase rules fit the reports they
 * were written against; this reads who-does-what from the clause whatever the phrasing, at a lower
 * confidence.
 */
import nlp from 'compromise';
import { categoryOf } from '../../contract';
import { isPassive, type Clause, type Found } from './clauses';
import { attribution, type Trigger } from './lexicon';
import { placePreposition } from './places';
import { found } from './lists';
import { same, SUBJECT_SKIP, type Reading } from './reading';
import rules from './rules/fallback.json';
import names from './rules/names.json';
import type { Sentence } from './text';

const CATEGORIES = new Set<string>(rules.categories);
const AGENT = new Set(rules.agentPrepositions);
const ADVERBS = new Set(attribution.adverbs.words);
const DEFINITE = new Set(rules.definite);
const RELATIVE = new Set(rules.objectRelatives);
const THINGS = new Set(names.references.thingNouns);
export const FALLBACK_SCALE = rules.confidenceScale;

export interface FallbackRoles {
  from: Found;
  to: Found;
}

/** Counts the sentences tagged in one report, so a long report pays for at most `maxTagged` of them. */
export class TagBudget {
  private left = rules.maxTagged;
  private readonly cache = new Map<Sentence, Set<number>>();

  /** The character offsets (in the report) where the words compromise tags as verbs start in sentence `s`. */
  verbStarts(r: Reading, s: Sentence): Set<number> | null {
    const hit = this.cache.get(s);
    if (hit) return hit;
    if (this.left <= 0) return null;
    this.left--;
    const out = new Set<number>();
    const terms = nlp(r.text.slice(s.start, s.end)).json({ offset: true, terms: { offset: true } }) as TaggedSentence[];
    for (const sentence of terms)
      for (const t of sentence.terms) if (t.tags.includes('Verb') && t.offset) out.add(s.start + t.offset.start);
    this.cache.set(s, out);
    return out;
  }
}

interface TaggedSentence {
  terms: Array<{ tags: string[]; offset?: { start: number } }>;
}

/** May the fallback read this trigger: a verb of the right kind whose rule takes a subject and an object. */
export function fallbackApplies(t: Trigger): boolean {
  return t.verb && t.rule.from === 'subject' && t.rule.to === 'object' && CATEGORIES.has(categoryOf(t.rule.type));
}

/**
 * The actors of verb `t` by position in its clause: before it (skipping relative clauses and
 * appositions, and names after a preposition unless possessors), and after it. In the passive
 * ("was banned by X") the one before is the target and the agent follows "by"; with no agent named,
 * the actor acting in the sentence before, else the act is not proposed. Null when the word is not
 * tagged a verb here ("a ban"), when a side is empty, or when the report's tagging budget is spent.
 */
export function fallbackRoles(
  r: Reading,
  s: Sentence,
  t: Trigger,
  clause: Clause,
  lookBack: number,
  tags: TagBudget,
): FallbackRoles | null {
  const verbs = tags.verbStarts(r, s);
  if (!verbs?.has(r.tokens[t.first]!.start)) return null;
  const before = mentionBefore(r, clause, t.first) ?? describedBefore(r, clause, t.first, lookBack);
  if (!before) return null;
  if (isPassive(r, clause, t.first, t.last)) {
    // With no agent named, the actor acting in the sentence before ("X suspended A and B. C was thrown off as well.").
    const agent = mentionAfter(r, clause, t.last, true) ?? actingBefore(r, s, lookBack);
    return agent && differ(agent, before) ? { from: agent, to: before } : null;
  }
  const after = mentionAfter(r, clause, t.last, false) ?? thingAfter(r, clause, t.last, lookBack, before) ?? antecedent(r, s, before);
  return after && differ(before, after) ? { from: before, to: after } : null;
}

/** "the regulator also restricted": a definite noun just before the verb, for the actor so described earlier. */
function describedBefore(r: Reading, clause: Clause, at: number, lookBack: number): Found | null {
  let k = at - 1;
  while (k > clause.start && (r.norm(k).endsWith('ly') || ADVERBS.has(r.norm(k)))) k--;
  if (k <= clause.start - 1 || !DEFINITE.has(r.norm(k - 1))) return null;
  const noun = r.norm(k);
  const actor = r.describedAs(noun, k - 1) ?? (THINGS.has(noun) ? r.targetBefore(k - 1, lookBack, [], noun) : null);
  return actor ? { actors: [actor], first: k - 1, last: k + 1, inferred: true } : null;
}

function actingBefore(r: Reading, s: Sentence, lookBack: number): Found | null {
  const actor = r.actingIn(s, lookBack);
  return actor ? { actors: [actor], first: s.first, last: s.first + 1, inferred: true } : null;
}

/** "a host that Cloudflare dropped": the actor named just before the relative word that opens the subject's clause. */
function antecedent(r: Reading, s: Sentence, subject: Found): Found | null {
  const rel = wordBefore(r, subject.first);
  if (rel <= s.first || !RELATIVE.has(r.norm(rel))) return null;
  const m = r.mentionAt[rel - 1]!;
  return m >= 0 ? found(r, [m]) : null;
}

/** "dropped the app": a noun for a site or a company right after the verb, for the one it stands for other than the actor. */
function thingAfter(r: Reading, clause: Clause, last: number, lookBack: number, acting: Found): Found | null {
  if (last + 1 >= clause.end || !DEFINITE.has(r.norm(last)) || !THINGS.has(r.norm(last + 1))) return null;
  const actor = r.targetBefore(last, lookBack, acting.actors, r.norm(last + 1));
  return actor ? { actors: [actor], first: last, last: last + 2, inferred: true } : null;
}

/** The token before a name at `first`, past its article ("by the Board": "by"). */
const wordBefore = (r: Reading, first: number) => (r.norm(first - 1) === 'the' ? first - 2 : first - 1);

const differ = (a: Found, b: Found) => a.actors[0]!.id !== b.actors[0]!.id || a.actors[0]!.name !== b.actors[0]!.name;

function mentionBefore(r: Reading, clause: Clause, at: number): Found | null {
  for (let k = at - 1; k >= clause.start; k--) {
    k = r.skipBack(k, at);
    if (k < clause.start) break;
    const m = r.mentionAt[k]!;
    if (m < 0) continue;
    const mention = r.mentions[m]!;
    const possessor = /^['’]s?\b/u.test(r.text.slice(mention.end, mention.end + 2));
    const prep = wordBefore(r, mention.first);
    if (possessor) return found(r, [m]);
    if (!SUBJECT_SKIP.has(r.norm(prep)) || prep < clause.start) return withListBefore(r, clause, m);
    k = mention.first;
  }
  return null;
}

/** "Zorblat and Quibble stopped ...": the subject with the names listed before it, all acting. */
function withListBefore(r: Reading, clause: Clause, m: number): Found {
  let head = m;
  while (head > 0 && r.mentions[head - 1]!.first >= clause.start) {
    const link = r.text.slice(r.mentions[head - 1]!.end, r.mentions[head]!.start);
    if (!/^(?:\s*,)?\s*(?:and|or|&|,)\s*$/iu.test(link)) break;
    head--;
  }
  if (head === m) return found(r, [m]);
  const actors = r.mentions.slice(head, m + 1).map((x) => x.actor);
  const unique = actors.filter((a, i) => actors.findIndex((b) => same(a, b)) === i);
  return { actors: unique, first: r.mentions[head]!.first, last: r.mentions[m]!.last, inferred: false };
}

/** The first actor named after the verb in its clause; with `agent`, only one right after "by". */
function mentionAfter(r: Reading, clause: Clause, last: number, agent: boolean): Found | null {
  for (let k = last; k < clause.end; k++) {
    k = r.skipForward(k, clause.end);
    if (k >= clause.end) break;
    const m = r.mentionAt[k]!;
    if (m < 0) continue;
    const first = r.mentions[m]!.first;
    const prep = wordBefore(r, first);
    // "banned the forum in India": a name after "in" or "across" is where, not whom.
    if (agent === AGENT.has(r.norm(prep)) && (agent || !placePreposition(r.norm(prep)))) return found(r, [m]);
    k = r.mentions[m]!.last - 1;
  }
  return null;
}
