/**
 * Every shortest path between two actors, actions taken in either direction, two actions between
 * the same actors making two paths. Paths come in the order of their action ids, element by
 * element, so both stores give the same first `limit`.
 */
import type { Action } from '../domain';
import { otherEnd, type ActionGraph } from './action-graph';

export interface FoundPath {
  actors: string[];
  actions: string[];
}

/**
 * Hop distances from `start` over passing actions, up to `maxDepth`, stopping after the level at
 * which `goal` is reached: the walk back needs nothing farther.
 */
function distances(g: ActionGraph, start: string, maxDepth: number, passes: (a: Action) => boolean, goal: string): Map<string, number> {
  const dist = new Map<string, number>([[start, 0]]);
  let frontier = [start];
  for (let d = 1; d <= maxDepth && frontier.length && !dist.has(goal); d++) {
    const next: string[] = [];
    for (const node of frontier) {
      g.forEachEdge(node, (_k, attrs) => {
        if (!passes(attrs.action)) return;
        const other = otherEnd(attrs.action, node);
        if (!dist.has(other)) {
          dist.set(other, d);
          next.push(other);
        }
      });
    }
    frontier = next;
  }
  return dist;
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
  const fromTarget = distances(g, target, maxLength, passes, source);
  const length = fromTarget.get(source);
  if (length === undefined) return [];
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
    g.forEachEdge(node, (_k, attrs) => {
      const a = attrs.action;
      if (passes(a) && fromTarget.get(otherEnd(a, node)) === remaining - 1) steps.push(a);
    });
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
