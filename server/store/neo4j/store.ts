/**
 * The Neo4j store: the GraphStore of API v1 over a Neo4j 5 database (model in cypher.ts). One
 * driver per store; every answer is computed with the same shared functions as the embedded store.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import {
  actionPredicate,
  isEmptyFilter,
  type Action,
  type ActionFilter,
  type Actor,
  type ChainOptions,
  type Episode,
  type InterchangeDocument,
  type PageRequest,
  type Source,
} from '../../../contract';
import type { Neo4jSettings } from '../../config';
import { allShortestPaths, BetweennessService, chainOfSteps, chainRules, chainSearchSteps, metricCategories } from '../../graph';
import type { Logger } from '../../logger';
import { rollBack } from '../history/rebuild';
import type {
  ActionQuery,
  ChangeNote,
  HistoryEntry,
  HistoryQuery,
  ActionWithSources,
  ActorDetail,
  ActorQuery,
  ActorWithDegree,
  ChainsAnswer,
  Counts,
  EpisodeWithActions,
  GraphStore,
  ImportResult,
  Page,
  Path,
  SourceQuery,
  SourceWithActions,
  Stats,
  Subgraph,
} from '../types';
import { WIPE_BATCH } from './cypher';
import { Db, type Probe } from './db';
import * as graph from './graph-queries';
import * as history from './history';
import { neighbourhood, neighbourhoodOn } from './neighbourhood';
import * as reads from './reads';
import { Memo } from './memo';
import { ensureSchema } from './schema';
import { inTurns, TopologyCache, type Topology } from './topology';
import * as writes from './writes';

export class Neo4jStore implements GraphStore {
  readonly kind = 'neo4j' as const;

  private readonly memo: Memo;
  private readonly topology: TopologyCache;
  /** One service per set of metric categories (a few at most: the API's category lists), as the embedded store. */
  private readonly betweenness = new Map<string, BetweennessService>();

  private constructor(
    private readonly db: Db,
    private readonly logger: Logger,
  ) {
    this.memo = new Memo(db);
    this.topology = new TopologyCache(db, (err) =>
      logger.warn({ err }, 'neo4j: the topology could not be loaded; traversals fetch instead'),
    );
  }

  /** Opens the driver, checks the server answers, and creates missing constraints and indexes. */
  static async connect(settings: Neo4jSettings, logger: Logger): Promise<Neo4jStore> {
    let db: Db;
    try {
      db = Db.open(settings.uri, settings.user, settings.password, settings.database, logger);
    } catch (err) {
      throw new Error(`NEO4J_URI cannot be used (${(err as Error).message}); expected e.g. neo4j://host:7687 or bolt://host:7687`, {
        cause: err,
      });
    }
    try {
      await db.verify();
      await ensureSchema(db);
      await history.ensureHistorySchema(db);
    } catch (err) {
      await db.close().catch(() => undefined);
      throw err;
    }
    logger.info({ uri: settings.uri, database: settings.database }, 'neo4j store connected');
    const store = new Neo4jStore(db, logger);
    store.warm();
    return store;
  }

  /**
   * Runs a request's `work` with the database's version from a probe started after this call,
   * which the store's own version checks inside it reuse; an empty bookmark is never shared.
   */
  atCurrentVersion<T>(work: (version: string) => Promise<T>): Promise<T> {
    return this.db.withProbe((probe) => this.requestProbe.run(probe, () => work(probe.version || `unversioned-${++this.unversioned}`)));
  }

  /**
   * The probe of the request being answered (atCurrentVersion), if any: reads that would cost a
   * round trip of their own are answered from the topology when it is held for that version.
   */
  private readonly requestProbe = new AsyncLocalStorage<Probe>();

  private unversioned = 0;

  counts(): Promise<Counts> {
    return reads.counts(this.db);
  }

  async getActor(id: string): Promise<ActorDetail | null> {
    const probe = this.requestProbe.getStore();
    const held = probe ? this.topology.at(probe) : null;
    return held ? reads.actorDetailOn(held, id) : reads.getActor(this.db, id);
  }

  listActors(query: ActorQuery): Promise<Page<ActorWithDegree>> {
    return reads.listActors(this.db, query);
  }

  getAction(id: string): Promise<ActionWithSources | null> {
    return reads.getAction(this.db, id);
  }

  /** Remembered per version as the traversals below: a filtered timeline sorts thousands of rows. */
  listActions(query: ActionQuery): Promise<Page<Action>> {
    return this.memo.get(JSON.stringify(['actions', query]), (tx) => reads.listActions(tx, query));
  }

  getSource(id: string): Promise<SourceWithActions | null> {
    return reads.getSource(this.db, id);
  }

  listSources(query: SourceQuery): Promise<Page<Source>> {
    return reads.listSources(this.db, query);
  }

  getEpisode(id: string): Promise<EpisodeWithActions | null> {
    return reads.getEpisode(this.db, id);
  }

  listEpisodes(query: PageRequest): Promise<Page<Episode>> {
    return reads.listEpisodes(this.db, query);
  }

  // Traversals and statistics are remembered per version of the database (memo.ts), as the
  // embedded store remembers them until its next write.

  async neighbourhood(focus: string, depth: number, filter: ActionFilter, maxElements: number): Promise<Subgraph | null> {
    const held = await this.topologyFor(filter);
    // An actor without actions is not in the topology: the statements below tell it from an unknown one.
    if (held?.graph.hasNode(focus)) return neighbourhoodOn(this.db, held, focus, depth, filter, maxElements);
    return this.memo.get(JSON.stringify(['focus', focus, depth, filter, maxElements]), (tx) =>
      neighbourhood(tx, focus, depth, filter, maxElements),
    );
  }

  selection(filter: ActionFilter, maxElements: number): Promise<Subgraph> {
    return this.memo.get(JSON.stringify(['selection', filter, maxElements]), (tx) => graph.selection(tx, filter, maxElements));
  }

  // Paths and chains run in memory on the whole graph's topology when it is held for the
  // database's version as a fresh probe finds it (topology.ts); otherwise on what they fetch.

  async shortestPaths(source: string, target: string, maxLength: number, filter: ActionFilter, limit: number): Promise<Path[]> {
    const held = await this.topologyFor(filter);
    if (held) return allShortestPaths(held.graph, source, target, maxLength, actionPredicate(filter), limit);
    return this.memo.get(JSON.stringify(['paths', source, target, maxLength, filter, limit]), (tx) =>
      graph.shortestPaths(tx, source, target, maxLength, filter, limit),
    );
  }

  async chains(actor: string, maxLength: number, filter: ActionFilter, limit: number, options?: ChainOptions): Promise<ChainsAnswer> {
    const held = await this.topologyFor(filter);
    if (held) {
      const rules = chainRules(filter, options, (id) => held.actions.get(id)?.respondsTo, actionPredicate(filter));
      const found = await inTurns(chainSearchSteps(held.graph, actor, maxLength, rules, limit));
      return { chains: found.chains.map(chainOfSteps), truncated: found.truncated };
    }
    return this.memo.get(JSON.stringify(['chains', actor, maxLength, filter, limit, options]), (tx) =>
      graph.chains(tx, actor, maxLength, filter, limit, options),
    );
  }

  /** Whether traversals at the database's version now run on the held topology (tests, diagnostics). */
  async holdsTopology(): Promise<boolean> {
    return (await this.topologyFor({})) !== null;
  }

  /** The topology for this request (a layer filter needs the actors' layers: never from it). */
  private async topologyFor(filter: ActionFilter): Promise<Topology | null> {
    if (filter.layers?.length) return null;
    return this.topology.at(await this.db.freshProbe());
  }

  /**
   * Counts and degree follow the filter; betweenness is over the whole graph's actions of the
   * metric categories (computed once per version and category set, as the embedded store).
   */
  async stats(top: number, filter: ActionFilter = {}): Promise<Stats> {
    const base = await this.memo.get(JSON.stringify(['stats', top, filter]), (tx) => graph.stats(tx, top, filter));
    const categories = metricCategories(filter);
    const key = categories.join(',');
    let service = this.betweenness.get(key);
    if (!service) {
      if (this.betweenness.size >= 8) this.betweenness.delete(this.betweenness.keys().next().value!);
      this.betweenness.set(key, (service = new BetweennessService()));
    }
    const { version } = await this.db.probe();
    return { ...base, ...(await service.get(version, top, () => graph.actorGraph(this.db, categories))) };
  }

  async importDocument(doc: InterchangeDocument, note?: ChangeNote): Promise<ImportResult> {
    const result = await writes.importDocument(this.db, doc, note);
    this.warm();
    return result;
  }

  /**
   * Starts loading the topology of the version now (after connecting and after an import), so the
   * next traversals need not wait for one to ask; a probe that fails only means no head start.
   */
  private warm(): void {
    this.db.probe().then(
      (probe) => void this.topology.at(probe),
      () => undefined,
    );
  }

  /** From the shared probe, as counts: a health check costs one round trip shared with concurrent ones. */
  async changeNumber(): Promise<number> {
    return (await this.db.probe()).change;
  }

  history(query: HistoryQuery): Promise<HistoryEntry[]> {
    return history.history(this.db, query);
  }

  changeAt(time: string): Promise<number> {
    return history.changeAt(this.db, time);
  }

  historyStart(): Promise<number | null> {
    return history.historyStart(this.db);
  }

  exportCurrent(): Promise<{ change: number; doc: InterchangeDocument }> {
    return history.exportCurrent(this.db, () => graph.exportDocument(this.db, {}));
  }

  async exportAsOf(change: number): Promise<InterchangeDocument> {
    const now = await this.exportCurrent();
    if (change >= now.change) return now.doc;
    return rollBack(now.doc, await history.changesBetween(this.db, change, now.change));
  }

  /**
   * A filtered export is remembered per version as the timeline (a year's export reads thousands of
   * records); the whole graph's is not kept (it would hold a second copy of the database).
   */
  exportDocument(filter: ActionFilter): Promise<InterchangeDocument> {
    if (isEmptyFilter(filter)) return graph.exportDocument(this.db, filter);
    return this.memo.get(JSON.stringify(['export', filter]), (tx) => graph.exportDocumentIn(tx, filter));
  }

  createActor(actor: Actor, note?: ChangeNote): Promise<void> {
    return writes.create(this.db, 'actor', actor, note);
  }

  replaceActor(actor: Actor, note?: ChangeNote): Promise<void> {
    return writes.replace(this.db, 'actor', actor, note);
  }

  deleteActor(id: string, note?: ChangeNote): Promise<void> {
    return writes.remove(this.db, 'actor', id, note);
  }

  createSource(source: Source, note?: ChangeNote): Promise<void> {
    return writes.create(this.db, 'source', source, note);
  }

  replaceSource(source: Source, note?: ChangeNote): Promise<void> {
    return writes.replace(this.db, 'source', source, note);
  }

  deleteSource(id: string, note?: ChangeNote): Promise<void> {
    return writes.remove(this.db, 'source', id, note);
  }

  createEpisode(episode: Episode, note?: ChangeNote): Promise<void> {
    return writes.create(this.db, 'episode', episode, note);
  }

  replaceEpisode(episode: Episode, note?: ChangeNote): Promise<void> {
    return writes.replace(this.db, 'episode', episode, note);
  }

  deleteEpisode(id: string, note?: ChangeNote): Promise<void> {
    return writes.remove(this.db, 'episode', id, note);
  }

  createAction(action: Action, note?: ChangeNote): Promise<void> {
    return writes.create(this.db, 'action', action, note);
  }

  replaceAction(action: Action, note?: ChangeNote): Promise<void> {
    return writes.replace(this.db, 'action', action, note);
  }

  deleteAction(id: string, note?: ChangeNote): Promise<void> {
    return writes.remove(this.db, 'action', id, note);
  }

  /**
   * Deletes every actor, source, episode and action (constraints and indexes stay). For test isolation
   * only: the API never calls it.
   */
  async wipeForTests(): Promise<void> {
    for (;;) {
      const [row] = await this.db.query(WIPE_BATCH, {}, 'write');
      if (!Number(row?.deleted)) break;
    }
    await history.wipeHistory(this.db);
  }

  /** Writes are durable once committed; this only closes the driver. */
  async close(): Promise<void> {
    await this.db.close();
    this.logger.info('neo4j store closed');
  }
}
