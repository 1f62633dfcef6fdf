/**
 * What a route handler answers. Handlers return their answer rather than write it to the
 * response, so what is done with answers (keeping them, see answer-cache.ts) wraps the handler
 * instead of intercepting the response.
 */
import type { Response } from 'express';

/** An answer other than a JSON body with 200: another status, headers, a body that is not JSON. */
export class Reply {
  constructor(
    readonly status: number,
    readonly content: {
      /** Sent as res.location sends it (percent-encoded). */
      location?: string;
      headers?: Record<string, string>;
      /** A JSON body; or `body`, sent as it is (give its Content-Type in `headers`). */
      json?: unknown;
      body?: string | Buffer;
      /** A body written by the given function as it is produced (after status and headers). */
      stream?: (res: Response) => Promise<unknown>;
    } = {},
  ) {}
}

/** A JSON body sent with 200, or a Reply. */
export type Answer = object;

/** Sends an answer; a streamed body's promise settles when the body is written or given up on. */
export function send(res: Response, answer: Answer): void | Promise<unknown> {
  if (!(answer instanceof Reply)) {
    res.json(answer);
    return;
  }
  const { location, headers, json, body, stream } = answer.content;
  res.status(answer.status);
  if (location !== undefined) res.location(location);
  if (headers) res.set(headers);
  if (stream !== undefined) return stream(res);
  if (json !== undefined) res.json(json);
  else if (body !== undefined) res.send(body);
  else res.end();
}
