/**
 * The server under test as a separate process (node dist/server/main.js), so the load tool and
 * the server never share an event loop; its memory is read from /proc/<pid>/status.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { LoopDelay, ProbeReply, ProbeRequest } from './loop-probe';

export const ROOT = [path.resolve(__dirname, '..'), path.resolve(__dirname, '..', '..')].find((d) =>
  fs.existsSync(path.join(d, 'package.json')),
)!;
export const SERVER_MAIN = path.join(ROOT, 'dist', 'server', 'main.js');

let frozenMain: string | null = null;

/**
 * Copies the build (dist/, the seed file) to a private folder and runs the server from there for
 * the rest of the process: other people rebuilding dist/ during a long run cannot change the
 * server under test half-way. Answers the folder (removed by unfreezeBuild).
 */
export function freezeBuild(): string {
  if (!fs.existsSync(SERVER_MAIN)) throw new Error(`${SERVER_MAIN} is missing: run \`npm run build\` first`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-bench-build-'));
  const dist = path.join(ROOT, 'dist');
  fs.cpSync(dist, path.join(dir, 'dist'), {
    recursive: true,
    // The bench's own code stays out, but for the probe a server may preload.
    filter: (src) => {
      const rel = path.relative(dist, src);
      return !rel.startsWith(`bench${path.sep}`) || rel.startsWith(path.join('bench', 'loop-probe.js'));
    },
  });
  fs.mkdirSync(path.join(dir, 'graph-seed'));
  fs.copyFileSync(path.join(ROOT, 'graph-seed', 'seed.json'), path.join(dir, 'graph-seed', 'seed.json'));
  fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(dir, 'package.json'));
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  frozenMain = path.join(dir, 'dist', 'server', 'main.js');
  return dir;
}

export function unfreezeBuild(dir: string): void {
  if (frozenMain?.startsWith(dir)) frozenMain = null;
  fs.rmSync(dir, { recursive: true, force: true });
}

/** The server entry point in use: the frozen copy when there is one. */
export function serverMain(): string {
  return frozenMain ?? SERVER_MAIN;
}

export interface Memory {
  /** Resident set now, MB. */
  rssMB: number;
  /** Peak resident set since the process started, MB. */
  hwmMB: number;
}

export function memoryOf(pid: number): Memory | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    const rss = kb('VmRSS');
    if (!Number.isFinite(rss)) return null;
    return { rssMB: Math.round((rss / 1024) * 10) / 10, hwmMB: Math.round((kb('VmHWM') / 1024) * 10) / 10 };
  } catch {
    return null;
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export interface ServerOptions {
  dataDir: string;
  neo4jUri?: string;
  /** pino level; `info` to read the store's own open time from the log. */
  logLevel?: string;
  port?: number;
  token?: string;
  /** Extra node options, e.g. ['--cpu-prof', '--cpu-prof-dir=/tmp/prof']. */
  nodeArgs?: string[];
  /** Preload bench/loop-probe.js, so loopDelay() can read the server's own event-loop delay. */
  loopProbe?: boolean;
}

/** The probe a server preloads, beside the server's own build (dist/bench/loop-probe.js). */
export function loopProbeFile(main = serverMain()): string {
  return path.join(path.dirname(path.dirname(main)), 'bench', 'loop-probe.js');
}

/** Servers started and not yet stopped, so an interrupted run can stop them. */
const live = new Set<ServerProcess>();

/** Kills every server this process started and has not stopped (on SIGINT/SIGTERM). */
export function killAllServers(): void {
  for (const s of live) s.child.kill('SIGKILL');
  live.clear();
}

export class ServerProcess {
  /** ms from spawn to the first 200 of /api/health. */
  readyMs = 0;
  /** Log lines (JSON) the server wrote. */
  readonly log: string[] = [];
  private exited: Promise<number | null>;
  private probeSeq = 0;
  private readonly probeWaiters = new Map<number, (reply: ProbeReply) => void>();

  private constructor(
    readonly child: ChildProcess,
    readonly url: string,
    readonly token: string,
    readonly options: ServerOptions,
  ) {
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    const keep = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim() && this.log.length < 2000) this.log.push(line);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.on('message', (m: ProbeReply) => {
      if (m?.loopProbe !== 'reply') return;
      this.probeWaiters.get(m.id)?.(m);
      this.probeWaiters.delete(m.id);
    });
  }

  get pid(): number {
    return this.child.pid!;
  }

  static async start(options: ServerOptions, timeoutMs = 600_000): Promise<ServerProcess> {
    const main = serverMain();
    if (!fs.existsSync(main)) throw new Error(`${main} is missing: run \`npm run build\` first`);
    const port = options.port ?? (await freePort());
    const token = options.token ?? crypto.randomBytes(16).toString('hex');
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: options.dataDir,
      API_TOKEN: token,
      WRITE_RATE_LIMIT: '1000000',
      LOG_LEVEL: options.logLevel ?? 'warn',
      // The bench measures beside the seed (its baselines do), not the whole dataset.
      SEED: 'graph-seed/seed.json',
    };
    if (options.neo4jUri) {
      env.NEO4J_URI = options.neo4jUri;
      env.NEO4J_USER = process.env.NEO4J_USER || 'neo4j';
      env.NEO4J_PASSWORD = process.env.NEO4J_PASSWORD || 'password';
      env.NEO4J_DATABASE = process.env.NEO4J_DATABASE || 'neo4j';
    }
    const probe = options.loopProbe ? loopProbeFile(main) : null;
    if (probe && !fs.existsSync(probe)) throw new Error(`${probe} is missing: run \`npm run build\` first`);
    const t0 = performance.now();
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...(probe ? ['--require', probe] : []), main], {
      env,
      cwd: path.dirname(path.dirname(path.dirname(main))),
      stdio: probe ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
    });
    const server = new ServerProcess(child, `http://127.0.0.1:${port}`, token, options);
    live.add(server);
    child.once('exit', () => live.delete(server));
    let exitCode: number | null | undefined;
    void server.exited.then((c) => (exitCode = c));
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (exitCode !== undefined) throw new Error(`the server exited (${exitCode}) before answering:\n${server.log.slice(-20).join('\n')}`);
      try {
        const res = await fetch(`${server.url}/api/health`);
        if (res.ok) {
          await res.arrayBuffer();
          break;
        }
      } catch {
        /* not listening yet */
      }
      if (Date.now() > deadline) {
        await server.kill('SIGKILL');
        throw new Error(`the server did not answer /api/health within ${timeoutMs} ms`);
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    server.readyMs = Math.round(performance.now() - t0);
    return server;
  }

  memory(): Memory | null {
    return memoryOf(this.pid);
  }

  private probe(loopProbe: ProbeRequest['loopProbe'], timeoutMs: number): Promise<ProbeReply | null> {
    if (!this.options.loopProbe || !this.child.connected) return Promise.resolve(null);
    const id = ++this.probeSeq;
    return new Promise((resolve) => {
      // The answer waits for the server's event loop: a loop held longer than this reads as null.
      const timer = setTimeout(() => {
        this.probeWaiters.delete(id);
        resolve(null);
      }, timeoutMs);
      this.probeWaiters.set(id, (reply) => {
        clearTimeout(timer);
        resolve(reply);
      });
      this.child.send({ loopProbe, id } satisfies ProbeRequest);
    });
  }

  /** Starts a new event-loop delay measurement in the server (with `loopProbe`). */
  async loopReset(timeoutMs = 120_000): Promise<void> {
    await this.probe('reset', timeoutMs);
  }

  /** The server's event-loop delay since the last loopReset; null without `loopProbe`. */
  async loopDelay(timeoutMs = 120_000): Promise<LoopDelay | null> {
    return (await this.probe('read', timeoutMs))?.delay ?? null;
  }

  /** ms the store took to open, from the server's own log line (LOG_LEVEL=info). */
  storeOpenMs(): number | null {
    for (const line of this.log) {
      try {
        const rec = JSON.parse(line) as { msg?: string; ms?: number };
        if (rec.msg === 'embedded store opened' && typeof rec.ms === 'number') return rec.ms;
      } catch {
        /* not JSON */
      }
    }
    return null;
  }

  /** Sends a signal and waits for the exit; answers the ms it took. */
  async kill(signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 300_000): Promise<number> {
    const t0 = performance.now();
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    await this.exited;
    clearTimeout(timer);
    return Math.round(performance.now() - t0);
  }
}

/** Sizes of the files in a folder, MB (one decimal). */
export function folderFiles(dir: string): Record<string, number> {
  const out: Record<string, number> = {};
  try {
    for (const f of fs.readdirSync(dir)) out[f] = Math.round(fs.statSync(path.join(dir, f)).size / 1024 / 102.4) / 10;
  } catch {
    /* gone */
  }
  return out;
}
