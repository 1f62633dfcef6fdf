/**
 * A focus's neighbourhood by brute force (api-v1, GET /api/graph with focus): the actors within
 * `depth` passing actions of the focus, found by relaxing distances over the raw action list, and
 * the passing actions among them.
 */
import type { Action } from '../../../contract';

export function bruteForceNeighbourhood(passing: Action[], focus: string, depth: number): { actors: string[]; actions: string[] } {
  const distance = new Map<string, number>([[focus, 0]]);
  for (let d = 1; d <= depth; d++) {
    for (const a of passing) {
      for (const [here, there] of [
        [a.from, a.to],
        [a.to, a.from],
      ] as const) {
        if (distance.get(here) === d - 1 && !distance.has(there)) distance.set(there, d);
      }
    }
  }
  return {
    actors: [...distance.keys()].sort(),
    actions: passing
      .filter((a) => distance.has(a.from) && distance.has(a.to))
      .map((a) => a.id)
      .sort(),
  };
}
