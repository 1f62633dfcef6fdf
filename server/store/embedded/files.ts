/**
 * The file operations the journal uses, as an interface so a test can stand between the store and
 * the disk (to watch the order of writes and fsyncs, and to model what a power cut would keep).
 * node:fs satisfies it and is the default everywhere.
 */
import fs from 'node:fs';

export interface FileOps {
  existsSync(path: string): boolean;
  /** mode: the permissions of a file this creates (the journal's: 0600). */
  openSync(path: string, flags: string, mode?: number): number;
  writeSync(fd: number, buffer: Buffer, offset: number, length: number): number;
  fsyncSync(fd: number): void;
  ftruncateSync(fd: number, length: number): void;
  closeSync(fd: number): void;
}

/** Makes a folder's entries durable: a new or renamed file is only found after a power cut once its folder is fsynced. */
export function fsyncDir(dir: string, files: FileOps = fs): void {
  const fd = files.openSync(dir, 'r');
  try {
    files.fsyncSync(fd);
  } finally {
    files.closeSync(fd);
  }
}
