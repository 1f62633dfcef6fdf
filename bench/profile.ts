/**
 * CPU profile of the server under one query: `node dist/bench/profile.js <size> <query path> [seconds] [store]`,
 * e.g. `node dist/bench/profile.js M '/api/graph?focus=actor-005120&depth=2' 10`. Starts the server with
 * --cpu-prof, imports the synthetic graph, drives the query with autocannon, stops the server and prints
 * the functions with the most self time (and the hottest call stacks) from the .cpuprofile it wrote.
 * `<query path>` may name a probe: {ordinary}, {ordinary2}, {hub}; or {each} and {next}, an actor of
 * probes.ordinaries and the one after it, asked in turn as `npm run bench` does.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateGraph, importBatches, pickProbes, SIZES, type SizeName } from './generate';
import { measure } from './load';
import { ServerProcess } from './server-process';

export interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

interface Node {
  id: number;
  callFrame: CallFrame;
  hitCount?: number;
  children?: number[];
}

/** Self and inclusive time by function; `relabel` may name a frame better (e.g. through a source map). */
export function summarizeProfile(file: string, top = 25, relabel?: (frame: CallFrame) => string | null): string {
  const prof = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    nodes: Node[];
    samples: number[];
    timeDeltas: number[];
    startTime: number;
    endTime: number;
  };
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const counts = new Map<number, number>();
  for (const s of prof.samples) counts.set(s, (counts.get(s) ?? 0) + 1);
  const label = (n: Node) => {
    const better = relabel?.(n.callFrame);
    if (better) return better;
    const url = n.callFrame.url
      .replace(/^file:\/\//, '')
      .replace(/.*\/(node_modules\/)/, '$1')
      .replace(/.*\/dist\//, 'dist/');
    return `${n.callFrame.functionName || '(anonymous)'} ${url ? `${url}:${n.callFrame.lineNumber + 1}` : ''}`.trim();
  };
  let all = 0;
  for (const [id, c] of counts) {
    all += c;
    const n = byId.get(id)!;
    self.set(label(n), (self.get(label(n)) ?? 0) + c);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const l = label(byId.get(cur)!);
      if (seen.has(l)) continue;
      seen.add(l);
      total.set(l, (total.get(l) ?? 0) + c);
    }
  }
  const pct = (c: number) => `${((100 * c) / all).toFixed(1).padStart(5)}%`;
  const lines = [`${all} samples over ${Math.round((prof.endTime - prof.startTime) / 1000)} ms`, '', 'self time:'];
  for (const [l, c] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`  ${pct(c)}  ${l}`);
  lines.push('', 'total time (inclusive):');
  for (const [l, c] of [...total].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`  ${pct(c)}  ${l}`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const [sizeArg = 'M', queryArg = '/api/graph?focus={ordinary}&depth=2', secondsArg = '10', store = 'embedded'] = process.argv.slice(2);
  const m = /^(\d+)\/(\d+)$/.exec(sizeArg);
  const size = m ? { actors: Number(m[1]), actions: Number(m[2]) } : SIZES[sizeArg as SizeName];
  if (!size) throw new Error(`unknown size ${sizeArg}`);
  const doc = generateGraph({ ...size, seed: 42 });
  const probes = pickProbes(doc);
  const query = queryArg
    .replace('{ordinary}', probes.ordinary.id)
    .replace('{ordinary2}', probes.ordinary2.id)
    .replace('{hub}', probes.hub.id);
  const many = probes.ordinaries;
  const paths = query.includes('{each}')
    ? many.map((a, i) => query.replace('{each}', a).replace('{next}', many[(i + 1) % many.length]!))
    : undefined;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-profile-'));
  const profDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-cpuprof-'));
  const neo4jUri = store === 'neo4j' ? process.env.NEO4J_URI : undefined;
  // Import first, then profile a fresh server on the same data: the profile holds the query alone.
  // `import` as the query: the profile is of the import itself.
  const profileImport = queryArg === 'import';
  const profArgs = ['--cpu-prof', `--cpu-prof-dir=${profDir}`];
  const loader = await ServerProcess.start({ dataDir, neo4jUri, nodeArgs: profileImport ? profArgs : [] });
  const t0 = performance.now();
  try {
    for (const b of importBatches(doc)) {
      const res = await fetch(`${loader.url}/api/import`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${loader.token}` },
        body: b.body,
      });
      if (!res.ok) throw new Error(`import: ${res.status} ${await res.text()}`);
    }
    console.log(
      `import: ${Math.round(performance.now() - t0)} ms, ${Math.round(doc.actions!.length / ((performance.now() - t0) / 1000))} actions/s`,
    );
  } finally {
    await loader.kill('SIGTERM');
  }
  if (profileImport) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    const f = fs.readdirSync(profDir).find((x) => x.endsWith('.cpuprofile'))!;
    console.log(summarizeProfile(path.join(profDir, f), Number(process.env.TOP ?? 30)));
    console.log(`\nprofile: ${path.join(profDir, f)}`);
    return;
  }
  const server = await ServerProcess.start({ dataDir, neo4jUri, nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profDir}`] });
  try {
    const first = await fetch(`${server.url}${paths?.[0] ?? query}`);
    console.log(`first answer: HTTP ${first.status}, ${(await first.text()).length} bytes`);
    const r = await measure(`${server.url}${paths?.[0] ?? query}`, { durationS: Number(secondsArg), connections: 10, warmupS: 1, paths });
    console.log(`${query}: ${r.rps} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, ${r.bytesPerReq} bytes, non2xx ${r.non2xx}`);
  } finally {
    await server.kill('SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  const file = fs.readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error('no .cpuprofile written');
  const keep = path.join(profDir, file);
  console.log(summarizeProfile(keep, Number(process.env.TOP ?? 30)));
  console.log(`\nprofile: ${keep} (open in Chrome DevTools, Performance tab)`);
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
