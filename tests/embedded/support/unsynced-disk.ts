/**
 * A file layer for the journal that does the real file operations and also keeps what a power cut
 * would leave behind: a file's bytes only as of its last fsync, and a new file only once its folder
 * has been fsynced after it was created. The page cache survives a process kill, so only a model
 * like this (or a device that drops unsynced writes, which this sandbox cannot run: RELIABILITY.md)
 * shows whether an acknowledged write would survive losing power.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FileOps } from '../../../server/store/embedded/files';

export class UnsyncedDisk implements FileOps {
  /** Every file opened through this layer. */
  private readonly handled = new Set<string>();
  /** Path of each open descriptor. */
  private readonly paths = new Map<number, string>();
  /** A file's content as of its last fsync (or as found when first opened). */
  private readonly durable = new Map<string, Buffer>();
  /** Files this layer created whose folder has not been fsynced since. */
  private readonly unlinkedOnPowerCut = new Set<string>();
  /** Every operation in order, for assertions on ordering. */
  readonly log: string[] = [];

  existsSync(file: string): boolean {
    return fs.existsSync(file);
  }

  openSync(file: string, flags: string, mode?: number): number {
    const existed = fs.existsSync(file);
    const fd = fs.openSync(file, flags, mode);
    this.paths.set(fd, file);
    this.handled.add(file);
    if (!existed) this.unlinkedOnPowerCut.add(file);
    else if (fs.statSync(file).isFile() && !this.durable.has(file)) this.durable.set(file, fs.readFileSync(file));
    this.log.push(`open ${path.basename(file)}`);
    return fd;
  }

  writeSync(fd: number, buffer: Buffer, offset: number, length: number): number {
    this.log.push(`write ${path.basename(this.pathOf(fd))}`);
    return fs.writeSync(fd, buffer, offset, length);
  }

  fsyncSync(fd: number): void {
    fs.fsyncSync(fd);
    const file = this.pathOf(fd);
    this.log.push(`fsync ${path.basename(file)}`);
    if (fs.statSync(file).isDirectory()) {
      for (const f of this.unlinkedOnPowerCut) if (path.dirname(f) === file) this.unlinkedOnPowerCut.delete(f);
    } else {
      this.durable.set(file, fs.readFileSync(file));
    }
  }

  ftruncateSync(fd: number, length: number): void {
    this.log.push(`truncate ${path.basename(this.pathOf(fd))}`);
    fs.ftruncateSync(fd, length);
  }

  closeSync(fd: number): void {
    fs.closeSync(fd);
    this.paths.delete(fd);
  }

  /**
   * Copies `dir` as a power cut now would leave it into `into`: files this layer handles as of their
   * last fsync (absent if their folder entry was never fsynced); other files as they are (the
   * snapshot is written by its own fsync-and-rename code, not through this layer).
   */
  powerCut(dir: string, into: string): void {
    for (const name of fs.readdirSync(dir)) {
      const file = path.join(dir, name);
      if (this.unlinkedOnPowerCut.has(file)) continue;
      const kept = this.durable.get(file) ?? (this.handled.has(file) ? Buffer.alloc(0) : fs.readFileSync(file));
      fs.writeFileSync(path.join(into, name), kept);
    }
  }

  private pathOf(fd: number): string {
    const file = this.paths.get(fd);
    if (file === undefined) throw new Error(`fd ${fd} was not opened through this layer`);
    return file;
  }
}
