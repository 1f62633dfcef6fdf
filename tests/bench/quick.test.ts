/**
 * The benchmark in miniature, so CI catches a broken bench or a gross regression (a query that
 * errors, hangs or answers non-2xx) without asserting any timing: a 200-actor / 1,000-action
 * graph imported through the API into a real server process (dist/server/main.js), every query
 * driven briefly with autocannon, the embedded store's reopen, and a well-formed results file.
 * Embedded store only: wiping a shared NEO4J_URI under the other suites would break them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchResults } from '../../bench/results-types';
import { runBench } from '../../bench/run';
import { SERVER_MAIN } from '../../bench/server-process';
import { describeWith } from '../support/needs';

jest.setTimeout(120_000);

const built = fs.existsSync(SERVER_MAIN);
const missingBuild = built ? null : `${SERVER_MAIN} is missing (npm test builds it first)`;

describeWith('build', missingBuild, 'bench, quick mode', () => {
  let dir: string;
  let results: BenchResults;
  const lines: string[] = [];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-bench-test-'));
    results = await runBench({
      sizes: [{ name: 'T', actors: 200, actions: 1000 }],
      stores: ['embedded'],
      durationS: () => 0.3,
      warmupS: 0.2,
      maxDurationS: 2,
      connections: 4,
      batchBytes: 64 * 1024, // several import batches
      importBudgetS: 60,
      browser: false,
      reopen: true,
      mode: 'quick',
      outFile: path.join(dir, 'quick-test.json'),
      log: (m) => lines.push(m),
    });
  });

  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('every query answered 2xx, under load, with no error', () => {
    const run = results.sizes[0]!.runs[0]!;
    expect(run.error).toBeUndefined();
    expect(run.queries.length).toBeGreaterThanOrEqual(9);
    for (const q of [run.floor.before, run.floor.after, ...run.queries]) {
      expect({ path: (q as { path?: string }).path, non2xx: q.non2xx, errors: q.errors, timeouts: q.timeouts }).toEqual({
        path: (q as { path?: string }).path,
        non2xx: 0,
        errors: 0,
        timeouts: 0,
      });
    }
    for (const q of run.queries) {
      expect(q.sample.status).toBe(200);
      expect(q.requests).toBeGreaterThan(0);
    }
  });

  test('the import went through the API in batches, all of it', () => {
    const imp = results.sizes[0]!.runs[0]!.import!;
    expect(imp.batches).toBeGreaterThan(1);
    expect(imp.actions).toBe(1000);
    expect(imp.actionsPerS).toBeGreaterThan(0);
  });

  test('the probes are the median-degree actor and the hub', () => {
    const { probes } = results.sizes[0]!;
    expect(probes.hub.degree).toBe(probes.degrees.max);
    expect(probes.ordinary.degree).toBe(probes.degrees.median);
    expect(probes.ordinary.id).not.toBe(probes.ordinary2.id);
  });

  test('the embedded store reopens after kill -9 and from its snapshot', () => {
    const re = results.sizes[0]!.runs[0]!.reopen!;
    expect(re.afterCrash.readyMs).toBeGreaterThan(0);
    expect(re.fromSnapshot.readyMs).toBeGreaterThan(0);
    expect(re.fromSnapshot.files['graph.snapshot.json']).toBeDefined();
    expect(re.fromSnapshot.memory?.rssMB).toBeGreaterThan(0);
  });

  test('the results file is well-formed, with its Markdown', () => {
    const file = path.join(dir, 'quick-test.json');
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as BenchResults;
    expect(parsed.schema).toBe('deplatforming-graph/bench-v1');
    expect(parsed.machine.cpus).toBeGreaterThan(0);
    expect(typeof parsed.date).toBe('string');
    expect(parsed.sizes[0]!.runs[0]!.floor.rps).toBeGreaterThan(0);
    for (const q of parsed.sizes[0]!.runs[0]!.queries) expect(Number.isFinite(q.ratioToFloor)).toBe(true);
    const md = fs.readFileSync(file.replace(/\.json$/, '.md'), 'utf8');
    expect(md).toContain('/api/health (floor)');
    expect(md).toContain('graph depth 2, hub');
  });
});
