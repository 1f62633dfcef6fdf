/**
 * Runs the Brandes kernel in a worker thread, so a graph-wide computation never holds the event
 * loop. The worker is started from source text (the kernel's own compiled text), not from a file:
 * the same code then runs from the TypeScript sources under ts-jest and from the built dist/.
 * The pairs are handed over by transferring their buffer (no copy); the scores come back the same way.
 */
import { Worker } from 'node:worker_threads';
import { brandesKernel, csrOf } from './betweenness-kernel';
import { chooseSources, finishScores, numberPairs, type BetweennessMethod } from './betweenness-plan';

const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const csrOf = ${csrOf.toString()};
const brandesKernel = ${brandesKernel.toString()};
parentPort.once('message', ({ n, ends, sources }) => {
  const { offsets, targets } = csrOf(n, ends);
  const scores = brandesKernel(n, offsets, targets, sources);
  parentPort.postMessage(scores, [scores.buffer]);
});
`;

function inWorker(n: number, ends: Int32Array<ArrayBuffer>, sources: Int32Array<ArrayBuffer>): Promise<Float64Array> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true });
    // A computation in progress must not keep a closing server (or a test run) alive.
    worker.unref();
    worker.once('message', (scores: Float64Array) => {
      resolve(scores);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`betweenness worker exited with code ${code}`)));
    worker.postMessage({ n, ends, sources }, [ends.buffer, sources.buffer]);
  });
}

export interface BetweennessResult {
  scores: Map<string, number>;
  method: BetweennessMethod;
}

/**
 * Betweenness of each actor on the simple undirected projection (one edge per related pair),
 * exact or sampled (betweenness-plan.ts), computed in a worker. The arrays must not change while it runs.
 */
export async function betweennessOffLoop(
  ids: readonly string[],
  pairs: readonly (readonly [string, string])[],
): Promise<BetweennessResult> {
  const ends = await numberPairs(ids, pairs);
  const { sources, method } = chooseSources(ids, ends);
  const raw = ids.length === 0 ? new Float64Array(0) : await inWorker(ids.length, ends, sources);
  return { scores: finishScores(ids, raw, method.pivots), method };
}
