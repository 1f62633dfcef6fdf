/** `npm run seed`: validates graph-seed/seed.json and loads it into the configured store. */
import { readConfig } from '../server/config';
import { createLogger } from '../server/logger';
import { openStore } from '../server/store';
import { loadSeed, SEED_FILE } from './seed';

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger(config.logLevel);
  const store = await openStore(config, logger);
  try {
    const result = await loadSeed(store, process.argv[2] ?? SEED_FILE);
    const counts = await store.counts();
    console.log(`seeded the ${store.kind} store from ${process.argv[2] ?? SEED_FILE}`);
    console.log(
      `created ${JSON.stringify(result.created)}, updated ${JSON.stringify(result.updated)}, unchanged ${JSON.stringify(result.unchanged)}`,
    );
    console.log(
      `the store now holds ${counts.actors} actors, ${counts.sources} sources, ${counts.episodes} episodes, ${counts.actions} actions`,
    );
  } finally {
    await store.close();
  }
}

main().catch((err: Error) => {
  console.error(`seed failed: ${err.message}`);
  process.exit(1);
});
