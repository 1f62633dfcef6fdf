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
  heldOutSets,
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
const ORDINALS = [
  '',
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
];
// A round's blind sets are written two at a time: the newest two also get a row with new names matched loosely.
const LOOSE_SETS = 2;
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
const heldOut = heldOutSets(root);
const seed = seedArticleReports(root);
console.log('| set | reports | gold triples | proposed triples | matched | precision | recall | dates held | ms |');
console.log('|---|---|---|---|---|---|---|---|---|');
console.log(row('gold reports (tests/extract/gold)', scoreAll(gold, index)));
const families = corporateFamilies(root);
console.log(row('gold reports, parent and unit as one', scoreAll(gold, index, families)));
for (const { set, prefix, reports } of heldOut) {
  const name = set === 1 ? 'held-out gold reports' : `${ORDINALS[set] ?? `set ${set}`} held-out set`;
  console.log(row(`${name} (tests/extract/gold/${prefix}*)`, scoreAll(reports, index)));
}
// The newest sets, the ones no rule was written against, also with new actors' names matched loosely.
for (const { set, reports } of heldOut.slice(-LOOSE_SETS))
  console.log(row(`${ORDINALS[set] ?? `set ${set}`} held-out set, new names loosely`, scoreAll(reports, index, new Map(), true)));
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
  for (const { reports } of heldOut) perReport(reports);
  perReport(seed);
}

// `--detail <prefix>`: what went wrong in each report whose name starts with the prefix.
const detail = process.argv.indexOf('--detail');
if (detail > 0) {
  const prefix = process.argv[detail + 1] ?? '';
  for (const r of [...gold, ...heldOut.flatMap((h) => h.reports), ...seed].filter((x) => x.name.startsWith(prefix))) {
    console.log(`\n${r.name}`);
    for (const line of misses(r, extract(r.text, index, anchorOf(r.published)))) console.log(`  ${line}`);
  }
}
