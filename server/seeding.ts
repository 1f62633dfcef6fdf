/**
 * The start-up step that gives an empty store the seed data. The data is a file
 * (graph-seed/seed.json) read through the same interchange validation and store import as any
 * other document, so the server needs none of graph-seed's code.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseDocument, problemText, type InterchangeDocument } from '../contract';
import type { GraphStore, ImportResult } from './store/types';

/** graph-seed/seed.json at the application's root, found from the sources (server/) and the build (dist/server/). */
export function defaultSeedFile(): string {
  const candidates = [
    path.resolve(__dirname, '..', 'graph-seed', 'seed.json'),
    path.resolve(__dirname, '..', '..', 'graph-seed', 'seed.json'),
  ];
  return candidates.find((f) => fs.existsSync(f)) ?? candidates[0]!;
}

/** Reads an interchange v2 file (or v1, converted to v2); a file that is not valid throws with every problem named. */
export function readInterchangeFile(file: string): InterchangeDocument {
  const parsed = parseDocument(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.ok) throw new Error(`${file} is not a valid interchange document:\n${parsed.problems.map(problemText).join('\n')}`);
  return parsed.value;
}

/**
 * Imports `file` into a store that holds no record at all; answers null, reading nothing, when it
 * holds any. A store emptied by deletes is seeded again on the next start, as it always was.
 */
export async function seedIfEmpty(store: GraphStore, file: string): Promise<ImportResult | null> {
  const counts = await store.counts();
  if (counts.actors > 0 || counts.sources > 0 || counts.episodes > 0 || counts.actions > 0) return null;
  return store.importDocument(readInterchangeFile(file));
}
