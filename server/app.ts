/** The Express application: the API under /api and the built browser at /. */
import express from 'express';
import type { Config } from './config';
import type { Logger } from './logger';
import type { GraphStore } from './store/types';
import { healthRouter } from './api/health';

export interface AppContext {
  store: GraphStore;
  config: Config;
  logger: Logger;
}

export function createApp(ctx: AppContext): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use('/api', healthRouter(ctx));
  return app;
}
