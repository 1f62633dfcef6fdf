/** Record reads: counts, one record, lists. Ordering and paging through server/store/answers.ts. */
import {
  actionTimeAnswer,
  copyRecord,
  prepareQuery,
  rememberSearchKey,
  sortTimeline,
  type Action,
  type Episode,
  type PageRequest,
  type Source,
} from '../../../contract';
import { filterSources, page, rankActors, sortById } from '../answers';
import type {
  ActionQuery,
  ActionWithSources,
  ActorDetail,
  ActorQuery,
  ActorWithDegree,
  Counts,
  EpisodeWithActions,
  Page,
  SourceQuery,
  SourceWithActions,
} from '../types';
import {
  ACTION_KEYS_TOUCHING,
  ACTIONS_BY_IDS,
  ALL_EPISODES,
  ALL_SOURCES,
  filteredActionKeysFor,
  GET_ACTION,
  GET_ACTOR,
  GET_EPISODE,
  GET_SOURCE,
  LIST_ACTORS,
} from './cypher';
import type { Db, Tx } from './db';
import type { Topology } from './topology';
import { filterParams, predicateIn } from './filter';
import {
  actionOfRow,
  actionsOfRows,
  isWholeActionRow,
  actorOfRow,
  actorWithDegreeOfRow,
  episodeOfRow,
  slimActionOfRow,
  sourceFromProps,
  sourceOfRow,
  type Props,
} from './mapping';

/** From the shared probe (Db.probe): concurrent health checks cost one round trip between them. */
export async function counts(db: Db): Promise<Counts> {
  return (await db.probe()).counts;
}

export async function getActor(db: Db, id: string): Promise<ActorDetail | null> {
  const [row] = await db.query(GET_ACTOR, { id });
  if (!row) return null;
  const types = row.types as Action['type'][];
  const actionCounts: ActorDetail['actionCounts'] = {};
  for (const t of types) actionCounts[t] = (actionCounts[t] ?? 0) + 1;
  return { ...actorOfRow(row), degree: types.length, actionCounts };
}

/**
 * The actor's detail on the held topology (its version's records and actions), as the embedded
 * store makes it from its graph: no round trip.
 */
export function actorDetailOn(held: Topology, id: string): ActorDetail | null {
  const actor = held.actors.get(id);
  if (!actor) return null;
  const actionCounts: ActorDetail['actionCounts'] = {};
  let degree = 0;
  if (held.graph.hasNode(id)) {
    degree = held.graph.degree(id);
    held.graph.forEachEdge(id, (_k, attrs) => {
      actionCounts[attrs.action.type] = (actionCounts[attrs.action.type] ?? 0) + 1;
    });
  }
  return { ...copyRecord(actor), degree, actionCounts };
}

export async function listActors(db: Db, query: ActorQuery): Promise<Page<ActorWithDegree>> {
  // rankOf matches exactly when the normalized query is a substring of the normalized name or
  // of an alias, i.e. of searchText; an empty normalized query matches everyone.
  const q = query.q ? prepareQuery(query.q) : '';
  const rows = await db.query(LIST_ACTORS, { kind: query.kind ?? null, layer: query.layer ?? null, q: q || null });
  // The stored searchText is the actor's key, already normalized: nothing is normalized per row.
  const actors = rows.map((row) => {
    const actor = actorWithDegreeOfRow(row);
    const text = (row.actor as { searchText?: unknown }).searchText;
    if (typeof text === 'string') rememberSearchKey(actor, text);
    return actor;
  });
  return page(rankActors(actors, query.q), query);
}

export async function getAction(db: Db, id: string): Promise<ActionWithSources | null> {
  const [row] = await db.query(GET_ACTION, { id });
  if (!row || !isWholeActionRow(row)) return null;
  const action = actionOfRow(row);
  const byId = new Map<string, Source>();
  for (const props of row.sources as Props[]) {
    const s = sourceFromProps(props);
    byId.set(s.id, s);
  }
  return {
    ...action,
    sources: action.citations.map((c) => byId.get(c.source)).filter((s): s is Source => s !== undefined),
    responses: [...(row.responses as string[])].sort(),
    time: actionTimeAnswer(action),
  };
}

/**
 * The timeline: the filter (and `actor`, as from or to), timeline order, one page. The passing
 * actions come as slim rows (id, filter fields, dates) to be sorted, and only the page's records
 * are fetched: a page of 100 out of thousands reads a tenth of the properties.
 */
export async function listActions(tx: Tx, query: ActionQuery): Promise<Page<Action>> {
  const params = filterParams(query);
  const rows =
    query.actor !== undefined
      ? await tx.run(ACTION_KEYS_TOUCHING, { ...params, ids: [query.actor] })
      : await tx.run(filteredActionKeysFor(params), params);
  const keys = page(sortTimeline(actionsOfRows(rows, slimActionOfRow).filter(await predicateIn(tx, query))), query);
  const records = new Map<string, Action>();
  for (const row of await tx.run(ACTIONS_BY_IDS, { ids: keys.items.map((a) => a.id) })) {
    if (!isWholeActionRow(row)) continue;
    const a = actionOfRow(row);
    records.set(a.id, a);
  }
  // One transaction sees every commit made before each statement: an action deleted between
  // the two is left out, never answered half-read.
  return { items: keys.items.map((a) => records.get(a.id)).filter((a): a is Action => a !== undefined), total: keys.total };
}

export async function getSource(db: Db, id: string): Promise<SourceWithActions | null> {
  const [row] = await db.query(GET_SOURCE, { id });
  if (!row) return null;
  return { ...sourceOfRow(row), actions: [...(row.actions as string[])].sort() };
}

export async function listSources(db: Db, query: SourceQuery): Promise<Page<Source>> {
  const rows = await db.query(ALL_SOURCES);
  return page(filterSources(rows.map(sourceOfRow), query.q), query);
}

export async function getEpisode(db: Db, id: string): Promise<EpisodeWithActions | null> {
  const [row] = await db.query(GET_EPISODE, { id });
  if (!row) return null;
  return { ...episodeOfRow(row), actions: [...(row.actions as string[])].sort() };
}

export async function listEpisodes(db: Db, query: PageRequest): Promise<Page<Episode>> {
  const rows = await db.query(ALL_EPISODES);
  return page(sortById(rows.map(episodeOfRow)), query);
}
