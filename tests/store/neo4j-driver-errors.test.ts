/**
 * What a user sees when Neo4j misbehaves: the driver's errors, built by hand as the driver builds
 * them, through translateError and the API's error mapping to the HTTP answer. An unreachable
 * database must be a 503 with Retry-After (the client retries), never a 500 (a bug report) or a
 * 409; and errors that are not about reaching the database must not become 503s, which would make
 * clients retry a query that can never succeed. One case goes over a real socket: a refused port.
 */
import net from 'node:net';
import { error as driverCodes, Neo4jError } from 'neo4j-driver';
import { toApiError } from '../../server/api/errors';
import { silentLogger } from '../../server/logger';
import { Neo4jStore } from '../../server/store/neo4j';
import { isUnreachable, translateError } from '../../server/store/neo4j/driver-errors';
import { ConflictError, UnavailableError } from '../../server/store/errors';

/** A Neo4jError as neo4j-driver-core's newError makes it. */
function neo4jError(code: string, message = `driver says ${code}`, cause?: Error): Neo4jError {
  return new Neo4jError(message, code, '50N42', `error: general processing exception - unexpected error. ${message}`, undefined, cause);
}

/** A Node socket error, as net.connect reports it. */
function socketError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:7687`), { code, syscall: 'connect' });
}

/** The HTTP answer a route gives when the store throws this driver error. */
function answer(err: unknown): { status: number; code: string; retryAfter?: string } {
  const api = toApiError(translateError(err));
  if (!api) return { status: 500, code: 'internal' };
  const retryAfter = api.headers['Retry-After'];
  return retryAfter === undefined ? { status: api.status, code: api.code } : { status: api.status, code: api.code, retryAfter };
}

const UNAVAILABLE = { status: 503, code: 'unavailable', retryAfter: '5' };

describe('Neo4j driver errors -> HTTP answers', () => {
  test.each([
    ['service unavailable', neo4jError(driverCodes.SERVICE_UNAVAILABLE)],
    ['session expired', neo4jError(driverCodes.SESSION_EXPIRED)],
    ['a transient server error (leader switch, deadlock)', neo4jError('Neo.TransientError.Transaction.DeadlockDetected')],
    // What a query running while the database stops gets: the driver renames the server's
    // Neo.TransientError.Transaction.Terminated to this ClientError (CI caught it as a 500).
    ['a transaction terminated by a stopping database', neo4jError('Neo.ClientError.Transaction.Terminated')],
    ['a lock client stopped by a stopping database', neo4jError('Neo.ClientError.Transaction.LockClientStopped')],
    ['a connection that broke mid-message', neo4jError(driverCodes.PROTOCOL_ERROR)],
    ['connection refused, as a bare socket error', socketError('ECONNREFUSED')],
    ['connection reset', socketError('ECONNRESET')],
    ['unknown host', socketError('ENOTFOUND')],
    [
      'a refused socket nested under a driver error with a non-network code',
      neo4jError('N/A', 'Failed to connect to server', socketError('ECONNREFUSED')),
    ],
    [
      'service unavailable two causes down',
      new Error('query failed', { cause: new Error('pool', { cause: neo4jError(driverCodes.SERVICE_UNAVAILABLE) }) }),
    ],
  ])('%s is a 503 with Retry-After', (_what, err) => {
    expect(isUnreachable(err)).toBe(true);
    expect(translateError(err)).toBeInstanceOf(UnavailableError);
    expect(answer(err)).toEqual(UNAVAILABLE);
  });

  test.each([
    ['wrong credentials', neo4jError('Neo.ClientError.Security.Unauthorized')],
    ['a missing permission', neo4jError('Neo.ClientError.Security.Forbidden')],
    ['a database that does not exist', neo4jError('Neo.ClientError.Database.DatabaseNotFound')],
  ])('%s is a 503 too (the operator must fix the settings), with a message that says which', (_what, err) => {
    expect(answer(err)).toEqual(UNAVAILABLE);
    expect(translateError(err).message).toMatch(/NEO4J_USER|permission|NEO4J_DATABASE/);
  });

  test('a uniqueness clash with a concurrent write is a 409, not a 503', () => {
    const err = neo4jError('Neo.ClientError.Schema.ConstraintValidationFailed');
    expect(translateError(err)).toBeInstanceOf(ConflictError);
    expect(answer(err)).toEqual({ status: 409, code: 'conflict' });
  });

  test.each([
    ['a Cypher syntax error', neo4jError('Neo.ClientError.Statement.SyntaxError', 'Invalid input at line 3 MATCH (secret:Label)')],
    ['a database error', neo4jError('Neo.DatabaseError.General.UnknownError')],
    ['a plain bug in our code', new TypeError("Cannot read properties of undefined (reading 'properties')")],
    ['an error whose code is not a string', Object.assign(new Error('odd'), { code: 111 })],
    ['nothing at all', undefined],
  ])('%s is a 500 that names no internals, with the original kept as its cause', (_what, err) => {
    expect(isUnreachable(err)).toBe(false);
    const translated = translateError(err);
    expect(translated).not.toBeInstanceOf(UnavailableError);
    expect(answer(err)).toEqual({ status: 500, code: 'internal' });
    expect(translated.message).not.toMatch(/secret|Label|properties/);
    expect(translated.cause).toBe(err);
  });

  test('an error that is its own cause is answered (a 500), not looped on forever', () => {
    const cyclic = new Error('a');
    (cyclic as { cause?: unknown }).cause = cyclic;
    expect(isUnreachable(cyclic)).toBe(false);
    expect(answer(cyclic)).toEqual({ status: 500, code: 'internal' });
  });

  test('over a real socket: connecting to a port nobody listens on is UnavailableError', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const settings = { uri: `bolt://127.0.0.1:${port}`, user: 'neo4j', password: 'password', database: 'neo4j' };
    await expect(Neo4jStore.connect(settings, silentLogger())).rejects.toBeInstanceOf(UnavailableError);
  });
});
