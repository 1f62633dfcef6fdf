/**
 * The route table of API v1: every route the server answers under /api, in one list. The Express
 * registration below and the OpenAPI document are both derived from it.
 */
import express, { type Express, type RequestHandler } from 'express';
import { AnswerCache } from './answer-cache';
import type { AppContext } from '../context';
import { actionRoutes } from './actions';
import { actorRoutes } from './actors';
import { Authenticator, refuseKeysInUrl, requireRole, roleNeeded } from './auth';
import { cascadeRoutes } from './cascade';
import { chainRoutes } from './chains';
import { docsRoutes } from './docs';
import { episodeRoutes } from './episodes';
import { exportRoutes } from './export';
import { extractRoutes } from './extract';
import { graphRoutes } from './graph';
import { healthRoutes } from './health';
import { historyRoutes } from './history';
import { importRoutes } from './import';
import { buildOpenApi } from './openapi';
import { pathRoutes } from './paths';
import { send } from './reply';
import { DEFAULT_BODY_LIMIT, defineRoute, type ApiRoute } from './route';
import { failedTokenRateLimit, keyWriteRateLimit, writeRateLimit } from './security';
import { sourceRoutes } from './sources';
import { statsRoutes } from './stats';
import { tokenCheckRoutes } from './token-check';
import { vocabularyRoutes } from './vocabulary';

export const API_VERSION = '1.0.0';

let cachedDocument: Record<string, unknown> | null = null;

const openApiRoute = defineRoute({
  method: 'get',
  path: '/openapi.json',
  operationId: 'getOpenApi',
  summary: 'This OpenAPI 3.1 document, generated from the schemas that validate requests',
  tag: 'documentation',
  responses: { 200: { description: 'The OpenAPI document.', contentType: 'application/json' } },
  handle() {
    return openApiDocument();
  },
});

export const API_ROUTES: readonly ApiRoute[] = [
  ...healthRoutes,
  ...actorRoutes,
  ...actionRoutes,
  ...sourceRoutes,
  ...episodeRoutes,
  ...vocabularyRoutes,
  ...graphRoutes,
  ...pathRoutes,
  ...chainRoutes,
  ...cascadeRoutes,
  ...statsRoutes,
  ...exportRoutes,
  ...importRoutes,
  ...extractRoutes,
  ...historyRoutes,
  ...tokenCheckRoutes,
  openApiRoute,
  ...docsRoutes,
];

export function openApiDocument(): Record<string, unknown> {
  cachedDocument ??= buildOpenApi(API_ROUTES, API_VERSION);
  return cachedDocument;
}

export interface RegisterOptions {
  writeRateLimitPerMinute: number;
}

/** Registers every route of the table on the app, at `/api` + its path. */
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A body that is not valid UTF-8 is refused, rather than stored with replacement characters. */
function refuseInvalidUtf8(_req: unknown, _res: unknown, buf: Buffer): void {
  try {
    utf8.decode(buf);
  } catch {
    throw Object.assign(new Error('the body is not valid UTF-8'), { status: 400, statusCode: 400, type: 'encoding.invalid', expose: true });
  }
}

export function registerApiRoutes(app: Express, ctx: AppContext, options: RegisterOptions): void {
  // Up to 256 graph, path and chain answers and 64 MB (a capped graph answer is about 1 MB), per
  // app: each app has its own store.
  const answers = new AnswerCache(64 * 1024 * 1024, 256);
  const version = ctx.store.answersVersion?.bind(ctx.store);
  const atCurrent = ctx.store.atCurrentVersion?.bind(ctx.store);
  // The key is checked first, with its own limit for failed attempts per address, so others'
  // guesses never use up a valid key's writes; valid writes are then limited per address and per key.
  const auth = new Authenticator(ctx.config.apiToken, ctx.config.apiKeysFile);
  const failures = failedTokenRateLimit(options.writeRateLimitPerMinute);
  const writeLimits = [writeRateLimit(options.writeRateLimitPerMinute), keyWriteRateLimit(options.writeRateLimitPerMinute)];
  // On every path under /api, known or not, so a key in a URL is refused before anything else.
  app.use('/api', refuseKeysInUrl());
  for (const route of API_ROUTES) {
    const chain: RequestHandler[] = [];
    const role = roleNeeded(route, ctx.config.readsNeedKey);
    if (role) chain.push(requireRole(role, auth, ctx.logger, failures));
    if (route.write) chain.push(...writeLimits);
    const limit = route.bodyLimit ?? DEFAULT_BODY_LIMIT;
    // Bytes for a route that reads its body off the event loop (the import): it checks UTF-8 itself.
    if (route.body && route.bodyAsBytes) chain.push(express.raw({ type: 'application/json', limit }));
    else if (route.body) chain.push(express.json({ limit, strict: true, verify: refuseInvalidUtf8 }));
    chain.push(async (req, res) => {
      const input = route.parse(req);
      const handle = async () => route.handle(input, ctx, req);
      const respond = async () =>
        send(
          res,
          await (!route.cacheable
            ? handle()
            : version
              ? answers.answer(version, req.originalUrl, handle)
              : atCurrent
                ? atCurrent((current) => answers.answerAt(current, req.originalUrl, handle))
                : handle()),
        );
      await (route.inTurn ? route.inTurn.run(respond) : respond());
    });
    app[route.method](`/api${route.path}`, ...chain);
  }
}
