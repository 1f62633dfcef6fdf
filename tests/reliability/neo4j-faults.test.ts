/**
 * Neo4j faults under load: the built server runs on a Neo4j of the test's own; while readers,
 * writers and a health probe keep it busy, Neo4j is stopped (cleanly, or SIGKILLed in later cycles
 * of the long run) and started again on the same port and data. While it is gone every answer that
 * needs it is 503 `unavailable` with Retry-After and health says so; once Bolt answers again the
 * server is healthy within 5 s without a restart; no acknowledged write is lost. The 503s come from
 * the store's circuit breaker (server/store/neo4j/breaker.ts), so they are quick: their latency and
 * the time from Bolt's return to the first successful read are recorded.
 *
 * Needs Java 17+ (and Maven once, to build the launcher). Runs when NEO4J_FAULTS=1: .ci/run sets it
 * and runs one cycle with a 4 s outage, and fails if Java or Maven is missing;
 * `npm run reliability:neo4j-faults` runs 3 cycles of 15 s. Skipped otherwise, outside CI.
 */
import { recordFigures } from './support/figures';
import { Client, NoAnswerError, sleep, rng, waitFor, type Answer } from './support/http';
import { checkGraph, Ledger, percentile, runWriters } from './support/ledger';
import { boltAnswers, OwnNeo4j, ownNeo4jAvailable } from './support/neo4j';
import { describeWith, type Need } from '../support/needs';
import { builtServerAvailable, killAllServers, RELIABILITY_TOKEN, startServer, type ServerProcess } from './support/server';

const CYCLES = Number(process.env.NEO4J_FAULT_CYCLES ?? 1);
const OUTAGE_MS = Number(process.env.NEO4J_OUTAGE_MS ?? 4000);
const RECOVERY_LIMIT_MS = 5000;
/**
 * The breaker's promise is a 503 in under 100 ms (p99) while Neo4j is down; this bound is ten times
 * that, as CI shares its two cores with Neo4j starting and the other suites. The driver's retries,
 * without a breaker, took 7 s.
 */
const UNAVAILABLE_P99_LIMIT_MS = 1000;
/** What keeps the test from running here, and the need it names (a failure in CI: tests/support/needs.ts). */
const [need, missing]: [Need, string | null] =
  process.env.NEO4J_FAULTS !== '1'
    ? ['neo4j-faults', 'NEO4J_FAULTS is not 1 (`npm run reliability:neo4j-faults` runs it; .ci/run sets it)']
    : !builtServerAvailable()
      ? ['build', 'dist/server/main.js is not built (`npm run build` first)']
      : !ownNeo4jAvailable()
        ? ['neo4j', 'it starts a Neo4j of its own, which needs Java 17+ and, once, Maven']
        : ['neo4j', null];

const READ_URLS = [
  '/api/actors?q=par',
  '/api/actors/parler',
  '/api/actions?limit=20',
  '/api/actions?actor=aws&type=SUSPENDED,HOSTED',
  '/api/graph?focus=parler&depth=2',
  '/api/paths?source=parler&target=twitter',
  '/api/chains?actor=aws&maxLength=4',
  '/api/stats',
  '/api/sources?q=parler',
];

interface Observed {
  url: string;
  start: number;
  end: number;
  status: number;
  retryAfter?: string;
  code?: string;
}

function observe(url: string, start: number, res: Answer): Observed {
  return {
    url,
    start,
    end: Date.now(),
    status: res.status,
    retryAfter: res.headers['retry-after'],
    code: res.body?.error?.code ?? res.body?.status,
  };
}

/** Everything but a 2xx must be the spec's 503: code unavailable and a Retry-After. */
function badAnswers(list: Observed[]): string[] {
  return list
    .filter((o) => o.status >= 300 && !(o.status === 503 && o.code === 'unavailable' && Number(o.retryAfter) > 0))
    .map((o) => `${o.url} -> ${o.status} ${o.code ?? ''} retry-after=${o.retryAfter ?? 'none'}`);
}

describeWith(need, missing, 'the server on Neo4j while Neo4j goes away and comes back', () => {
  let neo: OwnNeo4j;
  let server: ServerProcess;
  /** The server's error lines for failed queries (the driver error's code is in them), a few. */
  const unmappedLog = () =>
    server
      .logs()
      .filter((l) => /query failed|unexpected/i.test(String(l.msg)) && Number(l.level) >= 40)
      .slice(0, 5);

  beforeAll(async () => {
    neo = await OwnNeo4j.create();
    await neo.start();
    // The seed import plans each of its statements once: under CI's load that alone can take a minute.
    server = await startServer({ neo4jUri: neo.uri, readyTimeoutMs: 240_000 });
  }, 900_000);

  afterAll(async () => {
    await killAllServers();
    await neo?.destroy();
  }, 120_000);

  test(`${CYCLES} outage(s) under load: 503 unavailable with Retry-After, health 503, healthy within 5 s of Bolt's return, no acknowledged write lost`, async () => {
    const ledger = new Ledger();
    const pid = server.pid;
    const writes = new Client(server.url, { token: RELIABILITY_TOKEN, timeoutMs: 60_000 });
    const reads = new Client(server.url, { timeoutMs: 60_000 });
    const probes = new Client(server.url, { timeoutMs: 60_000, maxSockets: 256, keepAlive: false });
    const readLog: Observed[] = [];
    const healthLog: Observed[] = [];
    const noAnswer: string[] = [];
    const cycles: Array<Record<string, unknown>> = [];
    let stopping = false;

    const readers = Promise.all(
      Array.from({ length: 6 }, async (_, i) => {
        const rand = rng(100 + i);
        while (!stopping) {
          const url = READ_URLS[Math.floor(rand() * READ_URLS.length)]!;
          const start = Date.now();
          try {
            readLog.push(observe(url, start, await reads.get(url)));
          } catch (err) {
            if (err instanceof NoAnswerError) noAnswer.push(`${url}: ${err.message}`);
            else throw err;
          }
          await sleep(20);
        }
      }),
    );
    const healthTimer = setInterval(() => {
      const start = Date.now();
      probes.get('/api/health').then(
        (res) => healthLog.push(observe('/api/health', start, res)),
        (err: Error) => noAnswer.push(`/api/health: ${err.message}`),
      );
    }, 200);
    const writers = runWriters({
      client: writes,
      ledger,
      prefix: 'nf',
      lanes: 8,
      rand: rng(9),
      stop: () => stopping,
      on5xx: 'unknown',
      retryPauseMs: 200,
    });

    try {
      await sleep(3000); // steady load first
      for (let cycle = 0; cycle < CYCLES; cycle++) {
        const hard = cycle % 2 === 1;
        const ackedBefore = ledger.acked;
        const tStop = Date.now();
        if (hard) await neo.kill();
        else await neo.stop();
        const tGone = Date.now();
        // Health says so, with Retry-After.
        expect(await waitFor(() => healthLog.some((h) => h.start >= tGone && h.status === 503), 30_000)).toBe(true);
        const downHealth = healthLog.find((h) => h.start >= tGone && h.status === 503)!;
        expect(downHealth).toMatchObject({ code: 'unavailable' });
        expect(Number(downHealth.retryAfter)).toBeGreaterThan(0);
        await sleep(OUTAGE_MS);

        // Back on the same port and data; tBack is the first moment a fresh driver gets an answer.
        const restart = neo.start();
        let tBack = 0;
        while (!tBack) {
          if (await boltAnswers(neo.uri)) tBack = Date.now();
          else await sleep(100);
        }
        await restart;
        const healthy = await waitFor(() => healthLog.some((h) => h.end >= tBack && h.status === 200), 30_000, 50);
        expect(healthy).toBe(true);
        const tOk = healthLog
          .filter((h) => h.end >= tBack && h.status === 200)
          .map((h) => h.end)
          .sort((a, b) => a - b)[0]!;
        const recoveryMs = tOk - tBack;
        // The first read begun after Bolt's return that succeeded: how soon the breaker let requests through.
        expect(await waitFor(() => readLog.some((r) => r.start >= tBack && r.status === 200), 30_000, 50)).toBe(true);
        const firstReadOkMs =
          readLog
            .filter((r) => r.start >= tBack && r.status === 200)
            .map((r) => r.end)
            .sort((a, b) => a - b)[0]! - tBack;
        const during = [...readLog, ...healthLog].filter((r) => r.start >= tGone && r.end <= tBack);
        const unavailable = during.filter((r) => r.status === 503);
        const unavailableMs = unavailable.map((r) => r.end - r.start);
        cycles.push({
          cycle,
          fault: hard ? 'SIGKILL' : 'stop (SIGTERM)',
          outageMs: tBack - tStop,
          recoveryMs,
          answersDuringOutage: during.length,
          unavailable503: unavailable.length,
          unavailableLatencyMs: {
            p50: percentile(unavailableMs, 50),
            p99: percentile(unavailableMs, 99),
            max: Math.max(0, ...unavailableMs),
          },
          firstReadOkMs,
          // The slowest 503s, when from the outage's start, for a reader of the figures to place them.
          slowest503: [...unavailable]
            .sort((a, b) => b.end - b.start - (a.end - a.start))
            .slice(0, 3)
            .map((r) => ({ url: r.url, ms: r.end - r.start, afterGoneMs: r.start - tGone })),
          writesAckedInCycle: ledger.acked - ackedBefore,
        });
        process.stdout.write(`[reliability] neo4j-faults cycle: ${JSON.stringify(cycles[cycles.length - 1])}\n`);
        // Reads started once it is healthy again all answer (waiting for a dozen of them to finish; a
        // Neo4j just started plans each statement again, which on a loaded machine takes seconds each).
        expect(await waitFor(() => readLog.filter((r) => r.start >= tOk).length >= 12, 180_000)).toBe(true);
        const after = readLog.filter((r) => r.start >= tOk);
        const failedAfter = after.filter((r) => r.status !== 200).map((r) => `${r.url} ${r.status}`);
        // With the server's log lines for them: a 500 names the driver error that was not mapped.
        expect({ failedAfter, log: failedAfter.length ? unmappedLog() : [] }).toEqual({ failedAfter: [], log: [] });
        expect(recoveryMs).toBeLessThanOrEqual(RECOVERY_LIMIT_MS);
        expect(firstReadOkMs).toBeLessThanOrEqual(RECOVERY_LIMIT_MS);
        expect(unavailable.length).toBeGreaterThan(0);
        expect(percentile(unavailableMs, 99)).toBeLessThanOrEqual(UNAVAILABLE_P99_LIMIT_MS);
        await sleep(1000);
      }
    } finally {
      stopping = true;
      clearInterval(healthTimer);
      await readers;
      await writers.then((w) => void expect(w.unexpected).toEqual([]));
    }
    await sleep(500); // the last health probes
    expect(noAnswer).toEqual([]);
    // A 500 here means a driver error that translateError does not map; the server's log names its code.
    const bad = badAnswers(readLog);
    expect({ bad, log: bad.length ? unmappedLog() : [] }).toEqual({ bad: [], log: [] });
    expect(badAnswers(healthLog)).toEqual([]);
    expect(server.running && server.pid === pid).toBe(true); // recovered without a restart

    // No acknowledged write lost; the graph consistent.
    const check = await checkGraph(reads, ledger);
    expect(check.problems).toEqual([]);
    // The password and the token appear in no log line.
    expect(server.output()).not.toContain(RELIABILITY_TOKEN);
    const steady = readLog.filter((r) => r.status === 200);
    recordFigures('neo4j-faults', {
      cycles,
      acknowledgedWrites: ledger.acked,
      writesAnswered503:
        Object.entries(ledger.statuses)
          .filter(([s]) => s === '503')
          .map(([, n]) => n)[0] ?? 0,
      lostAcknowledged: 0,
      reads: readLog.length,
      readLatencyOkMs: {
        p50: percentile(
          steady.map((r) => r.end - r.start),
          50,
        ),
        p99: percentile(
          steady.map((r) => r.end - r.start),
          99,
        ),
      },
      serverRestarted: false,
      finalCounts: check.counts,
    });
    writes.close();
    reads.close();
    probes.close();
  }, 600_000);
});
