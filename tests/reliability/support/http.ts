/**
 * A small HTTP client for the reliability suites: raw node:http (no retries behind our back, so a
 * request the server never answered is seen as such), JSON in and out, a per-request timeout.
 */
import http from 'node:http';

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  /** The body parsed as JSON, undefined when it is not JSON. */
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  ms: number;
}

export interface ClientOptions {
  token?: string;
  /** Sockets kept open to the server; 64 unless given. */
  maxSockets?: number;
  timeoutMs?: number;
  /**
   * Reuse connections (default true). A monitor's probe opens one a request: on a reused one, a
   * request sent as the server closes it for idling (keepAliveTimeout) fails with "socket hang up",
   * a race of the client's, not a server that did not answer.
   */
  keepAlive?: boolean;
}

/** Thrown when no answer came: connection refused or reset, or the timeout passed. */
export class NoAnswerError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

export class Client {
  private readonly agent: http.Agent;
  private readonly timeoutMs: number;

  constructor(
    readonly baseUrl: string,
    private readonly options: ClientOptions = {},
  ) {
    this.agent = new http.Agent({ keepAlive: options.keepAlive ?? true, maxSockets: options.maxSockets ?? 64 });
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}, raw?: Buffer): Promise<Answer> {
    const payload = raw ?? (body === undefined ? undefined : Buffer.from(JSON.stringify(body), 'utf8'));
    // The path goes out as given (no URL normalisation of "..", no re-encoding).
    const base = new URL(this.baseUrl);
    const started = Date.now();
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: base.hostname,
          port: base.port,
          path,
          method,
          agent: this.agent,
          headers: {
            Accept: 'application/json',
            ...(payload ? { 'Content-Type': 'application/json', 'Content-Length': String(payload.length) } : {}),
            ...headers,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', (err: NodeJS.ErrnoException) => reject(new NoAnswerError(`${method} ${path}: ${err.message}`, err.code)));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: unknown;
            if (/json/.test(String(res.headers['content-type'] ?? ''))) {
              try {
                parsed = JSON.parse(text);
              } catch {
                parsed = undefined;
              }
            }
            resolve({ status: res.statusCode ?? 0, headers: res.headers, text, body: parsed, ms: Date.now() - started });
          });
        },
      );
      req.setTimeout(this.timeoutMs, () =>
        req.destroy(Object.assign(new Error(`no answer within ${this.timeoutMs} ms`), { code: 'ETIMEDOUT' })),
      );
      req.on('error', (err: NodeJS.ErrnoException) => reject(new NoAnswerError(`${method} ${path}: ${err.message}`, err.code)));
      if (payload) req.write(payload);
      req.end();
    });
  }

  get(path: string, headers: Record<string, string> = {}): Promise<Answer> {
    return this.request('GET', path, undefined, headers);
  }

  /** A write with the client's token (when it has one). */
  write(method: 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<Answer> {
    const auth: Record<string, string> = this.options.token ? { Authorization: `Bearer ${this.options.token}` } : {};
    return this.request(method, path, body, auth);
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Polls until `check` holds or `timeoutMs` passes; returns whether it held. */
export async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs: number, everyMs = 100): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return true;
    } catch {
      // not yet
    }
    if (Date.now() >= deadline) return false;
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export { rng } from '../../../bench/generate';
