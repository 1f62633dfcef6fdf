/**
 * Bearer-token check for writes. The token is the server's API_TOKEN; without one, writes are
 * disabled (403). Tokens are compared as SHA-256 digests in constant time, so neither the
 * comparison's duration nor a length difference tells anything about the token. Failed attempts
 * pass through their own rate limit (`failures`) before being answered 401, so they are counted
 * apart from a valid token's writes.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { ApiError } from './errors';
import { API_TOKEN_PRINCIPAL, setPrincipal } from './principal';

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

const CHALLENGE = 'Bearer realm="deplatforming-graph"';

export function requireToken(apiToken: string | undefined, failures?: RequestHandler): RequestHandler {
  const expected = apiToken ? digest(apiToken) : null;
  return (req, res, next) => {
    // Past the limit, `failures` answers 429 itself; under it, the 401 goes on.
    const refuse = (err: ApiError) => (failures ? void failures(req, res, () => next(err)) : next(err));
    if (!expected) {
      next(new ApiError(403, 'forbidden', 'writes are disabled: the server has no API_TOKEN set'));
      return;
    }
    const header = req.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer +(\S+) *$/i.exec(header) : null;
    if (!match) {
      refuse(
        new ApiError(401, 'unauthorized', 'a bearer token is required: send Authorization: Bearer <token>', [], {
          'WWW-Authenticate': CHALLENGE,
        }),
      );
      return;
    }
    if (!timingSafeEqual(digest(match[1]!), expected)) {
      refuse(
        new ApiError(401, 'unauthorized', 'the bearer token is not valid', [], {
          'WWW-Authenticate': `${CHALLENGE}, error="invalid_token"`,
        }),
      );
      return;
    }
    setPrincipal(res, API_TOKEN_PRINCIPAL);
    next();
  };
}
