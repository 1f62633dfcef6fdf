/**
 * The one interface both stores implement. It covers everything API v1 needs; routes talk to
 * nothing else. Its answers are the contract's types (contract/), which the API sends as they are;
 * the queries and Subgraph are the store's own.
 */
import type {
  Action,
  ActionFilter,
  ActionWithSources,
  Actor,
  ActorDetail,
  ActorKind,
  ActorWithDegree,
  ChainOptions,
  ChainsAnswer,
  Counts,
  Episode,
  EpisodeWithActions,
  ImportResult,
  InterchangeDocument,
  Layer,
  Page,
  PageRequest,
  Path,
  Source,
  SourceWithActions,
  Stats,
  StoreKind,
} from '../../contract';
import type { ChangeNote, HistoryEntry, HistoryQuery } from './history/entry';

/** Re-exported so the stores take the interface's types from one import. */
export type { ChangeNote, HistoryEntry, HistoryQuery };
export type {
  ActionWithSources,
  ActorDetail,
  ActorWithDegree,
  ChainsAnswer,
  Counts,
  EpisodeWithActions,
  ImportResult,
  Page,
  PageRequest,
  Path,
  SourceWithActions,
  Stats,
  StoreKind,
};

export interface ActorQuery extends PageRequest {
  q?: string;
  kind?: ActorKind;
  layer?: Layer;
}

export interface ActionQuery extends PageRequest, ActionFilter {
  actor?: string;
}

export interface SourceQuery extends PageRequest {
  q?: string;
}

/** A part of the graph: actors and the actions between them. */
export interface Subgraph {
  actors: ActorWithDegree[];
  actions: Action[];
  truncated: boolean;
}

export type WriteOutcome = 'created' | 'updated' | 'unchanged';

export interface GraphStore {
  readonly kind: StoreKind;

  /** Counts of records; throws UnavailableError when the store cannot be reached. */
  counts(): Promise<Counts>;

  getActor(id: string): Promise<ActorDetail | null>;
  listActors(query: ActorQuery): Promise<Page<ActorWithDegree>>;
  getAction(id: string): Promise<ActionWithSources | null>;
  /** The timeline: filtered, sorted by date then id, undated last. */
  listActions(query: ActionQuery): Promise<Page<Action>>;
  getSource(id: string): Promise<SourceWithActions | null>;
  listSources(query: SourceQuery): Promise<Page<Source>>;
  getEpisode(id: string): Promise<EpisodeWithActions | null>;
  /** Episodes by id. */
  listEpisodes(query: PageRequest): Promise<Page<Episode>>;

  /** Actors within `depth` (1..3) actions of `focus` and the actions among them; null for an unknown focus. */
  neighbourhood(focus: string, depth: number, filter: ActionFilter, maxElements: number): Promise<Subgraph | null>;
  /** The filtered graph: actions passing the filter and the actors they touch (everything when unfiltered). */
  selection(filter: ActionFilter, maxElements: number): Promise<Subgraph>;
  /** Every shortest path (actions taken in either direction), ordered by action ids, at most `limit`. */
  shortestPaths(source: string, target: string, maxLength: number, filter: ActionFilter, limit: number): Promise<Path[]>;
  /** Maximal time-respecting chains whose first action involves `actor`. */
  chains(actor: string, maxLength: number, filter: ActionFilter, limit: number, options?: ChainOptions): Promise<ChainsAnswer>;
  /**
   * Counts by type, status and category of the actions passing `filter`; degree and betweenness
   * over those of `filter.categories`, sanctions only when it names none.
   */
  stats(top: number, filter?: ActionFilter): Promise<Stats>;

  /**
   * All or nothing, idempotent; throws ValidationError naming every problem. Every write below that
   * changes something is one change in the history, made by `note.who` with `note.message`.
   */
  importDocument(doc: InterchangeDocument, note?: ChangeNote): Promise<ImportResult>;
  /** Interchange v2 of the filtered selection, sources and episodes included; importable back. */
  exportDocument(filter: ActionFilter): Promise<InterchangeDocument>;

  createActor(actor: Actor, note?: ChangeNote): Promise<void>;
  replaceActor(actor: Actor, note?: ChangeNote): Promise<void>;
  deleteActor(id: string, note?: ChangeNote): Promise<void>;
  createSource(source: Source, note?: ChangeNote): Promise<void>;
  replaceSource(source: Source, note?: ChangeNote): Promise<void>;
  deleteSource(id: string, note?: ChangeNote): Promise<void>;
  createEpisode(episode: Episode, note?: ChangeNote): Promise<void>;
  replaceEpisode(episode: Episode, note?: ChangeNote): Promise<void>;
  deleteEpisode(id: string, note?: ChangeNote): Promise<void>;
  createAction(action: Action, note?: ChangeNote): Promise<void>;
  replaceAction(action: Action, note?: ChangeNote): Promise<void>;
  deleteAction(id: string, note?: ChangeNote): Promise<void>;

  /** The change number: how many changes the dataset has had (0 when none). */
  changeNumber(): Promise<number>;
  /** Changes passing the query, newest first, at most `limit`. */
  history(query: HistoryQuery): Promise<HistoryEntry[]>;
  /** The number of the last change made at or before `time` (0 when none). */
  changeAt(time: string): Promise<number>;
  /** The first change the history holds (data from before history began has none); null when empty. */
  historyStart(): Promise<number | null>;
  /**
   * The unfiltered export as it was after change `change` (<= the current one, >= historyStart - 1),
   * with the change number it was read at.
   */
  exportAsOf(change: number): Promise<InterchangeDocument>;
  /** The unfiltered export with the change number it shows, read together. */
  exportCurrent(): Promise<{ change: number; doc: InterchangeDocument }>;

  /**
   * A number that changes whenever the graph does, for stores that see every change (answers may
   * then be kept until it changes); absent where others can write the same graph (Neo4j).
   */
  answersVersion?(): number;
  /**
   * Where others can write the graph (Neo4j): runs a request's `work` with the graph's version as
   * of now, read after this call (a fresh probe, shared by concurrent callers; the store's own
   * checks inside `work` reuse it), so answers may be kept per version.
   */
  atCurrentVersion?<T>(work: (version: string) => Promise<T>): Promise<T>;

  /** Makes everything durable and releases files, drivers and timers. */
  close(): Promise<void>;
}
