/** Starts the server: opens the configured store, seeds it when empty, serves, stops cleanly. */
import type { Server } from 'node:http';
import { loadSeed } from '../graph-seed/seed';
import { createApp } from './app';
import { readConfig } from './config';
import { createLogger } from './logger';
import { openStore } from './store';

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger(config.logLevel);
  const started = Date.now();
  const store = await openStore(config, logger);
  const counts = await store.counts();
  if (counts.actors === 0 && counts.sources === 0 && counts.actions === 0) {
    const result = await loadSeed(store);
    logger.info({ created: result.created }, 'empty store seeded from graph-seed/seed.json');
  }
  const app = createApp({ store, config, logger });
  const server: Server = app.listen(config.port, config.host, () => {
    logger.info({ url: `http://${config.host}:${config.port}`, store: store.kind, ms: Date.now() - started }, 'listening');
  });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping: finishing requests in flight');
    server.close(() => {
      store
        .close()
        .then(() => {
          logger.info('stopped');
          process.exit(0);
        })
        .catch((err: Error) => {
          logger.error({ err: err.message }, 'store did not close cleanly');
          process.exit(1);
        });
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: Error) => {
  console.error(`the server could not start: ${err.message}`);
  process.exit(1);
});
