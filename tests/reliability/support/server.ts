/**
 * The built server (`node dist/server/main.js`) as a separate process for the reliability suites:
 * started on a port of its own with its own environment, killed with any signal, its output kept,
 * its memory read from /proc. Imports nothing from server/, so the load script compiles alone.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { freePort, memoryOf, type Memory } from '../../../bench/server-process';

export const ROOT = [path.resolve(__dirname, '..', '..', '..'), path.resolve(__dirname, '..', '..', '..', '..')].find((d) =>
  fs.existsSync(path.join(d, 'package.json')),
)!;
export { freePort, memoryOf, type Memory };

export const SERVER_MAIN = path.join(ROOT, 'dist', 'server', 'main.js');

/** The write token the suites give the servers they start; tests check it never leaks. */
export const RELIABILITY_TOKEN = 'rel-token-5e0c1f7a-d2b4-never-log-me';

export function builtServerAvailable(): boolean {
  return fs.existsSync(SERVER_MAIN);
}

export interface ServerOptions {
  /** DATA_DIR of the embedded store (ignored by the server when neo4jUri is given). */
  dataDir?: string;
  neo4jUri?: string;
  /** A free port unless given. */
  port?: number;
  /** API_TOKEN; RELIABILITY_TOKEN unless given, unset (writes disabled) when null. */
  token?: string | null;
  /** WRITE_RATE_LIMIT; 1,000,000 unless given. */
  writeRateLimit?: number;
  logLevel?: string;
  env?: Record<string, string>;
  /** Run as this user and group (the suite runs as root, which ignores file modes). */
  uid?: number;
  gid?: number;
  /** A command the node process is run under, e.g. ['sh', '-c', 'ulimit -f 64; exec "$0" "$@"']. */
  wrapper?: string[];
  /** How long to wait for the "listening" line. */
  readyTimeoutMs?: number;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** One line of the server's pino output, parsed (or the raw text when it is not JSON). */
export interface LogLine {
  level?: number;
  msg?: string;
  raw: string;
  [key: string]: unknown;
}

/** Every server started and not yet exited, so a failed test cannot leave one running. */
const live = new Set<ServerProcess>();

/** SIGKILLs every server this process started that still runs, and waits for them to exit. */
export async function killAllServers(): Promise<void> {
  const running = [...live];
  for (const s of running) s.kill('SIGKILL');
  await Promise.all(running.map((s) => s.exited));
}

export class ServerProcess {
  readonly stdout: string[] = [];
  readonly stderr: string[] = [];
  readonly exited: Promise<Exit>;
  private exit: Exit | null = null;
  private listening = false;
  private readonly waiters: Array<() => void> = [];

  constructor(
    readonly child: ChildProcess,
    readonly port: number,
  ) {
    let outBuf = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      outBuf += chunk.toString('utf8');
      let nl: number;
      while ((nl = outBuf.indexOf('\n')) >= 0) {
        const line = outBuf.slice(0, nl);
        outBuf = outBuf.slice(nl + 1);
        this.stdout.push(line);
        if (!this.listening && line.includes('"msg":"listening"')) {
          this.listening = true;
          this.waiters.splice(0).forEach((w) => w());
        }
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString('utf8')));
    live.add(this);
    this.exited = new Promise((resolve) => {
      child.on('exit', (code, signal) => {
        live.delete(this);
        this.exit = { code, signal };
        this.waiters.splice(0).forEach((w) => w());
        resolve(this.exit);
      });
    });
  }

  get pid(): number {
    return this.child.pid!;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.exit === null;
  }

  /** Everything the process wrote, stdout then stderr. */
  output(): string {
    return `${this.stdout.join('\n')}\n${this.stderr.join('')}`;
  }

  logs(): LogLine[] {
    return this.stdout.map((raw) => {
      try {
        return { ...(JSON.parse(raw) as object), raw };
      } catch {
        return { raw };
      }
    });
  }

  /** Resolves once the server logs "listening"; rejects if it exits first or takes too long. */
  async ready(timeoutMs = 60_000): Promise<void> {
    if (this.listening) return;
    if (this.exit) throw new Error(`the server exited (${JSON.stringify(this.exit)}) before listening:\n${this.output().slice(-3000)}`);
    // The "listening" log line, or (below LOG_LEVEL info) the first HTTP answer of any status.
    let poll: NodeJS.Timeout | undefined;
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`the server did not listen within ${timeoutMs} ms:\n${this.output().slice(-3000)}`)),
          timeoutMs,
        );
        const done = () => {
          clearTimeout(timer);
          if (this.listening) resolve();
          else reject(new Error(`the server exited (${JSON.stringify(this.exit)}) before listening:\n${this.output().slice(-3000)}`));
        };
        this.waiters.push(done);
        poll = setInterval(() => {
          const req = http.get({ host: '127.0.0.1', port: this.port, path: '/api/health', agent: false, timeout: 2000 }, (res) => {
            res.resume();
            if (!this.listening && this.exit === null) {
              this.listening = true;
              this.waiters.splice(0).forEach((w) => w());
            }
          });
          req.on('error', () => undefined);
          req.on('timeout', () => req.destroy());
        }, 150);
      });
    } finally {
      clearInterval(poll);
    }
  }

  memory(): Memory | null {
    return this.running ? memoryOf(this.pid) : null;
  }

  kill(signal: NodeJS.Signals = 'SIGKILL'): void {
    if (this.running) this.child.kill(signal);
  }

  /** SIGTERM, then SIGKILL if it has not stopped within `graceMs`. */
  async stop(graceMs = 20_000): Promise<Exit> {
    if (!this.running) return this.exited;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.kill('SIGKILL'), graceMs);
    const exit = await this.exited;
    clearTimeout(timer);
    return exit;
  }
}

/** Spawns the built server; does not wait for it (see ServerProcess.ready). */
export async function spawnServer(options: ServerOptions): Promise<ServerProcess> {
  const port = options.port ?? (await freePort());
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: options.logLevel ?? 'info',
    WRITE_RATE_LIMIT: String(options.writeRateLimit ?? 1_000_000),
    ...(options.dataDir ? { DATA_DIR: options.dataDir } : {}),
    ...(options.neo4jUri
      ? {
          NEO4J_URI: options.neo4jUri,
          NEO4J_USER: process.env.NEO4J_USER || 'neo4j',
          NEO4J_PASSWORD: process.env.NEO4J_PASSWORD || 'password',
          NEO4J_DATABASE: process.env.NEO4J_DATABASE || 'neo4j',
        }
      : {}),
    ...(options.token === null ? {} : { API_TOKEN: options.token ?? RELIABILITY_TOKEN }),
    ...options.env,
  };
  const argv = [process.execPath, SERVER_MAIN];
  const [cmd, ...args] = options.wrapper ? [...options.wrapper, ...argv] : argv;
  const child = spawn(cmd!, args, {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(options.uid !== undefined ? { uid: options.uid } : {}),
    ...(options.gid !== undefined ? { gid: options.gid } : {}),
  });
  return new ServerProcess(child, port);
}

/** Spawns the built server and waits until it listens. */
export async function startServer(options: ServerOptions): Promise<ServerProcess> {
  const server = await spawnServer(options);
  try {
    await server.ready(options.readyTimeoutMs);
  } catch (err) {
    server.kill('SIGKILL');
    await server.exited;
    throw err;
  }
  return server;
}

/** Spawns the server and waits for it to exit by itself (for starts that must fail). */
export async function runUntilExit(options: ServerOptions, timeoutMs = 30_000): Promise<{ exit: Exit; server: ServerProcess }> {
  const server = await spawnServer(options);
  const timer = setTimeout(() => server.kill('SIGKILL'), timeoutMs);
  const exit = await server.exited;
  clearTimeout(timer);
  return { exit, server };
}
