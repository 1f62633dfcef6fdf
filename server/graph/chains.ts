/**
 * Time-respecting chains (api-v1): sequences of distinct dated actions, each sharing an actor with
 * the one before and not beginning before it. A chain is emitted when nothing can be added at its
 * end (or it reached maxLength). Enumeration is exponential on dense graphs, so it runs under a
 * work bound and says when it stopped early.
 */
import type { Action } from '../domain';
import type { ActionGraph } from './action-graph';

export interface ChainSearch {
  chains: string[][];
  truncated: boolean;
}

/** How many extension steps one request may take before it stops and reports truncation. */
export const CHAIN_WORK_BOUND = 200_000;

interface Step {
  action: Action;
  start: number;
}

function byStartThenId(a: Step, b: Step): number {
  return a.start - b.start || (a.action.id < b.action.id ? -1 : a.action.id > b.action.id ? 1 : 0);
}

/** Longest first, then earliest first (start instants element by element), then action ids. */
export function compareChains(a: Step[], b: Step[]): number {
  if (a.length !== b.length) return b.length - a.length;
  for (let i = 0; i < a.length; i++) {
    const c = byStartThenId(a[i]!, b[i]!);
    if (c !== 0) return c;
  }
  return 0;
}

export function timeRespectingChains(
  g: ActionGraph,
  actor: string,
  maxLength: number,
  passes: (a: Action) => boolean,
  limit: number,
  workBound = CHAIN_WORK_BOUND,
): ChainSearch {
  if (!g.hasNode(actor)) return { chains: [], truncated: false };
  // Dated, passing actions touching each actor, in start order, computed lazily once per actor.
  const incident = new Map<string, Step[]>();
  const stepsAt = (node: string): Step[] => {
    let list = incident.get(node);
    if (!list) {
      list = [];
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
  const found: Step[][] = [];
  const chain: Step[] = [];
  const used = new Set<string>();

  const extensions = (last: Step): Step[] => {
    const out: Step[] = [];
    const seen = new Set<string>();
    for (const end of [last.action.from, last.action.to]) {
      for (const s of stepsAt(end)) {
        if (s.start >= last.start && !used.has(s.action.id) && !seen.has(s.action.id)) {
          seen.add(s.action.id);
          out.push(s);
        }
      }
    }
    return out.sort(byStartThenId);
  };

  const extend = (): void => {
    if (truncated) return;
    if (++work > workBound) {
      truncated = true;
      return;
    }
    const last = chain[chain.length - 1]!;
    const next = chain.length < maxLength ? extensions(last) : [];
    if (next.length === 0) {
      if (chain.length >= 2) found.push([...chain]);
      return;
    }
    for (const s of next) {
      chain.push(s);
      used.add(s.action.id);
      extend();
      used.delete(s.action.id);
      chain.pop();
      if (truncated) return;
    }
  };

  for (const first of stepsAt(actor)) {
    chain.push(first);
    used.add(first.action.id);
    extend();
    used.delete(first.action.id);
    chain.pop();
    if (truncated) break;
  }

  found.sort(compareChains);
  return { chains: found.slice(0, limit).map((c) => c.map((s) => s.action.id)), truncated };
}
