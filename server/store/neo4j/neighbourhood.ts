/**
 * Neighbourhoods (/api/graph?focus=) without fetching what the cap drops. The answer is
 * cappedPart(actorsWithin(focus, depth)): actors level by level (each level sorted by id), each
 * with its passing actions to the actors kept before it, until maxElements. So:
 * 1. the levels, as actor ids only (FOCUS_LEVELS, then NEIGHBOUR_IDS for a third): no action rows;
 * 2. the records and the actions among a prefix of that order (ACTORS_AND_ACTIONS_ADDED), grown
 *    until cappedPart stops inside it or it is the whole order: cappedPart reads only the actions
 *    among the actors it keeps, a prefix of the order, so on that prefix it answers as on the
 *    whole graph.
 * An ordinary actor's neighbourhood takes two statements; a hub's depth-2 one, which holds most of
 * the graph, fetches about the part the cap keeps.
 */
import { actionPredicate, copyRecord, type Action, type ActionFilter, type Actor } from '../../../contract';
import { actorsWithinSteps, buildActionGraph, cappedPart, cappedPartSteps, type CappedPart } from '../../graph';
import type { ActorWithDegree, Subgraph } from '../types';
import { ACTIONS_BY_IDS, ACTORS_AND_ACTIONS_ADDED, FOCUS_LEVELS, NEIGHBOUR_IDS, RECORDS_OF_PART } from './cypher';
import { inTurns, type Topology } from './topology';
import type { Db, Row, Tx } from './db';
import { filterParams, predicateIn, type FilterParams } from './filter';
import { actionOfRow, actorWithDegreeOfRow, isWholeActionRow } from './mapping';

/** Ids per statement: bounds one statement's parameters and rows. */
const CHUNK = 2_000;

/** Actor ids in the order actorsWithin gives (server/graph/neighbourhood.ts); null for an unknown focus. */
async function levels(tx: Tx, focus: string, depth: number, params: FilterParams): Promise<string[] | null> {
  const [row] = await tx.run(FOCUS_LEVELS, { ...params, id: focus, twoLevels: depth >= 2 });
  if (!row) return null;
  const seen = new Set<string>([focus]);
  const order = [focus];
  const add = (ids: Iterable<string>): string[] => {
    const level = [...new Set(ids)].filter((id) => !seen.has(id)).sort();
    for (const id of level) seen.add(id);
    order.push(...level);
    return level;
  };
  let frontier = add(row.ids as string[]);
  if (depth >= 2 && frontier.length > 0) frontier = add(row.next as string[]);
  for (let level = 3; level <= depth && frontier.length > 0; level++) {
    const next: string[] = [];
    for (let i = 0; i < frontier.length; i += CHUNK) {
      for (const r of await tx.run(NEIGHBOUR_IDS, { ...params, ids: frontier.slice(i, i + CHUNK) })) next.push(r.id as string);
    }
    frontier = add(next);
  }
  return order;
}

export async function neighbourhood(
  tx: Tx,
  focus: string,
  depth: number,
  filter: ActionFilter,
  maxElements: number,
): Promise<Subgraph | null> {
  const params = filterParams(filter);
  const passes = await predicateIn(tx, filter);
  const order = await levels(tx, focus, depth, params);
  if (!order) return null;

  const records = new Map<string, ActorWithDegree>();
  const actions = new Map<string, Action>();
  let have = 0;
  // Half the cap: an ordinary neighbourhood fits in one round, a hub's rarely needs a third.
  let size = Math.min(order.length, Math.max(1, Math.ceil(maxElements / 2)));
  for (;;) {
    const among = order.slice(0, size);
    for (let i = have; i < size; i += CHUNK) {
      const [row] = await tx.run(ACTORS_AND_ACTIONS_ADDED, { ...params, ids: order.slice(i, Math.min(size, i + CHUNK)), among });
      for (const r of (row?.actors ?? []) as Row[]) {
        const a = actorWithDegreeOfRow(r);
        records.set(a.id, a);
      }
      for (const r of (row?.actions ?? []) as Row[]) {
        if (!isWholeActionRow(r)) continue;
        const a = actionOfRow(r);
        if (passes(a)) actions.set(a.id, a);
      }
    }
    have = size;
    const part = cappedPart(
      buildActionGraph(
        among.map((id) => ({ id }) as Actor),
        actions.values(),
      ),
      among,
      passes,
      maxElements,
    );
    // Stopped at the cap (inside the prefix), or the prefix is everything: nothing beyond it was
    // read. Ending exactly at the prefix's end without reaching the cap says nothing yet.
    if (part.truncated || size === order.length) {
      // An actor deleted by another transaction after its level was read has no record: it is
      // gone, and so are the actions that touched it (read committed, as for action rows).
      const kept = part.actors.filter((id) => records.has(id));
      const present = new Set(kept);
      return {
        actors: kept.map((id) => records.get(id)!),
        actions: part.actions.filter((a) => present.has(a.from) && present.has(a.to)),
        truncated: part.truncated,
      };
    }
    size = Math.min(order.length, size * 2);
  }
}

/**
 * The neighbourhood on the held topology (topology.ts): levels and cap computed in memory by the
 * same functions as the embedded store, the actors' records and degrees from the topology, and
 * the kept actions' records from those the topology keeps for its version, reading only the
 * missing ones (ACTIONS_BY_IDS, index seeks). Records read while the database is still at the
 * topology's version are kept with it; when a write has landed since, the answer is the one
 * neighbourhoodAfter gives.
 */
export async function neighbourhoodOn(
  db: Db,
  held: Topology,
  focus: string,
  depth: number,
  filter: ActionFilter,
  maxElements: number,
): Promise<Subgraph> {
  const passes = actionPredicate(filter);
  const within = await inTurns(actorsWithinSteps(held.graph, focus, depth, passes));
  const part = await inTurns(cappedPartSteps(held.graph, within, passes, maxElements));
  const records = held.records;
  const missing = part.actions.filter((a) => !records.has(a.id)).map((a) => a.id);
  if (missing.length > 0) {
    const read = await db.readVersioned((tx) => tx.run(ACTIONS_BY_IDS, { ids: missing }));
    if (read.version !== held.version) return db.read((tx) => neighbourhoodAfter(tx, part));
    for (const row of read.value) {
      if (!isWholeActionRow(row)) continue;
      const a = actionOfRow(row);
      records.set(held.version, a.id, a);
    }
  }
  // Read off the records just before they are answered: a bound smaller than one answer may
  // have dropped some of those read above, which are then read again.
  const actions: Action[] = [];
  const again: string[] = [];
  for (const a of part.actions) {
    const r = records.get(held.version, a.id);
    if (r) actions.push(copyRecord(r));
    else again.push(a.id);
  }
  if (again.length > 0) return db.read((tx) => neighbourhoodAfter(tx, part));
  return {
    actors: part.actors.map((id) => ({ ...copyRecord(held.actors.get(id)!), degree: held.graph.degree(id) })),
    actions,
    truncated: part.truncated,
  };
}

/**
 * The records of a part found on the topology, read as the database is now (a write may have
 * landed since the topology's version): an actor or action deleted since has no record and is
 * left out, with the actions that touched it; one changed since is answered as it is now.
 */
async function neighbourhoodAfter(tx: Tx, part: CappedPart): Promise<Subgraph> {
  const [row] = await tx.run(RECORDS_OF_PART, { actorIds: part.actors, actionIds: part.actions.map((a) => a.id) });
  const records = new Map<string, ActorWithDegree>();
  for (const r of (row?.actors ?? []) as Row[]) {
    const a = actorWithDegreeOfRow(r);
    records.set(a.id, a);
  }
  const actions = new Map<string, Action>();
  for (const r of (row?.actions ?? []) as Row[]) {
    if (!isWholeActionRow(r)) continue;
    const a = actionOfRow(r);
    actions.set(a.id, a);
  }
  const kept = part.actors.filter((id) => records.has(id));
  const present = new Set(kept);
  return {
    actors: kept.map((id) => records.get(id)!),
    actions: part.actions
      .map((a) => actions.get(a.id))
      .filter((a): a is Action => a !== undefined && present.has(a.from) && present.has(a.to)),
    truncated: part.truncated,
  };
}
