/**
 * A noun standing for an actor named before: "the authority" for the "Zorland Telecom Authority",
 * "the club" (or "the group") for "the Fenwick Lads, a far-right drinking club", "the tabloid" for
 * a paper, "the center" for a "... Center". Each such noun becomes a mention of that actor, so the
 * clause readers see a name there. The words are in `rules/descriptions.json`.
 */
import type { ProposedActorRef } from '../../contract';
import type { Mention } from './actors';
import rules from './rules/descriptions.json';
import { fold, type Token } from './text';

interface Group {
  nouns: ReadonlySet<string>;
  kinds: readonly string[];
  heads: ReadonlySet<string>;
}

const GROUPS: Group[] = rules.groups.list.map((g) => ({ nouns: new Set(g.nouns), kinds: g.kinds, heads: new Set(g.heads) }));
const GROUP_OF = new Map(GROUPS.flatMap((g) => [...g.nouns].map((n) => [n, g] as const)));
const OWN_HEADS = new Set(rules.ownHeads.words);
const MAKERS = new Set(rules.makers.nouns);
const MAKER_KINDS = rules.makers.kinds;
const BETWEEN = rules.between.maxWords;
const NEVER = new Set(rules.between.never);

/** The word that says what a new name is: its last, or the one before "of" ("Cyberspace Administration of China"). */
function headOf(name: string): string {
  const words = fold(name).split(' ');
  const of = words.indexOf('of');
  return words[of > 0 ? of - 1 : words.length - 1]!;
}

/** Is the mention followed by an apposition ", the/a <words> <noun of the group>" within a few words? */
function describedBy(text: string, tokens: Token[], m: Mention, group: Group): boolean {
  const open = tokens[m.last];
  if (!open || !['the', 'a', 'an'].includes(open.norm) || !/^\s*,\s*$/u.test(text.slice(tokens[m.last - 1]!.end, open.start))) return false;
  for (let k = m.last + 1; k < Math.min(tokens.length, m.last + 7); k++) {
    if (/[,.;:!?]/u.test(text.slice(tokens[k - 1]!.end, tokens[k]!.start))) return false;
    if (group.nouns.has(tokens[k]!.norm)) return true;
  }
  return false;
}

/** The actor named before mention index `before` that the noun stands for, or null. */
function antecedent(
  text: string,
  tokens: Token[],
  mentions: readonly Mention[],
  before: number,
  noun: string,
  kindOf: (id: string) => string | undefined,
): ProposedActorRef | null {
  const group = GROUP_OF.get(noun);
  const earlier = mentions.filter((m) => m.last <= before).reverse();
  if (MAKERS.has(noun)) return earlier.find((m) => m.actor.id && MAKER_KINDS.includes(kindOf(m.actor.id) ?? ''))?.actor ?? null;
  if (group) {
    const described = earlier.find((m) => describedBy(text, tokens, m, group));
    if (described) return described.actor;
  }
  for (const m of earlier) {
    const a = m.actor;
    if (a.id) {
      if (group?.kinds.includes(kindOf(a.id) ?? '')) return a;
      continue;
    }
    const head = headOf(a.name);
    if (/^\p{Lu}/u.test(a.name) && ((group && group.heads.has(head)) || (OWN_HEADS.has(noun) && head === noun))) return a;
  }
  return null;
}

/**
 * The mentions with a mention added for each "the <noun>" of a group or of `ownHeads` (up to a few
 * lower-case words between: "the same authority") that stands for an actor named before it.
 */
export function describedActors(
  text: string,
  tokens: Token[],
  mentions: readonly Mention[],
  kindOf: (id: string) => string | undefined,
): Mention[] {
  const taken = new Uint8Array(tokens.length);
  for (const m of mentions) taken.fill(1, m.first, m.last);
  const added: Mention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.norm !== 'the' || taken[i]) continue;
    for (let k = i + 1; k <= i + 1 + BETWEEN && k < tokens.length; k++) {
      const t = tokens[k]!;
      // "the iPhone maker": a product's name, written with a capital inside, may come before a maker's noun.
      const product = /^\p{Ll}+\p{Lu}/u.test(t.text) && MAKERS.has(tokens[k + 1]?.norm ?? '');
      if (taken[k] || (t.text !== t.norm && !product) || NEVER.has(t.norm) || /[,.;:!?]/u.test(text.slice(tokens[k - 1]!.end, t.start)))
        break;
      if (!GROUP_OF.has(t.norm) && !OWN_HEADS.has(t.norm) && !MAKERS.has(t.norm)) continue;
      // "the authority Zorland Telecom": a name right after is read as itself.
      const next = tokens[k + 1];
      if (next && taken[k + 1] && text.slice(t.end, next.start) === ' ') break;
      const actor = antecedent(text, tokens, mentions, i, t.norm, kindOf);
      if (actor) added.push({ actor, first: k, last: k + 1, start: t.start, end: t.end });
      break;
    }
  }
  return added.length ? [...mentions, ...added].sort((a, b) => a.first - b.first) : [...mentions];
}
