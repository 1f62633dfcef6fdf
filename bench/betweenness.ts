/**
 * Betweenness at the bench's sizes, in process: wall time of the off-loop computation, the
 * event loop's longest hold while it runs (monitorEventLoopDelay), and the method used.
 * `npm run build && node dist/bench/betweenness.js S,M,L`; at S it is also checked against graphology.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { betweenness } from '../server/graph/metrics';
import { betweennessOffLoop } from '../server/graph/betweenness-worker';
import { generateGraph, SIZES, type SizeName } from './generate';

async function main(): Promise<void> {
  for (const size of (process.argv[2] ?? 'S,M,L').split(',') as SizeName[]) {
    const doc = generateGraph(SIZES[size]);
    const ids = doc.actors!.map((a) => a.id);
    const pairs = doc.actions!.map((a) => [a.from, a.to] as const);
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    const started = performance.now();
    const cpu = process.cpuUsage();
    const result = await betweennessOffLoop(ids, pairs);
    const mainCpu = process.cpuUsage(cpu).user;
    const ms = performance.now() - started;
    delay.disable();
    const line = [
      `${size}: ${ids.length} actors, ${pairs.length} actions`,
      `${Math.round(ms)} ms (process CPU, worker included, ${Math.round(mainCpu / 1000)} ms)`,
      `event-loop delay max ${Math.round(delay.max / 1e6)} ms`,
      JSON.stringify(result.method),
    ];
    if (size === 'S') {
      const reference = betweenness(ids, pairs);
      let worst = 0;
      for (const [id, v] of reference) worst = Math.max(worst, Math.abs(v - result.scores.get(id)!));
      line.push(`largest difference from graphology ${worst}`);
    }
    console.log(line.join('; '));
  }
}

void main();
