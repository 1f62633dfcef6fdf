/**
 * Why long work yields with two setImmediates (server/loop-turn.ts): an HTTP server kept busy in
 * slices of SLICE_MS, yielding by one setImmediate or by two, while a separate process asks it for
 * a tiny answer every 10 ms on keep-alive connections (a new one whenever the last is still busy,
 * as health monitors do). Prints the answers' p50, p99 and max for each way.
 *
 *   npm run build && node dist/bench/loop-turns.js [rounds]
 */
import { fork } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { loopTurn } from '../server/loop-turn';
import { loadavg } from './machine';
import { percentile } from './one-request';

const SLICE_MS = 30;
const WINDOW_MS = 3000;

/** The child: polls the port it is given and reports the latencies, sorted. */
async function poll(port: number): Promise<void> {
  const agent = new http.Agent({ keepAlive: true });
  const done: number[] = [];
  const timer = setInterval(() => {
    const t0 = performance.now();
    http.get({ host: '127.0.0.1', port, path: '/', agent }, (res) => {
      res.resume();
      res.on('end', () => done.push(performance.now() - t0));
    });
  }, 10);
  await new Promise((r) => setTimeout(r, WINDOW_MS));
  clearInterval(timer);
  await new Promise((r) => setTimeout(r, 1000));
  process.send!(done.sort((a, b) => a - b));
}

async function measure(yieldTurn: () => Promise<void>): Promise<number[]> {
  const server = http.createServer((_req, res) => res.end('ok'));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const child = fork(__filename, ['--poll', String((server.address() as AddressInfo).port)]);
  const answer = new Promise<number[]>((resolve) => child.once('message', (m) => resolve(m as number[])));
  let stop = false;
  void answer.then(() => (stop = true));
  while (!stop) {
    const t = performance.now();
    while (performance.now() - t < SLICE_MS);
    await yieldTurn();
  }
  server.close();
  return answer;
}

async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 2);
  const ways: [string, () => Promise<void>][] = [
    ['one setImmediate', () => new Promise<void>((r) => setImmediate(r))],
    ['two setImmediates (loopTurn)', loopTurn],
  ];
  console.log(`slices of ${SLICE_MS} ms; load average ${loadavg().join(', ')}`);
  for (let i = 0; i < rounds; i++) {
    for (const [name, way] of ways) {
      const l = await measure(way);
      const f = (x: number) => x.toFixed(1);
      console.log(`  ${name}: n ${l.length}, p50 ${f(percentile(l, 50))} ms, p99 ${f(percentile(l, 99))} ms, max ${f(l.at(-1) ?? 0)} ms`);
    }
  }
  console.log(`load average ${loadavg().join(', ')}`);
}

if (process.argv[2] === '--poll') void poll(Number(process.argv[3]));
else if (require.main === module) void main();
