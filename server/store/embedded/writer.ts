/**
 * The embedded store's write path. Writes run one at a time, each planned against the state the
 * previous one left; its ops are appended to the journal and fsynced, then applied, and only then
 * is the write acknowledged. Past a journal size the state is folded into a snapshot.
 */
import path from 'node:path';
import type { Logger } from '../../logger';
import { entryOf, nextTime, type ChangeNote, type HistoryEntry } from '../history/entry';
import type { RecordLookup } from '../rules';
import { changedRecords } from './changes';
import type { HistoryLog } from './history';
import type { Journal } from './journal';
import { lookupIn } from './lookup';
import { SNAPSHOT_FILE, writeSnapshot } from './snapshot';
import type { GraphState, JournalRecord, Op } from './state';

/** What a write changes (nothing, for no ops) and what its caller is answered. */
export interface Planned<T> {
  ops: Op[];
  answer: T;
}

export interface WriterOptions {
  dataDir: string;
  logger: Logger;
  /** Journal size past which the writer writes a snapshot and empties the journal. */
  compactBytes: number;
}

export class Writer {
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  private readonly lookup: RecordLookup;
  /** History lines whose append failed: written before the next change, and compaction waits for them. */
  private readonly unwritten: HistoryEntry[] = [];

  constructor(
    private readonly state: GraphState,
    private readonly journal: Journal,
    private readonly history: HistoryLog,
    private seq: number,
    private readonly options: WriterOptions,
  ) {
    this.lookup = lookupIn(state);
  }

  /** The change number: the sequence number of the last write. */
  get change(): number {
    return this.seq;
  }

  /**
   * Plans a write in its turn (a throw writes nothing) and resolves with its answer after the fsync.
   * A write that changes something is one change in the history, by `note`.
   */
  write<T>(plan: (lookup: RecordLookup) => Promise<Planned<T>>, note?: ChangeNote, kind: HistoryEntry['kind'] = 'write'): Promise<T> {
    return this.serial(async () => {
      const { ops, answer } = await plan(this.lookup);
      this.commit(ops, note, kind);
      // In the write's turn, so no other write lands while the snapshot is written; reads go on.
      if (this.unwritten.length === 0 && this.journal.bytes > this.options.compactBytes) await this.compact();
      return answer;
    });
  }

  /** Runs `read` after the writes already queued, so what it reads is one change number's state. */
  inTurn<T>(read: () => T | Promise<T>): Promise<T> {
    return this.serial(read);
  }

  /** After the writes already queued: folds the journal into a snapshot and releases it. */
  async close(): Promise<void> {
    await this.serial(async () => {
      this.writeHistory();
      if (this.journal.bytes > 0 && this.unwritten.length === 0) await this.compact();
      this.journal.close();
      this.history.close();
      this.closed = true;
    });
  }

  /** Runs work one after another, so each sees the state the previous one left. */
  private serial<T>(work: () => T | Promise<T>): Promise<T> {
    const run = this.queue.then(() => {
      if (this.closed) throw new Error('the store is closed');
      return work();
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Makes the ops durable, then applies them; a failed append throws and applies nothing. The
   * history line follows the journal's: should it fail, the write stands (the journal holds it)
   * and the line is retried before the next change and before any compaction.
   */
  private commit(ops: Op[], note: ChangeNote | undefined, kind: HistoryEntry['kind']): void {
    if (ops.length === 0) return;
    const seq = this.seq + 1;
    const at = nextTime(this.unwritten.at(-1)?.at ?? this.history.lastAt);
    const record: JournalRecord = {
      ops,
      at,
      who: note?.who ?? 'system',
      ...(note?.message !== undefined && { message: note.message }),
      ...(kind === 'import' && { import: true as const }),
    };
    this.journal.append(JSON.stringify({ seq, record }));
    const entry = entryOf(seq, at, note, kind, changedRecords(this.state, ops));
    this.seq = seq;
    this.state.apply(ops);
    this.unwritten.push(entry);
    this.writeHistory();
  }

  private writeHistory(): void {
    try {
      while (this.unwritten.length) {
        this.history.append(this.unwritten[0]!);
        this.unwritten.shift();
      }
    } catch (err) {
      this.options.logger.error(
        { err: (err as Error).message },
        'history line not written; it is retried, and the journal keeps the change',
      );
    }
  }

  /**
   * Folds the journal into a snapshot. A failure here loses nothing (the journal still holds
   * every write), so it is logged and the write that triggered it stands.
   */
  private async compact(): Promise<void> {
    const { dataDir, logger } = this.options;
    const started = Date.now();
    try {
      await writeSnapshot(path.join(dataDir, SNAPSHOT_FILE), { seq: this.seq, graph: this.state.toDocument() });
      this.journal.reset();
      logger.info({ ms: Date.now() - started, seq: this.seq }, 'embedded store compacted');
    } catch (err) {
      logger.warn({ err: (err as Error).message }, 'compaction failed; the journal keeps every write and compaction will be retried');
    }
  }
}
