/**
 * Neighbourhoods (/api/graph?focus=) without fetching what the cap drops. The answer is
 * cappedPart(actorsWithin(focus, depth)): actors level by level (each level sorted by id), each
 * with its passing actions to the actors kept before it, until maxElements. So:
 * 1. the levels, as actor ids only (FOCUS_NEIGHBOURS, NEIGHBOUR_IDS): no action rows;
 * 2. the actions among a prefix of that order, grown (doubling) until cappedPart stops inside
 *    it or it is the whole order: cappedPart reads only the actions among the actors it keeps,
 *    which are a prefix of the order, so on that prefix it answers as on the whole graph;
 * 3. the kept actors' records with their degree.
 * A hub's depth-2 neighbourhood holds most of the graph; this fetches the part the cap keeps.
 */
import type { Action, ActionFilter, Actor } from '../../domain';
import { actionPredicate } from '../../domain';
import { buildActionGraph, cappedPart } from '../../graph';
import type { ActorWithDegree, Subgraph } from '../types';
import { ACTIONS_ADDED_AMONG, ACTORS_BY_IDS_WITH_DEGREE, FOCUS_NEIGHBOURS, NEIGHBOUR_IDS } from './cypher';
import type { Tx } from './db';
import { filterParams } from './filter';
import { actionOfRow, actorWithDegreeOfRow } from './mapping';

/** Ids per statement: bounds one statement's parameters and rows. */
const CHUNK = 2_000;

export async function neighbourhood(tx: Tx, focus: string, depth: number, filter: ActionFilter, maxElements: number): Promise<Subgraph | null> {
  const params = filterParams(filter);
  const passes = actionPredicate(filter);

  // 1. Levels: the order actorsWithin gives (server/graph/neighbourhood.ts).
  const [focusRow] = await tx.run(FOCUS_NEIGHBOURS, { ...params, id: focus });
  if (!focusRow) return null;
  const seen = new Set<string>([focus]);
  const order = [focus];
  let frontier = (focusRow.ids as string[]).filter((id) => id !== focus).sort();
  for (let level = 1; frontier.length > 0; level++) {
    for (const id of frontier) seen.add(id);
    order.push(...frontier);
    if (level >= depth) break;
    const next = new Set<string>();
    for (let i = 0; i < frontier.length; i += CHUNK) {
      for (const row of await tx.run(NEIGHBOUR_IDS, { ...params, ids: frontier.slice(i, i + CHUNK) })) {
        const id = row.id as string;
        if (!seen.has(id)) next.add(id);
      }
    }
    frontier = [...next].sort();
  }

  // 2. The actions among a growing prefix of the order, until the cap falls inside it.
  const actions = new Map<string, Action>();
  let have = 0;
  let size = Math.min(order.length, Math.max(1, Math.ceil(maxElements / 2)));
  for (;;) {
    const among = order.slice(0, size);
    for (let i = have; i < size; i += CHUNK) {
      for (const row of await tx.run(ACTIONS_ADDED_AMONG, { ...params, ids: order.slice(i, Math.min(size, i + CHUNK)), among })) {
        const action = actionOfRow(row);
        if (passes(action)) actions.set(action.id, action);
      }
    }
    have = size;
    const g = buildActionGraph(among.map((id) => ({ id }) as Actor), actions.values());
    const part = cappedPart(g, among, passes, maxElements);
    // Stopped at the cap (inside the prefix), or the prefix is everything: nothing beyond it
    // was read. Ending exactly at the prefix's end without reaching the cap says nothing yet.
    if (part.truncated || size === order.length) {
      const records = new Map<string, ActorWithDegree>();
      for (let i = 0; i < part.actors.length; i += CHUNK) {
        for (const row of await tx.run(ACTORS_BY_IDS_WITH_DEGREE, { ids: part.actors.slice(i, i + CHUNK) })) {
          const a = actorWithDegreeOfRow(row);
          records.set(a.id, a);
        }
      }
      return { actors: part.actors.map((id) => records.get(id)!), actions: part.actions, truncated: part.truncated };
    }
    size = Math.min(order.length, size * 2);
  }
}
