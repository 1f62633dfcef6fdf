/**
 * Reads an import body in a worker thread (worker.ts) and collects the valid document batch by
 * batch, with a turn of the event loop between batches. One body is read at a time, by one worker:
 * it holds a parsed copy of up to 10 MB of JSON, so parallel imports wait rather than add up.
 */
import type { Worker } from 'node:worker_threads';
import { startWorkerBeside } from '../worker-script';
import type { InterchangeDocument } from '../../contract';
import { loopTurn } from '../loop-turn';
import { UnavailableError } from '../store/errors';
import { checkImportBody, type Checked } from './check';
import type { BatchReply, CheckReply, ImportJob, NextBatch } from './protocol';

export type ReadBody = Checked;

function startWorker(): Worker {
  return startWorkerBeside(__filename, __dirname, 'worker');
}

/**
 * One worker for the process, kept between imports. Ending a worker after each import made the
 * API's thread wait for it to tear down its heap (a join, at the worker's low priority): 100-400 ms
 * of event-loop delay with no CPU used. An idle worker does not keep the process alive.
 */
let shared: Worker | null = null;

function theWorker(): Worker {
  if (shared) return shared;
  const worker = startWorker();
  const lost = () => {
    if (shared === worker) shared = null;
  };
  worker.on('error', lost);
  worker.on('exit', lost);
  shared = worker;
  return worker;
}

/** The worker's next message, or its failure. */
function nextMessage<T>(worker: Worker): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onMessage = (m: T) => {
      off();
      resolve(m);
    };
    const onError = (err: Error) => {
      off();
      reject(new UnavailableError(`the import could not be read (${err.message}); nothing was written, try again`, 1));
    };
    const onExit = (code: number) => {
      off();
      reject(
        new UnavailableError(`the import could not be read (its worker stopped, exit code ${code}); nothing was written, try again`, 1),
      );
    };
    const off = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
  });
}

async function readInWorker(job: ImportJob): Promise<ReadBody> {
  const worker = theWorker();
  worker.ref();
  try {
    const answer = nextMessage<CheckReply>(worker);
    // The bytes are moved, not copied again (the caller's copy is the worker's alone).
    worker.postMessage(job, [job.bytes.buffer as ArrayBuffer]);
    const first = await answer;
    if ('failed' in first) throw new UnavailableError(`the import could not be read (${first.failed}); nothing was written, try again`, 1);
    if ('refused' in first) return { ok: false, refusal: first.refused };
    const doc: Record<string, unknown> = { ...first.head };
    for (const list of first.lists) doc[list] = [];
    for (;;) {
      const reply = nextMessage<BatchReply>(worker);
      worker.postMessage({ next: true } satisfies NextBatch);
      const batch = await reply;
      if ('done' in batch) break;
      const into = doc[batch.list] as unknown[];
      for (const record of batch.records) into.push(record);
      await loopTurn();
    }
    return { ok: true, doc: doc as unknown as InterchangeDocument };
  } finally {
    worker.unref();
  }
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Bodies up to this size are checked on the API's thread (a few milliseconds at most): starting a
 * worker costs more than that, and most imports are small.
 */
const INLINE_BYTES = 64 * 1024;

/** Reads and checks an import body off the event loop: the valid document, or the refusal to answer with. */
export function readImportBody(body: Uint8Array, charset: string, prefix: string): Promise<ReadBody> {
  if (body.length <= INLINE_BYTES) {
    return Promise.resolve(checkImportBody(body, charset, prefix));
  }
  // A copy of its own, so moving it to the worker cannot touch memory the HTTP layer shares.
  const bytes = new Uint8Array(body);
  const run = queue.then(() => readInWorker({ bytes, charset, prefix }));
  queue = run.catch(() => undefined);
  return run;
}
