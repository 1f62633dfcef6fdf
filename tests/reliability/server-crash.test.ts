/**
 * Crash safety of the server on the embedded store: the built server (a separate process) takes
 * bursts of concurrent writes over HTTP (creates, replaces, deletes, imports from 16 lanes) and is
 * SIGKILLed at random moments (a fixed-seed generator picks them). After each kill it is started
 * again on the same DATA_DIR and must hold every write it acknowledged with a 2xx, nothing it
 * refused, and a consistent graph: every reference resolves, /api/health counts and list totals
 * equal the export. A last round stops it cleanly under load (SIGTERM: snapshot, journal emptied)
 * and checks the same after that restart.
 *
 * CRASH_ROUNDS (default 20) sets the number of kills; `npm run reliability:crash` runs 100.
 */
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../support/stores';
import { recordFigures } from './support/figures';
import { Client, rng, sleep } from './support/http';
import { checkGraph, Ledger, percentile, readBackAcked, runWriters } from './support/ledger';
import { builtServerAvailable, freePort, killAllServers, RELIABILITY_TOKEN, startServer } from './support/server';
import { describeWith } from '../support/needs';

const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 20);
const LANES = Number(process.env.CRASH_LANES ?? 16);
const available = builtServerAvailable();
const missingBuild = available ? null : 'dist/server/main.js is not built (`npm run build` first; `npm test` does it)';

describeWith('build', missingBuild, 'the server on the embedded store under SIGKILL', () => {
  afterAll(killAllServers);

  test(
    `${ROUNDS} kills during concurrent HTTP writes: every acknowledged write is kept, the graph stays consistent`,
    async () => {
      const dir = tempDir('dg-rel-crash-');
      const killRand = rng(20210110);
      const writeRand = rng(47);
      const ledger = new Ledger();
      const port = await freePort();
      const rounds: Array<{ killAfterMs: number; acked: number; unanswered: number; startMs: number }> = [];
      let tornDropped = 0;
      let maybeLanded = 0;
      let maybeTotal = 0;
      const started = Date.now();
      try {
        for (let round = 0; round <= ROUNDS; round++) {
          const t0 = Date.now();
          const server = await startServer({ dataDir: dir, port });
          const startMs = Date.now() - t0;
          tornDropped += server.logs().filter((l) => /torn last record/.test(String(l.msg))).length;
          const client = new Client(server.url, { token: RELIABILITY_TOKEN });
          try {
            // What the previous kill left: every acknowledged write, nothing refused, no dangling reference.
            const check = await checkGraph(client, ledger);
            expect({ round, problems: check.problems }).toEqual({ round, problems: [] });
            const unanswered = ledger.unansweredOutcome(check.doc);
            maybeTotal += unanswered.applied + unanswered.notApplied;
            maybeLanded += unanswered.applied;
            ledger.settle(check.doc);
            // And the records of the last round answer one by one, as acknowledged.
            const lastRound = new Set([...ledger.entries.values()].filter((e) => e.id.startsWith(`r${round - 1}-`)).map((e) => e.id));
            expect(await readBackAcked(client, ledger, lastRound)).toEqual([]);

            if (round === ROUNDS) {
              // A clean stop while writes are in flight: they finish or are refused, the snapshot is written.
              let stopping = false;
              const writers = runWriters({
                client,
                ledger,
                prefix: `r${round}`,
                lanes: LANES,
                rand: writeRand,
                stop: () => stopping,
                on5xx: 'refused',
              });
              await sleep(200);
              const exit = await server.stop();
              stopping = true;
              const stats = await writers;
              expect(exit).toEqual({ code: 0, signal: null });
              expect(stats.unexpected).toEqual([]);
              expect(fs.statSync(path.join(dir, 'graph.journal')).size).toBe(0);
              const again = await startServer({ dataDir: dir, port });
              const c2 = new Client(again.url, { token: RELIABILITY_TOKEN });
              try {
                const final = await checkGraph(c2, ledger);
                expect(final.problems).toEqual([]);
                ledger.settle(final.doc);
                expect(await readBackAcked(c2, ledger)).toEqual([]);
                recordFigures('server-crash', {
                  kills: ROUNDS,
                  lanes: LANES,
                  acknowledgedWrites: ledger.acked,
                  refusedWrites: ledger.refused,
                  unansweredAtKill: maybeTotal,
                  unansweredFoundApplied: maybeLanded,
                  tornRecordsDropped: tornDropped,
                  finalCounts: final.counts,
                  lostAcknowledged: 0,
                  restartMs: {
                    p50: percentile(
                      rounds.map((r) => r.startMs),
                      50,
                    ),
                    max: Math.max(...rounds.map((r) => r.startMs)),
                  },
                  ackedPerRound: { min: Math.min(...rounds.map((r) => r.acked)), max: Math.max(...rounds.map((r) => r.acked)) },
                  seconds: Math.round((Date.now() - started) / 1000),
                });
              } finally {
                c2.close();
                await again.stop();
              }
              break;
            }

            // Bursts of concurrent writes, then a SIGKILL at a moment the seeded generator picks.
            let killed = false;
            const killAfterMs = 40 + Math.floor(killRand() * 600);
            const writers = runWriters({
              client,
              ledger,
              prefix: `r${round}`,
              lanes: LANES,
              rand: writeRand,
              stop: () => killed,
              on5xx: 'refused',
            });
            await sleep(killAfterMs);
            server.kill('SIGKILL');
            const exit = await server.exited;
            killed = true;
            const stats = await writers;
            expect(exit.signal).toBe('SIGKILL');
            expect(stats.unexpected).toEqual([]);
            expect(stats.statuses['500']).toBeUndefined();
            rounds.push({ killAfterMs, acked: stats.acked, unanswered: stats.unanswered, startMs });
          } finally {
            client.close();
            if (server.running) {
              server.kill('SIGKILL');
              await server.exited;
            }
          }
        }
        expect(ledger.acked).toBeGreaterThan(ROUNDS * 10);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    60_000 + ROUNDS * 15_000,
  );
});
