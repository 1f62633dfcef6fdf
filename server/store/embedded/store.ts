/**
 * The embedded store: the whole graph in memory (graphology), made durable in DATA_DIR by a
 * compacted snapshot plus an fsynced journal. Writes run one at a time and are acknowledged only
 * after their journal record is on disk.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  actionPredicate, actionReferenceProblems, canonical, copyRecord, documentProblems, isEmptyFilter,
  parseAction, parseActor, parseDocument, parseSource, sameRecord,
  type Action, type ActionFilter, type Actor, type InterchangeDocument, type Parsed, type Source, type StatsBase,
} from '../../../contract';
import { actorsWithin, allShortestPaths, BetweennessService, cappedPart, snapshotOf, incidentActions, timeRespectingChains, topN, type CappedPart } from '../../graph';
import type { Logger } from '../../logger';
import { actorsReferencedBy, filterSources, page, rankActors, sortById } from '../answers';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import type {
  ActionQuery, ActionWithSources, ActorDetail, ActorQuery, ActorWithDegree, ChainsAnswer, Counts, GraphStore,
  ImportResult, Page, Path, SourceQuery, SourceWithActions, Stats, Subgraph,
} from '../types';
import { Journal, replayJournal } from './journal';
import { VersionedMemo } from './memo';
import { readSnapshot, writeSnapshot } from './snapshot';
import { GraphState, type Op } from './state';

/** The record as the schema reads it: a fresh, canonical copy the caller can no longer change. */
function valid<T>(parsed: Parsed<T>, message = 'invalid record'): T {
  if (!parsed.ok) throw new ValidationError(parsed.problems, message);
  return canonical(parsed.value);
}



export interface EmbeddedOptions {
  dataDir: string;
  logger: Logger;
  /** Journal size past which the store writes a snapshot and empties the journal. */
  compactBytes?: number;
}

interface JournalRecord {
  ops: Op[];
}

const SNAPSHOT = 'graph.snapshot.json';
const JOURNAL = 'graph.journal';

export class EmbeddedStore implements GraphStore {
  readonly kind = 'embedded' as const;
  private queue: Promise<unknown> = Promise.resolve();
  private statsCache: { version: number; top: number; stats: StatsBase } | null = null;
  private readonly betweenness = new BetweennessService();
  /** Parts, paths and chains by query; the records in them are the state's own, copied out on every answer. */
  private readonly parts = new VersionedMemo<CappedPart>(64);
  private readonly paths = new VersionedMemo<Path[]>(64);
  private readonly chainSearches = new VersionedMemo<ChainsAnswer>(64);
  private closed = false;

  private constructor(
    private readonly dir: string,
    private readonly state: GraphState,
    private journal: Journal,
    private seq: number,
    private readonly logger: Logger,
    private readonly compactBytes: number,
  ) {}

  static async open(options: EmbeddedOptions): Promise<EmbeddedStore> {
    const { dataDir, logger } = options;
    const started = Date.now();
    try {
      fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 }); // the data is the owner's alone: 0700, files 0600
      fs.accessSync(dataDir, fs.constants.W_OK | fs.constants.R_OK);
    } catch (err) {
      throw new Error(`DATA_DIR "${dataDir}" cannot be used: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message} (it must be a readable, writable folder)`);
    }
    const state = new GraphState();
    const snap = readSnapshot(path.join(dataDir, SNAPSHOT));
    if (snap) state.loadDocument(snap.graph);
    let seq = snap?.seq ?? 0;
    const journalFile = path.join(dataDir, JOURNAL);
    const replay = replayJournal<JournalRecord>(journalFile, (msg) => logger.warn(msg));
    for (const entry of replay.entries) {
      if (entry.seq <= seq) continue; // already in the snapshot: a crash came between snapshot and journal reset
      state.apply(entry.record.ops);
      seq = entry.seq;
    }
    let journal: Journal;
    try {
      journal = Journal.open(journalFile, replay.validBytes);
    } catch (err) {
      throw new Error(`DATA_DIR "${dataDir}" cannot be written: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    const store = new EmbeddedStore(dataDir, state, journal, seq, logger, options.compactBytes ?? 64 * 1024 * 1024);
    logger.info(
      { dataDir, actors: state.actors.size, actions: state.actions.size, journalRecords: replay.entries.length, ms: Date.now() - started },
      'embedded store opened',
    );
    return store;
  }

  // ---- reads ----

  answersVersion(): number {
    return this.state.version;
  }

  async counts(): Promise<Counts> {
    return { actors: this.state.actors.size, sources: this.state.sources.size, actions: this.state.actions.size };
  }

  private withDegree(actor: Actor): ActorWithDegree {
    return { ...copyRecord(actor), degree: this.state.graph.degree(actor.id) };
  }

  async getActor(id: string): Promise<ActorDetail | null> {
    const actor = this.state.actors.get(id);
    if (!actor) return null;
    const actionCounts: ActorDetail['actionCounts'] = {};
    this.state.graph.forEachEdge(id, (_k, attrs) => {
      actionCounts[attrs.action.type] = (actionCounts[attrs.action.type] ?? 0) + 1;
    });
    return { ...this.withDegree(actor), actionCounts };
  }

  async listActors(query: ActorQuery): Promise<Page<ActorWithDegree>> {
    const candidates = [...this.state.actors.values()].filter(
      (a) => (!query.kind || a.kind === query.kind) && (!query.layer || a.layer === query.layer),
    );
    const ranked = rankActors(candidates, query.q);
    const p = page(ranked, query);
    return { items: p.items.map((a) => this.withDegree(a)), total: p.total };
  }

  async getAction(id: string): Promise<ActionWithSources | null> {
    const action = this.state.actions.get(id);
    if (!action) return null;
    return copyRecord({ ...action, sources: action.sourceIds.map((s) => this.state.sources.get(s)!).filter(Boolean) });
  }

  async listActions(query: ActionQuery): Promise<Page<Action>> {
    // An actor's actions are kept in timeline order already (incidentActions).
    const matching = query.actor !== undefined
      ? incidentActions(this.state.graph, query.actor).filter(actionPredicate(query))
      : this.state.matching(query);
    const p = page(matching, query);
    return { items: copyRecord(p.items), total: p.total };
  }

  async getSource(id: string): Promise<SourceWithActions | null> {
    const source = this.state.sources.get(id);
    if (!source) return null;
    return { ...copyRecord(source), actions: this.state.actionsCitingSource(id) };
  }

  async listSources(query: SourceQuery): Promise<Page<Source>> {
    const p = page(filterSources(this.state.sources.values(), query.q), query);
    return { items: copyRecord(p.items), total: p.total };
  }

  async neighbourhood(focus: string, depth: number, filter: ActionFilter, maxElements: number): Promise<Subgraph | null> {
    if (!this.state.actors.has(focus)) return null;
    const part = this.parts.get(this.state.version, JSON.stringify(['focus', focus, depth, filter, maxElements]), () => {
      const passes = actionPredicate(filter);
      return cappedPart(this.state.graph, actorsWithin(this.state.graph, focus, depth, passes), passes, maxElements);
    });
    return this.subgraphOf(part, false);
  }

  /** Over the cap, the best-connected actors come first (as capSubgraph's 'degree' priority). */
  async selection(filter: ActionFilter, maxElements: number): Promise<Subgraph> {
    const part = this.parts.get(this.state.version, JSON.stringify(['selection', filter, maxElements]), () => this.selectionPart(filter, maxElements));
    return this.subgraphOf(part, true);
  }

  private selectionPart(filter: ActionFilter, maxElements: number): CappedPart {
    const { graph } = this.state;
    let ids: string[];
    let passes: (a: Action) => boolean;
    if (isEmptyFilter(filter)) {
      ids = [...this.state.actors.keys()];
      passes = () => true;
    } else {
      passes = actionPredicate(filter);
      const touched = new Set<string>();
      for (const a of this.state.matching(filter)) touched.add(a.from).add(a.to);
      ids = [...touched];
    }
    const degree = new Map(ids.map((id) => [id, graph.degree(id)]));
    ids.sort((a, b) => degree.get(b)! - degree.get(a)! || (a < b ? -1 : a > b ? 1 : 0));
    return cappedPart(graph, ids, passes, maxElements);
  }

  private subgraphOf(part: CappedPart, sortActorsById: boolean): Subgraph {
    const ids = sortActorsById ? [...part.actors].sort() : part.actors;
    return {
      actors: ids.map((id) => this.withDegree(this.state.actors.get(id)!)),
      actions: copyRecord(part.actions),
      truncated: part.truncated,
    };
  }

  async shortestPaths(source: string, target: string, maxLength: number, filter: ActionFilter, limit: number): Promise<Path[]> {
    const found = this.paths.get(this.state.version, JSON.stringify([source, target, maxLength, filter, limit]), () =>
      allShortestPaths(this.state.graph, source, target, maxLength, actionPredicate(filter), limit));
    return found.map((p) => ({ actors: [...p.actors], actions: [...p.actions] }));
  }

  async chains(actor: string, maxLength: number, filter: ActionFilter, limit: number): Promise<ChainsAnswer> {
    const found = this.chainSearches.get(this.state.version, JSON.stringify([actor, maxLength, filter, limit]), () => {
      const search = timeRespectingChains(this.state.graph, actor, maxLength, actionPredicate(filter), limit);
      return { chains: search.chains.map((actions) => ({ actions })), truncated: search.truncated };
    });
    return { chains: found.chains.map((c) => ({ actions: [...c.actions] })), truncated: found.truncated };
  }

  async stats(top: number): Promise<Stats> {
    const part = this.betweenness.get(String(this.state.version), top, () => snapshotOf(this.state.version, this.state.actors.values(), this.state.actions.values()));
    const cached = this.statsCache;
    if (cached && cached.version === this.state.version && cached.top === top) return { ...cached.stats, ...(await part) };
    const { actors, actions, sources } = this.state;
    const actionsByType: Stats['actionsByType'] = {};
    const actionsByStatus: Stats['actionsByStatus'] = {};
    const actorsByKind: Stats['actorsByKind'] = {};
    for (const a of actions.values()) {
      actionsByType[a.type] = (actionsByType[a.type] ?? 0) + 1;
      actionsByStatus[a.status] = (actionsByStatus[a.status] ?? 0) + 1;
    }
    for (const a of actors.values()) actorsByKind[a.kind] = (actorsByKind[a.kind] ?? 0) + 1;
    const named = (r: { id: string; value: number }) => ({ id: r.id, name: actors.get(r.id)?.name ?? r.id, value: r.value });
    const degrees = [...actors.keys()].map((id) => [id, this.state.graph.degree(id)] as const);
    const stats: StatsBase = {
      counts: { actors: actors.size, sources: sources.size, actions: actions.size },
      actionsByType,
      actionsByStatus,
      actorsByKind,
      topByDegree: topN(degrees, top).map(named),
    };
    this.statsCache = { version: this.state.version, top, stats };
    return { ...stats, ...(await part) };
  }

  async exportDocument(filter: ActionFilter): Promise<InterchangeDocument> {
    const { state } = this;
    if (isEmptyFilter(filter)) {
      return copyRecord({
        format: 'deplatforming-graph/v1',
        actors: sortById([...state.actors.values()]),
        sources: sortById([...state.sources.values()]),
        actions: state.sortedActions().slice(),
      });
    }
    const actions = state.matching(filter);
    const sourceIds = new Set(actions.flatMap((a) => a.sourceIds));
    return copyRecord({
      format: 'deplatforming-graph/v1',
      actors: [...actorsReferencedBy(actions)].sort().map((id) => state.actors.get(id)!),
      sources: [...sourceIds].sort().map((id) => state.sources.get(id)!),
      actions,
    });
  }

  // ---- writes ----

  /** Runs writes one after another, so each sees the state the previous one left. */
  private serial<T>(work: () => T): Promise<T> {
    const run = this.queue.then(() => {
      if (this.closed) throw new Error('the store is closed');
      return work();
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Makes the ops durable, then applies them; the caller's promise resolves after the fsync. */
  private commit(ops: Op[]): void {
    if (ops.length === 0) return;
    const seq = this.seq + 1;
    this.journal.append(JSON.stringify({ seq, record: { ops } }));
    this.seq = seq;
    this.state.apply(ops);
    if (this.journal.bytes > this.compactBytes) this.compact();
  }

  /**
   * Folds the journal into a snapshot. A failure here loses nothing (the journal still holds
   * every write), so it is logged and the write that triggered it stands.
   */
  private compact(): void {
    const started = Date.now();
    try {
      writeSnapshot(path.join(this.dir, SNAPSHOT), { seq: this.seq, graph: this.state.toDocument() });
      this.journal.reset();
      this.logger.info({ ms: Date.now() - started, seq: this.seq }, 'embedded store compacted');
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'compaction failed; the journal keeps every write and compaction will be retried');
    }
  }

  importDocument(input: InterchangeDocument): Promise<ImportResult> {
    return this.serial(() => {
      const { state } = this;
      const doc = valid(parseDocument(input), 'the import was rejected and nothing was written');
      const problems = documentProblems(doc, { hasActor: (id) => state.actors.has(id), hasSource: (id) => state.sources.has(id) });
      if (problems.length) throw new ValidationError(problems, 'the import was rejected and nothing was written');
      const result: ImportResult = {
        created: { actors: 0, sources: 0, actions: 0 },
        updated: { actors: 0, sources: 0, actions: 0 },
        unchanged: { actors: 0, sources: 0, actions: 0 },
      };
      const ops: Op[] = [];
      const classify = <T extends { id: string }>(records: T[] | undefined, stored: Map<string, T>, key: keyof Counts, t: 'actor' | 'source' | 'action') => {
        for (const r of records ?? []) {
          const old = stored.get(r.id);
          const outcome = !old ? 'created' : sameRecord(old, r) ? 'unchanged' : 'updated';
          result[outcome][key]++;
          if (outcome !== 'unchanged') ops.push({ t, v: r } as unknown as Op);
        }
      };
      classify(doc.actors, state.actors, 'actors', 'actor');
      classify(doc.sources, state.sources, 'sources', 'source');
      classify(doc.actions, state.actions, 'actions', 'action');
      this.commit(ops);
      return result;
    });
  }

  createActor(input: Actor): Promise<void> {
    return this.serial(() => {
      const actor = valid(parseActor(input));
      if (this.state.actors.has(actor.id)) throw new ConflictError(`actor "${actor.id}" already exists`);
      this.commit([{ t: 'actor', v: actor }]);
    });
  }

  replaceActor(input: Actor): Promise<void> {
    return this.serial(() => {
      const actor = valid(parseActor(input));
      if (!this.state.actors.has(actor.id)) throw new NotFoundError('actor', actor.id);
      this.commit([{ t: 'actor', v: actor }]);
    });
  }

  deleteActor(id: string): Promise<void> {
    return this.serial(() => {
      if (!this.state.actors.has(id)) throw new NotFoundError('actor', id);
      const refs = this.state.actionsReferencingActor(id);
      if (refs.length) throw new ConflictError(`actor "${id}" is referenced by ${refs.length} action(s)`, refs);
      this.commit([{ t: 'delActor', id }]);
    });
  }

  createSource(input: Source): Promise<void> {
    return this.serial(() => {
      const source = valid(parseSource(input));
      if (this.state.sources.has(source.id)) throw new ConflictError(`source "${source.id}" already exists`);
      this.commit([{ t: 'source', v: source }]);
    });
  }

  replaceSource(input: Source): Promise<void> {
    return this.serial(() => {
      const source = valid(parseSource(input));
      if (!this.state.sources.has(source.id)) throw new NotFoundError('source', source.id);
      this.commit([{ t: 'source', v: source }]);
    });
  }

  deleteSource(id: string): Promise<void> {
    return this.serial(() => {
      if (!this.state.sources.has(id)) throw new NotFoundError('source', id);
      const refs = this.state.actionsCitingSource(id);
      if (refs.length) throw new ConflictError(`source "${id}" is cited by ${refs.length} action(s)`, refs);
      this.commit([{ t: 'delSource', id }]);
    });
  }

  private checkActionReferences(action: Action): void {
    const problems = actionReferenceProblems([action], {
      hasActor: (id) => this.state.actors.has(id),
      hasSource: (id) => this.state.sources.has(id),
    }, () => '');
    if (problems.length) throw new ValidationError(problems, 'unresolved references');
  }

  createAction(input: Action): Promise<void> {
    return this.serial(() => {
      const action = valid(parseAction(input));
      if (this.state.actions.has(action.id)) throw new ConflictError(`action "${action.id}" already exists`);
      this.checkActionReferences(action);
      this.commit([{ t: 'action', v: action }]);
    });
  }

  replaceAction(input: Action): Promise<void> {
    return this.serial(() => {
      const action = valid(parseAction(input));
      if (!this.state.actions.has(action.id)) throw new NotFoundError('action', action.id);
      this.checkActionReferences(action);
      this.commit([{ t: 'action', v: action }]);
    });
  }

  deleteAction(id: string): Promise<void> {
    return this.serial(() => {
      if (!this.state.actions.has(id)) throw new NotFoundError('action', id);
      this.commit([{ t: 'delAction', id }]);
    });
  }

  async close(): Promise<void> {
    await this.serial(() => {
      if (this.journal.bytes > 0) this.compact();
      this.journal.close();
      this.closed = true;
    });
  }
}


