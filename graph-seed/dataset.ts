/**
 * The default dataset: every episode file in graph-seed/episodes/ assembled into one interchange
 * v2 document. Files may repeat a record (an actor, a source, an action that belongs to two
 * episodes) so that each file stands on its own; a repeated record must be the same record in
 * every file, or the assembly fails naming the files and the id.
 */
import fs from 'node:fs';
import path from 'node:path';
import { documentProblems, parseDocument, problemText, type InterchangeDocument, type KnownIds } from '../contract';
import type { SeedChoice } from '../server/config';
import { readInterchangeFile } from '../server/seeding';

/** graph-seed/episodes at the application's root, found from the sources (graph-seed/) and the build (dist/graph-seed/). */
export function defaultEpisodesDir(): string {
  const candidates = [path.resolve(__dirname, 'episodes'), path.resolve(__dirname, '..', '..', 'graph-seed', 'episodes')];
  return candidates.find((d) => fs.existsSync(d)) ?? candidates[0]!;
}

/** The episode files of a folder, in name order (the assembly's order, so its output is stable). */
export function episodeFiles(dir = defaultEpisodesDir()): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => path.join(dir, f));
}

type Kind = 'actors' | 'sources' | 'episodes' | 'actions';
const KINDS: readonly Kind[] = ['actors', 'sources', 'episodes', 'actions'];

/** JSON with object keys sorted, so two records compare equal whatever order their files wrote keys in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

interface Assembly {
  document: InterchangeDocument;
  /** Per kind and id, the files that hold the record (more than one for a shared record). */
  filesOf: Record<Kind, Map<string, string[]>>;
  /** Everything wrong, each line naming the file (or "dataset" for a reference that resolves nowhere). */
  problems: string[];
}

const NOTHING_STORED: KnownIds = { hasActor: () => false, hasSource: () => false, hasEpisode: () => false, hasAction: () => false };

/**
 * Reads and merges the files. Each file is parsed as interchange (so its default zone is written
 * into its own actions before records are compared across files); then references are checked
 * over the whole, as an import into an empty store would.
 */
export function assembleDataset(files: readonly string[]): Assembly {
  const problems: string[] = [];
  const records: Record<Kind, Map<string, { record: unknown; text: string }>> = {
    actors: new Map(),
    sources: new Map(),
    episodes: new Map(),
    actions: new Map(),
  };
  const filesOf: Assembly['filesOf'] = { actors: new Map(), sources: new Map(), episodes: new Map(), actions: new Map() };
  for (const file of files) {
    const name = path.basename(file);
    let raw: unknown;
    try {
      raw = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (err) {
      problems.push(`${name}: not readable JSON (${(err as Error).message})`);
      continue;
    }
    const parsed = parseDocument(raw);
    if (!parsed.ok) {
      problems.push(...parsed.problems.map((p) => `${name}: ${problemText(p)}`));
      continue;
    }
    for (const kind of KINDS) {
      for (const record of parsed.value[kind] ?? []) {
        const text = canonical(record);
        const holders = filesOf[kind].get(record.id) ?? [];
        const first = records[kind].get(record.id);
        if (first === undefined) records[kind].set(record.id, { record, text });
        else if (first.text !== text)
          problems.push(`${name}: ${kind} "${record.id}" differs from the record of the same id in ${holders.join(', ')}`);
        filesOf[kind].set(record.id, [...holders, name]);
      }
    }
  }
  const document = {
    format: 'deplatforming-graph/v2',
    actors: [...records.actors.values()].map((r) => r.record),
    sources: [...records.sources.values()].map((r) => r.record),
    episodes: [...records.episodes.values()].map((r) => r.record),
    actions: [...records.actions.values()].map((r) => r.record),
  } as InterchangeDocument;
  problems.push(...documentProblems(document, NOTHING_STORED).map((p) => `dataset: ${problemText(p)}`));
  return { document, filesOf, problems };
}

/** The assembled dataset; throws with every problem listed when the files do not make one. */
export function readDataset(dir = defaultEpisodesDir()): InterchangeDocument {
  const files = episodeFiles(dir);
  if (files.length === 0) throw new Error(`${dir} holds no episode file (*.json)`);
  const { document, problems } = assembleDataset(files);
  if (problems.length) throw new Error(`the dataset in ${dir} does not assemble:\n${problems.join('\n')}`);
  return document;
}

/** The reader for a seed choice (null for none); reading is deferred so a store that holds data reads no file. */
export function seedReader(choice: SeedChoice, dir = defaultEpisodesDir()): (() => InterchangeDocument) | null {
  switch (choice.kind) {
    case 'none':
      return null;
    case 'file':
      return () => readInterchangeFile(choice.file);
    case 'all':
      return () => readDataset(dir);
  }
}
