/**
 * Selections, paths, chains, statistics and exports (neighbourhoods: neighbourhood.ts). Each fetches what it needs
 * in one read transaction (one consistent view) and answers through the same functions as the
 * embedded store (server/graph, server/store/answers.ts), so both stores answer identically.
 */
import {
  categoryOf,
  filterTypes,
  isEmptyFilter,
  INTERCHANGE_FORMAT,
  sortTimeline,
  typesOfCategories,
  type Action,
  type ActionFilter,
  type ActionType,
  type ActorKind,
  type Category,
  type ChainOptions,
  type InterchangeDocument,
  type StatsBase,
  type Status,
} from '../../../contract';
import { chainOfSteps, chainRules, metricCategories, snapshotOf, topN, type ActorGraphSnapshot } from '../../graph';
import { actorsReferencedBy, capSubgraph, sortById } from '../answers';
import type { ActorWithDegree, ChainsAnswer, Path, Subgraph } from '../types';
import {
  ACTION_PAIRS,
  ACTOR_DEGREES_OF_TYPES,
  ACTORS_BY_IDS,
  ACTORS_BY_IDS_WITH_DEGREE,
  ALL_ACTORS,
  ALL_EPISODES,
  ALL_SOURCES,
  COUNT_ACTIONS_BY_STATUS,
  COUNT_ACTIONS_BY_TYPE,
  COUNT_ACTORS_BY_KIND,
  COUNT_RECORDS,
  EPISODES_BY_IDS,
  filteredActionKeysFor,
  filteredActionsFor,
  FILTERED_ACTIONS,
  LIST_ACTORS,
  SOURCES_BY_IDS,
} from './cypher';
import type { Db, Tx } from './db';
import { filterParams, predicateIn } from './filter';
import { actionsOfRows, actorOfRow, actorWithDegreeOfRow, episodeOfRow, slimActionOfRow, sourceOfRow } from './mapping';
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
  const params = filterParams(filter);
  const rows = await tx.run(filteredActionsFor(params), params);
  return sortTimeline(actionsOfRows(rows).filter(await predicateIn(tx, filter)));
}

/** Over the cap, the best-connected actors are kept first (priority 'degree'), as in the embedded store. */
export async function selection(tx: Tx, filter: ActionFilter, maxElements: number): Promise<Subgraph> {
  if (isEmptyFilter(filter)) {
    const actors = sortById((await tx.run(LIST_ACTORS, { kind: null, layer: null, q: null })).map(actorWithDegreeOfRow));
    const actions = actionsOfRows(await tx.run(FILTERED_ACTIONS, NO_FILTER));
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
  return shortestPathsIn(tx, source, target, maxLength, filterParams(filter), await predicateIn(tx, filter), limit);
}

export async function chains(
  tx: Tx,
  actor: string,
  maxLength: number,
  filter: ActionFilter,
  limit: number,
  options: ChainOptions = {},
): Promise<ChainsAnswer> {
  const passes = await predicateIn(tx, filter);
  const found = await chainsIn(
    tx,
    actor,
    maxLength,
    filterParams(filter, true),
    (linksOf) => chainRules(filter, options, linksOf, passes),
    limit,
  );
  return { chains: found.chains.map(chainOfSteps), truncated: found.truncated };
}

function tally<K extends string>(rows: Record<string, unknown>[]): Partial<Record<K, number>> {
  const out: Partial<Record<K, number>> = {};
  for (const r of rows) if (typeof r.key === 'string') out[r.key as K] = Number(r.n);
  return out;
}

function add<K extends string>(counts: Partial<Record<K, number>>, key: K, n = 1): void {
  counts[key] = (counts[key] ?? 0) + n;
}

/** The filter narrowed to the metric categories: what degree counts. */
function metricFilter(filter: ActionFilter): ActionFilter {
  return { ...filter, categories: metricCategories(filter) };
}

/** Passing actions as slim rows (type, status, ends): what counting needs. */
async function passingKeys(tx: Tx, filter: ActionFilter): Promise<Action[]> {
  const params = filterParams(filter);
  const rows = await tx.run(filteredActionKeysFor(params), params);
  return actionsOfRows(rows, slimActionOfRow).filter(await predicateIn(tx, filter));
}

/**
 * The statistics but betweenness (BetweennessService, fed by actorGraph below, adds it per
 * version): counts by type, status and category of the actions passing `filter`, degree over
 * those of the metric categories.
 */
export async function stats(tx: Tx, top: number, filter: ActionFilter = {}): Promise<StatsBase> {
  const [c] = await tx.run(COUNT_RECORDS);
  let actionsByType: StatsBase['actionsByType'] = {};
  let actionsByStatus: StatsBase['actionsByStatus'] = {};
  const actionsByCategory: StatsBase['actionsByCategory'] = {};
  if (isEmptyFilter(filter)) {
    actionsByType = tally<ActionType>(await tx.run(COUNT_ACTIONS_BY_TYPE));
    actionsByStatus = tally<Status>(await tx.run(COUNT_ACTIONS_BY_STATUS));
  } else {
    for (const a of await passingKeys(tx, filter)) {
      add(actionsByType, a.type);
      add(actionsByStatus, a.status);
    }
  }
  for (const [type, n] of Object.entries(actionsByType) as [ActionType, number][]) add(actionsByCategory, categoryOf(type), n);

  const metric = metricFilter(filter);
  const rows = await tx.run(ACTOR_DEGREES_OF_TYPES, { types: [...(filterTypes(metric) ?? [])] });
  const names = new Map(rows.map((r) => [r.id as string, r.name as string]));
  let degrees: [string, number][];
  if (isEmptyFilter({ ...metric, types: undefined, categories: undefined })) {
    // Only types and categories narrow it: the database counts each actor's actions of those types.
    degrees = rows.map((r) => [r.id as string, Number(r.degree)]);
  } else {
    const degree = new Map<string, number>();
    for (const a of await passingKeys(tx, metric)) {
      degree.set(a.from, (degree.get(a.from) ?? 0) + 1);
      degree.set(a.to, (degree.get(a.to) ?? 0) + 1);
    }
    degrees = [...degree];
  }
  const named = (r: { id: string; value: number }) => ({ id: r.id, name: names.get(r.id) ?? r.id, value: r.value });
  return {
    counts: {
      actors: Number(c?.actors ?? 0),
      sources: Number(c?.sources ?? 0),
      episodes: Number(c?.episodes ?? 0),
      actions: Number(c?.actions ?? 0),
    },
    actionsByType,
    actionsByStatus,
    actionsByCategory,
    actorsByKind: tally<ActorKind>(await tx.run(COUNT_ACTORS_BY_KIND)),
    categories: metric.categories!,
    topByDegree: topN(degrees, top).map(named),
  };
}

/**
 * The actor graph for betweenness over the whole graph's actions of `categories`, read in one
 * transaction; its version is the one that read saw.
 */
export async function actorGraph(db: Db, categories: readonly Category[]): Promise<ActorGraphSnapshot> {
  const { value, version } = await db.readVersioned(async (tx) => ({
    actors: (await tx.run(LIST_ACTORS, { kind: null, layer: null, q: null })).map(actorWithDegreeOfRow),
    pairs: (await tx.run(ACTION_PAIRS, { types: typesOfCategories(categories) })).map((r) => ({
      from: r.fromId as string,
      to: r.toId as string,
    })),
  }));
  return snapshotOf(version, value.actors, value.pairs);
}

/** Response links to actions left out of an export go: the document must import back on its own. */
function withinSelection(actions: Action[]): Action[] {
  const kept = new Set(actions.map((a) => a.id));
  return actions.map((a) => {
    if (!a.respondsTo?.some((t) => !kept.has(t))) return a;
    const respondsTo = a.respondsTo.filter((t) => kept.has(t));
    const { respondsTo: _dropped, ...rest } = a;
    return respondsTo.length ? { ...rest, respondsTo } : rest;
  });
}

export function exportDocument(db: Db, filter: ActionFilter): Promise<InterchangeDocument> {
  return db.read((tx) => exportDocumentIn(tx, filter));
}

/** The export of the actions passing `filter` with what they reference, read in one transaction. */
export async function exportDocumentIn(tx: Tx, filter: ActionFilter): Promise<InterchangeDocument> {
  if (isEmptyFilter(filter)) {
    return {
      format: INTERCHANGE_FORMAT,
      actors: sortById((await tx.run(ALL_ACTORS)).map(actorOfRow)),
      sources: sortById((await tx.run(ALL_SOURCES)).map(sourceOfRow)),
      episodes: sortById((await tx.run(ALL_EPISODES)).map(episodeOfRow)),
      actions: sortTimeline(actionsOfRows(await tx.run(FILTERED_ACTIONS, NO_FILTER))),
    };
  }
  const actions = await passingActions(tx, filter);
  const sourceIds = new Set(actions.flatMap((a) => a.citations.map((c) => c.source)));
  const episodeIds = new Set(actions.flatMap((a) => a.episodes ?? []));
  return {
    format: INTERCHANGE_FORMAT,
    actors: sortById((await tx.run(ACTORS_BY_IDS, { ids: [...actorsReferencedBy(actions)] })).map(actorOfRow)),
    sources: sortById((await tx.run(SOURCES_BY_IDS, { ids: [...sourceIds] })).map(sourceOfRow)),
    episodes: sortById((await tx.run(EPISODES_BY_IDS, { ids: [...episodeIds] })).map(episodeOfRow)),
    actions: withinSelection(actions),
  };
}
