/**
 * Readable chains (model v2): sequences of distinct dated actions, each sharing an actor with the
 * one before, that can all stand in that order in time (no action in the chain certainly comes
 * before one earlier in it). A chain is kept when nothing can be added at its end (or it reached
 * maxLength). Parallel actions (one type, same two actors, same direction) never follow each
 * other: they are one step, and chains that differ only in which of them they pass through are
 * one chain, each step listing the actions it stands for. Enumeration is exponential on dense
 * graphs, so it runs under a work bound; `truncated` says whenever anything was left out.
 */
import type { Action } from '../../contract';
import type { ActionGraph } from './action-graph';

export type StepOrder = 'certain' | 'possible';
export type Precedence = StepOrder | 'impossible';

/** What a chain may hold and how its actions order: the request's filter and the contract's time rules. */
export interface ChainRules {
  /** The request's filter: no other action is ever in a chain. */
  passes: (a: Action) => boolean;
  /** Categories followed: a chain starts with one of these and steps to one, or to a response of the action before. */
  follows: (a: Action) => boolean;
  /** The action's instants [start, end] (ms; unbounded ends are ±Infinity), null when undated (never in a chain). */
  span: (a: Action) => { start: number; end: number } | null;
  /** Whether `a` can come before `b`. */
  precedence: (a: Action, b: Action) => Precedence;
  /** Whether `b` names `a` among the actions it responds to (a step along it is followed whatever b's category). */
  responds: (b: Action, a: Action) => boolean;
  /** Only certain steps. */
  certainOnly: boolean;
}

export interface FoundStep {
  type: string;
  from: string;
  to: string;
  /** The parallel actions this step stands for, in timeline order. */
  actions: string[];
  /** How the step follows the one before (absent on the first): certain only when it is for every action listed. */
  order?: StepOrder;
}

export interface ChainSearch {
  chains: FoundStep[][];
  truncated: boolean;
  /**
   * Actors the search stepped on whose actions `g` does not wholly hold (`complete` said no): the
   * answer stands only when this is empty. A store holding part of the graph (Neo4j) fetches their
   * actions and searches again.
   */
  missing: string[];
}

/** How many candidate actions one request may look at before it stops and reports truncation. */
export const CHAIN_WORK_BOUND = 200_000;

interface Item {
  action: Action;
  start: number;
  end: number;
  /** Same for parallel actions (type, from, to): a number given once per search. */
  key: number;
  /** Precedence of this action before others, as the search asks (remembered). */
  before: Map<Item, Precedence>;
}

/** Timeline order of dated actions (the contract's compareActions): earliest instant, then latest, then id. */
function byTimeline(x: Item, y: Item): number {
  return x.start - y.start || x.end - y.end || (x.action.id < y.action.id ? -1 : x.action.id > y.action.id ? 1 : 0);
}

const parallelKey = (a: Action): string => JSON.stringify([a.type, a.from, a.to]);

/** A chain found in the action graph, before parallel ones are merged. */
interface Merged {
  steps: Array<{ ids: Set<string>; certain: boolean }>;
  first: Item[];
}

/** Work between two points where the search may pause (chainSearchSteps): a millisecond or so. */
const STEPS_PER_PAUSE = 1024;

/**
 * Every maximal chain whose first action involves `actor`, merged over parallel steps; longest
 * first, then by their steps' first actions in timeline order; at most `limit`.
 */
export function timeRespectingChains(
  g: ActionGraph,
  actor: string,
  maxLength: number,
  rules: ChainRules,
  limit: number,
  workBound = CHAIN_WORK_BOUND,
  complete: (actor: string) => boolean = () => true,
): ChainSearch {
  const steps = chainSearchSteps(g, actor, maxLength, rules, limit, workBound, complete);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * The same search as timeRespectingChains, yielding every thousand steps or so: a caller that
 * must not hold the event loop for the whole search (it takes seconds from a hub at M) pauses
 * there. The graph must not change until the search ends (the caller restarts it if it did).
 */
export function* chainSearchSteps(
  g: ActionGraph,
  actor: string,
  maxLength: number,
  rules: ChainRules,
  limit: number,
  workBound = CHAIN_WORK_BOUND,
  complete: (actor: string) => boolean = () => true,
): Generator<void, ChainSearch> {
  if (!g.hasNode(actor)) return { chains: [], truncated: false, missing: [] };
  const missing: string[] = [];
  const byId = new Map<string, Item>();
  const parallelKeys = new Map<string, number>();
  const keyOf = (a: Action): number => {
    const text = parallelKey(a);
    let k = parallelKeys.get(text);
    if (k === undefined) parallelKeys.set(text, (k = parallelKeys.size));
    return k;
  };
  // Dated, passing actions touching each actor, in timeline order, computed once per actor.
  const incident = new Map<string, Item[]>();
  const itemsAt = (node: string): Item[] => {
    let list = incident.get(node);
    if (list) return list;
    list = [];
    incident.set(node, list);
    if (!complete(node)) {
      missing.push(node);
      return list;
    }
    g.forEachEdge(node, (_k, attrs) => {
      const a = attrs.action;
      if (!rules.passes(a)) return;
      let item = byId.get(a.id);
      if (!item) {
        const span = rules.span(a);
        if (!span) return;
        item = { action: a, start: span.start, end: span.end, key: keyOf(a), before: new Map() };
        byId.set(a.id, item);
      }
      list.push(item);
    });
    list.sort(byTimeline);
    return list;
  };

  // The search asks about the same pairs over and over (each candidate against every action before it).
  const precedence = (a: Item, b: Item): Precedence => {
    let p = a.before.get(b);
    if (p === undefined) a.before.set(b, (p = rules.precedence(a.action, b.action)));
    return p;
  };

  let work = 0;
  let truncated = false;
  const merged = new Map<number, Merged>();
  const chain: Item[] = [];
  // Chains that differ only in parallel steps share their sequence of parallel keys. Each sequence
  // (a prefix, then one more key) gets a number once, so growing a chain allocates no text.
  const prefixes = new Map<number, Map<number, number>>();
  let prefixCount = 0;
  const prefixOf = (prefix: number, key: number): number => {
    let next = prefixes.get(prefix);
    if (!next) prefixes.set(prefix, (next = new Map<number, number>()));
    let id = next.get(key);
    if (id === undefined) next.set(key, (id = ++prefixCount));
    return id;
  };
  /** keys[i]: the number of the parallel keys of chain[0..i]; built as the chain grows, not per chain found. */
  const keys: number[] = [];
  const certain: boolean[] = [];
  const used = new Set<string>();

  const record = (): void => {
    const key = keys[keys.length - 1]!;
    let m = merged.get(key);
    if (!m) {
      m = { steps: chain.map(() => ({ ids: new Set<string>(), certain: true })), first: [...chain] };
      merged.set(key, m);
    }
    chain.forEach((s, i) => {
      const step = m.steps[i]!;
      step.ids.add(s.action.id);
      if (i > 0 && !certain[i]) step.certain = false;
      if (byTimeline(s, m.first[i]!) < 0) m.first[i] = s;
    });
  };

  /** Whether `next` may follow the chain: it can come after every action in it, certainly after the last when asked. */
  const fits = (next: Item, latestStart: number): Precedence | null => {
    const last = chain[chain.length - 1]!;
    if (used.has(next.action.id) || last.key === next.key) return null;
    if (next.end < latestStart) return null;
    if (!rules.follows(next.action) && !rules.responds(next.action, last.action)) return null;
    const order = precedence(last, next);
    if (order === 'impossible' || (rules.certainOnly && order !== 'certain')) return null;
    for (let i = 0; i < chain.length - 1; i++) if (precedence(chain[i]!, next) === 'impossible') return null;
    return order;
  };

  function* extend(latestStart: number): Generator<void, void> {
    let extended = false;
    if (chain.length < maxLength) {
      const last = chain[chain.length - 1]!;
      const a = itemsAt(last.action.from);
      const b = itemsAt(last.action.to);
      // Both lists are in timeline order: merge them so choices come in that order, each once.
      let i = 0;
      let j = 0;
      while (i < a.length || j < b.length) {
        if (++work > workBound) {
          truncated = true;
          return;
        }
        if (work % STEPS_PER_PAUSE === 0) yield;
        let s: Item;
        if (j >= b.length) s = a[i++]!;
        else if (i >= a.length) s = b[j++]!;
        else {
          const c = byTimeline(a[i]!, b[j]!);
          s = c <= 0 ? a[i++]! : b[j++]!;
          if (c === 0) j++; // the same action, touching both actors
        }
        const order = fits(s, latestStart);
        if (order === null) continue;
        extended = true;
        chain.push(s);
        keys.push(prefixOf(keys[keys.length - 1]!, s.key));
        certain.push(order === 'certain');
        used.add(s.action.id);
        yield* extend(Math.max(latestStart, s.start));
        used.delete(s.action.id);
        certain.pop();
        keys.pop();
        chain.pop();
        if (truncated) return;
      }
    }
    if (!extended && chain.length >= 2) record();
  }

  for (const first of itemsAt(actor)) {
    if (!rules.follows(first.action)) continue;
    chain.push(first);
    keys.push(prefixOf(0, first.key));
    certain.push(true);
    used.add(first.action.id);
    yield* extend(first.start);
    used.delete(first.action.id);
    certain.pop();
    keys.pop();
    chain.pop();
    if (truncated) break;
  }

  const order = (x: Merged, y: Merged): number => {
    if (x.first.length !== y.first.length) return y.first.length - x.first.length;
    for (let i = 0; i < x.first.length; i++) {
      const c = byTimeline(x.first[i]!, y.first[i]!);
      if (c !== 0) return c;
    }
    return 0;
  };
  // Only the first `limit` are answered: a search to its work bound merges tens of thousands of
  // chains, and sorting them all held the loop longer than picking the best as they come.
  const best: Merged[] = [];
  let seen = 0;
  for (const m of merged.values()) {
    if (++seen % STEPS_PER_PAUSE === 0) yield;
    if (limit <= 0 || (best.length === limit && order(m, best[limit - 1]!) >= 0)) continue;
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (order(best[mid]!, m) <= 0) lo = mid + 1;
      else hi = mid;
    }
    best.splice(lo, 0, m);
    if (best.length > limit) best.pop();
  }
  if (merged.size > limit) truncated = true;
  const chains = best.map((m) =>
    m.steps.map((step, i): FoundStep => {
      const first = m.first[i]!;
      const actions = [...step.ids].map((id) => byId.get(id)!).sort(byTimeline);
      const found: FoundStep = {
        type: first.action.type,
        from: first.action.from,
        to: first.action.to,
        actions: actions.map((a) => a.action.id),
      };
      if (i > 0) found.order = step.certain ? 'certain' : 'possible';
      return found;
    }),
  );
  return { chains, truncated, missing };
}
