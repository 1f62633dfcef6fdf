/**
 * The embedded store's write path. Writes run one at a time, each planned against the state the
 * previous one left; its ops are appended to the journal and fsynced, then applied, and only then
 * is the write acknowledged. Past a journal size the state is folded into a snapshot.
 */
import path from 'node:path';
import type { Logger } from '../../logger';
import type { RecordLookup } from '../rules';
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

  constructor(
    private readonly state: GraphState,
    private readonly journal: Journal,
    private seq: number,
    private readonly options: WriterOptions,
  ) {
    this.lookup = lookupIn(state);
  }

  /** Plans a write in its turn (a throw writes nothing) and resolves with its answer after the fsync. */
  write<T>(plan: (lookup: RecordLookup) => Promise<Planned<T>>): Promise<T> {
    return this.serial(async () => {
      const { ops, answer } = await plan(this.lookup);
      this.commit(ops);
      return answer;
    });
  }

  /** After the writes already queued: folds the journal into a snapshot and releases it. */
  async close(): Promise<void> {
    await this.serial(() => {
      if (this.journal.bytes > 0) this.compact();
      this.journal.close();
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

  /** Makes the ops durable, then applies them; a failed append throws and applies nothing. */
  private commit(ops: Op[]): void {
    if (ops.length === 0) return;
    const seq = this.seq + 1;
    const record: JournalRecord = { ops };
    this.journal.append(JSON.stringify({ seq, record }));
    this.seq = seq;
    this.state.apply(ops);
    if (this.journal.bytes > this.options.compactBytes) this.compact();
  }

  /**
   * Folds the journal into a snapshot. A failure here loses nothing (the journal still holds
   * every write), so it is logged and the write that triggered it stands.
   */
  private compact(): void {
    const { dataDir, logger } = this.options;
    const started = Date.now();
    try {
      writeSnapshot(path.join(dataDir, SNAPSHOT_FILE), { seq: this.seq, graph: this.state.toDocument() });
      this.journal.reset();
      logger.info({ ms: Date.now() - started, seq: this.seq }, 'embedded store compacted');
    } catch (err) {
      logger.warn({ err: (err as Error).message }, 'compaction failed; the journal keeps every write and compaction will be retried');
    }
  }
}
