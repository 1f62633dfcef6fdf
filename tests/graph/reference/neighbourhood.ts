/** The earlier, eager implementation, kept only as a guard for the optimised rewrite (it shares the rule and its mistakes; brute-force/ and oracles.test.ts check the rule itself). */
/** Actors within a number of actions of a focus, by breadth-first search over passing actions. */
import { compareActions, type Action } from '../../../contract';
import { otherEnd, type ActionGraph } from '../../../server/graph/action-graph';

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
    g.forEachEdge(id, (_key, attrs) => {
      const a = attrs.action;
      if (kept.has(otherEnd(a, id)) && passes(a)) links.push(a);
    });
    links.sort(compareActions);
    for (const a of links) {
      if (used >= maxElements) {
        truncated = true;
        break outer;
      }
      actions.push(a);
      used++;
    }
  }
  return { actors: actors.filter((id) => kept.has(id)), actions: actions.sort(compareActions), truncated };
}
