/**
 * The embedded store's history: an append-only file beside the journal, one change a line in the
 * journal's own framing (`<crc32> <json>\n`), fsynced as the journal is. The journal is written
 * first and is the truth: a change it holds that the history lacks (a crash between the two
 * appends) is written again from it when the store opens (recovery.ts). Compaction empties the
 * journal, never the history. In memory only an index is kept (offsets, times, authors, record
 * keys); entries are read from the file when asked for.
 */
import fs from 'node:fs';
import path from 'node:path';
import { StorageFullError, UnavailableError } from '../errors';
import { entryMatches, recordKey, type HistoryEntry, type HistoryQuery } from '../history/entry';
import { decodeLine, encodeLine } from './journal';
import { fsyncDir } from './files';

/** The history's name in DATA_DIR. */
export const HISTORY_FILE = 'graph.history';

interface Indexed {
  change: number;
  at: string;
  who: string;
  offset: number;
  length: number;
}

export class HistoryLog {
  private readonly index: Indexed[] = [];
  /** Record key (kind:id) -> positions in `index` of the changes that touched it, oldest first. */
  private readonly byRecord = new Map<string, number[]>();
  private size = 0;

  private constructor(
    private readonly file: string,
    private readonly fd: number,
  ) {}

  /**
   * Opens the history, reading its index. A torn last line (a crash mid-append) is cut off: the
   * journal still holds that change and recovery writes it again. Damage before the last line
   * stops the start, as for the journal.
   */
  static open(file: string, warn: (msg: string) => void): HistoryLog {
    const isNew = !fs.existsSync(file);
    const fd = fs.openSync(file, 'a+', 0o600);
    if (isNew) {
      fs.fsyncSync(fd);
      fsyncDir(path.dirname(file));
    }
    const log = new HistoryLog(file, fd);
    const buf = fs.readFileSync(file);
    let pos = 0;
    while (pos < buf.length) {
      const nl = buf.indexOf(0x0a, pos);
      const decoded = nl === -1 ? undefined : (decodeLine(buf.toString('utf8', pos, nl)) as HistoryEntry | undefined);
      if (decoded === undefined) {
        if (nl !== -1 && nl + 1 < buf.length) {
          fs.closeSync(fd);
          throw new Error(
            `history ${file} is damaged at byte ${pos} (a bad line followed by others); restore the data folder from a backup`,
          );
        }
        warn(`history ${file}: dropped a torn last line (${buf.length - pos} bytes); it is written again from the journal`);
        fs.ftruncateSync(fd, pos);
        fs.fsyncSync(fd);
        break;
      }
      log.add(decoded, pos, nl + 1 - pos);
      pos = nl + 1;
    }
    log.size = pos;
    return log;
  }

  private add(entry: HistoryEntry, offset: number, length: number): void {
    const at = this.index.length;
    this.index.push({ change: entry.change, at: entry.at, who: entry.who, offset, length });
    for (const r of entry.records) {
      const key = recordKey(r.kind, r.id);
      const list = this.byRecord.get(key);
      if (list) list.push(at);
      else this.byRecord.set(key, [at]);
    }
  }

  /** The last change recorded, 0 when none. */
  get last(): number {
    return this.index.at(-1)?.change ?? 0;
  }

  get first(): number | null {
    return this.index[0]?.change ?? null;
  }

  get lastAt(): string | undefined {
    return this.index.at(-1)?.at;
  }

  /**
   * Drops the changes after `change`: the journal is the truth, and a journal whose last record
   * was lost (cut as torn) must not leave the history claiming it. Returns how many were dropped.
   */
  cutAfter(change: number): number {
    let keep = this.index.length;
    while (keep > 0 && this.index[keep - 1]!.change > change) keep--;
    const dropped = this.index.length - keep;
    if (dropped === 0) return 0;
    const size = this.index[keep]!.offset;
    fs.ftruncateSync(this.fd, size);
    fs.fsyncSync(this.fd);
    this.index.length = keep;
    for (const [key, list] of this.byRecord) {
      while (list.length && list.at(-1)! >= keep) list.pop();
      if (list.length === 0) this.byRecord.delete(key);
    }
    this.size = size;
    return dropped;
  }

  /** Appends one change and returns once it is on disk. */
  append(entry: HistoryEntry): void {
    const data = Buffer.from(encodeLine(JSON.stringify(entry)), 'utf8');
    try {
      let written = 0;
      while (written < data.length) written += fs.writeSync(this.fd, data, written, data.length - written);
      fs.fsyncSync(this.fd);
    } catch (err) {
      try {
        fs.ftruncateSync(this.fd, this.size);
      } catch {
        // a torn line is cut at the next open
      }
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOSPC' || code === 'EDQUOT') throw new StorageFullError('the data folder is full; the history line was not kept');
      throw new UnavailableError(`the history cannot be written (${code ?? 'error'})`);
    }
    this.add(entry, this.size, data.length);
    this.size += data.length;
  }

  private read(i: number): HistoryEntry {
    const { offset, length } = this.index[i]!;
    const buf = Buffer.alloc(length);
    let got = 0;
    while (got < length) got += fs.readSync(this.fd, buf, got, length - got, offset + got);
    const entry = decodeLine(buf.toString('utf8', 0, length - 1)) as HistoryEntry | undefined;
    if (!entry) throw new Error(`history ${this.file}: the line of change ${this.index[i]!.change} no longer reads`);
    return entry;
  }

  /** Changes passing the query, newest first, at most query.limit. */
  query(q: HistoryQuery): HistoryEntry[] {
    const out: HistoryEntry[] = [];
    // With a record asked for, only its changes are looked at, not the whole index.
    const positions = q.record !== undefined ? (this.byRecord.get(q.record) ?? []) : null;
    const count = positions ? positions.length : this.index.length;
    for (let k = count - 1; k >= 0 && out.length < q.limit; k--) {
      const i = positions ? positions[k]! : k;
      const row = this.index[i]!;
      if (!entryMatches(row, () => [q.record!], q)) continue;
      out.push(this.read(i));
    }
    return out;
  }

  /** The last change made at or before `time`; 0 when none. */
  changeAt(time: string): number {
    const t = Date.parse(time);
    let lo = 0;
    let hi = this.index.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (Date.parse(this.index[mid]!.at) <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? 0 : this.index[lo - 1]!.change;
  }

  /** The changes after `change`, newest first. */
  *since(change: number): Generator<HistoryEntry> {
    for (let i = this.index.length - 1; i >= 0 && this.index[i]!.change > change; i--) yield this.read(i);
  }

  close(): void {
    fs.closeSync(this.fd);
  }
}
