/**
 * Fetches the part of the graph a traversal can reach, so the shared algorithms of server/graph
 * run on it and answer exactly as they do on the whole graph (which the embedded store holds).
 *
 * `expand` is a breadth-first search run level by level in Cypher (ACTIONS_TOUCHING): after
 * `levels` rounds it holds every passing action incident to an actor within `levels - 1` actions
 * of the start, hence every actor within `levels` actions. That is what each algorithm reads:
 * - actorsWithin(depth): incident actions of actors nearer than `depth`        -> levels = depth;
 * - allShortestPaths(maxLength): distances from the target up to maxLength     -> levels = maxLength,
 *   stopping early once the source is reached (nothing farther is looked at);
 * - timeRespectingChains(maxLength): action i of a chain has both ends within i actions of the
 *   start, and only chains shorter than maxLength are extended                  -> levels = maxLength.
 */
import type { Action, Actor } from '../../domain';
import { buildActionGraph, type ActionGraph } from '../../graph';
import { ACTIONS_TOUCHING, ACTORS_BY_IDS } from './cypher';
import type { Tx } from './db';
import type { FilterParams } from './filter';
import { actionOfRow, actorOfRow } from './mapping';

export interface Reach {
  /** Passing actions found, by id. */
  actions: Map<string, Action>;
  /** Actors reached, the start first; every end of every found action is among them. */
  actors: Set<string>;
}

const FRONTIER_CHUNK = 2_000;

export async function expand(
  tx: Tx,
  start: string,
  levels: number,
  params: FilterParams,
  passes: (a: Action) => boolean,
  stopWhenReached?: string,
): Promise<Reach> {
  const actions = new Map<string, Action>();
  const actors = new Set<string>([start]);
  let frontier = [start];
  for (let level = 0; level < levels && frontier.length > 0; level++) {
    const next: string[] = [];
    for (let i = 0; i < frontier.length; i += FRONTIER_CHUNK) {
      const rows = await tx.run(ACTIONS_TOUCHING, { ...params, ids: frontier.slice(i, i + FRONTIER_CHUNK) });
      for (const row of rows) {
        const action = actionOfRow(row);
        if (!passes(action) || (params.datedOnly && action.date === undefined) || actions.has(action.id)) continue;
        actions.set(action.id, action);
        for (const end of [action.from, action.to]) {
          if (!actors.has(end)) {
            actors.add(end);
            next.push(end);
          }
        }
      }
    }
    frontier = next;
    if (stopWhenReached !== undefined && actors.has(stopWhenReached)) break;
  }
  return { actions, actors };
}

/** The actor records for ids (unknown ids are skipped). */
export async function actorsByIds(tx: Tx, ids: Iterable<string>): Promise<Actor[]> {
  const rows = await tx.run(ACTORS_BY_IDS, { ids: [...ids] });
  return rows.map(actorOfRow);
}

/** An ActionGraph of what `expand` found. */
export async function graphOf(tx: Tx, reach: Reach): Promise<ActionGraph> {
  return buildActionGraph(await actorsByIds(tx, reach.actors), reach.actions.values());
}
