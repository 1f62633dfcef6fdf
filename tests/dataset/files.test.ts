/**
 * The dataset's files as a researcher or a loader relies on them: each is a valid v2 document
 * that stands alone, together they make one dataset without clashes, and every fact in it is
 * sourced, dated consistently with what it responds to, and named by a slug that does not move.
 */
import fs from 'node:fs';
import path from 'node:path';
import { actionSpan, documentProblems, parseDocument, problemText, responseCycle, responseDateProblem, sortTimeline } from '../../contract';
import type { Action, InterchangeDocument, KnownIds } from '../../contract';
import { assembleDataset, episodeFiles, readDataset } from '../../graph-seed/dataset';
import { readSeed } from '../../graph-seed/seed';
import { BEGIN, coverageTable, END } from '../../graph-seed/stats';
import { tempDir } from '../support/stores';

const FILES = episodeFiles();
const DATASET = readDataset();
const NOTHING: KnownIds = { hasActor: () => false, hasSource: () => false, hasEpisode: () => false, hasAction: () => false };
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function parsed(file: string): InterchangeDocument {
  const r = parseDocument(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!r.ok) throw new Error(`${file}: ${r.problems.map(problemText).join('; ')}`);
  return r.value;
}

describe('the episode files', () => {
  test('there is one file per episode the issue asks for, at least', () => {
    const names = FILES.map((f) => path.basename(f, '.json'));
    for (const id of [
      'daily-stormer-2017',
      'infowars-2018',
      'gab-2018',
      '8chan-2019',
      'trump-2021',
      'parler-2021',
      'kiwi-farms-2022',
      'rt-sputnik-eu-2022',
      'x-brazil-2024',
    ])
      expect(names).toContain(id);
  });

  test.each(FILES.map((f) => [path.basename(f), f]))('%s is a valid interchange v2 document that stands alone', (_name, file) => {
    const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as { format: string };
    expect(raw.format).toBe('deplatforming-graph/v2');
    const doc = parsed(file);
    // Alone, as SEED=<file> loads it into an empty store: every reference resolves inside the file.
    expect(documentProblems(doc, NOTHING).map(problemText)).toEqual([]);
    // The file is named for the episode it holds.
    expect(doc.episodes?.map((e) => e.id)).toContain(path.basename(file, '.json'));
  });

  test('together they assemble with no clash and no unresolved reference', () => {
    expect(assembleDataset(FILES).problems).toEqual([]);
  });

  test('the dataset holds at least 180 actions, 70 actors and 80 sources', () => {
    expect(DATASET.actions!.length).toBeGreaterThanOrEqual(180);
    expect(DATASET.actors!.length).toBeGreaterThanOrEqual(70);
    expect(DATASET.sources!.length).toBeGreaterThanOrEqual(80);
  });
});

describe('the facts of the dataset', () => {
  const actions = DATASET.actions!;
  const byId = new Map(actions.map((a) => [a.id, a]));
  const sources = new Map(DATASET.sources!.map((s) => [s.id, s]));

  test('no orphan actor: every actor takes part in some action', () => {
    const used = new Set<string>();
    for (const a of actions) [a.from, a.to, ...(a.claimedBy ?? []), ...(a.disputedBy ?? [])].forEach((id) => used.add(id));
    expect(DATASET.actors!.map((a) => a.id).filter((id) => !used.has(id))).toEqual([]);
  });

  test('every action cites a source that has a URL, a publisher and a publication date', () => {
    const unsourced = actions.filter(
      (a) =>
        !a.citations.some((c) => {
          const s = sources.get(c.source);
          return Boolean(s?.url && s.publisher && s.published);
        }),
    );
    expect(unsourced.map((a) => a.id)).toEqual([]);
  });

  test('every source is cited by some action', () => {
    const cited = new Set(actions.flatMap((a) => a.citations.map((c) => c.source)));
    expect([...sources.keys()].filter((id) => !cited.has(id))).toEqual([]);
  });

  test('every response resolves, is not its own, makes no cycle and does not end before what it answers begins', () => {
    const problems: string[] = [];
    const linksOf = (id: string) => byId.get(id)?.respondsTo;
    for (const a of actions) {
      for (const target of a.respondsTo ?? []) {
        const t = byId.get(target);
        if (!t) problems.push(`${a.id}: responds to unknown "${target}"`);
        else if (target === a.id) problems.push(`${a.id}: responds to itself`);
        else {
          const p = responseDateProblem(a, t);
          if (p) problems.push(`${a.id}: ${p}`);
        }
      }
      if (a.respondsTo?.length && responseCycle(a.id, a.respondsTo, linksOf)) problems.push(`${a.id}: in a cycle of responses`);
    }
    expect(problems).toEqual([]);
  });

  test('a reinstatement answers a sanction against the same party, and starts no earlier than it', () => {
    const reinstatements = actions.filter((a) => a.type === 'REINSTATED');
    expect(reinstatements.length).toBeGreaterThan(0);
    for (const r of reinstatements) {
      const answered = (r.respondsTo ?? []).map((id) => byId.get(id)!);
      expect(answered.some((t) => t.to === r.to && ['BANNED', 'SUSPENDED', 'DELISTED', 'RESTRICTED', 'REFUSED'].includes(t.type))).toBe(
        true,
      );
      for (const t of answered) expect(actionSpan(r)!.start).toBeGreaterThanOrEqual(actionSpan(t)!.start);
    }
  });

  test('every id is a slug', () => {
    const ids = [DATASET.actors!, DATASET.sources!, DATASET.episodes!, actions].flatMap((list) => list.map((r) => r.id));
    expect(ids.filter((id) => !SLUG.test(id))).toEqual([]);
  });

  test("the seed's ids are stable: each seed record is in the dataset, as it is in the seed", () => {
    const seed = readSeed();
    const same = <T extends { id: string }>(list: T[] | undefined, others: T[] | undefined) => {
      const other = new Map((others ?? []).map((r) => [r.id, r]));
      for (const r of list ?? []) expect(other.get(r.id)).toEqual(r);
    };
    same(seed.actors, DATASET.actors);
    same(seed.sources, DATASET.sources);
    const ban = 'twitter-bans-trump';
    same(
      seed.actions?.filter((a) => a.id !== ban),
      actions,
    );
    // The one seed action the Trump research also recorded keeps its id and what the seed says,
    // and gains the Trump file's sources and episode.
    const seedBan = seed.actions!.find((a) => a.id === ban)!;
    const dataBan = byId.get(ban)!;
    expect(dataBan).toMatchObject({ type: seedBan.type, from: seedBan.from, to: seedBan.to, date: seedBan.date, status: seedBan.status });
    expect(dataBan.citations).toEqual(expect.arrayContaining(seedBan.citations));
    expect(dataBan.episodes?.sort()).toEqual(['parler-2021', 'trump-2021']);
    expect(actions.some((a) => a.id === 'trump-twitter-banned-donald-trump')).toBe(false);
  });
});

describe('assembling', () => {
  const actor = { id: 'host', name: 'Host', kind: 'company', layer: 'cloud-hosting' };
  const source = {
    id: 'src-a',
    title: 'A report',
    publisher: 'A paper',
    published: '2020-01-02',
    url: 'https://example.org/a',
    kind: 'news',
  };
  const site = { id: 'site', name: 'Site', kind: 'platform' };
  function episodeFile(dir: string, name: string, records: { actors?: object[]; actions?: object[] }): string {
    const file = path.join(dir, `${name}.json`);
    const doc = {
      format: 'deplatforming-graph/v2',
      actors: records.actors ?? [actor, site],
      sources: [source],
      episodes: [{ id: name, title: name, summary: 'A test episode.' }],
      actions: records.actions ?? [
        {
          id: `${name}-cut`,
          type: 'SUSPENDED',
          from: 'host',
          to: 'site',
          date: '2020-01-01',
          status: 'confirmed',
          summary: 'Cut off.',
          episodes: [name],
          citations: [{ source: 'src-a', stance: 'states' }],
        },
      ],
    };
    fs.writeFileSync(file, JSON.stringify(doc));
    return file;
  }

  test('a record shared by two files must be the same record; a clash is named by file, kind and id', () => {
    const dir = tempDir();
    try {
      const one = episodeFile(dir, 'one', {});
      const two = episodeFile(dir, 'two', { actors: [{ ...actor, layer: 'other' }, site] });
      const { problems } = assembleDataset([one, two]);
      expect(problems).toEqual(['two.json: actors "host" differs from the record of the same id in one.json']);
      // Keys in another order are the same record.
      const three = episodeFile(dir, 'three', { actors: [{ layer: 'cloud-hosting', kind: 'company', name: 'Host', id: 'host' }, site] });
      expect(assembleDataset([one, three]).problems).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a file whose default zone differs makes a different action, even with the same text', () => {
    const dir = tempDir();
    try {
      const one = episodeFile(dir, 'one', {});
      const action = {
        id: 'one-cut',
        type: 'SUSPENDED',
        from: 'host',
        to: 'site',
        date: '2020-01-01',
        status: 'confirmed',
        summary: 'Cut off.',
        episodes: ['one'],
        citations: [{ source: 'src-a', stance: 'states' }],
      };
      const two = episodeFile(dir, 'two', { actions: [action] });
      const zoned = JSON.parse(fs.readFileSync(two, 'utf8')) as Record<string, unknown>;
      fs.writeFileSync(
        two,
        JSON.stringify({ ...zoned, timezone: 'Europe/Paris', episodes: [{ id: 'one', title: 'one', summary: 'A test episode.' }] }),
      );
      expect(assembleDataset([one, two]).problems).toEqual([
        'two.json: episodes "one" differs from the record of the same id in one.json',
        'two.json: actions "one-cut" differs from the record of the same id in one.json',
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a reference that resolves in no file is reported for the dataset, and readDataset refuses it', () => {
    const dir = tempDir();
    try {
      episodeFile(dir, 'one', {
        actions: [
          {
            id: 'one-back',
            type: 'REINSTATED',
            from: 'host',
            to: 'site',
            date: '2020-02-01',
            status: 'confirmed',
            summary: 'Back.',
            respondsTo: ['nowhere'],
            citations: [{ source: 'src-a', stance: 'states' }],
          },
        ],
      });
      expect(() => readDataset(dir)).toThrow('dataset: actions[0].respondsTo[0]: unknown action "nowhere"');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the cascades read in order', () => {
  // Worked out from the Parler file by hand: Google Play on Friday 8 January, Apple on the 9th,
  // AWS's notice on the evening of the 9th (Pacific), its cut-off at 23:59 on the 10th, Apple's
  // refusal to relist (letter of 25 February 2021), and the returns (App Store May 2021, Google
  // Play 2 September 2022).
  test("Parler's sanctions, notices and restorations, in timeline order", () => {
    const against = (DATASET.actions as Action[]).filter(
      (a) => a.to === 'parler' && ['DELISTED', 'SUSPENDED', 'WARNED', 'REFUSED', 'REINSTATED'].includes(a.type),
    );
    expect(sortTimeline(against).map((a) => a.id)).toEqual([
      'google-delists-parler',
      'apple-delists-parler',
      'aws-notifies-parler',
      'aws-suspends-parler',
      'parler-apple-refused-parler',
      'parler-apple-reinstated-parler',
      'parler-google-reinstated-parler',
    ]);
  });
});

describe('DATASET.md', () => {
  test('its coverage table is the one npm run dataset:stats counts from the files', () => {
    const text = fs.readFileSync(path.resolve(__dirname, '..', '..', 'DATASET.md'), 'utf8');
    const table = text.slice(text.indexOf(BEGIN) + BEGIN.length, text.indexOf(END)).trim();
    expect(table).toBe(coverageTable(DATASET));
  });
});
