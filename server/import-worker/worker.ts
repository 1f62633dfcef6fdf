/**
 * The import worker: one body, read and checked here (check.ts), so a 10 MB import never holds the
 * API's event loop. A valid document is handed back in batches, each asked for by the API's thread
 * when it is ready for it, so no message takes long to copy in.
 */
import fs from 'node:fs';
import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { checkImportBody } from './check';
import type { BatchReply, CheckReply, ImportJob, NextBatch, RecordList } from './protocol';

/** Records per batch: copying one in costs the API's thread a few milliseconds at most. */
const BATCH = 500;
const LISTS: RecordList[] = ['actors', 'sources', 'episodes', 'actions'];

/**
 * On Linux a thread has its own niceness: this one gives the CPU to the API's thread (health checks,
 * short reads) whenever both want it, as the extraction worker does. Elsewhere it keeps its priority.
 */
function yieldToTheApi(): void {
  try {
    const tid = Number(fs.readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0) os.setPriority(tid, 10);
  } catch {
    // Not Linux, or not allowed: only the priority is lost.
  }
}

function start(job: ImportJob): void {
  let first: CheckReply;
  let pending: { list: RecordList; records: unknown[] }[] = [];
  try {
    const checked = checkImportBody(job.bytes, job.charset, job.prefix);
    if (!checked.ok) {
      first = { refused: checked.refusal };
    } else {
      const { actors, sources, episodes, actions, ...head } = checked.doc;
      const lists = { actors, sources, episodes, actions };
      const present = LISTS.filter((l) => lists[l] !== undefined);
      for (const list of present) {
        const records = lists[list] as unknown[];
        for (let i = 0; i < records.length; i += BATCH) pending.push({ list, records: records.slice(i, i + BATCH) });
      }
      first = { head, lists: present };
    }
  } catch (err) {
    first = { failed: err instanceof Error ? err.message : String(err) };
  }
  parentPort!.postMessage(first);
  parentPort!.on('message', (_ask: NextBatch) => {
    const batch = pending.shift();
    const reply: BatchReply = batch ?? { done: true };
    parentPort!.postMessage(reply);
    if (!batch) pending = [];
  });
}

yieldToTheApi();
start(workerData as ImportJob);
