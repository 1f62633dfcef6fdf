/** The seed dataset, for tests that assert its facts through a store or the API. */
import { readSeed } from '../../graph-seed/seed';
export const seedDocument = () => readSeed();
