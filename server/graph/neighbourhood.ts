/** Actors within a number of actions of a focus, by breadth-first search over passing actions. */
import type { Action } from '../domain';
import { otherEnd, type ActionGraph } from './action-graph';

/** Actor ids by distance from `focus` (focus first), each level sorted by id. */
export function actorsWithin(g: ActionGraph, focus: string, depth: number, passes: (a: Action) => boolean): string[] {
  const seen = new Set<string>([focus]);
  const order = [focus];
  let frontier = [focus];
  for (let d = 0; d < depth && frontier.length > 0; d++) {
    const next: string[] = [];
    for (const node of frontier) {
      g.forEachEdge(node, (_key, attrs) => {
        if (!passes(attrs.action)) return;
        const other = otherEnd(attrs.action, node);
        if (!seen.has(other)) {
          seen.add(other);
          next.push(other);
        }
      });
    }
    next.sort();
    order.push(...next);
    frontier = next;
  }
  return order;
}

/** Passing actions with both ends among `actors`, each once. */
export function actionsAmong(g: ActionGraph, actors: readonly string[], passes: (a: Action) => boolean): Action[] {
  const inside = new Set(actors);
  const out: Action[] = [];
  for (const node of actors) {
    g.forEachOutEdge(node, (_key, attrs, _source, target) => {
      if (inside.has(target) && passes(attrs.action)) out.push(attrs.action);
    });
  }
  return out;
}
