/**
 * `npm run dataset:stats`: the coverage table of DATASET.md, counted from the episode files rather
 * than by hand. With `--write` it replaces the table between the markers in DATASET.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Action, InterchangeDocument } from '../contract';
import { assembleDataset, defaultEpisodesDir, episodeFiles } from './dataset';

interface EpisodeCoverage {
  id: string;
  title: string;
  actors: number;
  actions: number;
  sources: number;
  /** Actions with at least one citation that carries a locator: a place in a text the researcher read. */
  located: number;
  confirmed: number;
  /** Actions whose status is reported, alleged or disputed. */
  uncertain: number;
}

function coverageOf(id: string, title: string, actions: readonly Action[]): EpisodeCoverage {
  const actors = new Set<string>();
  const sources = new Set<string>();
  for (const a of actions) {
    actors.add(a.from);
    actors.add(a.to);
    a.citations.forEach((c) => sources.add(c.source));
  }
  return {
    id,
    title,
    actors: actors.size,
    actions: actions.length,
    sources: sources.size,
    located: actions.filter((a) => a.citations.some((c) => c.locator !== undefined)).length,
    confirmed: actions.filter((a) => a.status === 'confirmed').length,
    uncertain: actions.filter((a) => a.status !== 'confirmed').length,
  };
}

/** One row per episode, then a row for actions in no episode (relationships of the seed), then the totals. */
function coverage(doc: InterchangeDocument): { rows: EpisodeCoverage[]; unassigned: EpisodeCoverage; total: EpisodeCoverage } {
  const actions = doc.actions ?? [];
  const rows = (doc.episodes ?? [])
    .map((e) =>
      coverageOf(
        e.id,
        e.title,
        actions.filter((a) => a.episodes?.includes(e.id)),
      ),
    )
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const unassigned = coverageOf(
    '(none)',
    'actions in no episode',
    actions.filter((a) => !a.episodes?.length),
  );
  const total = coverageOf('total', 'the dataset', actions);
  // Totals count every record once: an actor or source no action names is still in the dataset.
  total.actors = doc.actors?.length ?? 0;
  total.sources = doc.sources?.length ?? 0;
  return { rows, unassigned, total };
}

export function coverageTable(doc: InterchangeDocument): string {
  const { rows, unassigned, total } = coverage(doc);
  const line = (r: EpisodeCoverage) =>
    `| ${r.id} | ${r.title} | ${r.actors} | ${r.actions} | ${r.sources} | ${r.located} | ${r.confirmed} | ${r.uncertain} |`;
  return [
    '| episode | title | actors | actions | sources | checked (cites a located passage) | confirmed | reported, alleged or disputed |',
    '|---|---|---:|---:|---:|---:|---:|---:|',
    ...rows.map(line),
    ...(unassigned.actions ? [line(unassigned)] : []),
    line(total),
  ].join('\n');
}

export const BEGIN = '<!-- dataset:stats begin -->';
export const END = '<!-- dataset:stats end -->';

function main(): void {
  const dir = defaultEpisodesDir();
  const { document, problems } = assembleDataset(episodeFiles(dir));
  if (problems.length) {
    console.error(`the dataset does not assemble:\n${problems.join('\n')}`);
    process.exit(1);
  }
  const table = coverageTable(document);
  if (!process.argv.includes('--write')) {
    console.log(table);
    return;
  }
  const file = path.resolve(dir, '..', '..', 'DATASET.md');
  const text = fs.readFileSync(file, 'utf8');
  const start = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${file} has no ${BEGIN} ... ${END} markers`);
  fs.writeFileSync(file, `${text.slice(0, start + BEGIN.length)}\n${table}\n${text.slice(end)}`);
  console.log(`wrote the coverage table into ${file}`);
}

if (require.main === module) main();
