/**
 * Readable chains by brute force over the raw action list (model v2, "Chains"): every sequence of
 * distinct dated passing actions whose first involves the actor and is of a followed category,
 * each next one sharing an actor with the one before, not parallel to it (same type, ends and
 * direction), of a followed category or responding to the one before, and every pair in the
 * sequence in an order that is not impossible (certain steps only, when asked). A sequence is
 * kept when nothing can be added at its end or it has maxLength actions (and at least two).
 * Sequences whose actions are pairwise parallel, position by position, are then one chain whose
 * steps list every action seen at that position; a step is certain when it is in every sequence.
 * Longest first, then by the steps' earliest actions in timeline order; at most `limit`, and
 * `truncated` when there were more.
 */
import type { Action } from '../../../contract';

export interface OracleTime {
  /** [first, last] instants, or null when undated. */
  span: (a: Action) => { first: number; last: number } | null;
  /** Timeline order of two dated actions. */
  compare: (a: Action, b: Action) => number;
}

export interface OracleOptions {
  follows?: (a: Action) => boolean;
  certainOnly?: boolean;
}

export interface OracleStep {
  type: string;
  from: string;
  to: string;
  actions: string[];
  order?: 'certain' | 'possible';
}

/** The ids an action responds to (model v2; absent before it). */
const respondsTo = (a: Action): readonly string[] => (a as { respondsTo?: string[] }).respondsTo ?? [];

const shares = (a: Action, b: Action) => a.from === b.from || a.from === b.to || a.to === b.from || a.to === b.to;
const parallel = (a: Action, b: Action) => a.type === b.type && a.from === b.from && a.to === b.to;

/** Whether `b` responds to `a`, directly or through responses, among `all`. */
function respondsThrough(all: Map<string, Action>, b: Action, a: Action, seen = new Set<string>()): boolean {
  for (const id of respondsTo(b)) {
    if (id === a.id) return true;
    const mid = all.get(id);
    if (mid && !seen.has(id)) {
      seen.add(id);
      if (respondsThrough(all, mid, a, seen)) return true;
    }
  }
  return false;
}

export function bruteForceChains(
  everything: Action[],
  passing: Action[],
  actor: string,
  maxLength: number,
  limit: number,
  time: OracleTime,
  options: OracleOptions = {},
): { chains: OracleStep[][]; truncated: boolean } {
  const follows = options.follows ?? (() => true);
  const all = new Map(everything.map((a) => [a.id, a]));
  const before = (a: Action, b: Action): 'certain' | 'possible' | 'impossible' => {
    const x = time.span(a)!;
    const y = time.span(b)!;
    if (x.last < y.first || respondsThrough(all, b, a)) return 'certain';
    if (y.last < x.first || respondsThrough(all, a, b)) return 'impossible';
    return 'possible';
  };
  const dated = passing.filter((a) => time.span(a) !== null);
  const found: Action[][] = [];
  const mayFollow = (chain: Action[], a: Action): boolean => {
    const last = chain[chain.length - 1]!;
    if (chain.includes(a) || !shares(a, last) || parallel(a, last)) return false;
    if (!follows(a) && !respondsTo(a).includes(last.id)) return false;
    if (options.certainOnly && before(last, a) !== 'certain') return false;
    return chain.every((c) => before(c, a) !== 'impossible');
  };
  const walk = (chain: Action[]) => {
    const next = dated.filter((a) => mayFollow(chain, a));
    if (chain.length === maxLength || next.length === 0) {
      if (chain.length >= 2) found.push(chain);
      return;
    }
    for (const a of next) walk([...chain, a]);
  };
  for (const first of dated) if ((first.from === actor || first.to === actor) && follows(first)) walk([first]);

  const groups = new Map<string, Action[][]>();
  for (const c of found) {
    const key = c.map((a) => `${a.type} ${a.from} ${a.to}`).join(' / ');
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const merged = [...groups.values()].map((members) =>
    members[0]!.map((a, i): OracleStep & { earliest: Action } => {
      const here = [...new Set(members.map((m) => m[i]!))].sort(time.compare);
      const step: OracleStep & { earliest: Action } = {
        type: a.type,
        from: a.from,
        to: a.to,
        actions: here.map((x) => x.id),
        earliest: here[0]!,
      };
      if (i > 0) step.order = members.every((m) => before(m[i - 1]!, m[i]!) === 'certain') ? 'certain' : 'possible';
      return step;
    }),
  );
  merged.sort((x, y) => {
    if (x.length !== y.length) return y.length - x.length;
    for (let i = 0; i < x.length; i++) {
      const c = time.compare(x[i]!.earliest, y[i]!.earliest);
      if (c !== 0) return c;
    }
    return 0;
  });
  return {
    chains: merged.slice(0, limit).map((c) => c.map(({ earliest: _e, ...step }) => step)),
    truncated: merged.length > limit,
  };
}
