/**
 * Request logging with pino-http: one line per request with its id, echoed as X-Request-Id. The
 * request serializer keeps method, url and address only, so no header (the token above all)
 * reaches the log, whatever logger the app was given.
 */
import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from '../logger';
import { KEY_PARAM_NAMES } from './auth';

const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** A named key's secret part, wherever it appears in a URL (the server refuses such requests but still logs the line). */
const KEY_SECRET = /(dpg_[0-9a-f]{16}_)[A-Za-z0-9_-]+/g;
/** The value of any query parameter that could carry a key (the names auth.ts refuses). */
const KEY_PARAM_VALUE = new RegExp(`([?&](?:${KEY_PARAM_NAMES})=)[^&#]*`, 'gi');

export const redactUrl = (url: string | undefined) => url?.replace(KEY_SECRET, '$1[redacted]').replace(KEY_PARAM_VALUE, '$1[redacted]');

export function requestLogging(logger: Logger): RequestHandler {
  return pinoHttp({
    logger,
    genReqId: (req, res) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && SAFE_ID.test(given) ? given : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    serializers: {
      req: (req: { id?: unknown; method?: string; url?: string; remoteAddress?: string }) => ({
        id: req.id,
        method: req.method,
        url: redactUrl(req.url),
        remoteAddress: req.remoteAddress,
      }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
  });
}
