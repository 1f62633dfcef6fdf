/**
 * The whole graph's actions, slim (ids, ends, type, status, dates, links: what traversals read),
 * held for one version of the database, so paths and chains run in memory on the whole graph as
 * on the embedded store, instead of fetching their part of it level by level for every request.
 *
 * Only ever used for the version a fresh probe finds (Db.probe): a write through any server, or
 * through Neo4j Browser, moves the version, and from then on requests take the fetching path
 * (traversal.ts) until the new version's topology is loaded. Loads run in the background, one at
 * a time, no sooner than LOAD_PAUSE_MS after the last one ended, and only up to maxActions(): a
 * stream of writes costs at most one whole read of the actions every few seconds per server.
 * A load is kept only when nothing was committed while it read (the version before it equals the
 * bookmark after it), as Memo keeps answers.
 *
 * With it are held every actor's record (a few hundred bytes each: an actor's detail and degree are
 * then read here, not in a round trip) and, up to a bound, the whole action records that
 * neighbourhoods have read at this version (recordsAt), so overlapping neighbourhoods do not read
 * the same records again.
 */
import type { Action, Actor } from '../../../contract';
import { VersionedLru } from '../../cache/versioned-lru';
import { actionAttributes, addActorNode, createActionGraph, type ActionGraph } from '../../graph';
import { ALL_ACTORS, filteredActionKeysFor } from './cypher';
import type { Db, Probe } from './db';
import { filterParams } from './filter';
import { Turns } from '../../loop-turn';
import { actorOfRow, isWholeActionRow, slimActionOfRow } from './mapping';

/**
 * Larger graphs are left to the fetching path: the held graph costs about 1 KB per action.
 * NEO4J_TOPOLOGY_MAX_ACTIONS sets another bound (0: never hold one, every traversal fetches).
 */
function maxActions(): number {
  const set = Number(process.env.NEO4J_TOPOLOGY_MAX_ACTIONS);
  return process.env.NEO4J_TOPOLOGY_MAX_ACTIONS && Number.isInteger(set) && set >= 0 ? set : 250_000;
}
const LOAD_PAUSE_MS = 2_000;

/**
 * Whole action records kept per held version (NEO4J_RECORDS_KEPT sets another bound, 0: none).
 * The default holds all of M's 60,000 actions: 44 MB of heap for the bench's synthetic records
 * (730 bytes each), more where summaries and quotes are long.
 */
function recordsKept(): number {
  const set = Number(process.env.NEO4J_RECORDS_KEPT);
  return process.env.NEO4J_RECORDS_KEPT && Number.isInteger(set) && set >= 0 ? set : 60_000;
}

const ALL_ACTION_KEYS = filteredActionKeysFor(filterParams({}));

export interface Topology {
  readonly version: string;
  /** Every action as an edge between its ends; actors without actions are not in it. */
  readonly graph: ActionGraph;
  /** Every action by id, slim (response links are read through it). */
  readonly actions: ReadonlyMap<string, Action>;
  /** Every actor's record by id, those without actions included. */
  readonly actors: ReadonlyMap<string, Actor>;
  /** Whole action records read at this version (and only those: see keepRecords). */
  readonly records: VersionedLru<Action, string>;
}

/**
 * Runs a search (a generator yielding where it may pause) over a held topology, giving the event
 * loop a turn every slice: a topology never changes, so the search may pause anywhere. A hub's
 * chains at M search for seconds, which in one go held every other request that long.
 */
export async function inTurns<T>(steps: Generator<unknown, T>): Promise<T> {
  const turns = new Turns();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    await turns.maybe();
  }
}

export class TopologyCache {
  private held: Topology | null = null;
  private loading = false;
  private lastLoadEnd = 0;
  private readonly maxActions = maxActions();

  constructor(
    private readonly db: Db,
    private readonly onError: (err: unknown) => void,
  ) {}

  /** The topology of the probe's version if held; otherwise null, and a load starts if allowed. */
  at(probe: Probe): Topology | null {
    if (probe.version && this.held?.version === probe.version) return this.held;
    if (
      !probe.version ||
      this.maxActions === 0 ||
      probe.counts.actions > this.maxActions ||
      this.loading ||
      Date.now() - this.lastLoadEnd < LOAD_PAUSE_MS
    )
      return null;
    this.loading = true;
    void this.load(probe.version)
      .catch(this.onError)
      .finally(() => {
        this.loading = false;
        this.lastLoadEnd = Date.now();
      });
    return null;
  }

  private async load(before: string): Promise<void> {
    const { value, version } = await this.db.readVersioned(async (tx) => ({
      rows: await tx.run(ALL_ACTION_KEYS),
      actorRows: await tx.run(ALL_ACTORS),
    }));
    if (version !== before) return;
    const { rows, actorRows } = value;
    const graph = createActionGraph();
    const actions = new Map<string, Action>();
    const node = (id: string) => {
      if (!graph.hasNode(id)) addActorNode(graph, { id } as Actor);
    };
    // Built with turns of the event loop: in one go, 60,000 actions held it 0.5-0.7 s at M.
    const turns = new Turns();
    for (let i = 0; i < rows.length; i++) {
      if (i % 256 === 0) await turns.maybe();
      const row = rows[i]!;
      if (!isWholeActionRow(row)) continue;
      const a = slimActionOfRow(row);
      actions.set(a.id, a);
      node(a.from);
      node(a.to);
      graph.addDirectedEdgeWithKey(a.id, a.from, a.to, actionAttributes(a));
    }
    const actors = new Map<string, Actor>();
    for (let i = 0; i < actorRows.length; i++) {
      if (i % 1024 === 0) await turns.maybe();
      const actor = actorOfRow(actorRows[i]!);
      actors.set(actor.id, actor);
    }
    const records = new VersionedLru<Action, string>({ entries: recordsKept() });
    records.at(version);
    this.held = { version, graph, actions, actors, records };
  }
}
