/**
 * The append-only journal of the embedded store. Each record is one line, `<crc32> <json>\n`,
 * appended and fsynced before the write is acknowledged. On open, a torn or corrupt last line
 * (a crash mid-append) is cut off with a warning; a bad line before the last is real damage and
 * stops the start with a clear message rather than guess.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { StorageFullError, UnavailableError } from '../errors';
import { fsyncDir, type FileOps } from './files';

/** The journal's name in DATA_DIR. */
export const JOURNAL_FILE = 'graph.journal';

export interface JournalEntry<T> {
  seq: number;
  record: T;
}

function checksum(text: string): string {
  return zlib.crc32(text).toString(16).padStart(8, '0');
}

export function encodeLine(json: string): string {
  return `${checksum(json)} ${json}\n`;
}

export function decodeLine(line: string): unknown {
  const space = line.indexOf(' ');
  if (space !== 8) return undefined;
  const json = line.slice(9);
  if (checksum(json) !== line.slice(0, 8)) return undefined;
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

export interface ReplayResult<T> {
  entries: JournalEntry<T>[];
  /** Bytes of valid journal; anything after was torn and has been cut off. */
  validBytes: number;
  tornBytes: number;
}

/** Reads every intact record; cuts a torn tail off the file so new appends start clean. */
export function replayJournal<T>(file: string, warn: (msg: string) => void): ReplayResult<T> {
  if (!fs.existsSync(file)) return { entries: [], validBytes: 0, tornBytes: 0 };
  const buf = fs.readFileSync(file);
  const entries: JournalEntry<T>[] = [];
  let pos = 0;
  while (pos < buf.length) {
    const nl = buf.indexOf(0x0a, pos);
    const end = nl === -1 ? buf.length : nl;
    const decoded = nl === -1 ? undefined : decodeLine(buf.toString('utf8', pos, end));
    if (decoded === undefined) {
      if (nl !== -1 && nl + 1 < buf.length) {
        throw new Error(
          `journal ${file} is damaged at byte ${pos} (a bad record followed by others); ` +
            'restore the data folder from a backup or move the journal aside',
        );
      }
      const torn = buf.length - pos;
      warn(`journal ${file}: dropped a torn last record (${torn} bytes) left by an interrupted write`);
      fs.truncateSync(file, pos);
      return { entries, validBytes: pos, tornBytes: torn };
    }
    entries.push(decoded as JournalEntry<T>);
    pos = end + 1;
  }
  return { entries, validBytes: pos, tornBytes: 0 };
}

/** An open journal that appends durable records. */
export class Journal {
  private constructor(
    private readonly file: string,
    private fd: number,
    private size: number,
    private readonly files: FileOps,
  ) {}

  /**
   * A new journal's name lives in its folder, so the folder is fsynced before any record is
   * acknowledged: otherwise a power cut could lose the whole file with every fsynced record in it.
   * The data folder itself may have just been made by the store's open, so its parent is fsynced
   * too, where it can be read (a parent we may not read was not made by us).
   */
  static open(file: string, size: number, files: FileOps = fs): Journal {
    const isNew = !files.existsSync(file);
    const fd = files.openSync(file, 'a', 0o600); // the owner's alone, as the data folder
    if (isNew) {
      const dir = path.dirname(file);
      files.fsyncSync(fd);
      fsyncDir(dir, files);
      try {
        fsyncDir(path.dirname(dir), files);
      } catch {
        // unreadable parent: see above
      }
    }
    return new Journal(file, fd, size, files);
  }

  get bytes(): number {
    return this.size;
  }

  /** Appends one record and returns only once it is on disk. */
  append(json: string): void {
    const data = Buffer.from(encodeLine(json), 'utf8');
    try {
      let written = 0;
      while (written < data.length) written += this.files.writeSync(this.fd, data, written, data.length - written);
      this.files.fsyncSync(this.fd);
    } catch (err) {
      this.rollback();
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOSPC' || code === 'EDQUOT') throw new StorageFullError('the data folder is full; the write was not kept');
      throw new UnavailableError(`the data folder cannot be written (${code ?? 'error'}); the write was not kept`);
    }
    this.size += data.length;
  }

  /** Cuts a partly written record off so the journal ends on a whole record. */
  private rollback(): void {
    try {
      this.files.ftruncateSync(this.fd, this.size);
      this.files.fsyncSync(this.fd);
    } catch {
      // The torn tail will be found and dropped by replayJournal at the next start.
    }
  }

  /** Empties the journal once a snapshot holds everything in it. */
  reset(): void {
    this.files.ftruncateSync(this.fd, 0);
    this.files.fsyncSync(this.fd);
    this.size = 0;
  }

  close(): void {
    this.files.closeSync(this.fd);
  }
}
