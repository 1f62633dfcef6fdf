/**
 * Compacted snapshots of the embedded store: the whole graph as one interchange document plus the
 * journal sequence number it includes. Written to a temporary file, fsynced, renamed over the old
 * one and the folder fsynced, so a crash leaves either the old snapshot or the new one.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { InterchangeDocument } from '../../../contract';
import { loopTurn } from '../../loop-turn';
import { fsyncDir } from './files';

/** The snapshot's name in DATA_DIR. */
export const SNAPSHOT_FILE = 'graph.snapshot.json';

export interface Snapshot {
  seq: number;
  graph: InterchangeDocument;
}

export function readSnapshot(file: string): Snapshot | null {
  if (!fs.existsSync(file)) return null;
  const text = fs.readFileSync(file, 'utf8');
  try {
    const snap = JSON.parse(text) as Snapshot;
    if (typeof snap.seq !== 'number' || typeof snap.graph !== 'object') throw new Error('missing fields');
    return snap;
  } catch (err) {
    throw new Error(`snapshot ${file} cannot be read (${(err as Error).message}); restore it from a backup`, { cause: err });
  }
}

/** Text is handed to the file in batches of about this many characters. */
const BATCH_CHARS = 64 * 1024;
/** The longest serialising holds the event loop between turns. */
const SLICE_MS = 10;

/** The snapshot as JSON, record by record (JSON.stringify(snap) in one go held the loop 0.3-0.8 s at M). */
function* snapshotChunks(snap: Snapshot): Generator<string> {
  yield `{"seq":${JSON.stringify(snap.seq)},"graph":{`;
  const entries = Object.entries(snap.graph).filter(([, v]) => v !== undefined);
  for (const [i, [key, value]] of entries.entries()) {
    yield `${i ? ',' : ''}${JSON.stringify(key)}:`;
    if (!Array.isArray(value)) {
      yield JSON.stringify(value);
      continue;
    }
    yield '[';
    for (let j = 0; j < value.length; j++) yield `${j ? ',' : ''}${JSON.stringify(value[j])}`;
    yield ']';
  }
  yield '}}';
}

/**
 * Writes the snapshot, giving the event loop a turn between slices and fsyncing off the loop.
 * The records must not change meanwhile: the writer runs it in its turn, so no write lands (reads
 * may, and do not change records).
 */
export async function writeSnapshot(file: string, snap: Snapshot): Promise<void> {
  const tmp = `${file}.tmp`;
  const fd = fs.openSync(tmp, 'w', 0o600);
  try {
    let batch = '';
    let sliceStart = performance.now();
    for (const chunk of snapshotChunks(snap)) {
      batch += chunk;
      if (batch.length < BATCH_CHARS) continue;
      fs.writeSync(fd, batch);
      batch = '';
      if (performance.now() - sliceStart > SLICE_MS) {
        await loopTurn();
        sliceStart = performance.now();
      }
    }
    if (batch) fs.writeSync(fd, batch);
    // On the thread pool: an fsync of a snapshot of tens of MB can take a while on a slow disk.
    await new Promise<void>((resolve, reject) => fs.fsync(fd, (err) => (err ? reject(err) : resolve())));
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
  fsyncDir(path.dirname(file));
}
