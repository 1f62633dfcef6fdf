/**
 * Selections, paths, chains, statistics and exports (neighbourhoods: neighbourhood.ts). Each fetches what it needs
 * in one read transaction (one consistent view) and answers through the same functions as the
 * embedded store (server/graph, server/store/answers.ts), so both stores answer identically.
 */
import {
  actionPredicate,
  isEmptyFilter,
  INTERCHANGE_FORMAT,
  sortTimeline,
  type Action,
  type ActionFilter,
  type ActionType,
  type ActorKind,
  type ChainOptions,
  type InterchangeDocument,
  type StatsBase,
  type Status,
} from '../../../contract';
import { chainOfSteps, chainRules, snapshotOf, topN, type ActorGraphSnapshot } from '../../graph';
import { actorsReferencedBy, capSubgraph, sortById } from '../answers';
import type { ActorWithDegree, ChainsAnswer, Path, Subgraph } from '../types';
import {
  ACTION_PAIRS,
  ACTORS_BY_IDS,
  ACTORS_BY_IDS_WITH_DEGREE,
  ALL_ACTORS,
  ALL_SOURCES,
  COUNT_ACTIONS_BY_STATUS,
  COUNT_ACTIONS_BY_TYPE,
  COUNT_ACTORS_BY_KIND,
  COUNT_RECORDS,
  FILTERED_ACTIONS,
  LIST_ACTORS,
  SOURCES_BY_IDS,
} from './cypher';
import type { Db, Tx } from './db';
import { filterParams } from './filter';
import { actionOfRow, actorOfRow, actorWithDegreeOfRow, sourceOfRow } from './mapping';
import { chainsIn, shortestPathsIn } from './traversal';

const NO_FILTER = filterParams({});

async function actorsWithDegree(tx: Tx, ids: Iterable<string>): Promise<Map<string, ActorWithDegree>> {
  const rows = await tx.run(ACTORS_BY_IDS_WITH_DEGREE, { ids: [...ids] });
  return new Map(
    rows.map((r) => {
      const a = actorWithDegreeOfRow(r);
      return [a.id, a] as const;
    }),
  );
}

/** Passing actions, in timeline order. */
async function passingActions(tx: Tx, filter: ActionFilter): Promise<Action[]> {
  const rows = await tx.run(FILTERED_ACTIONS, filterParams(filter));
  return sortTimeline(rows.map(actionOfRow).filter(actionPredicate(filter)));
}

/** Over the cap, the best-connected actors are kept first (priority 'degree'), as in the embedded store. */
export async function selection(tx: Tx, filter: ActionFilter, maxElements: number): Promise<Subgraph> {
  if (isEmptyFilter(filter)) {
    const actors = sortById((await tx.run(LIST_ACTORS, { kind: null, layer: null, q: null })).map(actorWithDegreeOfRow));
    const actions = (await tx.run(FILTERED_ACTIONS, NO_FILTER)).map(actionOfRow);
    return capSubgraph(actors, actions, maxElements, 'degree');
  }
  const actions = await passingActions(tx, filter);
  const touched = new Set<string>();
  for (const a of actions) touched.add(a.from).add(a.to);
  const records = await actorsWithDegree(tx, touched);
  const actors = [...touched].sort().map((id) => records.get(id)!);
  return capSubgraph(actors, actions, maxElements, 'degree');
}

export async function shortestPaths(
  tx: Tx,
  source: string,
  target: string,
  maxLength: number,
  filter: ActionFilter,
  limit: number,
): Promise<Path[]> {
  if (source === target) return [];
  return shortestPathsIn(tx, source, target, maxLength, filterParams(filter), actionPredicate(filter), limit);
}

export async function chains(
  tx: Tx,
  actor: string,
  maxLength: number,
  filter: ActionFilter,
  limit: number,
  options: ChainOptions = {},
): Promise<ChainsAnswer> {
  const found = await chainsIn(tx, actor, maxLength, filterParams(filter, true), chainRules(filter, options), limit);
  return { chains: found.chains.map(chainOfSteps), truncated: found.truncated };
}

function tally<K extends string>(rows: Record<string, unknown>[]): Partial<Record<K, number>> {
  const out: Partial<Record<K, number>> = {};
  for (const r of rows) if (typeof r.key === 'string') out[r.key as K] = Number(r.n);
  return out;
}

/** The statistics but betweenness (BetweennessService, fed by actorGraph below, adds it per version). */
export async function stats(tx: Tx, top: number): Promise<StatsBase> {
  const [c] = await tx.run(COUNT_RECORDS);
  const actors = sortById((await tx.run(LIST_ACTORS, { kind: null, layer: null, q: null })).map(actorWithDegreeOfRow));
  const names = new Map(actors.map((a) => [a.id, a.name]));
  const named = (r: { id: string; value: number }) => ({ id: r.id, name: names.get(r.id) ?? r.id, value: r.value });
  return {
    counts: {
      actors: Number(c?.actors ?? 0),
      sources: Number(c?.sources ?? 0),
      episodes: Number(c?.episodes ?? 0),
      actions: Number(c?.actions ?? 0),
    },
    actionsByType: tally<ActionType>(await tx.run(COUNT_ACTIONS_BY_TYPE)),
    actionsByStatus: tally<Status>(await tx.run(COUNT_ACTIONS_BY_STATUS)),
    // Stub fields from the contract v2 commit (wt-core): categories and per-category degree are the neo4j helper's.
    actionsByCategory: {},
    actorsByKind: tally<ActorKind>(await tx.run(COUNT_ACTORS_BY_KIND)),
    categories: [],
    topByDegree: topN(
      actors.map((a) => [a.id, a.degree] as const),
      top,
    ).map(named),
  };
}

/** The actor graph for betweenness, read in one transaction; its version is the one that read saw. */
export async function actorGraph(db: Db): Promise<ActorGraphSnapshot> {
  const { value, version } = await db.readVersioned(async (tx) => ({
    actors: (await tx.run(LIST_ACTORS, { kind: null, layer: null, q: null })).map(actorWithDegreeOfRow),
    pairs: (await tx.run(ACTION_PAIRS)).map((r) => ({ from: r.fromId as string, to: r.toId as string })),
  }));
  return snapshotOf(version, value.actors, value.pairs);
}

export function exportDocument(db: Db, filter: ActionFilter): Promise<InterchangeDocument> {
  return db.read(async (tx) => {
    if (isEmptyFilter(filter)) {
      return {
        format: INTERCHANGE_FORMAT,
        actors: sortById((await tx.run(ALL_ACTORS)).map(actorOfRow)),
        sources: sortById((await tx.run(ALL_SOURCES)).map(sourceOfRow)),
        actions: sortTimeline((await tx.run(FILTERED_ACTIONS, NO_FILTER)).map(actionOfRow)),
      };
    }
    const actions = await passingActions(tx, filter);
    const sourceIds = new Set(actions.flatMap((a) => a.citations.map((c) => c.source)));
    return {
      format: INTERCHANGE_FORMAT,
      actors: sortById((await tx.run(ACTORS_BY_IDS, { ids: [...actorsReferencedBy(actions)] })).map(actorOfRow)),
      sources: sortById((await tx.run(SOURCES_BY_IDS, { ids: [...sourceIds] })).map(sourceOfRow)),
      actions,
    };
  });
}
