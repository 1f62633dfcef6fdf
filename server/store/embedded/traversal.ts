/**
 * Neighbourhoods, selections, paths and chains over the action graph. The store remembers what
 * the searches find (memo.ts), which holds the state's own records, so answers are copied out.
 */
import { copyRecord, isEmptyFilter, type Action, type ActionFilter, type ChainOptions } from '../../../contract';
import {
  actorsWithinSteps,
  allShortestPaths,
  cappedPartSteps,
  chainOfSteps,
  chainRules,
  chainSearchSteps,
  type CappedPart,
} from '../../graph';
import type { ChainsAnswer, Path, Subgraph } from '../types';
import { withDegree } from './reads';
import { readInSlices, type Slices } from './slices';
import type { GraphState } from './state';

export function neighbourhoodPart(
  state: GraphState,
  slices: Slices,
  focus: string,
  depth: number,
  filter: ActionFilter,
  maxElements: number,
): Promise<CappedPart> {
  const passes = state.predicate(filter);
  return slices.drive(
    (function* () {
      const actors = yield* actorsWithinSteps(state.graph, focus, depth, passes);
      return yield* cappedPartSteps(state.graph, actors, passes, maxElements);
    })(),
  );
}

/** Over the cap, the best-connected actors come first (as capSubgraph's 'degree' priority). */
export async function selectionPart(state: GraphState, slices: Slices, filter: ActionFilter, maxElements: number): Promise<CappedPart> {
  const { graph } = state;
  let ids: string[];
  let passes: (a: Action) => boolean;
  await state.prepareTimeline(slices);
  const matching = state.matching(filter);
  if (isEmptyFilter(filter)) {
    ids = [...state.actors.keys()];
    passes = () => true;
  } else {
    passes = state.predicate(filter);
    const touched = new Set<string>();
    for (const a of matching) touched.add(a.from).add(a.to);
    ids = [...touched];
  }
  const ranked = await slices.map(ids, (id) => ({ id, degree: graph.degree(id) }));
  ranked.sort((a, b) => b.degree - a.degree || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  ids = ranked.map((r) => r.id);
  // Under the cap the part is every actor with every passing action, which the timeline holds in
  // order already: building it actor by actor and sorting it again held the loop for an export.
  if (ids.length + matching.length <= maxElements) return { actors: ids, actions: matching, truncated: false };
  return slices.drive(cappedPartSteps(graph, ids, passes, maxElements));
}

export async function subgraphOf(state: GraphState, slices: Slices, part: CappedPart, sortActorsById: boolean): Promise<Subgraph> {
  const ids = sortActorsById ? [...part.actors].sort() : part.actors;
  return {
    actors: await slices.map(ids, (id) => withDegree(state, state.actors.get(id)!)),
    actions: await slices.map(part.actions, copyRecord),
    truncated: part.truncated,
  };
}

export function findPaths(
  state: GraphState,
  source: string,
  target: string,
  maxLength: number,
  filter: ActionFilter,
  limit: number,
): Path[] {
  return allShortestPaths(state.graph, source, target, maxLength, state.predicate(filter), limit);
}

export function copyPaths(paths: readonly Path[]): Path[] {
  return paths.map((p) => ({ actors: [...p.actors], actions: [...p.actions] }));
}

/** Searched in slices (a hub's chains take seconds at M), over one version of the graph. */
export function findChains(
  state: GraphState,
  actor: string,
  maxLength: number,
  filter: ActionFilter,
  limit: number,
  options: ChainOptions = {},
): Promise<ChainsAnswer> {
  return readInSlices(state, async (slices) => {
    const rules = chainRules(filter, options, (id) => state.actions.get(id)?.respondsTo, state.predicate(filter));
    const search = await slices.drive(chainSearchSteps(state.graph, actor, maxLength, rules, limit));
    return { chains: search.chains.map(chainOfSteps), truncated: search.truncated };
  });
}

export function copyChains(found: ChainsAnswer): ChainsAnswer {
  return { chains: found.chains.map((c) => chainOfSteps(c.steps)), truncated: found.truncated };
}
