/** The seed dataset: read, validated against interchange v1, and loaded into a store. */
import fs from 'node:fs';
import path from 'node:path';
import { parseDocument, problemText, type InterchangeDocument } from '../contract';
import type { GraphStore, ImportResult } from '../server/store/types';

/** Found from both the sources (graph-seed/) and the build (dist/graph-seed/). */
export const SEED_FILE = [path.join(__dirname, 'seed.json'), path.join(__dirname, '..', '..', 'graph-seed', 'seed.json')].find((f) =>
  fs.existsSync(f),
) ?? path.join(__dirname, 'seed.json');

export function readSeed(file = SEED_FILE): InterchangeDocument {
  const parsed = parseDocument(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.ok) throw new Error(`${file} is not valid interchange v1:\n${parsed.problems.map(problemText).join('\n')}`);
  return parsed.value;
}

/** Imports the seed; idempotent, so loading it twice changes nothing the second time. */
export function loadSeed(store: GraphStore, file = SEED_FILE): Promise<ImportResult> {
  return store.importDocument(readSeed(file));
}
