/**
 * Markdown tables of one results file: `node dist/bench/report.js bench/results/<file>.json`.
 * The runner writes the same next to its JSON.
 */
import fs from 'node:fs';
import type { BenchResults, SizeRun } from './results-types';
import { evaluateTargets } from './targets';

const n = (x: number | null | undefined, d = 1) =>
  x === null || x === undefined || Number.isNaN(x) ? '–' : String(Math.round(x * 10 ** d) / 10 ** d);
const int = (x: number | null | undefined) =>
  x === null || x === undefined || Number.isNaN(x) ? '–' : Math.round(x).toLocaleString('en-US');

function sizeTable(s: SizeRun): string {
  const e = s.runs.find((r) => r.store === 'embedded');
  const j = s.runs.find((r) => r.store === 'neo4j');
  const lines: string[] = [];
  lines.push(`### ${s.name}: ${int(s.actors)} actors, ${int(s.actions)} actions`);
  lines.push('');
  lines.push(
    `Probes: ordinary actor \`${s.probes.ordinary.id}\` (degree ${s.probes.ordinary.degree}, the median), hub \`${s.probes.hub.id}\` ` +
      `(degree ${s.probes.hub.degree}, the maximum); paths go to \`${s.probes.ordinary2.id}\` (degree ${s.probes.ordinary2.degree}). ` +
      `Degrees: mean ${s.probes.degrees.mean}, median ${s.probes.degrees.median}, p90 ${s.probes.degrees.p90}, p99 ${s.probes.degrees.p99}, max ${s.probes.degrees.max}. ` +
      `${s.durationS} s per query, ${e?.floor.before?.connections ?? j?.floor.before?.connections ?? '?'} connections. ` +
      '`first ms` is one request alone before the load, so computed afresh; "in turn" rows ask a different actor each request. ' +
      "`loop delay` is the server's own event-loop delay (perf_hooks.monitorEventLoopDelay, gaps between 5 ms ticks) from that first request to the end of the load's drain.",
  );
  lines.push('');
  for (const r of s.runs) if (r.error) lines.push(`**${r.store} failed:** ${r.error}\n`);
  const stores = s.runs.filter((r) => !r.error || r.queries.length);
  const head = ['query'];
  for (const r of stores) head.push(`${r.store} req/s`, `p50 ms`, `p99 ms`, `x floor`, 'first ms', 'loop delay p99 / max ms');
  if (e && j) head.push('Neo4j slowdown (req/s)', 'p99 Neo4j/emb.');
  lines.push(`| ${head.join(' | ')} |`);
  lines.push(`|${head.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`);
  const names = ['/api/health (floor)', ...[...new Set(s.runs.flatMap((r) => r.queries.map((q) => q.name)))]];
  for (const name of names) {
    const row = [name];
    for (const r of stores) {
      if (name === '/api/health (floor)') {
        row.push(`${n(r.floor.rps, 0)}`, n(r.floor.before?.p50, 2), n(r.floor.before?.p99, 2), '1', '–', '–');
        continue;
      }
      const q = r.queries.find((x) => x.name === name);
      const bad = q && (q.non2xx || q.errors || q.timeouts) ? ` (${q.non2xx} non-2xx, ${q.errors} errors)` : '';
      const conns = q && r.floor.before && q.connections !== r.floor.before.connections ? ` (${q.connections} conn.)` : '';
      row.push(
        q ? `${n(q.rps, q.rps < 10 ? 1 : 0)}${conns}${bad}` : '–',
        n(q?.p50, 1),
        n(q?.p99, 1),
        n(q?.ratioToFloor, 3),
        n(q?.sample.ms, 1),
        q?.loopDelay ? `${n(q.loopDelay.p99, 0)} / ${n(q.loopDelay.max, 0)}` : '–',
      );
    }
    if (e && j) {
      const c = s.comparison.find((x) => x.query === name);
      row.push(c ? `${n(c.throughputSlowdown, 2)}x` : '–', c ? `${n(c.p99Ratio, 2)}x` : '–');
    }
    lines.push(`| ${row.join(' | ')} |`);
  }
  lines.push('');
  lines.push('| store | import | actions/s | batches | first start | RSS after import / after load (peak) | load avg (start → end) |');
  lines.push('|---|---:|---:|---:|---:|---:|---|');
  for (const r of s.runs) {
    const mem =
      `${int(r.memory.afterImport?.rssMB)} / ${int(r.memory.afterLoad?.rssMB)} MB (${int(r.memory.afterLoad?.hwmMB)} MB)` +
      (r.memory.neo4jJvm ? `; Neo4j JVM ${int(r.memory.neo4jJvm.rssMB)} MB` : '');
    lines.push(
      `| ${r.store} | ${r.import ? `${n(r.import.ms / 1000, 1)} s (${r.import.bodyMB} MB)` : '–'} | ${int(r.import?.actionsPerS)} | ${r.import?.batches ?? '–'} | ${int(r.firstStartMs)} ms | ${mem} | ${r.loadavg.start.join(', ')} → ${r.loadavg.end.join(', ')} |`,
    );
  }
  for (const r of s.runs) {
    const peaks = Object.entries(r.memory.peakByPhase ?? {})
      .sort((a, b) => b[1] - a[1])
      .slice(0, 4);
    if (peaks.length)
      lines.push('', `Peak RSS by phase (${r.store}, sampled every 100 ms): ${peaks.map(([k, v]) => `${k} ${int(v)} MB`).join(', ')}.`);
  }
  const re = e?.reopen;
  if (re) {
    lines.push('');
    lines.push('| embedded store reopen | ready (spawn → /api/health 200) | store open (its log) | RSS | peak RSS | files (MB) |');
    lines.push('|---|---:|---:|---:|---:|---|');
    const f = (x: Record<string, number>) =>
      Object.entries(x)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ');
    lines.push(
      `| after kill -9 (snapshot + journal) | ${int(re.afterCrash.readyMs)} ms | ${int(re.afterCrash.storeOpenMs)} ms | ${int(re.afterCrash.memory?.rssMB)} MB | ${int(re.afterCrash.memory?.hwmMB)} MB | ${f(re.afterCrash.files)} |`,
    );
    lines.push(`| clean stop (writes the snapshot) | ${int(re.cleanStopMs)} ms | | | | |`);
    lines.push(
      `| from the snapshot | ${int(re.fromSnapshot.readyMs)} ms | ${int(re.fromSnapshot.storeOpenMs)} ms | ${int(re.fromSnapshot.memory?.rssMB)} MB | ${int(re.fromSnapshot.memory?.hwmMB)} MB | ${f(re.fromSnapshot.files)} |`,
    );
  }
  lines.push('');
  return lines.join('\n');
}

export function renderMarkdown(r: BenchResults): string {
  const out: string[] = [];
  out.push(`## Run of ${r.date} (${r.mode})`);
  out.push('');
  out.push(
    `Commit ${r.git.commit?.slice(0, 10) ?? '?'}${r.git.dirty ? ' (with uncommitted changes)' : ''}; ${r.machine.cpus} × ${r.machine.cpuModel}, ${int(r.machine.totalMemMB)} MB, ${r.machine.os}, Node ${r.machine.node}${r.machine.neo4j ? `, ${r.machine.neo4j}` : ''}. Load average ${r.loadavg.start.join(', ')} at the start, ${r.loadavg.end.join(', ')} at the end.`,
  );
  out.push('');
  for (const s of r.sizes) out.push(sizeTable(s));
  if (r.browser) {
    out.push('### Browser (headless Chromium, 1440×900)');
    out.push('');
    out.push(
      '| graph | nodes | edges | renderer | /api/graph from | first draw | fetch / layout / draw | longest frame before draw | panning frame p50 / p95 / max | frames > 50 ms |',
    );
    out.push('|---|---:|---:|---|---|---:|---|---:|---|---:|');
    for (const b of r.browser) {
      if (b.error) {
        out.push(`| ${b.graph} | | | ${b.renderer} | | failed: ${b.error.slice(0, 120)} | | | | |`);
        continue;
      }
      out.push(
        `| ${b.graph} | ${int(b.nodes)} | ${int(b.edges)} | ${b.renderer}${b.webglInUse !== (b.renderer === 'webgl') ? ' (mismatch!)' : ''} | ${b.servedBy} | ${int(b.firstDrawMs)} ms | ${int(b.fetchMs)} / ${int(b.layoutMs)} / ${int(b.drawMs)} ms | ${int(b.longestFrameGapMs)} ms | ${n(b.pan?.p50)} / ${n(b.pan?.p95)} / ${n(b.pan?.max)} ms | ${b.pan?.over50 ?? '–'} of ${b.pan?.frames ?? '–'} |`,
      );
    }
    out.push('');
  }
  if (r.targets.length) {
    out.push('### Targets');
    out.push('');
    out.push('| target | store | this run | met |');
    out.push('|---|---|---|---|');
    for (const t of r.targets)
      out.push(`| ${t.target} | ${t.store ?? ''} | ${t.value} | ${t.met === null ? 'not run' : t.met ? 'yes' : '**no**'} |`);
    out.push('');
  }
  if (r.notes.length) out.push(r.notes.map((x) => `- ${x}`).join('\n'), '');
  return out.join('\n');
}

if (require.main === module) {
  // node dist/bench/report.js <results.json> [--write]: prints the tables; --write also recomputes
  // the targets and rewrites the JSON and its .md (e.g. for a run that was interrupted).
  const file = process.argv[2];
  if (!file) {
    console.error('usage: node dist/bench/report.js <results.json> [--write]');
    process.exit(2);
  }
  const results = JSON.parse(fs.readFileSync(file, 'utf8')) as BenchResults;
  if (process.argv.includes('--write')) {
    results.targets = evaluateTargets(results);
    fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
    fs.writeFileSync(file.replace(/\.json$/, '.md'), renderMarkdown(results));
  }
  console.log(renderMarkdown(results));
}
