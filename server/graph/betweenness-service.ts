/**
 * Betweenness for a store's statistics, computed at most once per version of the database and
 * shared by every caller asking for that version. While a newer value is computed, the last one
 * is served with the version it was computed for (`current: false`), so no request waits for a
 * large graph's computation once a first value exists. Small graphs (the last value was exact, so
 * cheap) are awaited instead: their answer is always current.
 */
import type { BetweennessPart } from '../../contract';
import { betweennessOffLoop, type BetweennessResult } from './betweenness-worker';
import { topN, type Ranked } from './metrics';

/** The actor graph at one version: ids, their names (parallel to ids) and the (from, to) of every action. */
export interface ActorGraphSnapshot {
  version: string;
  ids: string[];
  names: string[];
  pairs: (readonly [string, string])[];
}

/** A snapshot of records held in memory, taken at once (before any write can change them). */
export function snapshotOf(
  version: string | number,
  actors: Iterable<{ id: string; name: string }>,
  actions: Iterable<{ from: string; to: string }>,
): ActorGraphSnapshot {
  const ids: string[] = [];
  const names: string[] = [];
  for (const a of actors) {
    ids.push(a.id);
    names.push(a.name);
  }
  const pairs: [string, string][] = [];
  for (const a of actions) pairs.push([a.from, a.to]);
  return { version: String(version), ids, names, pairs };
}

/**
 * How many of the ranking are kept per version: the API asks for 10. Ranking and naming only
 * these keeps the main thread's share of a computation at L (100,000 actors) short; ranking and
 * naming all of them held the event loop 200-300 ms.
 */
const KEPT = 100;

/** The names of `wanted` ids, in one pass over the snapshot. */
function namesOf(snap: ActorGraphSnapshot, wanted: ReadonlySet<string>): Map<string, string> {
  const names = new Map<string, string>();
  snap.ids.forEach((id, i) => {
    if (wanted.has(id)) names.set(id, snap.names[i] ?? id);
  });
  return names;
}

interface Computed {
  version: string;
  /** The KEPT actors with the highest positive values, best first, ties by id (as topN), named as at that version. */
  ranked: (Ranked & { name: string })[];
  method: BetweennessResult['method'];
}

export class BetweennessService {
  private last: Computed | null = null;
  private running: { version: string; done: Promise<Computed> } | null = null;

  constructor(private readonly compute: typeof betweennessOffLoop = betweennessOffLoop) {}

  /**
   * The top `top` actors by betweenness (at most KEPT) and how they were computed. `version` is the database's
   * version now; `load` reads the actor graph (at that version, or a later one it reports).
   */
  async get(version: string, top: number, load: () => ActorGraphSnapshot | Promise<ActorGraphSnapshot>): Promise<BetweennessPart> {
    if (this.last?.version === version) return this.answer(this.last, version, top);
    if (this.running?.version !== version) {
      const slot = { version } as { version: string; done: Promise<Computed> };
      slot.done = this.run(load, slot);
      this.running = slot;
      // Served stale below, nobody may await it: a failure is forgotten and the next request retries.
      slot.done.catch(() => undefined);
    }
    const running = this.running.done;
    if (this.last && this.last.method.method === 'sampled') return this.answer(this.last, version, top);
    return this.answer(await running, version, top);
  }

  private async run(load: () => ActorGraphSnapshot | Promise<ActorGraphSnapshot>, slot: object): Promise<Computed> {
    try {
      const snap = await load();
      const result = await this.compute(snap.ids, snap.pairs);
      const ranked = topN(result.scores, KEPT);
      const names = namesOf(snap, new Set(ranked.map((r) => r.id)));
      const computed: Computed = {
        version: snap.version,
        ranked: ranked.map((r) => ({ ...r, name: names.get(r.id) ?? r.id })),
        method: result.method,
      };
      this.last = computed;
      return computed;
    } finally {
      if (this.running === slot) this.running = null;
    }
  }

  private answer(c: Computed, version: string, top: number): BetweennessPart {
    return {
      topByBetweenness: c.ranked.slice(0, top).map(({ id, name, value }) => ({ id, name, value })),
      betweenness: { version: c.version, current: c.version === version, ...c.method },
    };
  }
}
