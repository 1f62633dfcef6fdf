/**
 * The shape of a bench run's results (the JSON under bench/results/), in a file of its own so the
 * modules that produce, check and print them import it rather than each other.
 */
import type { BrowserResult } from './browser';
import type { Probes } from './generate';
import type { LoadResult } from './load';
import type { LoopDelay } from './loop-probe';
import type { Machine } from './machine';
import type { Memory } from './server-process';

export type StoreName = 'embedded' | 'neo4j';

export interface SizeSpec {
  name: string;
  actors: number;
  actions: number;
}

export interface QueryResult extends LoadResult {
  name: string;
  path: string;
  /** req/s of this query / req/s of /api/health in the same run, same store. */
  ratioToFloor: number;
  /** One request before the load: status, bytes, ms, and what the answer held. */
  sample: { status: number; bytes: number; ms: number; summary: Record<string, unknown> };
  /** ms the server took to finish the requests still queued when the measurement ended. */
  drainMs: number;
  /** The server's resident memory after this query's load (peak: since it started). */
  serverMemory: Memory | null;
  /**
   * The server's event-loop delay (perf_hooks.monitorEventLoopDelay, in the server) from the start
   * of this query's load to the end of its drain; null when it could not be read.
   */
  loopDelay?: LoopDelay | null;
}

export interface ImportResultBench {
  batches: number;
  actors: number;
  sources: number;
  actions: number;
  ms: number;
  actionsPerS: number;
  recordsPerS: number;
  /** The slowest batch, ms. */
  maxBatchMs: number;
  bodyMB: number;
}

export interface ReopenResult {
  /** kill -9 after the load, then start: snapshot (if one was written) + journal replay. */
  afterCrash: { readyMs: number; storeOpenMs: number | null; memory: Memory | null; files: Record<string, number> };
  /** SIGTERM (writes the snapshot), ms to stop. */
  cleanStopMs: number;
  /** Start from the snapshot alone. */
  fromSnapshot: { readyMs: number; storeOpenMs: number | null; memory: Memory | null; files: Record<string, number> };
}

export interface StoreRun {
  store: StoreName;
  /** ms from spawn to the first /api/health 200 on an empty store (first start seeds it). */
  firstStartMs: number;
  import: ImportResultBench | null;
  /** The floor: /api/health under the same load, before and after the queries. */
  floor: { before: LoadResult; after: LoadResult; rps: number };
  queries: QueryResult[];
  memory: {
    afterImport: Memory | null;
    afterLoad: Memory | null;
    neo4jJvm?: Memory | null;
    /** Highest resident set (MB) sampled every 100 ms during each phase: start, import, floor, each query. */
    peakByPhase: Record<string, number>;
  };
  reopen?: ReopenResult;
  wipeMs?: number;
  loadavg: { start: [number, number, number]; end: [number, number, number] };
  error?: string;
}

export interface Comparison {
  query: string;
  /** embedded req/s / neo4j req/s: how many times more the embedded store serves. */
  throughputSlowdown: number;
  p50Ratio: number;
  p99Ratio: number;
}

export interface SizeRun {
  name: string;
  actors: number;
  actions: number;
  generateMs: number;
  probes: Probes;
  durationS: number;
  runs: StoreRun[];
  comparison: Comparison[];
}

export interface BenchResults {
  schema: 'deplatforming-graph/bench-v1';
  mode: 'full' | 'quick' | 'custom';
  date: string;
  git: { commit: string | null; dirty: boolean | null; changed?: string[] };
  machine: Machine;
  command: string;
  settings: {
    connections: number;
    warmupS: number;
    batchMB: number;
    seed: number;
    serverNodeArgs?: string[];
    neo4j?: { uri: string; owned: boolean; javaOpts?: string; pagecacheMiB?: number; startMs?: number };
  };
  loadavg: { start: [number, number, number]; end: [number, number, number] };
  sizes: SizeRun[];
  browser: BrowserResult[] | null;
  targets: TargetCheck[];
  notes: string[];
}

export interface TargetCheck {
  target: string;
  store?: string;
  value: string;
  met: boolean | null;
}
