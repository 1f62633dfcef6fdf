/**
 * Fetches the part of the graph a traversal reads, so the shared algorithms of server/graph run on
 * it and answer exactly as they do on the whole graph (which the embedded store holds). Paths and
 * chains answer ids only, so they fetch the slim columns (ACTION_KEYS_TOUCHING): no property maps,
 * no summaries or sources.
 */
import type { Action, Actor } from '../../domain';
import { allShortestPaths, buildActionGraph, timeRespectingChains, type ActionGraph, type ChainSearch, type FoundPath } from '../../graph';
import { ACTION_KEYS_TOUCHING } from './cypher';
import type { Tx } from './db';
import type { FilterParams } from './filter';
import { slimActionOfRow } from './mapping';

/** Ids per statement: bounds one statement's parameters and rows. */
const FRONTIER_CHUNK = 2_000;

/** The passing actions (slim) touching any of `ids`; an action between two of them comes twice. */
async function touching(tx: Tx, ids: readonly string[], params: FilterParams, passes: (a: Action) => boolean): Promise<Action[]> {
  const out: Action[] = [];
  for (let i = 0; i < ids.length; i += FRONTIER_CHUNK) {
    for (const row of await tx.run(ACTION_KEYS_TOUCHING, { ...params, ids: ids.slice(i, i + FRONTIER_CHUNK) })) {
      const action = slimActionOfRow(row);
      if (passes(action) && (!params.datedOnly || action.date !== undefined)) out.push(action);
    }
  }
  return out;
}

/** A graph of these actions and their ends; the algorithms read actor ids only, not records. */
function graphOf(actors: Iterable<string>, actions: Iterable<Action>): ActionGraph {
  return buildActionGraph([...actors].map((id) => ({ id }) as Actor), actions);
}

/**
 * Every shortest path, on what is fetched from both ends: the first round expands both ends by
 * one level (one statement), each later round the side with the smaller frontier, until an actor
 * reached from one side has been reached from the other, or the two depths add up to maxLength.
 * Each side's reached actors are then exactly those within its depth of its end, and every actor
 * nearer than that has had all its passing actions fetched. With d the length of a shortest path
 * (at most the two depths added up, once the sides meet), each action of such a path touches an
 * actor within (source depth - 1) of the source or within (target depth - 1) of the target: the
 * part holds every shortest path, and no shorter one (it is part of the graph), so
 * allShortestPaths answers on it as on the whole graph. Sides that never meet within maxLength
 * mean no path that short. A one-sided expansion up to maxLength fetches up to the whole graph.
 */
export async function shortestPathsIn(
  tx: Tx,
  source: string,
  target: string,
  maxLength: number,
  params: FilterParams,
  passes: (a: Action) => boolean,
  limit: number,
): Promise<FoundPath[]> {
  const actions = new Map<string, Action>();
  interface Side {
    reached: Set<string>;
    frontier: string[];
    depth: number;
  }
  const s: Side = { reached: new Set([source]), frontier: [source], depth: 0 };
  const t: Side = { reached: new Set([target]), frontier: [target], depth: 0 };
  while (s.depth + t.depth < maxLength && s.frontier.length > 0 && t.frontier.length > 0) {
    const grow = s.depth === 0 && t.depth === 0 ? [s, t] : [s.frontier.length <= t.frontier.length ? s : t];
    const fetched = await touching(tx, grow.flatMap((side) => side.frontier), params, passes);
    const added: string[][] = [];
    for (const side of grow) {
      const frontier = new Set(side.frontier);
      const next: string[] = [];
      for (const action of fetched) {
        if (!frontier.has(action.from) && !frontier.has(action.to)) continue; // fetched for the other side
        actions.set(action.id, action);
        for (const end of [action.from, action.to]) {
          if (side.reached.has(end)) continue;
          side.reached.add(end);
          next.push(end);
        }
      }
      side.frontier = next;
      side.depth++;
      added.push(next);
    }
    const met = grow.some((side, k) => added[k]!.some((id) => (side === s ? t : s).reached.has(id)));
    if (met) {
      const g = graphOf(new Set([...s.reached, ...t.reached]), actions.values());
      return allShortestPaths(g, source, target, maxLength, passes, limit);
    }
  }
  return [];
}

/**
 * Time-respecting chains, fetching actors' actions as the search steps on them. In answer order
 * and stopping at the limit, the search steps on few actors (a hub's chains rarely leave its first
 * neighbours), so it runs on what is fetched, says which actors it lacked (`missing`), and runs
 * again once their actions are in, until it lacks none: that run read complete lists only, so it
 * answers as on the whole graph (tests/graph/optimised-equivalence.test.ts checks this scheme).
 */
export async function chainsIn(
  tx: Tx,
  actor: string,
  maxLength: number,
  params: FilterParams,
  passes: (a: Action) => boolean,
  limit: number,
): Promise<Omit<ChainSearch, 'missing'>> {
  const actions = new Map<string, Action>();
  const actors = new Set<string>([actor]);
  const fetched = new Set<string>();
  let wanted = [actor];
  for (;;) {
    for (const action of await touching(tx, wanted, params, passes)) {
      actions.set(action.id, action);
      actors.add(action.from).add(action.to);
    }
    for (const id of wanted) fetched.add(id);
    const found = timeRespectingChains(graphOf(actors, actions.values()), actor, maxLength, passes, limit, undefined, (id) => fetched.has(id));
    if (found.missing.length === 0) return { chains: found.chains, truncated: found.truncated };
    wanted = found.missing;
  }
}
