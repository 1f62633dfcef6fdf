/** HTTP load with autocannon: a fixed duration, N connections, req/s and latency percentiles. */
// autocannon ships no type declarations; the part used here (and by tests/reliability) is typed below.
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const autocannon = require('autocannon') as (opts: Record<string, unknown>) => Promise<AutocannonResult>;

export interface Histogram {
  average: number;
  mean: number;
  stddev: number;
  min: number;
  max: number;
  p50: number;
  p90: number;
  p97_5: number;
  p99: number;
  total: number;
}

export interface AutocannonResult {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  mismatches: number;
  resets: number;
  '1xx': number;
  '2xx': number;
  '3xx': number;
  '4xx': number;
  '5xx': number;
  requests: Histogram;
  latency: Histogram;
  throughput: Histogram;
  statusCodeStats?: Record<string, { count: number }>;
}

export interface LoadOptions {
  /** Seconds of measurement. */
  durationS: number;
  connections: number;
  /** Seconds of warm-up before it (not counted). */
  warmupS?: number;
  /** Per-request timeout, seconds. */
  timeoutS?: number;
  headers?: Record<string, string>;
  /** Run between the warm-up and the measurement (e.g. wait for the server to finish queued work). */
  settle?: () => Promise<unknown>;
  /**
   * Paths asked in turn across all connections (one shared round robin, so no two connections ask
   * the same one at once), instead of `url`'s own path every time.
   */
  paths?: string[];
}

export interface LoadResult {
  /** Requests completed per second over the measurement. */
  rps: number;
  /** Latency percentiles, ms. */
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Mean bytes of one answer. */
  bytesPerReq: number;
  durationS: number;
  connections: number;
  statusCodes: Record<string, number>;
}

const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

function roundRobin(paths: string[]): (req: Record<string, unknown>) => Record<string, unknown> {
  let next = 0;
  return (req) => ({ ...req, path: paths[next++ % paths.length] });
}

async function cannon(url: string, durationS: number, o: LoadOptions): Promise<AutocannonResult> {
  return autocannon({
    url,
    connections: o.connections,
    duration: durationS,
    timeout: o.timeoutS ?? 120,
    headers: o.headers ?? {},
    ...(o.paths?.length ? { requests: [{ method: 'GET', setupRequest: roundRobin(o.paths) }] } : {}),
    // No latency correction: the load is closed-loop (each connection waits for its answer).
  });
}

export async function measure(url: string, o: LoadOptions): Promise<LoadResult> {
  if (o.warmupS && o.warmupS > 0) {
    await cannon(url, o.warmupS, o);
    await o.settle?.();
  }
  const r = await cannon(url, o.durationS, o);
  const statusCodes: Record<string, number> = {};
  for (const [code, s] of Object.entries(r.statusCodeStats ?? {})) statusCodes[code] = s.count;
  const requests = r.requests.total;
  return {
    rps: round(requests / Math.max(r.duration, 1e-9), 1),
    p50: round(r.latency.p50),
    p90: round(r.latency.p90),
    p99: round(r.latency.p99),
    max: round(r.latency.max),
    mean: round(r.latency.mean),
    requests,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    bytesPerReq: requests ? Math.round(r.throughput.total / requests) : 0,
    durationS: round(r.duration, 2),
    connections: o.connections,
    statusCodes,
  };
}
