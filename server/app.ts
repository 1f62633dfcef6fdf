/** The Express application: the API under /api and the built browser at /. */
import fs from 'node:fs';
import path from 'node:path';
import compression from 'compression';
import express from 'express';
import type { AppContext } from './context';
import { apiNotFound, errorHandler } from './api/errors';
import { requestLogging } from './api/logging';
import { registerApiRoutes } from './api/routes';
import { hostAllowlist } from './api/hosts';
import { cors, securityHeaders } from './api/security';

/** dist/client, found from the sources (server/) and from the build (dist/server/). */
export function defaultClientDir(): string | null {
  const candidates = [path.resolve(__dirname, '..', 'dist', 'client'), path.resolve(__dirname, '..', 'client')];
  return candidates.find((dir) => path.basename(path.dirname(dir)) === 'dist' && fs.existsSync(path.join(dir, 'index.html'))) ?? null;
}

/** A year: the longest max-age caches honour, for files whose name changes with their content. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Kept, but asked about again each time (a 304 when unchanged), so a new build is seen at once. */
const REVALIDATE = 'no-cache';

/** Vite writes only content-hashed names under assets/, so a name there never changes meaning. */
function cacheControlFor(file: string, dir: string): string {
  const rel = path.relative(dir, file).split(path.sep);
  return rel.length > 1 && rel[0] === 'assets' ? IMMUTABLE : REVALIDATE;
}

/**
 * Serves the built browser and answers its client-side routes (any other GET outside /api) with
 * index.html. The build writes source maps; they are served only when asked for (SERVE_SOURCE_MAPS),
 * as they hand out the original sources and comments.
 */
function serveClient(app: express.Express, dir: string, sourceMaps: boolean): void {
  if (!sourceMaps) {
    app.use((req, res, next) => {
      if (req.path.endsWith('.map')) res.status(404).type('text/plain').send('Not Found');
      else next();
    });
  }
  app.use(
    express.static(dir, {
      index: 'index.html',
      fallthrough: true,
      cacheControl: false,
      setHeaders: (res, file) => res.setHeader('Cache-Control', cacheControlFor(file, dir)),
    }),
  );
  app.use((req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path === '/api' || req.path.startsWith('/api/')) {
      next();
      return;
    }
    res.sendFile('index.html', { root: dir, cacheControl: false, headers: { 'Cache-Control': REVALIDATE } });
  });
}

export function createApp(ctx: AppContext): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.set('trust proxy', ctx.config.trustProxyHops > 0 ? ctx.config.trustProxyHops : false);
  app.use(requestLogging(ctx.logger));
  // gzip or brotli as the client's Accept-Encoding asks, for API answers and the built files
  // alike; streamed exports flush each batch (export/stream.ts), so they still arrive as made.
  app.use(compression());
  app.use(securityHeaders());
  app.use(hostAllowlist(ctx.config.allowedHosts));
  app.use('/api', cors(ctx.config.corsOrigins));
  registerApiRoutes(app, ctx, { writeRateLimitPerMinute: ctx.writeRateLimitPerMinute ?? ctx.config.writeRateLimitPerMinute });
  app.use('/api', apiNotFound());
  const clientDir = ctx.clientDir === undefined ? defaultClientDir() : ctx.clientDir;
  if (clientDir) serveClient(app, clientDir, ctx.config.serveSourceMaps);
  app.use(errorHandler());
  return app;
}
