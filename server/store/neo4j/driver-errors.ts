/**
 * Driver failures -> store errors. An unreachable or refusing server is UnavailableError (the
 * API's 503); a uniqueness or "still has relationships" refusal is ConflictError; anything else
 * is a plain Error whose message names no internals (the original stays in `cause` for the log).
 */
import { Neo4jError } from 'neo4j-driver';
import { ConflictError, StoreError, UnavailableError } from '../errors';

const UNREACHABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'EPIPE',
  // The connection broke in the middle of a message (the server went away while answering).
  'ProtocolError',
  // A transaction the server terminated, as it does to every running one while the database stops;
  // the driver renames these from TransientError to ClientError, so they are not retried for us.
  'Neo.ClientError.Transaction.Terminated',
  'Neo.ClientError.Transaction.LockClientStopped',
]);

function codeOf(err: unknown): string | undefined {
  if (err instanceof Neo4jError) return err.code;
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** True when the error (or its cause) says the server could not be reached. */
export function isUnreachable(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = codeOf(e);
    if (code && (UNREACHABLE_CODES.has(code) || code.startsWith('Neo.TransientError.'))) return true;
  }
  return false;
}

export function translateError(err: unknown): Error {
  if (err instanceof StoreError) return err;
  const code = codeOf(err);
  if (isUnreachable(err)) return new UnavailableError('the Neo4j database cannot be reached; retry shortly');
  if (code === 'Neo.ClientError.Security.Forbidden') {
    return new UnavailableError('the Neo4j user lacks a permission the store needs (it reads, writes and creates indexes)');
  }
  if (code?.startsWith('Neo.ClientError.Security.')) {
    return new UnavailableError('the Neo4j database refused the credentials (check NEO4J_USER and NEO4J_PASSWORD)');
  }
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
    return new UnavailableError('the configured Neo4j database does not exist (check NEO4J_DATABASE)');
  }
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new ConflictError('the change conflicts with a concurrent change; retry');
  }
  return new Error(`the Neo4j query failed${code ? ` (${code})` : ''}`, { cause: err });
}
