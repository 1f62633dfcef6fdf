/**
 * The error shape of API v1, `{"error": {"code", "message", "details"}}`, and the one place where
 * store errors, body-parser errors and the unexpected are mapped to an HTTP status and a code.
 */
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { problemText, type ErrorCode, type Problem } from '../../contract';
import { ConflictError, NotFoundError, StorageFullError, UnavailableError, ValidationError } from '../store/errors';

/** An answer that is an error: thrown by routes and middleware, sent by the error handler. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details: string[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const badRequest = (message: string, details: string[] = []) => new ApiError(400, 'bad_request', message, details);
export const notFound = (message: string) => new ApiError(404, 'not_found', message);

/** A PUT's body must name the record of its path. */
export function samePathId(pathId: string, bodyId: string): void {
  if (pathId !== bodyId) {
    throw badRequest(`invalid body: id "${bodyId}" differs from the path's id "${pathId}"`, [`id: differs from the path's id "${pathId}"`]);
  }
}

/** A 400 naming every problem: the message names up to five, `details` lists all as `path: message`. */
export function problemsError(prefix: string, problems: Problem[]): ApiError {
  const shown = problems.slice(0, 5).map(problemText).join('; ');
  const more = problems.length > 5 ? ` (and ${problems.length - 5} more)` : '';
  return badRequest(`${prefix}: ${shown}${more}`, problems.map(problemText));
}

export function sendError(res: Response, err: ApiError): void {
  for (const [name, value] of Object.entries(err.headers)) res.setHeader(name, value);
  res.status(err.status).json({ error: { code: err.code, message: err.message, details: err.details } });
}

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  429: 'rate_limited',
  503: 'unavailable',
};

interface HttpLikeError {
  status?: number;
  statusCode?: number;
  type?: string;
  limit?: number;
  expose?: boolean;
  message?: string;
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round((n / (1024 * 1024)) * 10) / 10} MB` : `${Math.round(n / 1024)} kB`;
}

/** Errors of body-parser, the router and http-errors: 4xx by their status, never their stack. */
function fromHttpError(err: HttpLikeError): ApiError | null {
  const status = err.status ?? err.statusCode;
  if (typeof status !== 'number' || status < 400 || status > 499) return null;
  switch (err.type) {
    case 'entity.too.large':
      return new ApiError(413, 'payload_too_large', `the body is larger than the limit of ${formatBytes(err.limit ?? 0)}`);
    case 'entity.parse.failed':
      return badRequest(`the body is not valid JSON: ${err.message ?? 'parse error'}`);
    case 'encoding.invalid':
      return badRequest(err.message ?? 'the body is not valid UTF-8');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return badRequest(`the body cannot be read: ${err.message ?? 'unsupported encoding'}`);
    case 'request.aborted':
      return badRequest('the request was aborted before its body arrived');
    case 'request.size.invalid':
      return badRequest('the body is shorter or longer than its Content-Length');
    default:
      break;
  }
  if (status === 413) return new ApiError(413, 'payload_too_large', 'the body is too large');
  const code = CODE_BY_STATUS[status] ?? 'bad_request';
  const message = err.expose && err.message ? err.message : 'the request could not be read';
  return new ApiError(code === 'bad_request' ? 400 : status, code, message);
}

/** Maps anything thrown to the answer the spec asks for; null for the unexpected (a 500). */
export function toApiError(err: unknown): ApiError | null {
  if (err instanceof ApiError) return err;
  if (err instanceof NotFoundError) return notFound(err.message);
  if (err instanceof ConflictError) return new ApiError(409, 'conflict', err.message, err.details);
  if (err instanceof ValidationError) return badRequest(err.message, err.problems.map(problemText));
  if (err instanceof UnavailableError) {
    return new ApiError(503, 'unavailable', err.message, [], { 'Retry-After': String(err.retryAfterSeconds) });
  }
  if (err instanceof StorageFullError) {
    return new ApiError(507, 'unavailable', err.message, [], { 'Retry-After': String(err.retryAfterSeconds) });
  }
  if (err !== null && typeof err === 'object') return fromHttpError(err);
  return null;
}

/** The last error handler: every failure becomes the error shape; a 500 says nothing of its cause. */
export function errorHandler(): ErrorRequestHandler {
  return (err, req, res, next) => {
    if (res.headersSent) {
      req.log?.error({ err, reqId: req.id }, 'error after the answer had started');
      next(err);
      return;
    }
    const mapped = toApiError(err);
    if (mapped) {
      if (mapped.status >= 500) req.log?.warn({ reqId: req.id, code: mapped.code, message: mapped.message }, 'store unavailable');
      sendError(res, mapped);
      return;
    }
    req.log?.error({ err, reqId: req.id }, 'unexpected error');
    sendError(res, new ApiError(500, 'internal', `an unexpected error occurred; quote request id ${req.id as string} when reporting it`));
  };
}

/** Any path under /api that no route answers. */
export function apiNotFound(): RequestHandler {
  return (req, res) => sendError(res, notFound(`no route ${req.method} ${req.baseUrl}${req.path}`));
}
