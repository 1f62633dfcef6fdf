/**
 * The import worker: bodies read and checked here (check.ts), one at a time, so a 10 MB import
 * never holds the API's event loop. A valid document is handed back in batches, each asked for by the API's thread
 * when it is ready for it, so no message takes long to copy in.
 */
import fs from 'node:fs';
import os from 'node:os';
import { parentPort } from 'node:worker_threads';
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

/** The batches of the document checked last, handed out one per request. */
let pending: { list: RecordList; records: unknown[] }[] = [];

function check(job: ImportJob): CheckReply {
  pending = [];
  try {
    const checked = checkImportBody(job.bytes, job.charset, job.prefix);
    if (!checked.ok) return { refused: checked.refusal };
    const { actors, sources, episodes, actions, ...head } = checked.doc;
    const lists = { actors, sources, episodes, actions };
    const present = LISTS.filter((l) => lists[l] !== undefined);
    for (const list of present) {
      const records = lists[list] as unknown[];
      for (let i = 0; i < records.length; i += BATCH) pending.push({ list, records: records.slice(i, i + BATCH) });
    }
    return { head, lists: present };
  } catch (err) {
    return { failed: err instanceof Error ? err.message : String(err) };
  }
}

yieldToTheApi();
parentPort!.on('message', (m: ImportJob | NextBatch) => {
  if ('next' in m) {
    const reply: BatchReply = pending.shift() ?? { done: true };
    parentPort!.postMessage(reply);
  } else {
    parentPort!.postMessage(check(m));
  }
});
