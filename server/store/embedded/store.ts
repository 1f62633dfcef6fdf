/**
 * The embedded store: the whole graph in memory (graphology), made durable in DATA_DIR by a
 * compacted snapshot plus an fsynced journal. Opening replays them (recovery.ts); writes run one
 * at a time and are acknowledged only after their journal record is on disk (writer.ts).
 */
import type {
  Action,
  ActionFilter,
  Actor,
  ChainOptions,
  Episode,
  InterchangeDocument,
  PageRequest,
  Source,
  StatsBase,
} from '../../../contract';
import { BetweennessService, metricCategories } from '../../graph';
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
import { exportDocument } from './export';
import type { HistoryLog } from './history';
import type { FileOps } from './files';
import { InFlight } from './in-flight';
import { VersionedMemo } from './memo';
import { readInSlices } from './slices';
import * as reads from './reads';
import { recover } from './recovery';
import type { GraphState } from './state';
import { actorGraphSnapshot, computeStats } from './stats';
import { copyChains, copyPaths, findChains, findPaths, neighbourhoodPart, selectionPart, subgraphOf } from './traversal';
import { Writer } from './writer';
import * as writes from './writes';

export interface EmbeddedOptions {
  dataDir: string;
  logger: Logger;
  /** Journal size past which the store writes a snapshot and empties the journal. */
  compactBytes?: number;
  /** The journal's file layer; node:fs unless a test watches it. */
  journalFiles?: FileOps;
}

export class EmbeddedStore implements GraphStore {
  readonly kind = 'embedded' as const;
  // Stats are remembered until the next write: /api/stats is not in the API's answer cache. Graph,
  // path and chain answers are not remembered here: the API's answer cache serves repeats before
  // they reach the store (BENCHMARKS.md, "What each cache layer earns"). Betweenness is never in
  // the memo: the BetweennessService computes it off the event loop, once per version, and serves
  // the last value while a newer one is computed.
  // One service per set of metric categories (a few at most): each keeps its last value.
  private readonly betweenness = new Map<string, BetweennessService>();
  private readonly statistics = new VersionedMemo<Promise<StatsBase>>(8);
  // A chain search from a hub takes seconds: callers asking the same while it runs share it.
  private readonly searches = new InFlight<ChainsAnswer>();
  // The same for the whole graph and neighbourhoods: callers only read the subgraph they are given.
  private readonly parts = new InFlight<Subgraph>();

  private constructor(
    private readonly state: GraphState,
    private readonly writer: Writer,
    private readonly historyLog: HistoryLog,
  ) {}

  static async open(options: EmbeddedOptions): Promise<EmbeddedStore> {
    const { dataDir, logger } = options;
    const { state, journal, history, seq } = recover(dataDir, logger, options.journalFiles);
    return new EmbeddedStore(
      state,
      new Writer(state, journal, history, seq, { dataDir, logger, compactBytes: options.compactBytes ?? 64 * 1024 * 1024 }),
      history,
    );
  }

  // ---- reads ----

  answersVersion(): number {
    return this.state.version;
  }

  async counts(): Promise<Counts> {
    return reads.counts(this.state);
  }

  async getActor(id: string): Promise<ActorDetail | null> {
    return reads.getActor(this.state, id);
  }

  async listActors(query: ActorQuery): Promise<Page<ActorWithDegree>> {
    return readInSlices(this.state, (slices) => reads.listActors(this.state, slices, query));
  }

  async getAction(id: string): Promise<ActionWithSources | null> {
    return reads.getAction(this.state, id);
  }

  async listActions(query: ActionQuery): Promise<Page<Action>> {
    return readInSlices(this.state, (slices) => reads.listActions(this.state, slices, query));
  }

  async getSource(id: string): Promise<SourceWithActions | null> {
    return reads.getSource(this.state, id);
  }

  async listSources(query: SourceQuery): Promise<Page<Source>> {
    return reads.listSources(this.state, query);
  }

  async getEpisode(id: string): Promise<EpisodeWithActions | null> {
    return reads.getEpisode(this.state, id);
  }

  async listEpisodes(query: PageRequest): Promise<Page<Episode>> {
    return reads.listEpisodes(this.state, query);
  }

  async neighbourhood(focus: string, depth: number, filter: ActionFilter, maxElements: number): Promise<Subgraph | null> {
    if (!this.state.actors.has(focus)) return null;
    const key = JSON.stringify(['neighbourhood', focus, depth, filter, maxElements]);
    return this.parts.share(this.state.version, key, () =>
      readInSlices(this.state, async (slices) =>
        subgraphOf(this.state, slices, await neighbourhoodPart(this.state, slices, focus, depth, filter, maxElements), false),
      ),
    );
  }

  async selection(filter: ActionFilter, maxElements: number): Promise<Subgraph> {
    const key = JSON.stringify(['selection', filter, maxElements]);
    return this.parts.share(this.state.version, key, () =>
      readInSlices(this.state, async (slices) =>
        subgraphOf(this.state, slices, await selectionPart(this.state, slices, filter, maxElements), true),
      ),
    );
  }

  async shortestPaths(source: string, target: string, maxLength: number, filter: ActionFilter, limit: number): Promise<Path[]> {
    return copyPaths(findPaths(this.state, source, target, maxLength, filter, limit));
  }

  async chains(actor: string, maxLength: number, filter: ActionFilter, limit: number, options?: ChainOptions): Promise<ChainsAnswer> {
    const key = JSON.stringify([actor, maxLength, filter, limit, options ?? {}]);
    return copyChains(
      await this.searches.share(this.state.version, key, () => findChains(this.state, actor, maxLength, filter, limit, options)),
    );
  }

  async stats(top: number, filter: ActionFilter = {}): Promise<Stats> {
    const { version } = this.state;
    // Betweenness is over the whole graph's actions of the metric categories; the rest of the filter narrows the counts and degree.
    const key = metricCategories(filter).join(',');
    let service = this.betweenness.get(key);
    if (!service) {
      if (this.betweenness.size >= 8) this.betweenness.delete(this.betweenness.keys().next().value!);
      this.betweenness.set(key, (service = new BetweennessService()));
    }
    const part = service.get(String(version), top, () =>
      readInSlices(this.state, (slices) => actorGraphSnapshot(this.state, slices, metricCategories(filter))),
    );
    // The promise is kept, so callers asking while it is computed share it.
    const base = this.statistics.get(version, `${top}|${JSON.stringify(filter)}`, () =>
      readInSlices(this.state, (slices) => computeStats(this.state, slices, top, filter)),
    );
    return { ...(await base), ...(await part) };
  }

  async exportDocument(filter: ActionFilter): Promise<InterchangeDocument> {
    return readInSlices(this.state, (slices) => exportDocument(this.state, slices, filter));
  }

  // ---- history ----

  async changeNumber(): Promise<number> {
    return this.writer.change;
  }

  async history(query: HistoryQuery): Promise<HistoryEntry[]> {
    return this.historyLog.query(query);
  }

  async changeAt(time: string): Promise<number> {
    return this.historyLog.changeAt(time);
  }

  async historyStart(): Promise<number | null> {
    return this.historyLog.first;
  }

  /**
   * Read in the writer's turn, so the state, the history and the change number agree. Writes wait
   * behind the turn, so the sliced read's pauses serve other reads but never see a write land.
   */
  exportCurrent(): Promise<{ change: number; doc: InterchangeDocument }> {
    return this.writer.inTurn(async () => ({
      change: this.writer.change,
      doc: await readInSlices(this.state, (slices) => exportDocument(this.state, slices, {})),
    }));
  }

  exportAsOf(change: number): Promise<InterchangeDocument> {
    return this.writer.inTurn(async () => {
      const now = await readInSlices(this.state, (slices) => exportDocument(this.state, slices, {}));
      return change >= this.writer.change ? now : rollBack(now, this.historyLog.since(change));
    });
  }

  // ---- writes ----

  importDocument(doc: InterchangeDocument, note?: ChangeNote): Promise<ImportResult> {
    return writes.importDocument(this.writer, doc, note);
  }

  createActor(actor: Actor, note?: ChangeNote): Promise<void> {
    return writes.create(this.writer, 'actor', actor, note);
  }

  replaceActor(actor: Actor, note?: ChangeNote): Promise<void> {
    return writes.replace(this.writer, 'actor', actor, note);
  }

  deleteActor(id: string, note?: ChangeNote): Promise<void> {
    return writes.remove(this.writer, 'actor', id, note);
  }

  createSource(source: Source, note?: ChangeNote): Promise<void> {
    return writes.create(this.writer, 'source', source, note);
  }

  replaceSource(source: Source, note?: ChangeNote): Promise<void> {
    return writes.replace(this.writer, 'source', source, note);
  }

  deleteSource(id: string, note?: ChangeNote): Promise<void> {
    return writes.remove(this.writer, 'source', id, note);
  }

  createEpisode(episode: Episode, note?: ChangeNote): Promise<void> {
    return writes.create(this.writer, 'episode', episode, note);
  }

  replaceEpisode(episode: Episode, note?: ChangeNote): Promise<void> {
    return writes.replace(this.writer, 'episode', episode, note);
  }

  deleteEpisode(id: string, note?: ChangeNote): Promise<void> {
    return writes.remove(this.writer, 'episode', id, note);
  }

  createAction(action: Action, note?: ChangeNote): Promise<void> {
    return writes.create(this.writer, 'action', action, note);
  }

  replaceAction(action: Action, note?: ChangeNote): Promise<void> {
    return writes.replace(this.writer, 'action', action, note);
  }

  deleteAction(id: string, note?: ChangeNote): Promise<void> {
    return writes.remove(this.writer, 'action', id, note);
  }

  close(): Promise<void> {
    return this.writer.close();
  }
}
