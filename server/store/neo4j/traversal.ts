/**
 * Fetches the part of the graph a traversal reads, so the shared algorithms of server/graph run on
 * it and answer exactly as they do on the whole graph (which the embedded store holds). Paths and
 * chains answer ids only, so they fetch the slim columns (ACTION_KEYS_TOUCHING): no property maps,
 * no summaries or sources.
 */
import type { Action, Actor, LinksOf } from '../../../contract';
import {
  allShortestPaths,
  actionAttributes,
  addActorNode,
  createActionGraph,
  timeRespectingChains,
  type ActionGraph,
  type ChainRules,
  type ChainSearch,
  type FoundPath,
} from '../../graph';
import { ACTION_KEYS_NEAR, ACTION_KEYS_TOUCHING, RESPONSE_LINKS_FROM } from './cypher';
import type { Row, Tx } from './db';
import type { FilterParams } from './filter';
import { actionsOfRows, slimActionOfRow } from './mapping';

/** Ids per statement: bounds one statement's parameters and rows. */
const FRONTIER_CHUNK = 2_000;

/**
 * The first fetch of a traversal takes two levels at once when the first holds at most `spread`
 * actions and the second at most `reach` (ACTION_KEYS_NEAR): an ordinary actor's first two levels
 * at M are a few hundred actions, which paths and chains read anyway, so one round trip instead
 * of two or three; past those bounds a level at a time fetches less.
 */
const NEAR = { spread: 64, reach: 500 };

/**
 * What a traversal has fetched: passing actions (slim) by id and by actor, and the actors all of
 * whose passing actions are in (`complete`). Algorithms may only read the actions of complete
 * actors as "all of them".
 */
class Part {
  readonly actions = new Map<string, Action>();
  readonly complete = new Set<string>();
  private readonly byActor = new Map<string, Action[]>();

  private readonly grown = createActionGraph();

  constructor(
    start: readonly string[],
    private readonly tx: Tx,
    private readonly params: FilterParams,
    private readonly passes: (a: Action) => boolean,
  ) {
    for (const id of start) this.node(id);
  }

  private node(id: string): void {
    if (!this.grown.hasNode(id)) addActorNode(this.grown, { id } as Actor);
  }

  /** The fetched actions of an actor (all of them when it is complete). */
  of(actor: string): readonly Action[] {
    return this.byActor.get(actor) ?? [];
  }

  /** Fetches the actions of those of `ids` not complete yet; with `near`, two levels if small. */
  async fetch(ids: readonly string[], near?: typeof NEAR): Promise<void> {
    const wanted = ids.filter((id) => !this.complete.has(id));
    if (wanted.length === 0) return;
    if (near && wanted.length <= FRONTIER_CHUNK) {
      const [row] = await this.tx.run(ACTION_KEYS_NEAR, { ...this.params, ...near, ids: wanted });
      const first = actionsOfRows((row?.first ?? []) as Row[], slimActionOfRow);
      for (const a of first) this.add(a);
      for (const id of wanted) this.complete.add(id);
      if (row?.deep) {
        // Every passing action of every other end of the first level came in `second`.
        for (const a of actionsOfRows((row.second ?? []) as Row[], slimActionOfRow)) this.add(a);
        for (const a of first) this.complete.add(a.from).add(a.to);
      }
      return;
    }
    for (let i = 0; i < wanted.length; i += FRONTIER_CHUNK) {
      const chunk = wanted.slice(i, i + FRONTIER_CHUNK);
      for (const a of actionsOfRows(await this.tx.run(ACTION_KEYS_TOUCHING, { ...this.params, ids: chunk }), slimActionOfRow)) this.add(a);
      for (const id of chunk) this.complete.add(id);
    }
  }

  /**
   * The graph of what is fetched, grown as actions come in rather than built again for every run
   * of a search: nodes and edges go in the order buildActionGraph would give them (the start
   * actors, then each action's ends and the action, in fetch order), so the algorithms walk it alike.
   */
  graph(): ActionGraph {
    return this.grown;
  }

  private add(action: Action): void {
    if (this.actions.has(action.id) || !this.passes(action) || (this.params.datedOnly && action.date === undefined)) return;
    this.actions.set(action.id, action);
    this.node(action.from);
    this.node(action.to);
    this.grown.addDirectedEdgeWithKey(action.id, action.from, action.to, actionAttributes(action));
    for (const end of [action.from, action.to]) {
      let list = this.byActor.get(end);
      if (!list) this.byActor.set(end, (list = []));
      list.push(action);
    }
  }
}

/**
 * Every shortest path, by a bidirectional breadth-first search run here on what is fetched, each
 * step growing the side with the smaller frontier by one level once its frontier's actions are
 * all in (fetched as needed; the first fetch takes two levels of both ends when small). It stops
 * when an actor reached from one side has been reached from the other, or the two depths add up
 * to maxLength. Each side's reached actors are then exactly those within its depth of its end,
 * and every actor nearer than that is complete. With d the length of a shortest path (at most the
 * two depths added up, once the sides meet), each action of such a path touches an actor within
 * (source depth - 1) of the source or within (target depth - 1) of the target: what is fetched
 * holds every shortest path, and no shorter one (it is part of the graph), so allShortestPaths
 * answers on it as on the whole graph. Sides that never meet within maxLength mean no path that
 * short. A one-sided expansion up to maxLength fetches up to the whole graph.
 */
export async function shortestPathsIn(
  tx: Tx,
  source: string,
  target: string,
  maxLength: number,
  params: FilterParams,
  passes: (a: Action) => boolean,
  limit: number,
): Promise<FoundPath[]> {
  const part = new Part([source, target], tx, params, passes);
  await part.fetch([source, target], NEAR);
  interface Side {
    reached: Set<string>;
    frontier: string[];
    depth: number;
  }
  const s: Side = { reached: new Set([source]), frontier: [source], depth: 0 };
  const t: Side = { reached: new Set([target]), frontier: [target], depth: 0 };
  while (s.depth + t.depth < maxLength && s.frontier.length > 0 && t.frontier.length > 0) {
    const side = s.frontier.length <= t.frontier.length ? s : t;
    const other = side === s ? t : s;
    await part.fetch(side.frontier);
    const next: string[] = [];
    for (const v of side.frontier) {
      for (const action of part.of(v)) {
        for (const end of [action.from, action.to]) {
          if (side.reached.has(end)) continue;
          side.reached.add(end);
          next.push(end);
        }
      }
    }
    side.frontier = next;
    side.depth++;
    if (next.some((id) => other.reached.has(id))) return allShortestPaths(part.graph(), source, target, maxLength, passes, limit);
  }
  return [];
}

/**
 * Time-respecting chains, fetching actors' actions as the search steps on them. In answer order
 * and stopping at the limit, the search steps on few actors (a hub's chains rarely leave its first
 * neighbours), so it runs on what is fetched, says which actors it lacked (`missing`), and runs
 * again once their actions are in, until it lacks none: that run read complete lists only, so it
 * answers as on the whole graph (tests/graph/optimised-equivalence.test.ts checks this scheme).
 * Precedence follows response links at any remove, and only from fetched actions: before each run,
 * the links of what they respond to (at any remove) are read (RESPONSE_LINKS_FROM), not every
 * link of the graph.
 */
export async function chainsIn(
  tx: Tx,
  actor: string,
  maxLength: number,
  params: FilterParams,
  rulesOf: (linksOf: LinksOf) => ChainRules,
  limit: number,
): Promise<Omit<ChainSearch, 'missing'>> {
  const links = new Map<string, readonly string[]>();
  const rules = rulesOf((id) => part.actions.get(id)?.respondsTo ?? links.get(id));
  const part: Part = new Part([actor], tx, params, rules.passes);
  await part.fetch([actor], NEAR);
  for (;;) {
    await readLinks(tx, part, links);
    const found = timeRespectingChains(part.graph(), actor, maxLength, rules, limit, undefined, (id) => part.complete.has(id));
    if (found.missing.length === 0) return { chains: found.chains, truncated: found.truncated };
    await part.fetch(found.missing);
  }
}

/** The links reachable from the fetched actions that are not known yet (one statement, only when some are missing). */
async function readLinks(tx: Tx, part: Part, links: Map<string, readonly string[]>): Promise<void> {
  const wanted = new Set<string>();
  for (const a of part.actions.values()) {
    for (const t of a.respondsTo ?? []) if (!part.actions.has(t) && !links.has(t)) wanted.add(t);
  }
  if (wanted.size === 0) return;
  for (const row of await tx.run(RESPONSE_LINKS_FROM, { ids: [...wanted] })) links.set(row.id as string, row.targets as string[]);
}
