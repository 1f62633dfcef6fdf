/**
 * "One request against the server": the heaviest request of each kind, one at a time, against a
 * server (a separate process) holding a synthetic graph. For each: how long it took, the server's
 * own event-loop delay while it ran (bench/loop-probe.ts), how long /api/health took meanwhile
 * (asked every 10 ms whether the last one answered or not, as independent users would), and the
 * server's resident memory. The event-loop budget test (tests/reliability/event-loop-budget.test.ts)
 * runs the same requests.
 *
 *   npm run build && node dist/bench/one-request.js M,L [--out <file.json>]
 *
 * Results as JSON and Markdown under bench/results/ (one-request-<date>.json and .md).
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { generateGraph, importBatches, pickProbes, SIZES, type Probes } from './generate';
import type { LoopDelay } from './loop-probe';
import { git, loadavg, machine } from './machine';
import { freezeBuild, killAllServers, ROOT, ServerProcess, unfreezeBuild } from './server-process';
import type { InterchangeDocument } from '../contract';

/** What a request's answer was; the body is counted and dropped, so the client stays idle. */
export interface Sent {
  status: number;
  bytes: number;
}

export interface Target {
  url: string;
  token: string;
  /** A request without an answer by then fails (600 s unless given). */
  timeoutMs?: number;
}

export interface HeavyRequest {
  name: string;
  /** What it asks, for the report. */
  path: string;
  /** Sends it once and reads the whole answer. */
  send(target: Target): Promise<Sent>;
}

/** Answers kept as text up to this size (to read a stats answer); longer ones are only counted. */
const KEEP_TEXT_BYTES = 1 << 20;

const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });

export function ask(
  target: Target,
  pathAndQuery: string,
  options: { method?: string; body?: string; timeoutMs?: number } = {},
): Promise<Sent & { text: string }> {
  const u = new URL(target.url);
  const payload = options.body === undefined ? undefined : Buffer.from(options.body, 'utf8');
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: u.hostname,
        port: u.port,
        path: pathAndQuery,
        method: options.method ?? 'GET',
        agent,
        timeout: options.timeoutMs ?? target.timeoutMs ?? 600_000,
        headers: payload
          ? { 'Content-Type': 'application/json', 'Content-Length': String(payload.length), Authorization: `Bearer ${target.token}` }
          : {},
      },
      (res) => {
        let bytes = 0;
        const kept: Buffer[] = [];
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          if (bytes <= KEEP_TEXT_BYTES) kept.push(chunk);
        });
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, bytes, text: bytes <= KEEP_TEXT_BYTES ? Buffer.concat(kept).toString('utf8') : '' }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () =>
      req.destroy(new Error(`${pathAndQuery}: no answer within ${options.timeoutMs ?? target.timeoutMs ?? 600_000} ms`)),
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const get =
  (p: string) =>
  async (t: Target): Promise<Sent> => {
    const { status, bytes } = await ask(t, p);
    return { status, bytes };
  };

/** The two actors with the fewest actions (but some), ties by id: far apart in a hub-and-spoke graph. */
export function farPair(doc: InterchangeDocument): [string, string] {
  const deg = new Map<string, number>();
  for (const a of doc.actions ?? []) for (const id of [a.from, a.to]) deg.set(id, (deg.get(id) ?? 0) + 1);
  const sorted = [...deg].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));
  return [sorted[0]![0], sorted[1]![0]];
}

/** The import body with the most actions: all of them stored already, so it is validated and compared, and nothing is written. */
function largestActionsBody(doc: InterchangeDocument): { body: string; actions: number } {
  return importBatches(doc).reduce((a, b) => (b.actions > a.actions ? b : a));
}

let writes = 0;

/**
 * The heaviest request of each kind the API has, at a graph's size: graph-wide metrics, the whole
 * graph, the largest neighbourhood and traversals from the hub or between far actors, the costliest
 * search, every export format unfiltered, and the largest import body there is.
 */
export function heavyRequests(doc: InterchangeDocument, probes: Probes): HeavyRequest[] {
  const hub = probes.hub.id;
  const [a, b] = farPair(doc);
  const hostile = encodeURIComponent('\uFDFA'.repeat(200));
  const importBody = largestActionsBody(doc);
  const mb = (importBody.body.length / 1024 / 1024).toFixed(1);
  const simple = (name: string, p: string): HeavyRequest => ({ name, path: p, send: get(p) });
  return [
    simple('stats, betweenness computed (first ask)', '/api/stats'),
    {
      name: 'stats after a write, until betweenness is current',
      path: 'POST /api/actors, then /api/stats every 100 ms until `betweenness.current`',
      async send(t) {
        const id = `budget-probe-${process.pid}-${++writes}`;
        const w = await ask(t, '/api/actors', { method: 'POST', body: JSON.stringify({ id, name: id, kind: 'person' }) });
        if (w.status !== 201) return { status: w.status, bytes: w.bytes };
        let bytes = w.bytes;
        for (;;) {
          const s = await ask(t, '/api/stats');
          bytes += s.bytes;
          const current = s.status === 200 && (JSON.parse(s.text) as { betweenness?: { current?: boolean } }).betweenness?.current;
          if (s.status !== 200 || current) return { status: s.status, bytes };
          await new Promise((r) => setTimeout(r, 100));
        }
      },
    },
    simple('whole graph (no focus)', '/api/graph'),
    simple('graph depth 3, hub', `/api/graph?focus=${hub}&depth=3`),
    simple('chains maxLength 8, hub', `/api/chains?actor=${hub}&maxLength=8`),
    simple('paths maxLength 6, the two least connected actors', `/api/paths?source=${a}&target=${b}&maxLength=6`),
    simple('search, 200 × U+FDFA', `/api/actors?q=${hostile}`),
    simple('timeline, 1,000 actions', '/api/actions?limit=1000'),
    simple('export json', '/api/export?format=json'),
    simple('export graphml', '/api/export?format=graphml'),
    simple('export gexf', '/api/export?format=gexf'),
    simple('export csv (actions)', '/api/export?format=csv'),
    simple('export csv (actors)', '/api/export?format=csv&part=actors'),
    simple('export cyjs', '/api/export?format=cyjs'),
    {
      name: `import, ${mb} MB, ${importBody.actions.toLocaleString('en-US')} actions already stored`,
      path: 'POST /api/import',
      async send(t) {
        const { status, bytes } = await ask(t, '/api/import', { method: 'POST', body: importBody.body });
        return { status, bytes };
      },
    },
  ];
}

/** No request at all for `ms`: what health's latency is on this machine now, the floor of the others. */
export function idleRequest(ms: number): HeavyRequest {
  return {
    name: `nothing (health alone, ${ms / 1000} s)`,
    path: '',
    send: () => new Promise((resolve) => setTimeout(() => resolve({ status: 200, bytes: 0 }), ms)),
  };
}

export interface Latencies {
  n: number;
  p50: number;
  p99: number;
  max: number;
  /** Asked but not answered when the window closed (counted at the time waited). */
  unanswered: number;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const r1 = (x: number) => Math.round(x * 10) / 10;

/**
 * The poller's own thread: /api/health asked every `intervalMs` on connections of its own, whether
 * the last answer came or not (a server that stops answering for 300 ms meets 30 requests waiting,
 * not one). Plain JavaScript, run as a worker from this text, so it runs the same from the
 * TypeScript sources under ts-jest and from dist/.
 */
const POLLER_SOURCE = `
const http = require('node:http');
const { parentPort, workerData } = require('node:worker_threads');
const { host, port, intervalMs } = workerData;
const own = new http.Agent({ keepAlive: true });
const done = [];
const pending = new Set();
const fire = () => {
  const t0 = performance.now();
  pending.add(t0);
  const finish = () => {
    if (!pending.delete(t0)) return;
    done.push(performance.now() - t0);
  };
  const req = http.get({ host, port, path: '/api/health', agent: own }, (res) => {
    res.resume();
    res.on('end', finish);
    res.on('error', finish);
  });
  req.on('error', finish);
};
fire();
const timer = setInterval(fire, intervalMs);
parentPort.once('message', async () => {
  clearInterval(timer);
  // Those still waiting get up to 30 s; one never answered counts as the time it waited.
  const deadline = performance.now() + 30000;
  while (pending.size && performance.now() < deadline) await new Promise((r) => setTimeout(r, 5));
  const unanswered = pending.size;
  for (const t0 of pending) done.push(performance.now() - t0);
  own.destroy();
  parentPort.postMessage({ done, unanswered });
});
`;

/**
 * /api/health polled every `intervalMs` from a thread of its own, so that reading the heavy
 * request's answers in this thread (a whole graph a few milliseconds apart) never delays the
 * poller's timers or its reading of health's answers: the latencies are the server's, not the
 * measuring client's. In CI this thread's work once showed as a health p99 of 168 ms while the
 * server's event loop never waited more than 35 ms.
 */
export function pollHealth(baseUrl: string, intervalMs = 10): { stop(): Promise<Latencies> } {
  const u = new URL(baseUrl);
  const worker = new Worker(POLLER_SOURCE, { eval: true, workerData: { host: u.hostname, port: Number(u.port), intervalMs } });
  const result = new Promise<{ done: number[]; unanswered: number }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the health poller stopped (exit code ${code})`)));
  });
  return {
    async stop() {
      worker.postMessage('stop');
      const { done, unanswered } = await result;
      void worker.terminate();
      const sorted = done.sort((x, y) => x - y);
      return {
        n: sorted.length,
        p50: r1(percentile(sorted, 50)),
        p99: r1(percentile(sorted, 99)),
        max: r1(sorted.at(-1) ?? 0),
        unanswered,
      };
    },
  };
}

export interface OneRequestResult {
  name: string;
  path: string;
  status: number;
  bytes: number;
  /** The first request's time, ms. */
  ms: number;
  /** How many times it was sent to fill the window (1 unless a minimum window was asked). */
  sent: number;
  windowMs: number;
  /** The server's event-loop delay over the window, ms; null without the probe. */
  loop: LoopDelay | null;
  health: Latencies;
  /** The server's resident memory, MB: before, highest seen (every 50 ms), after. */
  rssMB: { before: number | null; peak: number | null; after: number | null };
}

/**
 * Sends one request (again and again until `minWindowMs` has passed, if given) while health is
 * polled, and reads what the server went through meanwhile.
 */
export async function measureOne(
  server: ServerProcess,
  req: HeavyRequest,
  options: { minWindowMs?: number; healthIntervalMs?: number; timeoutMs?: number } = {},
): Promise<OneRequestResult> {
  const target = { url: server.url, token: server.token, timeoutMs: options.timeoutMs };
  await server.loopReset();
  const before = server.memory()?.rssMB ?? null;
  let peak = before;
  const sampler = setInterval(() => {
    const m = server.memory();
    if (m && (peak === null || m.rssMB > peak)) peak = m.rssMB;
  }, 50);
  const health = pollHealth(server.url, options.healthIntervalMs);
  const t0 = performance.now();
  let first: (Sent & { ms: number }) | null = null;
  let sent = 0;
  let windowMs: number;
  let latencies: Latencies;
  try {
    do {
      const t = performance.now();
      const s = await req.send(target);
      first ??= { ...s, ms: r1(performance.now() - t) };
      sent++;
    } while (performance.now() - t0 < (options.minWindowMs ?? 0));
    windowMs = Math.round(performance.now() - t0);
  } finally {
    clearInterval(sampler);
    // Also when the request failed: the poller must not outlive the measurement.
    latencies = await health.stop();
  }
  const loop = await server.loopDelay();
  return {
    name: req.name,
    path: req.path,
    status: first.status,
    bytes: first.bytes,
    ms: first.ms,
    sent,
    windowMs,
    loop,
    health: latencies,
    rssMB: { before, peak, after: server.memory()?.rssMB ?? null },
  };
}

/** Imports a generated graph through the API, in bodies of at most 8 MB. */
export async function importGraph(server: ServerProcess, doc: InterchangeDocument): Promise<number> {
  const t0 = performance.now();
  for (const [i, batch] of importBatches(doc).entries()) {
    const res = await ask({ url: server.url, token: server.token }, '/api/import', { method: 'POST', body: batch.body });
    if (res.status !== 200) throw new Error(`import batch ${i + 1}: HTTP ${res.status} ${res.text.slice(0, 300)}`);
  }
  return Math.round(performance.now() - t0);
}

// ---- the table for RELIABILITY.md ----------------------------------------------------------------

interface SizeResult {
  name: string;
  actors: number;
  actions: number;
  importMs: number;
  loadavg: { start: [number, number, number]; end: [number, number, number] };
  requests: OneRequestResult[];
}

interface Results {
  schema: 'deplatforming-graph/one-request-v1';
  date: string;
  git: ReturnType<typeof git>;
  machine: ReturnType<typeof machine>;
  command: string;
  sizes: SizeResult[];
}

const fmt = (x: number | null | undefined, d = 0) => (x === null || x === undefined ? '–' : x.toFixed(d));

export function renderTable(r: Results): string {
  const out = [
    `One request against the server, ${r.date} (commit ${r.git.commit?.slice(0, 10) ?? '?'}${r.git.dirty ? ', with uncommitted changes' : ''}); ` +
      `${r.machine.cpus} × ${r.machine.cpuModel}, Node ${r.machine.node}. Command: \`${r.command}\`.`,
    '',
  ];
  for (const s of r.sizes) {
    out.push(
      `**${s.name}** (${s.actors.toLocaleString('en-US')} actors, ${s.actions.toLocaleString('en-US')} actions; import ${fmt(s.importMs / 1000, 1)} s; ` +
        `load average ${s.loadavg.start.join(', ')} → ${s.loadavg.end.join(', ')})`,
      '',
      '| request | status | MB | time | event-loop delay p99 / max | longest hold (main-thread CPU) | health p99 / max (n) | RSS before → peak |',
      '|---|---:|---:|---:|---:|---:|---:|---:|',
    );
    for (const q of s.requests) {
      out.push(
        `| ${q.name} | ${q.status} | ${fmt(q.bytes / 1024 / 1024, 1)} | ${q.ms >= 1000 ? `${fmt(q.ms / 1000, 2)} s` : `${fmt(q.ms)} ms`} | ` +
          `${fmt(q.loop?.p99, 0)} / ${fmt(q.loop?.max, 0)} ms | ${fmt(q.loop?.heldCpuMax, 0)} ms | ${fmt(q.health.p99)} / ${fmt(q.health.max)} ms (${q.health.n}) | ` +
          `${fmt(q.rssMB.before)} → ${fmt(q.rssMB.peak)} MB |`,
      );
    }
    out.push('');
  }
  return out.join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const names = (args.find((x) => !x.startsWith('--')) ?? 'M').split(',').map((x) => x.trim().toUpperCase());
  const outArg = args.indexOf('--out');
  const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
  const out = outArg >= 0 ? args[outArg + 1]! : path.join(ROOT, 'bench', 'results', `one-request-${stamp}.json`);
  const results: Results = {
    schema: 'deplatforming-graph/one-request-v1',
    date: new Date().toISOString(),
    git: git(),
    machine: machine(),
    command: `node dist/bench/one-request.js ${args.join(' ')}`.trim(),
    sizes: [],
  };
  const build = freezeBuild();
  const stop = (signal: NodeJS.Signals) => {
    killAllServers();
    unfreezeBuild(build);
    process.kill(process.pid, signal);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    for (const name of names) {
      const size = (SIZES as Record<string, { actors: number; actions: number }>)[name];
      if (!size) throw new Error(`unknown size ${name} (S, M or L)`);
      const doc = generateGraph({ ...size, seed: 42 });
      const probes = pickProbes(doc);
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `dg-one-request-${name}-`));
      const start = loadavg();
      const server = await ServerProcess.start({ dataDir, loopProbe: true });
      try {
        console.log(`${name}: server up; importing ${size.actions} actions...`);
        const importMs = await importGraph(server, doc);
        const sizeResult: SizeResult = { name, ...size, importMs, loadavg: { start, end: start }, requests: [] };
        results.sizes.push(sizeResult);
        sizeResult.requests.push(await measureOne(server, idleRequest(2000)));
        for (const req of heavyRequests(doc, probes)) {
          const r = await measureOne(server, req);
          sizeResult.requests.push(r);
          console.log(
            `  ${r.name}: ${r.status}, ${r.ms} ms, loop p99 ${r.loop?.p99} max ${r.loop?.max} ms, held (CPU) ${r.loop?.heldCpuMax} ms, health p99 ${r.health.p99} max ${r.health.max} ms, RSS ${r.rssMB.before} → ${r.rssMB.peak} MB`,
          );
        }
        sizeResult.loadavg.end = loadavg();
      } finally {
        await server.kill('SIGTERM');
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
      fs.writeFileSync(out.replace(/\.json$/, '.md'), renderTable(results));
    }
  } finally {
    unfreezeBuild(build);
    agent.destroy();
  }
  console.log(`\n${renderTable(results)}\nresults: ${path.relative(process.cwd(), out)} (and .md)`);
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
