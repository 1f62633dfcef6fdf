/**
 * The extraction worker: the rules load once here, and each job runs off the API's event loop, so
 * a 1 MB report never delays other requests. Keeps the index of the latest actors it was sent.
 */
import fs from 'node:fs';
import os from 'node:os';
import { parentPort } from 'node:worker_threads';
import { ActorIndex } from './actors';
import { extract } from './assemble';
import type { ExtractJob, ExtractReply } from './protocol';

/**
 * On Linux a thread has its own niceness: this one yields the CPU to the API's thread (and so to
 * health checks and short reads) whenever both want it. Elsewhere the worker keeps normal priority.
 */
function yieldToTheApi(): void {
  try {
    const tid = Number(fs.readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0) os.setPriority(tid, 10);
  } catch {
    // Not Linux, or not allowed: only the priority is lost.
  }
}
yieldToTheApi();

let held: { version: number; index: ActorIndex } | null = null;

function run(job: ExtractJob): ExtractReply {
  if (job.actors) held = { version: job.actorsVersion, index: new ActorIndex(job.actors, job.units) };
  if (!held || held.version !== job.actorsVersion) return { id: job.id, error: `no actors of version ${job.actorsVersion}` };
  return { id: job.id, json: JSON.stringify(extract(job.text, held.index, job.anchor)) };
}

parentPort?.on('message', (job: ExtractJob) => {
  let reply: ExtractReply;
  try {
    reply = run(job);
  } catch (err) {
    reply = { id: job.id, error: err instanceof Error ? err.message : String(err) };
  }
  parentPort!.postMessage(reply);
});
// The rules are loaded: jobs may come, and their deadline starts now.
parentPort?.postMessage({ ready: true });
