/**
 * Time-respecting chains (api-v1): sequences of distinct dated actions, each sharing an actor with
 * the one before and not beginning before it. A chain is emitted when nothing can be added at its
 * end (or it reached maxLength). Enumeration is exponential on dense graphs, so it runs under a
 * work bound and says when it stopped early.
 */
import { compareActions, type Action } from '../../contract';
import type { ActionGraph } from './action-graph';

export interface ChainSearch {
  chains: string[][];
  truncated: boolean;
  /**
   * Actors the search stepped on whose actions `g` does not wholly hold (`complete` said no): the
   * answer stands only when this is empty. A store holding part of the graph (Neo4j) fetches their
   * actions and searches again.
   */
  missing: string[];
}

/** How many extension steps one request may take before it stops and reports truncation. */
export const CHAIN_WORK_BOUND = 200_000;

interface Step {
  action: Action;
  start: number;
}

/** Timeline order (equal instants: the more precise date first, then id), with the instant compared first as a number. */
function byStartThenId(a: Step, b: Step): number {
  return a.start - b.start || compareActions(a.action, b.action);
}

/** Index of the first step that does not begin before `start`. */
function firstFrom(steps: Step[], start: number): number {
  let lo = 0;
  let hi = steps.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (steps[mid]!.start < start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Depth-first search with every choice taken in (start, id) order, so chains of one length come
 * out already in the answer's order: the first `limit` found of each length are the best of that
 * length, and the search can stop as soon as `limit` chains of maxLength are found.
 */
export function timeRespectingChains(
  g: ActionGraph,
  actor: string,
  maxLength: number,
  passes: (a: Action) => boolean,
  limit: number,
  workBound = CHAIN_WORK_BOUND,
  complete: (actor: string) => boolean = () => true,
): ChainSearch {
  if (!g.hasNode(actor)) return { chains: [], truncated: false, missing: [] };
  const missing: string[] = [];
  // Dated, passing actions touching each actor, in (start, id) order, computed once per actor.
  const incident = new Map<string, Step[]>();
  const stepsAt = (node: string): Step[] => {
    let list = incident.get(node);
    if (!list) {
      list = [];
      if (!complete(node)) {
        missing.push(node);
        incident.set(node, list);
        return list;
      }
      g.forEachEdge(node, (_k, attrs) => {
        if (attrs.start !== null && passes(attrs.action)) list!.push({ action: attrs.action, start: attrs.start });
      });
      list.sort(byStartThenId);
      incident.set(node, list);
    }
    return list;
  };

  let work = 0;
  let truncated = false;
  let done = false;
  const byLength: string[][][] = Array.from({ length: maxLength + 1 }, () => []);
  const chain: Step[] = [];
  const used = new Set<string>();

  const extend = (): void => {
    if (++work > workBound) {
      truncated = true;
      return;
    }
    let extended = false;
    if (chain.length < maxLength) {
      // The actions that may follow the last one, merged from both of its actors' sorted lists
      // as the search takes them: it usually stops long before a hub's list is read to its end.
      const last = chain[chain.length - 1]!;
      const a = stepsAt(last.action.from);
      const b = stepsAt(last.action.to);
      let i = firstFrom(a, last.start);
      let j = firstFrom(b, last.start);
      while (i < a.length || j < b.length) {
        let s: Step;
        if (j >= b.length) s = a[i++]!;
        else if (i >= a.length) s = b[j++]!;
        else {
          const c = byStartThenId(a[i]!, b[j]!);
          s = c <= 0 ? a[i++]! : b[j++]!;
          if (c === 0) j++; // the same action, touching both actors
        }
        if (used.has(s.action.id)) continue;
        extended = true;
        chain.push(s);
        used.add(s.action.id);
        extend();
        used.delete(s.action.id);
        chain.pop();
        if (truncated || done) return;
      }
    }
    if (!extended) {
      const bucket = byLength[chain.length]!;
      if (chain.length >= 2 && bucket.length < limit) bucket.push(chain.map((s) => s.action.id));
      if (byLength[maxLength]!.length >= limit) done = true;
    }
  };

  for (const first of stepsAt(actor)) {
    chain.push(first);
    used.add(first.action.id);
    extend();
    used.delete(first.action.id);
    chain.pop();
    if (truncated || done) break;
  }

  const chains: string[][] = [];
  for (let n = maxLength; n >= 2 && chains.length < limit; n--) chains.push(...byLength[n]!.slice(0, limit - chains.length));
  return { chains, truncated, missing };
}
