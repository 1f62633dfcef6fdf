/**
 * Who may call what. Three roles, each including the ones below it: `reader` reads (only needed
 * when READS_NEED_KEY is set), `editor` writes records and imports, `admin` also deletes actors
 * and sources. A request shows its key in `Authorization: Bearer <key>`, nowhere else.
 *
 * Keys are the named keys of API_KEYS_FILE (server/auth/) and API_TOKEN, which acts as the one
 * admin key "api-token" so set-ups from before named keys keep working. API_TOKEN is compared as
 * a SHA-256 digest in constant time, so neither timing nor a length difference tells anything.
 * Failed attempts pass through their own rate limit (`failures`) before being answered 401, so
 * they are counted apart from a valid key's requests.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from '../logger';
import { KeyFileError } from '../auth/key-file';
import { KeyRing, type KeyCheck } from '../auth/key-ring';
import { ApiError } from './errors';
import { API_TOKEN_PRINCIPAL, ROLES, setPrincipal, type Role } from './principal';
import type { ApiRoute } from './route';

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

const CHALLENGE = 'Bearer realm="deplatforming-graph"';

/** Deleting these takes records other people cite out of the graph, so it is kept for admins. */
const ADMIN_OPERATIONS: ReadonlySet<string> = new Set(['deleteActor', 'deleteSource']);
/** Answers that stay public with READS_NEED_KEY: a load balancer's probe and the API's own description. */
const PUBLIC_TAGS: ReadonlySet<string> = new Set(['health', 'documentation']);

export const rank = (role: Role) => ROLES.indexOf(role);

/** The role a route needs; null when anyone may call it. */
export function roleNeeded(route: Pick<ApiRoute, 'operationId' | 'tag' | 'write'>, readsNeedKey: boolean): Role | null {
  if (route.write) return ADMIN_OPERATIONS.has(route.operationId) ? 'admin' : 'editor';
  if (readsNeedKey && !PUBLIC_TAGS.has(route.tag)) return 'reader';
  return null;
}

/** The operations only admins may call, for the tests and the OpenAPI document. */
export const adminOperations = (): string[] => [...ADMIN_OPERATIONS];

/** Names of query parameters that would carry a key in the URL, where logs, browser history and Referer keep it. */
export const KEY_PARAM_NAMES = 'key|token|api[-_]?key|api[-_]?token|access[-_]?token|auth|authorization|bearer|secret|password';
const KEY_PARAMS = new RegExp(`^(?:${KEY_PARAM_NAMES})$`, 'i');

/** Refuses a request that shows a key in its URL (400 naming the parameter); keys go in the header only. */
export function refuseKeysInUrl(): RequestHandler {
  return (req, _res, next) => {
    const name = Object.keys(req.query ?? {}).find((k) => KEY_PARAMS.test(k));
    if (name === undefined) {
      next();
      return;
    }
    const shown = name.slice(0, 60);
    next(
      new ApiError(
        400,
        'bad_request',
        `invalid query parameter "${shown}": keys are accepted only in the Authorization header (Authorization: Bearer <key>); a key sent in a URL should be treated as exposed and revoked`,
        [`${shown}: a key is never read from the URL`],
      ),
    );
  };
}

/** Checks a presented key against API_TOKEN and the key file. */
export class Authenticator {
  private readonly token: Buffer | null;
  private readonly ring: KeyRing | null;

  constructor(apiToken: string | undefined, keysFile: string | undefined) {
    this.token = apiToken ? digest(apiToken) : null;
    this.ring = keysFile ? new KeyRing(keysFile) : null;
  }

  /** Whether any key is configured; without one, writes are disabled. */
  get enabled(): boolean {
    return this.token !== null || this.ring !== null;
  }

  async identify(presented: string): Promise<KeyCheck> {
    if (this.token && timingSafeEqual(digest(presented), this.token)) return { ok: true, principal: API_TOKEN_PRINCIPAL };
    if (this.ring) return this.ring.check(presented);
    return { ok: false, reason: 'unknown' };
  }
}

function unauthorized(message: string, error?: 'invalid_token'): ApiError {
  return new ApiError(401, 'unauthorized', message, [], {
    'WWW-Authenticate': error ? `${CHALLENGE}, error="${error}"` : CHALLENGE,
  });
}

/**
 * Lets a request on only with a key of `role` or above, and puts its principal on the response.
 * 401 without a valid key, 403 naming the role needed when the key's role is below it.
 */
export function requireRole(role: Role, auth: Authenticator, logger: Logger, failures?: RequestHandler): RequestHandler {
  return (req, res, next) => {
    // Past the limit, `failures` answers 429 itself; under it, the 401 goes on.
    const refuse = (err: ApiError) => (failures ? void failures(req, res, () => next(err)) : next(err));
    if (!auth.enabled) {
      next(new ApiError(403, 'forbidden', 'writes are disabled: the server has no API_TOKEN or API_KEYS_FILE set'));
      return;
    }
    const header = req.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer +(\S+) *$/i.exec(header) : null;
    if (!match) {
      refuse(unauthorized(`a key with the ${role} role is required: send Authorization: Bearer <key>`));
      return;
    }
    auth.identify(match[1]!).then(
      (check) => {
        if (!check.ok) {
          refuse(
            unauthorized(
              check.reason === 'revoked' ? 'this key has been revoked; ask an admin for a new one' : 'the bearer key is not valid',
              'invalid_token',
            ),
          );
          return;
        }
        const { principal } = check;
        if (rank(principal.role) < rank(role)) {
          next(
            new ApiError(403, 'forbidden', `this needs the ${role} role; the key "${principal.name}" has the ${principal.role} role`, [
              `role: ${role} needed`,
            ]),
          );
          return;
        }
        setPrincipal(res, principal);
        next();
      },
      (err: unknown) => {
        if (!(err instanceof KeyFileError)) {
          next(err);
          return;
        }
        // Fail closed: a file that cannot be read might be the one that revokes this key.
        logger.error({ err: err.message }, 'the key file cannot be used; named keys are refused until it is fixed');
        next(new ApiError(503, 'unavailable', 'keys cannot be checked right now: the server cannot read its key file (see its log)'));
      },
    );
  };
}
