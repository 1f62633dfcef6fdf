/**
 * Mixed read/write load on the built server (a separate process) with autocannon: 90% reads across
 * the endpoints (lists, search, details, focus graph, paths, chains, stats, exports), 10% writes
 * with the token (replacements of records made at setup, and idempotent imports, so the graph
 * keeps its size and memory can be compared over the run). The server's RSS is sampled every
 * second from /proc; errors, timeouts, non-2xx answers, latency percentiles and RSS at the start
 * and end are reported, and written to tests/reliability/results/load-<store>-<seconds>s-<connections>c.json by the CLI.
 *
 *   npm run reliability:load -- --store embedded|neo4j --duration 60 --connections 100
 *
 * On Neo4j it uses NEO4J_URI when set, else starts a Neo4j of its own (tests/neo4j/start.sh).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from './support/http';
import { checkGraph, Ledger } from './support/ledger';
import { OwnNeo4j } from './support/neo4j';
import { RELIABILITY_TOKEN, ROOT, startServer, type ServerProcess } from './support/server';

import { autocannon } from '../../bench/load';

export interface LoadOptions {
  store: 'embedded' | 'neo4j';
  durationS: number;
  connections: number;
  /** Share of writes, 0..1; 0.1 unless given. */
  writeShare?: number;
  /** Neo4j to use; NEO4J_URI, else one started for the run. */
  neo4jUri?: string;
  /** Server log level; warn unless given (info logs a line per request). */
  logLevel?: string;
  /** Write results/load-<store>.json. */
  record?: boolean;
  /** Print progress. */
  verbose?: boolean;
}

export interface LoadResult {
  store: string;
  durationS: number;
  connections: number;
  writeShare: number;
  requests: number;
  requestsPerSecond: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statuses: Record<string, number>;
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
  writes: number;
  /** The server's resident memory, sampled every second. */
  rssMB: {
    start: number;
    afterWarmup: number;
    end: number;
    peak: number;
    growthAfterWarmupPct: number;
    slopeAfterWarmupMBPerMin: number;
    warmupS: number;
    samples: number[];
  };
  serverAlive: boolean;
  consistent: boolean;
  problems: string[];
  errorLogLines: number;
  tokenInLogs: boolean;
}

const PREFIX = 'ld';
const N_RECORDS = 200;

/** Reads, by weight: the browser's everyday calls plus the heavier ones. */
const READS: Array<[number, string]> = [
  [10, '/api/health'],
  [12, '/api/actors?limit=50'],
  [10, '/api/actors?q=par'],
  [6, '/api/actors?q=amazon%20web&kind=company'],
  [10, '/api/actors/parler'],
  [8, '/api/actions?limit=50'],
  [6, '/api/actions?actor=aws&type=SUSPENDED,HOSTED,SUED'],
  [4, '/api/actions?from=2021-01&to=2021-01-31&status=confirmed,reported'],
  [8, '/api/actions/aws-suspends-parler'],
  [4, '/api/sources?q=parler'],
  [4, '/api/sources/src-000-parler-sues-aws'],
  [6, '/api/graph?focus=parler&depth=2'],
  [2, '/api/graph?type=SUSPENDED,BANNED,DELISTED'],
  [3, '/api/paths?source=parler&target=twitter'],
  [3, '/api/chains?actor=aws&maxLength=4'],
  [2, '/api/stats'],
  [1, '/api/export?format=json&type=SUED'],
  [1, '/api/export?format=csv&from=2021-01'],
];

function weighted<T>(items: Array<[number, T]>): (r: number) => T {
  const total = items.reduce((s, [w]) => s + w, 0);
  return (r) => {
    let x = r * total;
    for (const [w, v] of items) {
      if ((x -= w) < 0) return v;
    }
    return items[items.length - 1]![1];
  };
}

const actorOf = (i: number, v: number) => ({
  id: `${PREFIX}-actor-${i}`,
  name: `Load actor ${i} v${v}`,
  kind: 'company',
  aliases: [`L${i}`],
  description: `version ${v}`,
});
const sourceOf = (i: number, v: number) => ({
  id: `${PREFIX}-src-${i}`,
  title: `Load source ${i} v${v}`,
  url: `https://example.org/load/${i}`,
});
const actionOf = (i: number, v: number) => ({
  id: `${PREFIX}-action-${i}`,
  type: 'SUSPENDED',
  from: `${PREFIX}-actor-${i}`,
  // A ring among the load's own actors (every tenth reaches into the seed), so the seed's hubs stay
  // the size they are and the traversal answers keep theirs.
  to: i % 10 === 9 ? 'parler' : `${PREFIX}-actor-${(i + 1) % N_RECORDS}`,
  date: `2021-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (v % 28)).padStart(2, '0')}`,
  status: 'reported',
  summary: `load action ${i}, version ${v}`,
  citations: [{ source: `${PREFIX}-src-${i}`, stance: 'states' }],
});

/**
 * The seed (imported again, so a shared database that other tests changed answers the reads as
 * expected; an import is idempotent) and the records the writes replace: N actors, sources and
 * actions, created once.
 */
async function setupRecords(client: Client): Promise<void> {
  const seed = JSON.parse(fs.readFileSync(path.join(ROOT, 'graph-seed', 'seed.json'), 'utf8')) as unknown;
  const seeded = await client.write('POST', '/api/import', seed);
  if (seeded.status !== 200) throw new Error(`seed import answered ${seeded.status}: ${seeded.text.slice(0, 300)}`);
  const doc = {
    format: 'deplatforming-graph/v2',
    actors: Array.from({ length: N_RECORDS }, (_, i) => actorOf(i, 0)),
    sources: Array.from({ length: N_RECORDS }, (_, i) => sourceOf(i, 0)),
    actions: Array.from({ length: N_RECORDS }, (_, i) => actionOf(i, 0)),
  };
  const res = await client.write('POST', '/api/import', doc);
  if (res.status !== 200) throw new Error(`setup import answered ${res.status}: ${res.text.slice(0, 300)}`);
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const writeShare = options.writeShare ?? 0.1;
  const log = (m: string) => options.verbose && process.stderr.write(`[load] ${m}\n`);
  let neo: OwnNeo4j | undefined;
  let dataDir: string | undefined;
  let neo4jUri = options.neo4jUri;
  if (options.store === 'neo4j' && !neo4jUri) neo4jUri = process.env.NEO4J_URI;
  if (options.store === 'neo4j' && !neo4jUri) {
    log('starting a Neo4j of its own');
    neo = await OwnNeo4j.create();
    neo4jUri = await neo.start();
  }
  if (options.store === 'embedded') dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-rel-load-'));
  let server: ServerProcess | undefined;
  try {
    server = await startServer({
      dataDir,
      neo4jUri: options.store === 'neo4j' ? neo4jUri : undefined,
      logLevel: options.logLevel ?? 'warn',
      readyTimeoutMs: 120_000,
    });
    const client = new Client(server.url, { token: RELIABILITY_TOKEN, timeoutMs: 120_000 });
    await setupRecords(client);
    log(`server pid ${server.pid} on ${server.url}; ${options.connections} connections for ${options.durationS} s`);

    const rss: number[] = [];
    const sampler = setInterval(() => {
      const m = server!.memory();
      if (m) rss.push(m.rssMB);
    }, 1000);
    const startRss = server.memory()?.rssMB ?? NaN;

    let serial = 0;
    let writes = 0;
    const auth = { Authorization: `Bearer ${RELIABILITY_TOKEN}`, 'Content-Type': 'application/json' };
    const pickRead = weighted(READS);
    const pickWrite = weighted<() => { method: string; path: string; body: string }>([
      [
        5,
        () => {
          const i = serial % N_RECORDS;
          return { method: 'PUT', path: `/api/actors/${PREFIX}-actor-${i}`, body: JSON.stringify(actorOf(i, serial)) };
        },
      ],
      [
        3,
        () => {
          const i = serial % N_RECORDS;
          return { method: 'PUT', path: `/api/actions/${PREFIX}-action-${i}`, body: JSON.stringify(actionOf(i, serial)) };
        },
      ],
      [
        1,
        () => {
          const i = serial % N_RECORDS;
          return { method: 'PUT', path: `/api/sources/${PREFIX}-src-${i}`, body: JSON.stringify(sourceOf(i, serial)) };
        },
      ],
      [
        1,
        () => {
          const i = serial % N_RECORDS;
          return {
            method: 'POST',
            path: '/api/import',
            body: JSON.stringify({
              format: 'deplatforming-graph/v2',
              actors: [actorOf(i, serial)],
              sources: [sourceOf(i, serial)],
              actions: [actionOf(i, serial)],
            }),
          };
        },
      ],
    ]);
    // A fixed sequence (not Math.random) so two runs send the same mix.
    let seed = 12345;
    const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x80000000;
    const nonOk: Record<string, number> = {};

    const result = await autocannon({
      url: server.url,
      connections: options.connections,
      duration: options.durationS,
      timeout: 30,
      requests: [
        {
          setupRequest: (req: Record<string, unknown>) => {
            serial++;
            if (rand() < writeShare) {
              writes++;
              const w = pickWrite(rand())();
              return { ...req, method: w.method, path: w.path, body: w.body, headers: auth };
            }
            return { ...req, method: 'GET', path: pickRead(rand()), body: undefined, headers: {} };
          },
          onResponse: (status: number, _body: string, context: Record<string, unknown>) => {
            void context;
            if (status >= 300) nonOk[status] = (nonOk[status] ?? 0) + 1;
          },
        },
      ],
    });
    clearInterval(sampler);

    const alive = server.running;
    const problems: string[] = [];
    let consistent = false;
    if (alive) {
      const check = await checkGraph(client, new Ledger());
      problems.push(...check.problems);
      consistent = check.problems.length === 0;
    } else problems.push(`the server exited: ${server.output().slice(-2000)}`);
    client.close();

    // Memory: the server warms up (heap, connection pools) for up to a minute; after that it must
    // stay flat. Warm-up is the first minute, or the first half of a shorter run.
    const warm = Math.min(60, Math.floor(rss.length / 2));
    const after = rss.slice(warm);
    const slope = slopePerMinute(after);
    const afterWarmup = after[0] ?? NaN;
    const end = rss[rss.length - 1] ?? NaN;
    const statuses: Record<string, number> = {};
    for (const [code, v] of Object.entries(result.statusCodeStats ?? {})) statuses[code] = v.count;
    const output = server.output();
    const out: LoadResult = {
      store: options.store,
      durationS: options.durationS,
      connections: options.connections,
      writeShare,
      requests: result.requests.total,
      requestsPerSecond: Math.round(result.requests.average),
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      statuses,
      latencyMs: {
        p50: result.latency.p50,
        p90: result.latency.p90,
        p99: result.latency.p99,
        max: result.latency.max,
        mean: Math.round(result.latency.mean * 10) / 10,
      },
      writes,
      rssMB: {
        start: startRss,
        afterWarmup,
        end,
        peak: Math.max(...rss),
        growthAfterWarmupPct: Math.round(((end - afterWarmup) / afterWarmup) * 1000) / 10,
        slopeAfterWarmupMBPerMin: Math.round(slope * 10) / 10,
        warmupS: warm,
        samples: rss,
      },
      serverAlive: alive,
      consistent,
      problems: [...problems, ...Object.entries(nonOk).map(([s, n]) => `${n} answers with status ${s}`)],
      errorLogLines: server.logs().filter((l) => typeof l.level === 'number' && l.level >= 50).length,
      tokenInLogs: output.includes(RELIABILITY_TOKEN),
    };
    if (options.record) {
      const dir = path.join(ROOT, 'tests', 'reliability', 'results');
      fs.mkdirSync(dir, { recursive: true });
      const machine = {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model,
        memGB: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
        loadavg: os.loadavg(),
      };
      fs.writeFileSync(
        path.join(dir, `load-${options.store}-${options.durationS}s-${options.connections}c.json`),
        `${JSON.stringify({ at: new Date().toISOString(), machine, ...out }, null, 2)}\n`,
      );
    }
    return out;
  } finally {
    if (server?.running) await server.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    await neo?.destroy();
  }
}

/** Least-squares slope of one-per-second samples, in units per minute. */
function slopePerMinute(ys: number[]): number {
  const n = ys.length;
  if (n < 3) return 0;
  const mx = (n - 1) / 2;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  ys.forEach((y, x) => {
    num += (x - mx) * (y - my);
    den += (x - mx) ** 2;
  });
  return (num / den) * 60;
}

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

async function cli(): Promise<void> {
  const args = process.argv.slice(2);
  const store = (argValue(args, 'store') ?? 'embedded') as 'embedded' | 'neo4j';
  if (store !== 'embedded' && store !== 'neo4j') throw new Error('--store is embedded or neo4j');
  const r = await runLoad({
    store,
    durationS: Number(argValue(args, 'duration') ?? 60),
    connections: Number(argValue(args, 'connections') ?? 100),
    writeShare: Number(argValue(args, 'writes') ?? 0.1),
    logLevel: argValue(args, 'log-level'),
    record: true,
    verbose: true,
  });
  const { samples, ...rss } = r.rssMB;
  process.stdout.write(`${JSON.stringify({ ...r, rssMB: { ...rss, samples: samples.length } }, null, 2)}\n`);
  const failed =
    r.errors + r.timeouts + r.non2xx > 0 || !r.serverAlive || !r.consistent || r.tokenInLogs || r.rssMB.growthAfterWarmupPct > 25;
  if (failed) {
    process.stderr.write(
      'load: FAILED (errors, timeouts, non-2xx answers, a crash, an inconsistent graph, the token in the logs, or memory growing past warm-up)\n',
    );
    process.exitCode = 1;
  }
}

if (require.main === module) {
  cli().catch((err: Error) => {
    process.stderr.write(`load: ${err.stack ?? err.message}\n`);
    process.exit(1);
  });
}
