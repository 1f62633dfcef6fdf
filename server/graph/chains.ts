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
  /** Timeline order, used to take choices (and list a step's actions) in a fixed order. */
  compare: (a: Action, b: Action) => number;
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
export const CHAIN_WORK_BOUND = 400_000;

interface Item {
  action: Action;
  start: number;
  end: number;
}

const parallelKey = (a: Action): string => JSON.stringify([a.type, a.from, a.to]);

const isParallel = (a: Action, b: Action): boolean => a.type === b.type && a.from === b.from && a.to === b.to;

/** A chain found in the action graph, before parallel ones are merged. */
interface Merged {
  steps: Array<{ ids: Set<string>; certain: boolean }>;
  first: Action[];
}

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
  if (!g.hasNode(actor)) return { chains: [], truncated: false, missing: [] };
  const missing: string[] = [];
  const byId = new Map<string, Item>();
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
        item = { action: a, start: span.start, end: span.end };
        byId.set(a.id, item);
      }
      list.push(item);
    });
    list.sort((x, y) => rules.compare(x.action, y.action));
    return list;
  };

  let work = 0;
  let truncated = false;
  const merged = new Map<string, Merged>();
  const chain: Item[] = [];
  const certain: boolean[] = [];
  const used = new Set<string>();

  const record = (): void => {
    const key = chain.map((s) => parallelKey(s.action)).join('|');
    let m = merged.get(key);
    if (!m) {
      m = { steps: chain.map(() => ({ ids: new Set<string>(), certain: true })), first: chain.map((s) => s.action) };
      merged.set(key, m);
    }
    chain.forEach((s, i) => {
      const step = m.steps[i]!;
      step.ids.add(s.action.id);
      if (i > 0 && !certain[i]) step.certain = false;
      if (rules.compare(s.action, m.first[i]!) < 0) m.first[i] = s.action;
    });
  };

  /** Whether `next` may follow the chain: it can come after every action in it, certainly after the last when asked. */
  const fits = (next: Item, latestStart: number): Precedence | null => {
    const last = chain[chain.length - 1]!;
    if (used.has(next.action.id) || isParallel(last.action, next.action)) return null;
    if (next.end < latestStart) return null;
    if (!rules.follows(next.action) && !rules.responds(next.action, last.action)) return null;
    const order = rules.precedence(last.action, next.action);
    if (order === 'impossible' || (rules.certainOnly && order !== 'certain')) return null;
    for (let i = 0; i < chain.length - 1; i++) if (rules.precedence(chain[i]!.action, next.action) === 'impossible') return null;
    return order;
  };

  const extend = (latestStart: number): void => {
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
        let s: Item;
        if (j >= b.length) s = a[i++]!;
        else if (i >= a.length) s = b[j++]!;
        else {
          const c = rules.compare(a[i]!.action, b[j]!.action);
          s = c <= 0 ? a[i++]! : b[j++]!;
          if (c === 0) j++; // the same action, touching both actors
        }
        const order = fits(s, latestStart);
        if (order === null) continue;
        extended = true;
        chain.push(s);
        certain.push(order === 'certain');
        used.add(s.action.id);
        extend(Math.max(latestStart, s.start));
        used.delete(s.action.id);
        certain.pop();
        chain.pop();
        if (truncated) return;
      }
    }
    if (!extended && chain.length >= 2) record();
  };

  for (const first of itemsAt(actor)) {
    if (!rules.follows(first.action)) continue;
    chain.push(first);
    certain.push(true);
    used.add(first.action.id);
    extend(first.start);
    used.delete(first.action.id);
    certain.pop();
    chain.pop();
    if (truncated) break;
  }

  const all = [...merged.values()].sort((x, y) => {
    if (x.first.length !== y.first.length) return y.first.length - x.first.length;
    for (let i = 0; i < x.first.length; i++) {
      const c = rules.compare(x.first[i]!, y.first[i]!);
      if (c !== 0) return c;
    }
    return 0;
  });
  if (all.length > limit) truncated = true;
  const chains = all.slice(0, limit).map((m) =>
    m.steps.map((step, i): FoundStep => {
      const first = m.first[i]!;
      const actions = [...step.ids].map((id) => byId.get(id)!.action).sort(rules.compare);
      const found: FoundStep = { type: first.type, from: first.from, to: first.to, actions: actions.map((a) => a.id) };
      if (i > 0) found.order = step.certain ? 'certain' : 'possible';
      return found;
    }),
  );
  return { chains, truncated, missing };
}
