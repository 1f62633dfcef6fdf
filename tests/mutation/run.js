#!/usr/bin/env node
/**
 * Mutation check (`npm run mutation`): applies each mutation of mutations.js to the source in
 * place, runs the test files that must notice it, restores the file, and prints a table
 * mutation -> killed (the tests failed, as they must) or survived (a gap in the suite). The file is
 * restored in a finally and on SIGINT/SIGTERM; a mutation whose text is not found exactly once is
 * reported as NOT APPLIED rather than a quiet "survived". Exits 1 unless every mutation was killed.
 * `node tests/mutation/run.js <substring>` runs only the mutations whose name contains it.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const mutations = require('./mutations');

const root = path.resolve(__dirname, '..', '..');
const only = process.argv[2];
const chosen = mutations.filter((m) => !only || m.name.includes(only));

let restore = null;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (restore) restore();
    process.exit(130);
  });
}

function apply(m) {
  const file = path.join(root, m.file);
  const original = fs.readFileSync(file, 'utf8');
  const count = original.split(m.find).length - 1;
  if (count !== 1)
    throw new Error(`mutation "${m.name}": its text occurs ${count} times in ${m.file} (the source changed: update mutations.js)`);
  fs.writeFileSync(file, original.replace(m.find, m.replace));
  restore = () => {
    fs.writeFileSync(file, original);
    restore = null;
  };
}

const rows = [];
for (const m of chosen) {
  try {
    apply(m);
  } catch (err) {
    rows.push({ mutation: m.name, verdict: 'NOT APPLIED', tests: err.message });
    console.log(`NOT APPLIED ${m.name}: ${err.message}`);
    continue;
  }
  const started = Date.now();
  let result;
  try {
    // ts-jest's cache is keyed by file content, so the mutant is compiled afresh. CI is cleared so
    // a suite missing Neo4j skips (tests/support/needs.ts) rather than fail and pass for a kill.
    result = spawnSync('npx', ['jest', '--ci', '--runInBand', ...m.tests], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, CI: '' },
    });
  } finally {
    restore();
  }
  const summary = /Tests:\s+(.*)/.exec(result.stderr ?? '')?.[1] ?? 'no summary';
  const verdict = result.status === 0 ? 'SURVIVED' : 'killed';
  rows.push({ mutation: m.name, verdict, tests: summary, seconds: Math.round((Date.now() - started) / 1000) });
  console.log(`${verdict.padEnd(8)} ${m.name} (${summary}; ${Math.round((Date.now() - started) / 1000)} s)`);
}

console.log('\n| mutation | result | tests of the run |\n|---|---|---|');
for (const r of rows) console.log(`| ${r.mutation} | ${r.verdict} | ${r.tests} |`);
process.exit(rows.every((r) => r.verdict === 'killed') ? 0 : 1);
