/**
 * Runs the extractor in one worker thread, one job at a time in arrival order, so a long report
 * costs the API's event loop only the copying of its text and answer. A job that outlives its
 * deadline ends the worker (a new one starts for the next job); a worker that dies fails only
 * the job it held.
 */
import type { Worker } from 'node:worker_threads';
import { startWorkerBeside } from '../worker-script';
import type { ActorRecord, Unit } from './actors';
import type { Anchor } from './dates';
import type { ExtractJob, ExtractReply } from './protocol';

export interface Actors {
  /** Changes whenever the records do. */
  version: number;
  records: readonly ActorRecord[];
  /** [parent, unit] pairs from the store's OWNS actions. */
  units?: readonly Unit[];
}

/** Why a job got no answer: the queue was full, or the worker took too long or died. */
export class ExtractUnavailable extends Error {}

interface Pending {
  job: Omit<ExtractJob, 'id' | 'actors' | 'units'>;
  records: readonly ActorRecord[];
  units: readonly Unit[];
  resolve(json: string): void;
  reject(err: Error): void;
}

export interface PoolOptions {
  /** How long one job may run before its worker is ended. */
  deadlineMs?: number;
  /** Jobs waiting beyond the one running; more are refused at once. */
  maxWaiting?: number;
}

function startWorker(): Worker {
  return startWorkerBeside(__filename, __dirname, 'worker');
}

export class ExtractPool {
  private worker: Worker | null = null;
  /** The worker has loaded its rules (a job's deadline starts only then). */
  private ready = false;
  /** The actors' version the worker holds, -1 for none. */
  private workerActors = -1;
  private running: (Pending & { id: number; timer: NodeJS.Timeout }) | null = null;
  private readonly waiting: Pending[] = [];
  private nextId = 1;
  private readonly deadlineMs: number;
  private readonly maxWaiting: number;

  constructor(options: PoolOptions = {}) {
    this.deadlineMs = options.deadlineMs ?? 30_000;
    // EXTRACT_MAX_WAITING shrinks the queue so a test can fill it with a few requests; nothing else sets it.
    this.maxWaiting = options.maxWaiting ?? (Number(process.env.EXTRACT_MAX_WAITING) || 16);
  }

  /** The answer as JSON text. */
  extract(text: string, anchor: Anchor | null, actors: Actors): Promise<string> {
    if (this.waiting.length >= this.maxWaiting) return Promise.reject(new ExtractUnavailable('the extractor is busy; try again shortly'));
    return new Promise((resolve, reject) => {
      this.waiting.push({
        job: { text, anchor, actorsVersion: actors.version },
        records: actors.records,
        units: actors.units ?? [],
        resolve,
        reject,
      });
      this.next();
    });
  }

  /** Ends the worker; jobs still waiting fail. */
  async close(): Promise<void> {
    for (const p of this.waiting.splice(0)) p.reject(new ExtractUnavailable('the extractor was stopped'));
    this.fail(new ExtractUnavailable('the extractor was stopped'));
    await this.drop();
  }

  private next(): void {
    if (this.running) return;
    if (!this.waiting.length) return;
    const worker = this.ensureWorker();
    if (!this.ready) return;
    const p = this.waiting.shift()!;
    const id = this.nextId++;
    const job: ExtractJob = { ...p.job, id };
    if (this.workerActors !== job.actorsVersion) {
      job.actors = p.records;
      job.units = p.units;
      this.workerActors = job.actorsVersion;
    }
    const timer = setTimeout(() => {
      this.fail(new ExtractUnavailable(`the extraction took longer than ${this.deadlineMs / 1000} s and was stopped`));
      void this.drop().then(() => this.next());
    }, this.deadlineMs);
    this.running = { ...p, id, timer };
    worker.ref();
    worker.postMessage(job);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = startWorker();
    worker.ref();
    worker.on('message', (reply: ExtractReply) => {
      if ('ready' in reply) {
        this.ready = true;
        return this.next();
      }
      const r = this.running;
      if (!r || r.id !== reply.id) return;
      this.settle();
      if ('json' in reply) r.resolve(reply.json);
      else r.reject(new Error(`extraction failed: ${reply.error}`));
      this.next();
    });
    const lost = (why: string) => {
      if (this.worker !== worker) return;
      const started = this.ready;
      this.worker = null;
      this.workerActors = -1;
      this.ready = false;
      this.fail(new ExtractUnavailable(`the extractor stopped (${why}); try again`));
      // A worker that could not even start would fail again: the jobs waiting fail with it.
      if (!started) for (const p of this.waiting.splice(0)) p.reject(new Error(`the extraction worker did not start: ${why}`));
      this.next();
    };
    worker.on('error', (err) => lost(err.message));
    worker.on('exit', (code) => lost(`exit code ${code}`));
    this.worker = worker;
    this.workerActors = -1;
    this.ready = false;
    return worker;
  }

  /** The running job is over: its timer cleared, and an idle worker no longer keeps the process alive. */
  private settle(): void {
    if (!this.running) return;
    clearTimeout(this.running.timer);
    this.running = null;
    if (!this.waiting.length) this.worker?.unref();
  }

  private fail(err: Error): void {
    const r = this.running;
    this.settle();
    r?.reject(err);
  }

  private async drop(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.workerActors = -1;
    this.ready = false;
    if (worker) await worker.terminate();
  }
}
