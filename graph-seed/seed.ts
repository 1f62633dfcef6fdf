/** The seed dataset: read, validated as interchange v2 (a v1 file is converted), and loaded into a store. */
import { defaultSeedFile, readInterchangeFile } from '../server/seeding';
import type { InterchangeDocument } from '../contract';
import type { GraphStore, ImportResult } from '../server/store/types';

export const SEED_FILE = defaultSeedFile();

export function readSeed(file = SEED_FILE): InterchangeDocument {
  return readInterchangeFile(file);
}

/** Imports the seed; idempotent, so loading it twice changes nothing the second time. */
export function loadSeed(store: GraphStore, file = SEED_FILE): Promise<ImportResult> {
  return store.importDocument(readSeed(file));
}
