#!/usr/bin/env node
// The dependency check CI runs: `npm audit --omit=dev`, failing on any high or critical finding in
// what the server ships (dev tools are not shipped). When the registry's audit endpoint cannot be
// reached (offline, or a proxy that refuses it) it says so plainly; that fails the check only with
// AUDIT_REQUIRED=1, so a CI without the endpoint is not red for a reason that is not a finding.
//
//   npm run audit:prod            (AUDIT_REQUIRED=1 npm run audit:prod to insist)
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], {
  cwd: path.join(__dirname, '..', '..'),
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  report = undefined;
}
const counts = report && report.metadata && report.metadata.vulnerabilities;
if (!counts) {
  const why =
    (report && report.error && (report.error.summary || report.error.code)) ||
    (run.stderr || '').split('\n').find((l) => /error|405|ENOTFOUND|ECONNREFUSED/i.test(l)) ||
    `npm audit exited ${run.status}`;
  console.error(`audit: the registry's audit endpoint could not be used (${String(why).trim()}); no findings could be checked.`);
  process.exit(process.env.AUDIT_REQUIRED === '1' ? 2 : 0);
}
const serious = (counts.high || 0) + (counts.critical || 0);
console.log(`audit (production dependencies): ${JSON.stringify(counts)}`);
if (serious > 0) {
  for (const [name, v] of Object.entries(report.vulnerabilities || {})) {
    if (v.severity === 'high' || v.severity === 'critical') {
      const via = (v.via || []).map((x) => (typeof x === 'string' ? x : `${x.title} (${x.url})`)).join('; ');
      console.error(`  ${v.severity}: ${name} ${v.range}: ${via}${v.fixAvailable ? ' [fix available]' : ''}`);
    }
  }
  console.error(`audit: ${serious} high or critical finding(s) in production dependencies`);
  process.exit(1);
}
console.log('audit: no high or critical finding in production dependencies');
