/** Response hardening: helmet with a strict CSP, CORS closed unless configured, write rate limits. */
import { createHash } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import { ApiError, sendError } from './errors';
import { API_TOKEN_PRINCIPAL, principalOf } from './principal';

/**
 * Cytoscape.js inserts one fixed <style> element (`position: relative` for its container). Its
 * hash is allowed so the browser needs no 'unsafe-inline'; every other inline style or script is
 * refused.
 */
const CYTOSCAPE_STYLE = '.__________cytoscape_container { position: relative; }';
const cytoscapeStyleHash = `'sha256-${createHash('sha256').update(CYTOSCAPE_STYLE).digest('base64')}'`;

export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", cytoscapeStyleHash],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    strictTransportSecurity: false,
  });
}

/** CORS for the configured origins only; with none configured, no CORS header is ever sent. */
export function cors(origins: readonly string[]): RequestHandler {
  const any = origins.includes('*');
  const allowed = new Set(origins);
  return (req, res, next) => {
    const origin = req.headers.origin;
    if (!origin || (!any && !allowed.has(origin))) {
      next();
      return;
    }
    res.setHeader('Access-Control-Allow-Origin', any ? '*' : origin);
    res.vary('Origin');
    res.setHeader('Access-Control-Expose-Headers', 'X-Request-Id, Retry-After, Content-Disposition, WWW-Authenticate, X-Dataset-Change');
    if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
      res.setHeader('Access-Control-Allow-Methods', 'GET, HEAD, POST, PUT, DELETE');
      res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, X-Request-Id, X-Change-Message');
      res.setHeader('Access-Control-Max-Age', '600');
      res.status(204).end();
      return;
    }
    next();
  };
}

/** Writes with a valid token per client IP and minute; the excess is answered 429 `rate_limited` with Retry-After. */
export function writeRateLimit(perMinute: number): RequestHandler {
  return perMinuteLimit(perMinute, 'writes');
}

/**
 * Writes per named key and minute, on top of the limit per address: a key copied to many addresses
 * (a leak, a botnet) gets no more writes than one address has. Runs after the key check, so it
 * counts only writes made with a valid key, under that key's name. API_TOKEN is left out: before
 * named keys it was the one key a whole team shared from their own addresses, each with its own
 * limit, and those set-ups keep working as they did.
 */
export function keyWriteRateLimit(perMinute: number): RequestHandler {
  return perMinuteLimit(perMinute, 'writes with this key', {
    keyGenerator: (_req, res) => `key:${principalOf(res)?.name ?? ''}`,
    skip: (_req, res) => principalOf(res)?.name === API_TOKEN_PRINCIPAL.name,
  });
}

/**
 * Failed token attempts per client IP and minute, counted apart from valid writes: guesses from an
 * address (or from anyone behind the same NAT or proxy) never use up a valid token's writes.
 */
export function failedTokenRateLimit(perMinute: number): RequestHandler {
  return perMinuteLimit(perMinute, 'failed token attempts');
}

interface Counting {
  keyGenerator(req: Request, res: Response): string;
  skip(req: Request, res: Response): boolean;
}

function perMinuteLimit(perMinute: number, what: string, counting?: Counting): RequestHandler {
  const windowMs = 60_000;
  return rateLimit({
    windowMs,
    limit: perMinute,
    ...counting,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    handler: (req, res) => {
      const reset = (req as { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
      const seconds = Math.max(1, Math.ceil(((reset?.getTime() ?? Date.now() + windowMs) - Date.now()) / 1000));
      sendError(
        res,
        new ApiError(429, 'rate_limited', `too many ${what}: at most ${perMinute} a minute; retry in ${seconds} s`, [], {
          'Retry-After': String(seconds),
        }),
      );
    },
  });
}
