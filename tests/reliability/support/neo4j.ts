/**
 * A Neo4j of the suite's own (tests/neo4j/start.sh, neo4j-harness) that can be stopped, killed and
 * started again on the same port and data folder, so a server pointed at it sees the same
 * database come back. Its run folder is private, so it never touches anyone else's instance.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { freePort, ROOT } from './server';
import { onPath } from '../../support/needs';

const NEO4J_DIR = path.join(ROOT, 'tests', 'neo4j');

/** Whether start.sh can run here: Java, and either a built launcher or Maven to build it. */
export function ownNeo4jAvailable(): boolean {
  const java = (process.env.JAVA_HOME && fs.existsSync(path.join(process.env.JAVA_HOME, 'bin', 'java'))) || onPath('java');
  const built = fs.existsSync(path.join(NEO4J_DIR, 'target', 'cp.txt'));
  return Boolean(java) && (built || onPath('mvn') !== null);
}

function run(script: string, args: string[], env: Record<string, string>, timeoutMs: number): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      'bash',
      [path.join(NEO4J_DIR, script), ...args],
      { env: { ...process.env, ...env }, timeout: timeoutMs },
      (err, stdout, stderr) => {
        if (err) reject(new Error(`${script} failed: ${err.message}\n${stderr}`));
        else resolve({ stdout, stderr });
      },
    );
  });
}

export class OwnNeo4j {
  readonly runDir: string;
  readonly dataDir: string;
  uri = '';

  private constructor(
    readonly base: string,
    readonly port: number,
  ) {
    this.runDir = path.join(base, 'run');
    this.dataDir = path.join(base, 'data');
  }

  static async create(): Promise<OwnNeo4j> {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-rel-neo4j-'));
    return new OwnNeo4j(base, await freePort());
  }

  private get env(): Record<string, string> {
    return { NEO4J_RUN_DIR: this.runDir, NEO4J_WATCH_PID: String(process.pid) };
  }

  /** Starts it (or starts it again on the same port and data); resolves once Bolt answers. */
  async start(): Promise<string> {
    const { stdout } = await run('start.sh', ['--port', String(this.port), '--data-dir', this.dataDir], this.env, 300_000);
    this.uri = stdout.trim().split('\n').pop()!;
    return this.uri;
  }

  /** A clean stop (SIGTERM, as an operator or an orchestrator would). */
  async stop(): Promise<void> {
    await run('stop.sh', [], this.env, 60_000);
  }

  /** A hard crash: SIGKILL the JVM; the data folder is left as the crash left it. */
  async kill(): Promise<void> {
    const pidFile = path.join(this.runDir, 'pid');
    const pid = Number(fs.readFileSync(pidFile, 'utf8').trim());
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    if (!cmdline.includes('harness.Launcher')) throw new Error(`pid ${pid} is not our Neo4j launcher`);
    process.kill(pid, 'SIGKILL');
    while (fs.existsSync(`/proc/${pid}`) && !/^State:\s+Z/m.test(safeRead(`/proc/${pid}/status`)))
      await new Promise((r) => setTimeout(r, 50));
    // The killed JVM could not delete its temp home (the data folder is elsewhere and stays).
    const log = safeRead(path.join(this.runDir, 'neo4j.log'));
    const work = /^\[neo4j-launcher\] working directory (.+)$/m.exec(log)?.[1];
    if (work && path.basename(work).startsWith('neo4j-test-')) fs.rmSync(work, { recursive: true, force: true });
    fs.rmSync(pidFile, { force: true });
  }

  async destroy(): Promise<void> {
    await this.stop().catch(() => undefined);
    fs.rmSync(this.base, { recursive: true, force: true });
  }
}

function safeRead(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** One attempt, no retries: does a fresh driver get an answer to RETURN 1 now? */
export async function boltAnswers(uri: string): Promise<boolean> {
  const driver = neo4j.driver(uri, neo4j.auth.basic(process.env.NEO4J_USER || 'neo4j', process.env.NEO4J_PASSWORD || 'password'), {
    connectionTimeout: 1000,
    maxTransactionRetryTime: 0,
    connectionAcquisitionTimeout: 1500,
  });
  try {
    const session = driver.session({ database: 'neo4j' });
    try {
      await session.run('RETURN 1');
      return true;
    } finally {
      await session.close().catch(() => undefined);
    }
  } catch {
    return false;
  } finally {
    await driver.close().catch(() => undefined);
  }
}
