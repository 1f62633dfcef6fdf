/**
 * `npm run bench`: synthetic graphs of three sizes (bench/generate.ts), imported through the API
 * into the embedded store and into Neo4j in the same run, then every read the browser makes
 * driven with autocannon; the embedded store's start-up, reopen and memory; the browser's first
 * draw and panning frames. Results as JSON (and Markdown) under bench/results/.
 *
 *   npm run bench                                   S, M, L; both stores when Java is present; browser
 *   npm run bench -- --sizes S,M --stores embedded  a part of it
 *   npm run bench:quick                             S only, short runs (what CI could run)
 *
 * Options: --sizes S,M,L  --stores embedded,neo4j  --duration <s> (per query; default S 3, M 8, L 8)
 *   --warmup <s> (1)  --max-duration <s> (40: a slow query runs longer, 3 answers per connection)  --connections <n> (10)  --no-browser  --browser-only  --no-reopen  --out <file>
 *   --import-budget <s> (1200)  --batch-mb <MB> (8)  --neo4j-heap 2g  --neo4j-pagecache 1024  --neo4j-sizes S,M (sizes run on Neo4j; default: all)
 *   --queries <part,...> (only the queries whose name contains one)  --port <n> (the servers' port; default: a free one)
 *   --keep-neo4j-data (NEO4J_URI already holds the size's graph from an earlier run: no wipe, no import; for iterating on reads)
 * NEO4J_URI set: that Neo4j is used (and WIPED) instead of starting the harness.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runBrowserBench } from './browser';
import { generateGraph, importBatches, pickProbes, SIZES, type Probes } from './generate';
import { measure, type LoadResult } from './load';
import { git, gitChanged, loadavg, machine } from './machine';
import { javaAvailable, neo4jMemory, neo4jVersion, startHarness, stopHarness, wipe, type Neo4jHandle } from './neo4j';
import { renderMarkdown } from './report';
import { folderFiles, freezeBuild, killAllServers, ROOT, ServerProcess, unfreezeBuild } from './server-process';
import type { BenchResults, Comparison, ImportResultBench, QueryResult, SizeRun, SizeSpec, StoreName, StoreRun } from './results-types';
import { evaluateTargets } from './targets';

export interface BenchOptions {
  sizes: SizeSpec[];
  stores: StoreName[];
  /** Sizes run on Neo4j (names); all when undefined. */
  neo4jSizes?: string[];
  /** Node flags for the server processes (e.g. --max-old-space-size=1024), recorded in the results. */
  serverNodeArgs?: string[];
  durationS: (size: SizeSpec) => number;
  warmupS: number;
  /** An import taking longer than this is abandoned (the run is reported as failed), s. */
  importBudgetS: number;
  /** Longest a slow query's measurement is stretched to, s. */
  maxDurationS: number;
  connections: number;
  batchBytes: number;
  browser: boolean;
  reopen: boolean;
  mode: BenchResults['mode'];
  outFile: string | null;
  neo4jUri?: string;
  neo4jHeap?: string;
  neo4jPagecacheMiB?: number;
  browserSizes?: string[];
  /** Only the queries whose name contains one of these (all when undefined). */
  queries?: string[];
  /** Port of the server processes (a free one when undefined). */
  port?: number;
  /** Neo4j already holds this size's graph (an earlier run's import): no wipe, no import (iterating on reads). */
  keepNeo4jData?: boolean;
  log: (msg: string) => void;
}

const SEED = 42;
const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

/**
 * The queries of one size, aimed at the probes. A query with `paths` asks each of them in turn (its
 * `path` is the first): those measure answers computed afresh, where the same request repeated
 * measures answers the embedded store remembers.
 */
export function queriesFor(p: Probes): { name: string; path: string; paths?: string[] }[] {
  const o = p.ordinary.id;
  const h = p.hub.id;
  const inTurn = (name: string, paths: string[]) => ({ name, path: paths[0]!, paths });
  const many = p.ordinaries;
  return [
    inTurn(
      `graph depth 2, ${many.length} ordinary actors in turn`,
      many.map((a) => `/api/graph?focus=${a}&depth=2`),
    ),
    inTurn(
      `paths maxLength 4, ${many.length} pairs in turn`,
      many.map((a, i) => `/api/paths?source=${a}&target=${many[(i + 1) % many.length]}&maxLength=4`),
    ),
    inTurn(
      `chains maxLength 4, ${many.length} ordinary actors in turn`,
      many.map((a) => `/api/chains?actor=${a}&maxLength=4`),
    ),
    { name: 'graph depth 1, ordinary', path: `/api/graph?focus=${o}&depth=1` },
    { name: 'graph depth 2, ordinary', path: `/api/graph?focus=${o}&depth=2` },
    { name: 'graph depth 1, hub', path: `/api/graph?focus=${h}&depth=1` },
    { name: 'graph depth 2, hub', path: `/api/graph?focus=${h}&depth=2` },
    { name: 'paths maxLength 4', path: `/api/paths?source=${o}&target=${p.ordinary2.id}&maxLength=4` },
    { name: 'chains maxLength 4, ordinary', path: `/api/chains?actor=${o}&maxLength=4` },
    { name: 'chains maxLength 4, hub', path: `/api/chains?actor=${h}&maxLength=4` },
    {
      name: 'timeline, filtered',
      path: '/api/actions?type=BANNED,SUSPENDED,SUED&status=confirmed,reported&from=2018-01-01&to=2019-12-31&limit=100',
    },
    { name: 'export json, one year', path: '/api/export?format=json&from=2020-01-01&to=2020-12-31' },
  ];
}

function summarize(body: unknown): Record<string, unknown> {
  if (!body || typeof body !== 'object') return {};
  const b = body as Record<string, unknown>;
  if (b.elements && typeof b.elements === 'object') {
    const e = b.elements as { nodes: unknown[]; edges: unknown[] };
    return { nodes: e.nodes.length, edges: e.edges.length, truncated: b.truncated };
  }
  if (Array.isArray(b.paths)) {
    const paths = b.paths as { actions: string[] }[];
    return { paths: paths.length, length: paths[0]?.actions.length ?? null };
  }
  if (Array.isArray(b.chains)) {
    const chains = b.chains as { actions: string[] }[];
    return { chains: chains.length, longest: chains[0]?.actions.length ?? null, truncated: b.truncated };
  }
  if (Array.isArray(b.items)) return { items: b.items.length, total: b.total };
  if (Array.isArray(b.actions))
    return {
      actors: (b.actors as unknown[] | undefined)?.length,
      sources: (b.sources as unknown[] | undefined)?.length,
      actions: b.actions.length,
    };
  if (b.counts) return { counts: b.counts };
  return {};
}

/** Longest one request of a query may take before the query is reported as too slow and not loaded. */
const SAMPLE_TIMEOUT_MS = 120_000;

async function sample(url: string): Promise<QueryResult['sample']> {
  const t0 = performance.now();
  let res: Response;
  let text: string;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(SAMPLE_TIMEOUT_MS) });
    text = await res.text();
  } catch (err) {
    return {
      status: 0,
      bytes: 0,
      ms: Math.round(performance.now() - t0),
      summary: { error: `no answer within ${SAMPLE_TIMEOUT_MS / 1000} s (${(err as Error).name})` },
    };
  }
  const ms = round(performance.now() - t0, 1);
  let summary: Record<string, unknown>;
  try {
    summary = summarize(JSON.parse(text));
  } catch {
    summary = { text: text.slice(0, 200) };
  }
  if (!res.ok) summary.error = text.slice(0, 300);
  return { status: res.status, bytes: Buffer.byteLength(text), ms, summary };
}

/**
 * Waits until the server has finished the work a measurement left queued (autocannon stops at
 * its deadline; requests already sent are still computed): /api/health answering in under 50 ms
 * twice in a row. Answers the ms it took.
 */
export async function drain(base: string, timeoutMs = 600_000): Promise<number> {
  const t0 = performance.now();
  let fast = 0;
  while (fast < 2 && performance.now() - t0 < timeoutMs) {
    const t = performance.now();
    try {
      const res = await fetch(`${base}/api/health`);
      await res.arrayBuffer();
      fast = res.ok && performance.now() - t < 50 ? fast + 1 : 0;
    } catch {
      fast = 0;
    }
    if (fast < 2) await new Promise((r) => setTimeout(r, 20));
  }
  return Math.round(performance.now() - t0);
}

async function importThroughApi(
  server: ServerProcess,
  doc: ReturnType<typeof generateGraph>,
  batchBytes: number,
  log: (m: string) => void,
  budgetS: number,
): Promise<ImportResultBench> {
  const batches = importBatches(doc, batchBytes);
  const bodyBytes = batches.reduce((n, b) => n + b.body.length, 0);
  let maxBatchMs = 0;
  let actionsMs = 0;
  const t0 = performance.now();
  for (const [i, batch] of batches.entries()) {
    const tb = performance.now();
    const res = await fetch(`${server.url}/api/import`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}` },
      body: batch.body,
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`import batch ${i + 1}/${batches.length}: HTTP ${res.status} ${text.slice(0, 500)}`);
    const ms = performance.now() - tb;
    maxBatchMs = Math.max(maxBatchMs, ms);
    if (batch.actions) actionsMs += ms;
    const elapsedS = (performance.now() - t0) / 1000;
    if (elapsedS > budgetS && i + 1 < batches.length) {
      throw new Error(
        `import over its time budget (--import-budget ${budgetS} s): ${i + 1} of ${batches.length} batches in ${Math.round(elapsedS)} s`,
      );
    }
    if (batches.length > 4 && (i + 1) % Math.ceil(batches.length / 4) === 0)
      log(`    import ${i + 1}/${batches.length} batches, ${Math.round(performance.now() - t0)} ms`);
  }
  const ms = performance.now() - t0;
  const records = (doc.actors?.length ?? 0) + (doc.sources?.length ?? 0) + (doc.actions?.length ?? 0);
  return {
    batches: batches.length,
    actors: doc.actors?.length ?? 0,
    sources: doc.sources?.length ?? 0,
    actions: doc.actions?.length ?? 0,
    ms: Math.round(ms),
    // Over the batches that carry actions (the actors' and sources' batches are not counted).
    actionsPerS: Math.round((doc.actions?.length ?? 0) / (actionsMs / 1000)),
    recordsPerS: Math.round(records / (ms / 1000)),
    maxBatchMs: Math.round(maxBatchMs),
    bodyMB: round(bodyBytes / 1024 / 1024, 1),
  };
}

async function runStore(
  store: StoreName,
  size: SizeSpec,
  doc: ReturnType<typeof generateGraph>,
  probes: Probes,
  o: BenchOptions,
  neo: Neo4jHandle | null,
): Promise<StoreRun> {
  const log = o.log;
  const start = loadavg();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `dg-bench-${store}-${size.name.replace(/[^A-Za-z0-9]+/g, '_')}-`));
  const run: StoreRun = {
    store,
    firstStartMs: 0,
    import: null,
    floor: { before: null as unknown as LoadResult, after: null as unknown as LoadResult, rps: 0 },
    queries: [],
    memory: { afterImport: null, afterLoad: null, peakByPhase: {} },
    loadavg: { start, end: start },
  };
  let server: ServerProcess | null = null;
  let sampler: NodeJS.Timeout | null = null;
  let phase = 'start';
  try {
    if (store === 'neo4j' && !o.keepNeo4jData) {
      run.wipeMs = await wipe(neo!.uri);
      log(`  neo4j wiped in ${run.wipeMs} ms`);
    }
    server = await ServerProcess.start({
      dataDir,
      neo4jUri: store === 'neo4j' ? neo!.uri : undefined,
      nodeArgs: o.serverNodeArgs,
      loopProbe: true,
      port: o.port,
    });
    // Resident memory sampled every 100 ms, the highest seen kept per phase (import, floor, each query).
    const srv = server;
    sampler = setInterval(() => {
      const m = srv.memory();
      if (m) run.memory.peakByPhase[phase] = Math.max(run.memory.peakByPhase[phase] ?? 0, m.rssMB);
    }, 100);
    run.firstStartMs = server.readyMs;
    log(`  ${store}: server up in ${server.readyMs} ms (pid ${server.pid}); importing ${size.actions} actions...`);
    phase = 'import';
    if (!(store === 'neo4j' && o.keepNeo4jData)) run.import = await importThroughApi(server, doc, o.batchBytes, log, o.importBudgetS);
    phase = 'floor';
    run.memory.afterImport = server.memory();
    if (run.import)
      log(
        `  import: ${run.import.ms} ms, ${run.import.actionsPerS} actions/s over ${run.import.batches} batches (${run.import.bodyMB} MB)`,
      );

    const durationS = o.durationS(size);
    // The JVM needs longer than Node to reach steady state.
    const warmupS = store === 'neo4j' ? Math.max(o.warmupS, 3 * Math.min(1, o.warmupS)) : o.warmupS;
    const load = { durationS, connections: o.connections, warmupS, settle: () => drain(server!.url) };
    await drain(server.url);
    run.floor.before = await measure(`${server.url}/api/health`, load);
    log(`  floor /api/health: ${run.floor.before.rps} req/s, p50 ${run.floor.before.p50} ms, p99 ${run.floor.before.p99} ms`);
    for (const q of queriesFor(probes).filter((x) => !o.queries || o.queries.some((part) => x.name.includes(part)))) {
      phase = q.name;
      const url = `${server.url}${q.path}`;
      // The event-loop delay covers the first request, the load and its drain.
      await server.loopReset();
      const s = await sample(url);
      if (s.status === 0) {
        // Too slow to load at all: reported with its one (unfinished) request.
        const none = {
          rps: 0,
          p50: s.ms,
          p90: s.ms,
          p99: s.ms,
          max: s.ms,
          mean: s.ms,
          requests: 0,
          non2xx: 0,
          errors: 1,
          timeouts: 1,
          bytesPerReq: 0,
          durationS: s.ms / 1000,
          connections: 1,
          statusCodes: {},
        };
        run.queries.push({
          name: q.name,
          path: q.path,
          ...none,
          ratioToFloor: 0,
          sample: s,
          drainMs: await drain(server.url),
          serverMemory: server.memory(),
          loopDelay: await server.loopDelay(),
        });
        log(`  ${q.name}: no answer within ${SAMPLE_TIMEOUT_MS / 1000} s; not loaded`);
        continue;
      }
      // A slow query gets a longer run, so every connection completes a few requests, and fewer
      // connections: requests queued behind each other past the server's 20 s headers timeout
      // would be cut (408) and measure the queue, not the query.
      const connections = Math.max(1, Math.min(o.connections, Math.floor(8000 / Math.max(s.ms, 1))));
      const needS = Math.ceil((3 * connections * s.ms) / 1000);
      const r = await measure(url, {
        ...load,
        connections,
        durationS: Math.min(o.maxDurationS, Math.max(durationS, needS)),
        paths: q.paths,
      });
      const drainMs = await drain(server.url);
      const loopDelay = await server.loopDelay();
      run.queries.push({ name: q.name, path: q.path, ...r, ratioToFloor: 0, sample: s, drainMs, serverMemory: server.memory(), loopDelay });
      log(
        `  ${q.name}: ${r.rps} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, event-loop delay p99 ${loopDelay?.p99 ?? '?'} ms (max ${loopDelay?.max ?? '?'})${r.non2xx || r.errors || r.timeouts ? ` (non2xx ${r.non2xx}, errors ${r.errors}, timeouts ${r.timeouts})` : ''} ${JSON.stringify(s.summary)}`,
      );
    }
    phase = 'floor';
    run.floor.after = await measure(`${server.url}/api/health`, load);
    run.floor.rps = round((run.floor.before.rps + run.floor.after.rps) / 2, 1);
    for (const q of run.queries) q.ratioToFloor = round(q.rps / run.floor.rps, 3);
    log(`  floor after: ${run.floor.after.rps} req/s; floor used: ${run.floor.rps} req/s`);
    run.memory.afterLoad = server.memory();
    if (neo) run.memory.neo4jJvm = neo4jMemory(neo);

    if (sampler) clearInterval(sampler);
    if (store === 'embedded' && o.reopen) {
      await server.kill('SIGKILL');
      const crashed = await ServerProcess.start({ dataDir, logLevel: 'info', nodeArgs: o.serverNodeArgs, port: o.port });
      const afterCrash = {
        readyMs: crashed.readyMs,
        storeOpenMs: crashed.storeOpenMs(),
        memory: crashed.memory(),
        files: folderFiles(dataDir),
      };
      const cleanStopMs = await crashed.kill('SIGTERM');
      const files = folderFiles(dataDir);
      server = await ServerProcess.start({ dataDir, logLevel: 'info', nodeArgs: o.serverNodeArgs, port: o.port });
      run.reopen = {
        afterCrash,
        cleanStopMs,
        fromSnapshot: { readyMs: server.readyMs, storeOpenMs: server.storeOpenMs(), memory: server.memory(), files },
      };
      log(
        `  reopen after kill -9: ${afterCrash.readyMs} ms (store ${afterCrash.storeOpenMs} ms, RSS ${afterCrash.memory?.rssMB} MB); clean stop ${cleanStopMs} ms; from snapshot: ${server.readyMs} ms (store ${run.reopen.fromSnapshot.storeOpenMs} ms, RSS ${run.reopen.fromSnapshot.memory?.rssMB} MB, peak ${run.reopen.fromSnapshot.memory?.hwmMB} MB)`,
      );
    }
  } catch (err) {
    run.error = (err as Error).message;
    log(`  ${store} ${size.name} FAILED: ${run.error}`);
  } finally {
    if (sampler) clearInterval(sampler);
    if (server) await server.kill('SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
    run.loadavg.end = loadavg();
  }
  return run;
}

function compare(runs: StoreRun[]): Comparison[] {
  const e = runs.find((r) => r.store === 'embedded' && !r.error);
  const n = runs.find((r) => r.store === 'neo4j' && !r.error);
  if (!e || !n) return [];
  const out: Comparison[] = [];
  const pairs: [string, LoadResult | undefined, LoadResult | undefined][] = [
    ['/api/health (floor)', e.floor.before, n.floor.before],
    ...e.queries.map((q) => [q.name, q, n.queries.find((x) => x.name === q.name)] as [string, LoadResult, LoadResult | undefined]),
  ];
  for (const [query, a, b] of pairs) {
    if (!a || !b) continue;
    out.push({
      query,
      throughputSlowdown: round(a.rps / Math.max(b.rps, 1e-9), 2),
      p50Ratio: round(b.p50 / Math.max(a.p50, 1e-9), 2),
      p99Ratio: round(b.p99 / Math.max(a.p99, 1e-9), 2),
    });
  }
  return out;
}

export async function runBench(o: BenchOptions): Promise<BenchResults> {
  const results: BenchResults = {
    schema: 'deplatforming-graph/bench-v1',
    mode: o.mode,
    date: new Date().toISOString(),
    git: git(),
    machine: machine(),
    command: process.argv.slice(2).join(' '),
    settings: {
      connections: o.connections,
      warmupS: o.warmupS,
      batchMB: round(o.batchBytes / 1024 / 1024, 1),
      seed: SEED,
      ...(o.serverNodeArgs?.length ? { serverNodeArgs: o.serverNodeArgs } : {}),
    },
    loadavg: { start: loadavg(), end: loadavg() },
    sizes: [],
    browser: null,
    targets: [],
    notes: [],
  };
  let neo: Neo4jHandle | null = null;
  const build = freezeBuild();
  // An interrupted run stops what it started: servers, Neo4j, the frozen build.
  const interrupted = (signal: NodeJS.Signals) => {
    killAllServers();
    if (neo?.owned) stopHarness(neo);
    unfreezeBuild(build);
    process.kill(process.pid, signal);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  results.git.changed = gitChanged();
  try {
    if (o.stores.includes('neo4j')) {
      if (o.neo4jUri) neo = { uri: o.neo4jUri, owned: false };
      else if (javaAvailable()) {
        o.log('starting Neo4j (tests/neo4j/start.sh)...');
        neo = startHarness({ heap: o.neo4jHeap, pagecacheMiB: o.neo4jPagecacheMiB });
        o.log(`Neo4j at ${neo.uri} in ${neo.startMs} ms`);
      } else {
        results.notes.push('Neo4j skipped: no Java (Neo4j 5.26 needs Java 17+) and no NEO4J_URI.');
        o.log(results.notes[results.notes.length - 1]!);
      }
      if (neo) {
        results.machine.neo4j = await neo4jVersion(neo.uri);
        results.settings.neo4j = {
          uri: neo.uri,
          owned: neo.owned,
          javaOpts: neo.javaOpts,
          pagecacheMiB: neo.pagecacheMiB,
          startMs: neo.startMs,
        };
      }
    }
    for (const size of o.sizes) {
      o.log(`size ${size.name}: ${size.actors} actors, ${size.actions} actions`);
      const t0 = performance.now();
      const doc = generateGraph({ actors: size.actors, actions: size.actions, seed: SEED });
      const generateMs = Math.round(performance.now() - t0);
      const probes = pickProbes(doc);
      o.log(
        `  generated in ${generateMs} ms; ordinary ${probes.ordinary.id} (degree ${probes.ordinary.degree}), hub ${probes.hub.id} (degree ${probes.hub.degree})`,
      );
      const sizeRun: SizeRun = {
        name: size.name,
        actors: size.actors,
        actions: size.actions,
        generateMs,
        probes,
        durationS: o.durationS(size),
        runs: [],
        comparison: [],
      };
      results.sizes.push(sizeRun);
      for (const store of o.stores) {
        if (store === 'neo4j' && (!neo || (o.neo4jSizes && !o.neo4jSizes.includes(size.name)))) continue;
        sizeRun.runs.push(await runStore(store, size, doc, probes, o, store === 'neo4j' ? neo : null));
        if (o.outFile) write(results, o.outFile); // keep what is done if a later part fails
      }
      sizeRun.comparison = compare(sizeRun.runs);
    }
    if (neo?.owned) {
      stopHarness(neo);
      neo = null;
    }
    if (o.browser) {
      o.log('browser: headless Chromium...');
      try {
        results.browser = await runBrowserBench({ log: o.log, sizes: o.browserSizes });
      } catch (err) {
        results.notes.push(`browser bench failed: ${(err as Error).message}`);
        o.log(results.notes[results.notes.length - 1]!);
      }
    }
  } finally {
    if (neo?.owned) stopHarness(neo);
    results.loadavg.end = loadavg();
    process.removeListener('SIGINT', interrupted);
    process.removeListener('SIGTERM', interrupted);
    unfreezeBuild(build);
    try {
      results.targets = evaluateTargets(results);
      if (o.outFile) write(results, o.outFile);
    } catch (err) {
      o.log(`could not write the results: ${(err as Error).stack}`);
    }
  }
  return results;
}

function write(results: BenchResults, file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  fs.writeFileSync(file.replace(/\.json$/, '.md'), renderMarkdown(results));
}

// ---- command line ----------------------------------------------------------------------------------

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i >= 0) return args[i + 1];
  const eq = args.find((a) => a.startsWith(`${name}=`));
  return eq?.slice(name.length + 1);
}

export function optionsFromArgs(args: string[]): BenchOptions {
  const quick = args.includes('--quick');
  const sizeNames = (argValue(args, '--sizes') ?? (quick ? 'S' : 'S,M,L')).split(',').map((s) => s.trim().toUpperCase());
  const sizes = sizeNames.map((n) => {
    const known = (SIZES as Record<string, { actors: number; actions: number }>)[n];
    if (known) return { name: n, ...known };
    const m = /^(\d+)\/(\d+)$/.exec(n); // e.g. 200/1000
    if (m) return { name: n, actors: Number(m[1]), actions: Number(m[2]) };
    throw new Error(`unknown size "${n}" (S, M, L or <actors>/<actions>)`);
  });
  const storeNames = (argValue(args, '--stores') ?? 'embedded,neo4j').split(',').map((s) => s.trim());
  for (const s of storeNames) if (s !== 'embedded' && s !== 'neo4j') throw new Error(`unknown store "${s}"`);
  const stores = storeNames as StoreName[];
  if (quick && !argValue(args, '--stores') && !process.env.NEO4J_URI) stores.splice(stores.indexOf('neo4j'), 1);
  const duration = argValue(args, '--duration');
  const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
  const mode: BenchResults['mode'] = quick
    ? 'quick'
    : args.some((a) => a.startsWith('--sizes') || a.startsWith('--stores'))
      ? 'custom'
      : 'full';
  const out = argValue(args, '--out') ?? path.join(ROOT, 'bench', 'results', `${quick ? 'quick' : 'bench'}-${stamp}.json`);
  return {
    sizes,
    stores,
    neo4jSizes: argValue(args, '--neo4j-sizes')
      ?.split(',')
      .map((s) => s.trim().toUpperCase()),
    durationS: (s) => (duration ? Number(duration) : quick ? 1 : s.actions <= 10_000 ? 3 : 8),
    warmupS: Number(argValue(args, '--warmup') ?? (quick ? 0.5 : 1)),
    importBudgetS: Number(argValue(args, '--import-budget') ?? 1200),
    maxDurationS: Number(argValue(args, '--max-duration') ?? (quick ? 5 : 40)),
    connections: Number(argValue(args, '--connections') ?? 10),
    batchBytes: Number(argValue(args, '--batch-mb') ?? 8) * 1024 * 1024,
    browser: args.includes('--browser-only') || (!quick && !args.includes('--no-browser')),
    reopen: !args.includes('--no-reopen'),
    mode,
    outFile: out,
    neo4jUri: process.env.NEO4J_URI || undefined,
    neo4jHeap: argValue(args, '--neo4j-heap'),
    neo4jPagecacheMiB: argValue(args, '--neo4j-pagecache') ? Number(argValue(args, '--neo4j-pagecache')) : undefined,
    browserSizes: argValue(args, '--browser-sizes')?.split(','),
    serverNodeArgs: argValue(args, '--server-node-args')?.split(' ').filter(Boolean),
    queries: argValue(args, '--queries')
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    port: argValue(args, '--port') ? Number(argValue(args, '--port')) : undefined,
    keepNeo4jData: args.includes('--keep-neo4j-data'),
    log: (m) => console.log(m),
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const o = optionsFromArgs(args);
  if (args.includes('--browser-only')) o.sizes = [];
  const results = await runBench(o);
  console.log(`\n${renderMarkdown(results)}`);
  if (o.outFile) console.log(`results: ${path.relative(process.cwd(), o.outFile)} (and .md)`);
  const failed = results.sizes.flatMap((s) => s.runs).filter((r) => r.error || r.queries.some((q) => q.non2xx || q.errors));
  if (failed.length) {
    console.error('some runs failed or answered errors; see above');
    process.exitCode = 1;
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
