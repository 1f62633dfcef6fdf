/**
 * The store's actors as records for the extraction worker, with its OWNS actions, read again only when the graph
 * changes: on the embedded store its version says when; on Neo4j (which others may write) after a
 * few seconds. Each read gets a new version number, so the worker rebuilds its index only then.
 */
import type { GraphStore } from '../store/types';
import type { ActorRecord, Unit } from './actors';
import type { Actors } from './pool';

const PAGE = 1000;
const NEO4J_TTL_MS = 5000;

interface Cached {
  version: number | null;
  at: number;
  actors: Promise<Actors>;
}

const cache = new WeakMap<GraphStore, Cached>();
let reads = 0;

async function load(store: GraphStore): Promise<Actors> {
  const records: ActorRecord[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.listActors({ limit: PAGE, offset });
    // Only what matching needs crosses to the worker.
    records.push(...page.items.map(({ id, name, aliases, kind }) => ({ id, name, aliases, kind })));
    if (page.items.length < PAGE || records.length >= page.total) break;
  }
  // Which actor owns which: "Amazon" in a report may stand for the unit it names elsewhere.
  const units: Unit[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.listActions({ types: ['OWNS'], limit: PAGE, offset });
    units.push(...page.items.map((a): Unit => [a.from, a.to]));
    if (page.items.length < PAGE || offset + page.items.length >= page.total) break;
  }
  return { version: ++reads, records, units };
}

export function knownActors(store: GraphStore, now = Date.now()): Promise<Actors> {
  const version = store.answersVersion?.() ?? null;
  const hit = cache.get(store);
  if (hit && (version !== null ? hit.version === version : now - hit.at < NEO4J_TTL_MS)) return hit.actors;
  const actors = load(store);
  cache.set(store, { version, at: now, actors });
  // A failed read is not kept: the next request tries again.
  actors.catch(() => {
    if (cache.get(store)?.actors === actors) cache.delete(store);
  });
  return actors;
}
