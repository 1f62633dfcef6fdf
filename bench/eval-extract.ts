/**
 * `npm run eval:extract`: the extractor's precision and recall of (from, to, category) triples and
 * how often its dates hold the true date, on the gold reports (tests/extract/gold/) and on the five
 * seed articles (../shared/source-articles/, when present), printed as a Markdown table.
 */
import path from 'node:path';
import {
  corporateFamilies,
  datasetActors,
  goldReports,
  heldOutReports,
  misses,
  scoreAll,
  scoreReport,
  seedArticleReports,
  anchorOf,
  type GoldReport,
  type Score,
} from './extract-score';
import { extract } from '../server/extract';

const root = path.resolve(__dirname, '..', '..');
const index = datasetActors(root);
const pct = (x: number) => `${(x * 100).toFixed(0)} %`;

function row(name: string, s: Score): string {
  const dates = s.dated ? `${s.dateHeld}/${s.dated} (${pct(s.dateHeld / s.dated)})` : 'n/a';
  return `| ${name} | ${s.reports} | ${s.gold} | ${s.proposed} | ${s.matched} | ${s.precision.toFixed(2)} | ${s.recall.toFixed(2)} | ${dates} | ${s.ms.toFixed(0)} |`;
}

function perReport(reports: GoldReport[]): void {
  for (const r of reports) {
    const s = scoreReport(r, extract(r.text, index, anchorOf(r.published)));
    console.log(`  ${r.name}: gold ${s.gold}, proposed ${s.proposed}, matched ${s.matched}, dates ${s.dateHeld}/${s.dated}`);
  }
}

const gold = goldReports(root);
const heldOut = heldOutReports(root);
const heldOut2 = heldOutReports(root, 'heldout2-');
const heldOut3 = heldOutReports(root, 'heldout3-');
const heldOut4 = heldOutReports(root, 'heldout4-');
const heldOut5 = heldOutReports(root, 'heldout5-');
const heldOut6 = heldOutReports(root, 'heldout6-');
const heldOut7 = heldOutReports(root, 'heldout7-');
const seed = seedArticleReports(root);
console.log('| set | reports | gold triples | proposed triples | matched | precision | recall | dates held | ms |');
console.log('|---|---|---|---|---|---|---|---|---|');
console.log(row('gold reports (tests/extract/gold)', scoreAll(gold, index)));
const families = corporateFamilies(root);
console.log(row('gold reports, parent and unit as one', scoreAll(gold, index, families)));
if (heldOut.length) console.log(row('held-out gold reports (tests/extract/gold/heldout-*)', scoreAll(heldOut, index)));
if (heldOut2.length) console.log(row('second held-out set (tests/extract/gold/heldout2-*)', scoreAll(heldOut2, index)));
if (heldOut3.length) console.log(row('third held-out set (tests/extract/gold/heldout3-*)', scoreAll(heldOut3, index)));
if (heldOut4.length) console.log(row('fourth held-out set (tests/extract/gold/heldout4-*)', scoreAll(heldOut4, index)));
if (heldOut5.length) console.log(row('fifth held-out set (tests/extract/gold/heldout5-*)', scoreAll(heldOut5, index)));
if (heldOut6.length) console.log(row('sixth held-out set (tests/extract/gold/heldout6-*)', scoreAll(heldOut6, index)));
if (heldOut7.length) console.log(row('seventh held-out set (tests/extract/gold/heldout7-*)', scoreAll(heldOut7, index)));
if (seed.length) {
  console.log(row('seed articles (../shared/source-articles)', scoreAll(seed, index)));
  console.log(row('seed articles, parent and unit as one', scoreAll(seed, index, families)));
} else console.log('| seed articles | absent | | | | | | | |');

// A 10,000-word report built from the gold texts, to time the extractor on a long text.
const words = gold
  .map((r) => r.text)
  .join(' ')
  .split(/\s+/);
const long = Array.from({ length: 10_000 }, (_, i) => words[i % words.length]).join(' ');
const t0 = performance.now();
extract(long, index, anchorOf('2021-01-12'));
console.log(`\n10,000-word report: ${(performance.now() - t0).toFixed(0)} ms`);
if (process.argv.includes('--verbose')) {
  perReport(gold);
  perReport(heldOut);
  perReport(heldOut2);
  perReport(heldOut3);
  perReport(heldOut4);
  perReport(heldOut5);
  perReport(heldOut6);
  perReport(heldOut7);
  perReport(seed);
}

// `--detail <prefix>`: what went wrong in each report whose name starts with the prefix.
const detail = process.argv.indexOf('--detail');
if (detail > 0) {
  const prefix = process.argv[detail + 1] ?? '';
  for (const r of [...gold, ...heldOut, ...heldOut2, ...heldOut3, ...heldOut4, ...heldOut5, ...heldOut6, ...heldOut7, ...seed].filter((x) =>
    x.name.startsWith(prefix),
  )) {
    console.log(`\n${r.name}`);
    for (const line of misses(r, extract(r.text, index, anchorOf(r.published)))) console.log(`  ${line}`);
  }
}
