/** The issue's targets, checked against one run's figures (null: not measured in this run). */
import type { BenchResults, QueryResult, StoreRun, TargetCheck } from './results-types';

/** Two significant digits for small ratios (0.0042), two decimals otherwise. */
const fmt = (n: number, d = 2) => (Math.abs(n) < 0.1 && n !== 0 ? n.toPrecision(2) : String(Math.round(n * 10 ** d) / 10 ** d));

export function evaluateTargets(r: BenchResults): TargetCheck[] {
  const out: TargetCheck[] = [];
  const size = (name: string) => r.sizes.find((s) => s.name === name);
  const runOf = (name: string, store: string): StoreRun | undefined => size(name)?.runs.find((x) => x.store === store && !x.error);
  const m = size('M');
  for (const store of ['embedded', 'neo4j']) {
    const run = runOf('M', store);
    if (!run) continue;
    const q = (name: string) => run.queries.find((x) => x.name === name);
    const inTurn = (prefix: string) => run.queries.find((x) => x.name.startsWith(prefix) && x.name.endsWith('in turn'));
    // The issue's bars, first on answers computed afresh (a different actor each request), then on
    // the same request repeated, which the embedded store answers from what it remembers.
    const bars: [string, QueryResult | undefined, number, boolean][] = [
      ['depth-2 neighbourhood, a different ordinary actor each request', inTurn('graph depth 2,'), 0.5, true],
      ['depth-2 neighbourhood (ordinary), the same request repeated', q('graph depth 2, ordinary'), 0.5, true],
      ['depth-2 neighbourhood (hub), the same request repeated', q('graph depth 2, hub'), 0.5, true],
      ['shortest paths, a different pair each request', inTurn('paths maxLength 4,'), 0.3, false],
      ['shortest paths, the same request repeated', q('paths maxLength 4'), 0.3, false],
      ['chains, a different ordinary actor each request', inTurn('chains maxLength 4,'), 0.2, false],
      ['chains (ordinary actor), the same request repeated', q('chains maxLength 4, ordinary'), 0.2, false],
      ['chains (hub), the same request repeated (not in the issue; same bar)', q('chains maxLength 4, hub'), 0.2, false],
    ];
    for (const [what, res, bar, p99] of bars) {
      if (!res) continue;
      out.push({
        target: `M: ${what} >= ${bar}x floor throughput`,
        store,
        value: `${fmt(res.ratioToFloor)}x (${res.rps} req/s vs ${run.floor.rps})`,
        met: res.ratioToFloor >= bar,
      });
      if (p99) out.push({ target: `M: ${what}: p99 <= 20 ms`, store, value: `${res.p99} ms`, met: res.p99 <= 20 });
    }
    // Issue 5's bar for the embedded store; issue 16's for Neo4j.
    const importBar = store === 'neo4j' ? 15_000 : 20_000;
    if (run.import)
      out.push({
        target: `M: import >= ${importBar.toLocaleString('en-US')} actions/s, durable`,
        store,
        value: `${run.import.actionsPerS} actions/s`,
        met: run.import.actionsPerS >= importBar,
      });
  }
  if (!m) out.push({ target: 'M targets', value: 'M not run', met: null });
  for (const s of r.sizes) {
    if (!s.comparison.length) continue;
    const worst = [...s.comparison].sort((a, b) => b.throughputSlowdown - a.throughputSlowdown)[0]!;
    const over = s.comparison.filter((c) => c.throughputSlowdown > 3).map((c) => `${c.query} ${c.throughputSlowdown}x`);
    out.push({
      target: `${s.name}: Neo4j within 3x of embedded (throughput, every query)`,
      value: `worst ${worst.throughputSlowdown}x (${worst.query})${over.length ? `; over 3x: ${over.join(', ')}` : ''}`,
      met: over.length === 0,
    });
    const worstP99 = [...s.comparison].sort((a, b) => b.p99Ratio - a.p99Ratio)[0]!;
    const overP99 = s.comparison.filter((c) => c.p99Ratio > 3).map((c) => `${c.query} ${c.p99Ratio}x`);
    out.push({
      target: `${s.name}: Neo4j p99 within 3x of embedded (every query)`,
      value: `worst ${worstP99.p99Ratio}x (${worstP99.query})${overP99.length ? `; over 3x: ${overP99.join(', ')}` : ''}`,
      met: overP99.length === 0,
    });
  }
  const l = runOf('L', 'embedded');
  if (l?.reopen) {
    const snap = l.reopen.fromSnapshot.readyMs;
    const crash = l.reopen.afterCrash.readyMs;
    out.push({
      target: 'L: embedded reopen <= 10 s (from the snapshot, a normal restart)',
      store: 'embedded',
      value: `${fmt(snap / 1000, 1)} s`,
      met: snap <= 10_000,
    });
    out.push({
      target: 'L: embedded reopen <= 10 s (after kill -9: snapshot + journal)',
      store: 'embedded',
      value: `${fmt(crash / 1000, 1)} s`,
      met: crash <= 10_000,
    });
    const peaks = [l.memory.afterLoad?.hwmMB, l.reopen.afterCrash.memory?.hwmMB, l.reopen.fromSnapshot.memory?.hwmMB].filter(
      (n): n is number => n !== undefined,
    );
    const steady = [l.memory.afterLoad?.rssMB, l.reopen.fromSnapshot.memory?.rssMB].filter((n): n is number => n !== undefined);
    out.push({
      target: 'L: resident memory <= 1.5 GB (peak VmHWM, import + load and reopen)',
      store: 'embedded',
      value: `${Math.max(...peaks)} MB`,
      met: Math.max(...peaks) <= 1536,
    });
    out.push({
      target: 'L: resident memory <= 1.5 GB (VmRSS after load / after reopen)',
      store: 'embedded',
      value: `${steady.join(' / ')} MB`,
      met: Math.max(...steady) <= 1536,
    });
  } else {
    out.push({ target: 'L: embedded reopen and memory', value: 'L not run', met: null });
  }
  if (r.browser) {
    const seed = r.browser.find((b) => b.graph === 'seed' && b.renderer === 'canvas' && !b.error);
    if (seed) out.push({ target: 'browser: seed first draw < 1 s', value: `${seed.firstDrawMs} ms`, met: seed.firstDrawMs < 1000 });
    if (seed?.modeSwitchMs) {
      // Each switch on its own: a view's first showing (its chunk fetched) is the slowest kind.
      const times = Object.entries(seed.modeSwitchMs);
      out.push({
        target: 'browser: seed mode switches < 300 ms (each mode in turn, then back to the graph)',
        value: times.map(([mode, ms]) => (ms < 0 ? `${mode} not shown` : `${mode} ${ms} ms`)).join(', '),
        met: times.every(([, ms]) => ms >= 0 && ms < 300),
      });
    }
    const big = r.browser.find((b) => b.graph === '5k nodes / 20k edges' && b.renderer === 'webgl' && !b.error);
    if (big) {
      out.push({
        target: 'browser: 5k nodes / 20k edges first draw < 4 s (WebGL)',
        value: `${big.firstDrawMs} ms`,
        met: big.firstDrawMs < 4000,
      });
    } else out.push({ target: 'browser: 5k nodes / 20k edges first draw < 4 s (WebGL)', value: 'not measured', met: null });
    for (const b of r.browser) {
      if (b.error || !b.pan) continue;
      out.push({
        target: `browser: panning frames < 50 ms (p95), ${b.graph}, ${b.renderer}`,
        value: `p95 ${b.pan.p95} ms, median ${b.pan.p50} ms`,
        met: b.pan.p95 < 50,
      });
    }
  }
  return out;
}
