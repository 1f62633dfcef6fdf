/**
 * Compacted snapshots of the embedded store: the whole graph as one interchange document plus the
 * journal sequence number it includes. Written to a temporary file, fsynced, renamed over the old
 * one and the folder fsynced, so a crash leaves either the old snapshot or the new one.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { InterchangeDocument } from '../../../contract';
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

export function writeSnapshot(file: string, snap: Snapshot): void {
  const tmp = `${file}.tmp`;
  const fd = fs.openSync(tmp, 'w', 0o600);
  try {
    fs.writeSync(fd, JSON.stringify(snap));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
  fsyncDir(path.dirname(file));
}
