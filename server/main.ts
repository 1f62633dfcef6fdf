/** Starts the server: opens the configured store, seeds it when empty, serves, stops cleanly. */
import type { Server } from 'node:http';
import { createApp } from './app';
import { readConfig } from './config';
import { createLogger } from './logger';
import { seedReader } from '../graph-seed/dataset';
import { seedIfEmpty } from './seeding';
import { openStore } from './store';

/** How long a stop waits for requests in flight before it closes the store anyway. */
const STOP_GRACE_MS = 15_000;

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger(config.logLevel);
  const started = Date.now();
  const store = await openStore(config, logger);
  const readSeed = seedReader(config.seed);
  const seeded = readSeed && (await seedIfEmpty(store, readSeed));
  if (seeded)
    logger.info({ created: seeded.created, seed: config.seed.kind === 'file' ? config.seed.file : config.seed.kind }, 'empty store seeded');
  const app = createApp({ store, config, logger });
  const server: Server = app.listen(config.port, config.host, () => {
    logger.info(
      {
        url: `http://${config.host}:${config.port}`,
        store: store.kind,
        writes: config.apiToken || config.apiKeysFile ? 'enabled' : 'disabled',
        reads: config.readsNeedKey ? 'need a key' : 'public',
        ms: Date.now() - started,
      },
      'listening',
    );
  });
  // Bounds on slow clients: a request must send its headers and its body in time.
  server.headersTimeout = 20_000;
  server.requestTimeout = 120_000;
  server.keepAliveTimeout = 5_000;
  server.on('error', (err) => {
    logger.error({ err: err.message }, 'the server could not listen');
    void store.close().finally(() => process.exit(1));
  });

  let stopping = false;
  const closeStoreAndExit = (code: number) => {
    store
      .close()
      .then(() => {
        logger.info('stopped');
        process.exit(code);
      })
      .catch((err: Error) => {
        logger.error({ err: err.message }, 'store did not close cleanly');
        process.exit(1);
      });
  };
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping: no new connections, finishing requests in flight');
    const force = setTimeout(() => {
      logger.warn({ graceMs: STOP_GRACE_MS }, 'requests still in flight after the grace period; closing them');
      server.closeAllConnections();
    }, STOP_GRACE_MS);
    force.unref();
    // Keep-alive connections are closed as soon as their request in flight is answered.
    const idle = setInterval(() => server.closeIdleConnections(), 250);
    idle.unref();
    server.close(() => {
      clearTimeout(force);
      clearInterval(idle);
      closeStoreAndExit(0);
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('unhandledRejection', (reason) => {
    logger.error({ err: reason instanceof Error ? reason.message : String(reason) }, 'unhandled rejection');
  });
}

main().catch((err: Error) => {
  console.error(`the server could not start: ${err.message}`);
  process.exit(1);
});
