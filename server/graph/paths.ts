/**
 * Every shortest path between two actors, actions taken in either direction, two actions between
 * the same actors making two paths. Paths come in the order of their action ids, element by
 * element, so both stores give the same first `limit`.
 */
import type { Action } from '../../contract';
import { otherEnd, type ActionGraph } from './action-graph';
import { incidentActions } from './incidence';

export interface FoundPath {
  actors: string[];
  actions: string[];
}

/** One side of a bidirectional search: distances from its start, level by level. */
class Side {
  readonly dist = new Map<string, number>();
  readonly levels: string[][];
  constructor(start: string) {
    this.dist.set(start, 0);
    this.levels = [[start]];
  }
  get depth(): number {
    return this.levels.length - 1;
  }
  get frontier(): string[] {
    return this.levels[this.levels.length - 1]!;
  }
  expand(g: ActionGraph, passes: (a: Action) => boolean): void {
    const d = this.levels.length;
    const next: string[] = [];
    for (const node of this.frontier) {
      for (const a of incidentActions(g, node)) {
        if (!passes(a)) continue;
        const other = otherEnd(a, node);
        if (!this.dist.has(other)) {
          this.dist.set(other, d);
          next.push(other);
        }
      }
    }
    this.levels.push(next);
  }
}

/**
 * Distance to `target` of every actor on a shortest path from `source`, by a bidirectional
 * breadth-first search that always grows the smaller frontier: on graphs with hubs it reads a
 * small part of what a one-sided search up to the same length would. Null when the two are more
 * than `maxLength` apart.
 */
function distancesToTarget(
  g: ActionGraph,
  source: string,
  target: string,
  maxLength: number,
  passes: (a: Action) => boolean,
): { length: number; toTarget: (actor: string) => number | undefined; atDistance: (r: number) => ReadonlySet<string> } | null {
  const s = new Side(source);
  const t = new Side(target);
  let length = Infinity;
  // What growing a side costs is the actions of its frontier, not the number of its actors: one
  // hub on a frontier of ten costs more than a hundred ordinary actors.
  const cost = (side: Side) => {
    let n = 0;
    for (const v of side.frontier) n += g.degree(v);
    return n;
  };
  while (s.depth + t.depth < maxLength && s.frontier.length && t.frontier.length) {
    const side = cost(s) <= cost(t) ? s : t;
    const other = side === s ? t : s;
    side.expand(g, passes);
    for (const v of side.frontier) {
      const d = other.dist.get(v);
      if (d !== undefined) length = Math.min(length, side.dist.get(v)! + d);
    }
    if (length !== Infinity) break;
  }
  if (length === Infinity) return null;
  // Walking back over the source side's levels: an actor at level i is on a shortest path exactly
  // when a neighbour is length - i - 1 from the target (actors on the deepest level that are on a
  // path were all reached from the target side too).
  const rem = new Map<string, number>();
  for (let i = s.depth; i >= 0; i--) {
    for (const v of s.levels[i]!) {
      const known = t.dist.get(v);
      if (known !== undefined) {
        rem.set(v, known);
        continue;
      }
      // On the deepest level only actors the target side reached can be on a path: no need to
      // read the actions of the others (often most of the level, hubs included).
      if (i === s.depth) continue;
      for (const a of incidentActions(g, v)) {
        if (!passes(a)) continue;
        const w = otherEnd(a, v);
        if ((rem.get(w) ?? t.dist.get(w)) === length - i - 1) {
          rem.set(v, length - i);
          break;
        }
      }
    }
  }
  // Actors `r` actions from the target: the target side's level r, and those the walk back found.
  const at = new Map<number, Set<string>>();
  const atDistance = (r: number): ReadonlySet<string> => {
    let set = at.get(r);
    if (!set) {
      set = new Set(t.levels[r] ?? []);
      for (const [v, d] of rem) if (d === r) set.add(v);
      at.set(r, set);
    }
    return set;
  };
  return { length, toTarget: (actor) => rem.get(actor) ?? t.dist.get(actor), atDistance };
}

export function allShortestPaths(
  g: ActionGraph,
  source: string,
  target: string,
  maxLength: number,
  passes: (a: Action) => boolean,
  limit: number,
): FoundPath[] {
  if (!g.hasNode(source) || !g.hasNode(target) || source === target) return [];
  const found = distancesToTarget(g, source, target, maxLength, passes);
  if (!found) return [];
  const { length, toTarget, atDistance } = found;
  const paths: FoundPath[] = [];
  const actors = [source];
  const actions: string[] = [];
  // Depth-first from the source, stepping only to actors one hop closer to the target; choices
  // in action-id order make the paths come out already sorted.
  const walk = (node: string, remaining: number): void => {
    if (paths.length >= limit) return;
    if (remaining === 0) {
      paths.push({ actors: [...actors], actions: [...actions] });
      return;
    }
    const steps: Action[] = [];
    const next = atDistance(remaining - 1);
    if (g.degree(node) > 4 * next.size) {
      // A hub: look its actions up by the few actors one step closer rather than read them all.
      for (const w of next) {
        if (w === node) continue;
        g.forEachEdge(node, w, (_k, attrs) => {
          if (passes(attrs.action)) steps.push(attrs.action);
        });
      }
    } else {
      for (const a of incidentActions(g, node)) if (passes(a) && toTarget(otherEnd(a, node)) === remaining - 1) steps.push(a);
    }
    steps.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
    for (const a of steps) {
      actors.push(otherEnd(a, node));
      actions.push(a.id);
      walk(otherEnd(a, node), remaining - 1);
      actors.pop();
      actions.pop();
      if (paths.length >= limit) return;
    }
  };
  walk(source, length);
  return paths;
}
