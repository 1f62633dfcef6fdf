/**
 * The content hash /api/health shows: SHA-256 of the unfiltered JSON export's bytes, so two people
 * can check they hold the same data by hashing their downloads (`sha256sum`). Computed once per
 * change number, with a turn for other requests every few thousand records. Small graphs are
 * hashed while health waits; above HASH_INLINE_RECORDS health answers at once without a hash and
 * the next health check after the hashing finishes has it.
 */
import { createHash } from 'node:crypto';
import type { InterchangeDocument } from '../../contract';
import type { GraphStore } from '../store/types';
import { interchangeJsonChunks } from './export/json';

const HASH_INLINE_RECORDS = 20_000;

async function hashDocument(doc: InterchangeDocument): Promise<string> {
  const hash = createHash('sha256');
  let n = 0;
  for (const chunk of interchangeJsonChunks(doc)) {
    hash.update(chunk, 'utf8');
    if (++n % 5000 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
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
export async function contentHashAt(store: GraphStore, change: number, records: number): Promise<string | undefined> {
  const have = known.get(store);
  if (have?.change === change) return have.hash;
  const run = compute(store);
  if (records > HASH_INLINE_RECORDS) {
    run.catch(() => undefined);
    return undefined;
  }
  const got = await run;
  // A write landed while hashing: the hash is of a later change than the one reported.
  return got.change === change ? got.hash : undefined;
}
