/** Actors within a number of actions of a focus, by breadth-first search over passing actions. */
import { sortTimeline, type Action } from '../../contract';
import { otherEnd, type ActionGraph } from './action-graph';
import { incidentActions } from './incidence';

/** Runs a search that yields where it may pause (the *Steps functions) to its end, without pausing. */
export function runToEnd<T>(steps: Generator<unknown, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Actor ids by distance from `focus` (focus first), each level sorted by id. */
export function actorsWithin(g: ActionGraph, focus: string, depth: number, passes: (a: Action) => boolean): string[] {
  return runToEnd(actorsWithinSteps(g, focus, depth, passes));
}

/**
 * actorsWithin, yielding after each actor whose actions it read, so a caller that must not hold
 * the event loop (a hub's depth-3 neighbourhood reads most of the graph) can pause there.
 */
export function* actorsWithinSteps(
  g: ActionGraph,
  focus: string,
  depth: number,
  passes: (a: Action) => boolean,
): Generator<void, string[]> {
  const seen = new Set<string>([focus]);
  const order = [focus];
  let frontier = [focus];
  for (let d = 0; d < depth && frontier.length > 0; d++) {
    const next: string[] = [];
    for (const node of frontier) {
      for (const a of incidentActions(g, node)) {
        if (!passes(a)) continue;
        const other = otherEnd(a, node);
        if (!seen.has(other)) {
          seen.add(other);
          next.push(other);
        }
      }
      yield;
    }
    next.sort();
    order.push(...next);
    frontier = next;
  }
  return order;
}

export interface CappedPart {
  actors: string[];
  actions: Action[];
  truncated: boolean;
}

/**
 * The part of the graph among `actors` under a cap of `maxElements`: actors are taken in the
 * order given, each with its passing actions (timeline order) to actors already taken, until the
 * cap. It reads only the adjacency of the actors it keeps, so a capped answer costs what it
 * returns rather than the whole graph.
 */
export function cappedPart(g: ActionGraph, actors: readonly string[], passes: (a: Action) => boolean, maxElements: number): CappedPart {
  return runToEnd(cappedPartSteps(g, actors, passes, maxElements));
}

/** cappedPart, yielding after each actor taken (see actorsWithinSteps). */
export function* cappedPartSteps(
  g: ActionGraph,
  actors: readonly string[],
  passes: (a: Action) => boolean,
  maxElements: number,
): Generator<void, CappedPart> {
  const kept = new Set<string>();
  const actions: Action[] = [];
  let used = 0;
  let truncated = false;
  outer: for (const id of actors) {
    if (used >= maxElements) {
      truncated = true;
      break;
    }
    kept.add(id);
    used++;
    const links: Action[] = [];
    if (g.degree(id) > 4 * kept.size) {
      // A hub among few kept actors: look its actions up by the kept actors rather than read
      // them all (a depth-2 neighbourhood holds most hubs, each with thousands of actions).
      for (const other of kept) {
        if (other === id) continue;
        g.forEachEdge(id, other, (_key, attrs) => {
          if (passes(attrs.action)) links.push(attrs.action);
        });
      }
      sortTimeline(links);
    } else {
      // Already in timeline order.
      for (const a of incidentActions(g, id)) if (kept.has(otherEnd(a, id)) && passes(a)) links.push(a);
    }
    for (const a of links) {
      if (used >= maxElements) {
        truncated = true;
        break outer;
      }
      actions.push(a);
      used++;
    }
    yield;
  }
  return { actors: actors.filter((id) => kept.has(id)), actions: sortTimeline(actions), truncated };
}
