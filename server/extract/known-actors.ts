/**
 * The store's actors as an ActorIndex, rebuilt only when the graph changes: on the embedded store
 * its version says when; on Neo4j (which others may write) it is read again after a few seconds.
 */
import type { GraphStore } from '../store/types';
import { ActorIndex, type ActorRecord } from './actors';

const PAGE = 1000;
const NEO4J_TTL_MS = 5000;

interface Cached {
  version: number | null;
  at: number;
  index: Promise<ActorIndex>;
}

const cache = new WeakMap<GraphStore, Cached>();

async function load(store: GraphStore): Promise<ActorIndex> {
  const actors: ActorRecord[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.listActors({ limit: PAGE, offset });
    actors.push(...page.items);
    if (page.items.length < PAGE || actors.length >= page.total) break;
  }
  return new ActorIndex(actors);
}

export function knownActors(store: GraphStore, now = Date.now()): Promise<ActorIndex> {
  const version = store.answersVersion?.() ?? null;
  const hit = cache.get(store);
  if (hit && (version !== null ? hit.version === version : now - hit.at < NEO4J_TTL_MS)) return hit.index;
  const index = load(store);
  cache.set(store, { version, at: now, index });
  // A failed read is not kept: the next request tries again.
  index.catch(() => {
    if (cache.get(store)?.index === index) cache.delete(store);
  });
  return index;
}
