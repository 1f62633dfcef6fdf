/**
 * The verb lexicon (rules/verbs.json) compiled into word patterns. Lemmas are expanded to every
 * form with compromise's conjugator once, at start-up; matching a sentence is then a lookup per
 * word, with no NLP library on the request path (compromise tags about 7,000 words a second here,
 * too slow for a 10,000-word report under a second).
 */
import nlp from 'compromise';
import type { ActionType } from '../../contract';
import lexicon from './rules/verbs.json';
import attribution from './rules/attribution.json';
import type { Token } from './text';
import { fold } from './text';

type Element = { kind: 'words'; words: Set<string> } | { kind: 'gap'; size: number } | { kind: 'number'; suffix: RegExp };

export interface Rule {
  index: number;
  type: ActionType;
  note: string;
  from: string;
  to: string;
  /** Where the target is when `to` finds none. */
  toElse: string | null;
  /** An announced act ("will be allowed back") is kept as the act. */
  keepFuture: boolean;
  when: string[];
  unless: string[];
  fromKinds: string[] | null;
  /** A court's or a judge's act only (courts.ts): the nearest name before the verb must be one. */
  fromCourts: boolean;
  confidence: number;
  then: { type: ActionType; typeWhen: Partial<Record<ActionType, string[]>> } | null;
}

interface Pattern {
  rule: Rule;
  elements: Element[];
  /** From the rule's `verbs`: its first word is a verb form, which a determiner before it makes a noun ("the ban"). */
  verb: boolean;
}

export interface Trigger {
  rule: Rule;
  /** Token range [first, last) of the matched words. */
  first: number;
  last: number;
  verb: boolean;
}

const NUMBER_WORDS = 'one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|forty|forty-eight|twenty-four|seventy-two|a|an';
const GAP = 4;
const LONG_GAP = 9;

/** Every form of a verb lemma: infinitive, past, present, gerund, participle. */
export function forms(lemma: string): string[] {
  const out = new Set([lemma]);
  const conj = nlp(lemma).verbs().conjugate()[0] as Record<string, string> | undefined;
  for (const [k, v] of Object.entries(conj ?? {})) if (k !== 'FutureTense' && v) out.add(fold(v.split(' ')[0]!));
  // Regular forms, for lemmas compromise reads as nouns ("sue", "host").
  if (!lemma.includes(' ')) {
    if (lemma.endsWith('e'))
      out
        .add(`${lemma}d`)
        .add(`${lemma}s`)
        .add(`${lemma.slice(0, -1)}ing`);
    else if (/[^aeiou]y$/.test(lemma))
      out
        .add(`${lemma.slice(0, -1)}ied`)
        .add(`${lemma.slice(0, -1)}ies`)
        .add(`${lemma}ing`);
    else out.add(`${lemma}ed`).add(`${lemma}s`).add(`${lemma}ing`);
  }
  // Doubled-consonant forms compromise may miss ("ban" → "banned").
  if (/[^aeiou][aeiou][bdglmnprt]$/.test(lemma)) {
    const last = lemma.slice(-1);
    out.add(`${lemma}${last}ed`).add(`${lemma}${last}ing`);
  }
  return [...out];
}

function compileWord(word: string, head: string[] | null): Element {
  // '……' is a long gap, for an object told with its description ('gave the head of the regulator X 24 hours to').
  if (word === '…' || word === '……') return { kind: 'gap', size: word === '…' ? GAP : LONG_GAP };
  if (word.includes('#N')) {
    const rest = word.replace('#N', '');
    return { kind: 'number', suffix: new RegExp(`^(?:\\d+|${NUMBER_WORDS})${rest.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) };
  }
  return { kind: 'words', words: new Set(head ?? [fold(word)]) };
}

function compile(phrase: string, rule: Rule, conjugate: boolean): Pattern {
  const words = phrase.split(/\s+/).filter(Boolean);
  const elements = words.map((w, i) => compileWord(w, conjugate && i === 0 ? forms(fold(w)) : null));
  return { rule, elements, verb: conjugate };
}

interface RawEntry {
  type: string;
  note: string;
  verbs?: string[];
  phrases?: string[];
  when?: string[];
  unless?: string[];
  from?: string;
  to?: string;
  toElse?: string;
  keepFuture?: boolean;
  fromKinds?: string[];
  fromCourts?: boolean;
  confidence?: number;
  then?: { type: string; typeWhen?: Record<string, string[]> };
}

export class Lexicon {
  private readonly byFirst = new Map<string, Pattern[]>();
  private readonly numberFirst: Pattern[] = [];
  readonly rules: Rule[] = [];

  constructor(entries: readonly RawEntry[]) {
    entries.forEach((e, index) => {
      const rule: Rule = {
        index,
        type: e.type as ActionType,
        note: e.note,
        from: e.from ?? 'subject',
        to: e.to ?? 'object',
        toElse: e.toElse ?? null,
        keepFuture: e.keepFuture ?? false,
        when: (e.when ?? []).map(fold),
        unless: (e.unless ?? []).map(fold),
        fromKinds: e.fromKinds ?? null,
        fromCourts: e.fromCourts ?? false,
        confidence: e.confidence ?? 0.6,
        then: e.then ? { type: e.then.type as ActionType, typeWhen: e.then.typeWhen ?? {} } : null,
      };
      this.rules.push(rule);
      for (const v of e.verbs ?? []) this.add(compile(v, rule, true));
      for (const p of e.phrases ?? []) this.add(compile(p, rule, false));
    });
  }

  /** Is `word` (folded) a form of the first verb of an entry ("banned", "suspends")? */
  isVerb(word: string): boolean {
    return (this.byFirst.get(word) ?? []).some((p) => p.verb);
  }

  private add(p: Pattern): void {
    const first = p.elements[0]!;
    if (first.kind === 'number') this.numberFirst.push(p);
    else if (first.kind === 'words') for (const w of first.words) this.byFirst.set(w, [...(this.byFirst.get(w) ?? []), p]);
  }

  /** Every match in tokens [from, to), longest first where matches overlap, then the earlier entry. */
  triggers(tokens: Token[], from: number, to: number, applies: (rule: Rule, first: number) => boolean = () => true): Trigger[] {
    const found: Trigger[] = [];
    for (let i = from; i < to; i++) {
      const candidates = [...(this.byFirst.get(tokens[i]!.norm) ?? []), ...(/^\d|^[a-z]/.test(tokens[i]!.norm) ? this.numberFirst : [])];
      for (const p of candidates) {
        const last = match(p.elements, tokens, i, to);
        if (last !== null && applies(p.rule, i)) found.push({ rule: p.rule, first: i, last, verb: p.verb });
      }
    }
    found.sort((a, b) => b.last - b.first - (a.last - a.first) || a.rule.index - b.rule.index || a.first - b.first);
    const used = new Uint8Array(to - from);
    const kept: Trigger[] = [];
    for (const t of found) {
      let free = true;
      for (let k = t.first; k < t.last; k++) if (used[k - from]) free = false;
      if (!free) continue;
      used.fill(1, t.first - from, t.last - from);
      kept.push(t);
    }
    return kept.sort((a, b) => a.first - b.first);
  }
}

/** The end (exclusive) of a match of `elements` at token `i`, or null. Gaps take as few words as they can. */
function match(elements: Element[], tokens: Token[], i: number, to: number, e = 0): number | null {
  if (e === elements.length) return i;
  const el = elements[e]!;
  if (el.kind === 'gap') {
    for (let skip = 0; skip <= el.size && i + skip <= to; skip++) {
      const end = match(elements, tokens, i + skip, to, e + 1);
      if (end !== null) return end;
    }
    return null;
  }
  if (i >= to) return null;
  const ok = el.kind === 'words' ? el.words.has(tokens[i]!.norm) : el.suffix.test(tokens[i]!.norm);
  return ok ? match(elements, tokens, i + 1, to, e + 1) : null;
}

export const LEXICON = new Lexicon(lexicon.entries);

/** A relationship that a sanction or notice implies when its sentence names one of `words`. */
export interface Implied {
  type: ActionType;
  categories: readonly string[];
  /** Folded, padded with spaces, as `applies` compares them. */
  words: readonly string[];
  confidence: number;
}

export const IMPLIED: readonly Implied[] = lexicon.implied.entries.map((e) => ({
  type: e.type as ActionType,
  categories: e.categories,
  words: e.words.map((w) => ` ${fold(w)} `),
  confidence: e.confidence,
}));

/** A list of lemmas and phrases from rules/attribution.json as a set of folded word forms. */
export function formSet(lemmas: readonly string[]): Set<string> {
  return new Set(lemmas.flatMap((l) => forms(fold(l))));
}

export { attribution };
