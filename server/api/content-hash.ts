/**
 * The content hash /api/health shows: SHA-256 of the unfiltered JSON export's bytes, so two people
 * can check they hold the same data by hashing their downloads (`sha256sum`). Computed once per
 * change number, giving other requests a turn every few milliseconds. Small graphs are
 * hashed while health waits; it is computed only when asked (`?hash=1`), and
 * every health check at the same change has it afterwards. Small graphs are hashed while the asking
 * health check waits; above HASH_INLINE_RECORDS it answers at once and a later one has the hash.
 */
import { createHash } from 'node:crypto';
import type { InterchangeDocument } from '../../contract';
import { loopTurn } from '../loop-turn';
import type { GraphStore } from '../store/types';
import { interchangeJsonChunks } from './export/json';

const HASH_INLINE_RECORDS = 20_000;
/** The longest hashing holds the event loop between turns (the budget is 50 ms at M). */
const HASH_SLICE_MS = 10;

async function hashDocument(doc: InterchangeDocument): Promise<string> {
  const hash = createHash('sha256');
  // A turn for other requests whenever a slice is used up (by time: chunk sizes vary widely).
  let sliceStart = performance.now();
  for (const chunk of interchangeJsonChunks(doc)) {
    hash.update(chunk, 'utf8');
    if (performance.now() - sliceStart > HASH_SLICE_MS) {
      await loopTurn();
      sliceStart = performance.now();
    }
  }
  return hash.digest('hex');
}

interface Known {
  change: number;
  hash: string;
}

const known = new WeakMap<GraphStore, Known>();
const running = new WeakMap<GraphStore, Promise<Known>>();

function compute(store: GraphStore): Promise<Known> {
  let run = running.get(store);
  if (!run) {
    run = (async () => {
      const { change, doc } = await store.exportCurrent();
      const value = { change, hash: await hashDocument(doc) };
      known.set(store, value);
      return value;
    })().finally(() => running.delete(store));
    running.set(store, run);
  }
  return run;
}

/** The hash at `change`, or undefined while a large graph's hash is being computed. */
export async function contentHashAt(store: GraphStore, change: number, records: number, start: boolean): Promise<string | undefined> {
  const have = known.get(store);
  if (have?.change === change) return have.hash;
  // Hashing copies and serialises the whole graph: at M its allocations alone paused the event
  // loop 60-80 ms, and on Neo4j under steady writes every health check exported the graph again
  // (recovery after an outage took 10 s). Monitors polling health must not set it off.
  if (!start) return undefined;
  const run = compute(store);
  if (records > HASH_INLINE_RECORDS) {
    run.catch(() => undefined);
    return undefined;
  }
  const got = await run;
  // A write landed while hashing: the hash is of a later change than the one reported.
  return got.change === change ? got.hash : undefined;
}
