/**
 * The event-loop budget (CONTRIBUTING.md, "Habits"): no request may hold the server's event loop
 * for long, so /api/health keeps answering while the heaviest request of each kind runs. The built
 * server (a separate process) holds the bench's generated graph of size M (10,000 actors, 60,000
 * actions; BUDGET_SIZE=S|M|L for another); each request of bench/one-request.ts is sent again and
 * again for at least a second while /api/health is asked every 10 ms whether the last one answered
 * or not. Health's p99 over that second must stay under 100 ms. The server's own event-loop delay
 * (perf_hooks.monitorEventLoopDelay, preloaded by bench/loop-probe.ts) is printed beside it.
 *
 * A busy machine can leave the server waiting for a core: health then answers late while the server
 * itself held its loop no longer than usual (CI once saw health's p99 at 142 ms beside a longest
 * hold of 30 ms). Such a window judges the machine, not the server, so it is measured again (at
 * most ATTEMPTS windows) after a write, which changes the graph's version so that the request is
 * computed afresh and not read from the answer cache; a window where the server's own longest hold
 * (CPU time, which does not grow while the process waits for a core) reached the budget is never
 * measured again.
 *
 * Requests known to break the budget are listed in OVER_BUDGET (by the start of their name) with what holds the
 * loop, and reported as `test.todo` (not run: they would only prove again what RELIABILITY.md
 * measures, and a `test.failing` would flip to a failure on a faster machine). Fixing one means
 * taking it off.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateGraph, pickProbes, SIZES, type SizeName } from '../../bench/generate';
import { ask, heavyRequests, idleRequest, importGraph, measureOne, type OneRequestResult } from '../../bench/one-request';
import { loopProbeFile, ServerProcess, SERVER_MAIN } from '../../bench/server-process';
import { describeWith } from '../support/needs';

const SIZE = (process.env.BUDGET_SIZE ?? 'M') as SizeName;
/** The budget: health's p99 while a request of each kind runs. */
const HEALTH_P99_MS = 100;
/** Each request is repeated until this much time has passed, so the p99 rests on about 100 answers. */
const WINDOW_MS = 1000;

/**
 * Still over the budget at M, and why (RELIABILITY.md, "One request against the server"), matched
 * by the start of the request's name. The others came off once the causes were found: the
 * timeline's response order made again in one go on every unfiltered page, export and stats read
 * (40-60 ms each, now made in slices once per version), and slices yielding with one setImmediate,
 * which let health on a fresh connection wait several slices (server/loop-turn.ts). The import
 * came off last: its body is parsed and checked in a worker thread, its comparison in slices.
 */
const OVER_BUDGET: [namePrefix: string, why: string][] = [];
const overBudget = (name: string) => OVER_BUDGET.find(([prefix]) => name.startsWith(prefix))?.[1];

/** Windows measured at most for one request when health was late but the server did not hold its loop. */
const ATTEMPTS = 3;

/** A window over the budget in which the server's longest hold stayed under it: the machine was busy. */
const machineWasBusy = (r: OneRequestResult) =>
  r.health.p99 >= HEALTH_P99_MS && r.loop?.heldCpuMax !== undefined && r.loop.heldCpuMax < HEALTH_P99_MS;

const missing = !fs.existsSync(SERVER_MAIN)
  ? `${SERVER_MAIN} is not built (\`npm run build\` first)`
  : !fs.existsSync(loopProbeFile(SERVER_MAIN))
    ? `${loopProbeFile(SERVER_MAIN)} is not built (\`npm run build\` first)`
    : null;

describeWith('build', missing, `the event-loop budget at ${SIZE}`, () => {
  const doc = generateGraph({ ...SIZES[SIZE], seed: 42 });
  const requests = heavyRequests(doc, pickProbes(doc));
  const results: OneRequestResult[] = [];
  let server: ServerProcess;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-budget-'));
    server = await ServerProcess.start({ dataDir, loopProbe: true }, 60_000);
    await importGraph(server, doc);
  }, 120_000);

  afterAll(async () => {
    await server?.kill('SIGTERM');
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    const rows = results.map(
      (r) =>
        `${r.name}: ${r.status}, first ${r.ms} ms, sent ${r.sent}; health p99 ${r.health.p99} ms (max ${r.health.max}, n ${r.health.n}); ` +
        `event-loop delay p99 ${r.loop?.p99 ?? '?'} ms (max ${r.loop?.max ?? '?'}); longest hold ${r.loop?.heldCpuMax ?? '?'} ms of main-thread CPU`,
    );
    process.stdout.write(`[reliability] event-loop budget at ${SIZE}:\n  ${rows.join('\n  ')}\n`);
  }, 30_000);

  /** Measures until a window is not excused by a busy machine (at most ATTEMPTS); every window is printed. */
  const measure = async (measureWindow: () => Promise<OneRequestResult>) => {
    let r = await measureWindow();
    results.push(r);
    for (let attempt = 1; attempt < ATTEMPTS && machineWasBusy(r); attempt++) {
      const id = `budget-retry-${process.pid}-${results.length}`;
      const write = await ask(server, '/api/actors', { method: 'POST', body: JSON.stringify({ id, name: id, kind: 'person' }) });
      expect(write.status).toBe(201);
      const again = await measureWindow();
      r = { ...again, name: `${again.name} (again, attempt ${attempt + 1})` };
      results.push(r);
    }
    return r;
  };

  // On a machine too busy to answer health in time with nothing else to do, no request can be judged.
  test(`health alone: p99 under ${HEALTH_P99_MS} ms (else this machine is too busy for the test)`, async () => {
    const r = await measure(() => measureOne(server, idleRequest(WINDOW_MS)));
    expect(r.health.p99).toBeLessThan(HEALTH_P99_MS);
  });

  for (const req of requests) {
    const why = overBudget(req.name);
    const run = async () => {
      const r = await measure(() => measureOne(server, req, { minWindowMs: WINDOW_MS, timeoutMs: 100_000 }));
      expect(r.status).toBeLessThan(300);
      expect(r.health.p99).toBeLessThan(HEALTH_P99_MS);
    };
    if (why) test.todo(`${req.name}: over the budget (${why})`);
    else test(`${req.name}: health answers with p99 under ${HEALTH_P99_MS} ms meanwhile`, run, 120_000);
  }
});
