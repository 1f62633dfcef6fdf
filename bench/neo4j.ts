/**
 * Neo4j for the benchmark: the foundation's harness (tests/neo4j/start.sh, a real Neo4j 5.26 in
 * its own run dir), or NEO4J_URI when given; wiped between runs with neo4j-driver.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { memoryOf, ROOT, type Memory } from './server-process';

export interface Neo4jHandle {
  uri: string;
  /** Started by us (stopped by stop()), or given through NEO4J_URI. */
  owned: boolean;
  runDir?: string;
  pid?: number;
  startMs?: number;
  javaOpts?: string;
  pagecacheMiB?: number;
}

export function javaAvailable(): boolean {
  const java = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  return spawnSync(java, ['-version'], { stdio: 'ignore' }).status === 0;
}

export interface HarnessOptions {
  heap?: string;
  pagecacheMiB?: number;
}

export function startHarness(o: HarnessOptions = {}): Neo4jHandle {
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-bench-neo4j-'));
  const heap = o.heap ?? '2g';
  const pagecache = o.pagecacheMiB ?? 1024;
  const javaOpts =
    `-Xms${heap} -Xmx${heap} -XX:+UseG1GC -XX:-OmitStackTraceInFastThrow -Dio.netty.tryReflectionSetAccessible=true ` +
    '-Dlog4j2.disable.jmx=true -Djdk.nio.maxCachedBufferSize=1024 --add-opens=java.base/java.nio=ALL-UNNAMED ' +
    '--add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED';
  const t0 = Date.now();
  const uri = execFileSync('bash', [path.join(ROOT, 'tests', 'neo4j', 'start.sh'), '--pagecache', String(pagecache)], {
    env: { ...process.env, NEO4J_RUN_DIR: runDir, NEO4J_WATCH_PID: String(process.pid), NEO4J_JAVA_OPTS: javaOpts },
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  }).trim();
  const pid = Number(fs.readFileSync(path.join(runDir, 'pid'), 'utf8').trim());
  return { uri, owned: true, runDir, pid, startMs: Date.now() - t0, javaOpts, pagecacheMiB: pagecache };
}

export function stopHarness(h: Neo4jHandle): void {
  if (!h.owned || !h.runDir) return;
  spawnSync('bash', [path.join(ROOT, 'tests', 'neo4j', 'stop.sh')], { env: { ...process.env, NEO4J_RUN_DIR: h.runDir }, stdio: 'inherit' });
  fs.rmSync(h.runDir, { recursive: true, force: true });
}

function driverFor(uri: string) {
  return neo4j.driver(uri, neo4j.auth.basic(process.env.NEO4J_USER || 'neo4j', process.env.NEO4J_PASSWORD || 'password'));
}

/** Deletes every node (constraints and indexes stay), in batches so a big graph fits the heap. */
export async function wipe(uri: string): Promise<number> {
  const driver = driverFor(uri);
  const t0 = Date.now();
  try {
    const session = driver.session({ database: process.env.NEO4J_DATABASE || 'neo4j' });
    try {
      await session.run('MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
    } finally {
      await session.close();
    }
  } finally {
    await driver.close();
  }
  return Date.now() - t0;
}

export async function neo4jVersion(uri: string): Promise<string> {
  const driver = driverFor(uri);
  try {
    const session = driver.session({ database: 'system' });
    try {
      const r = await session.run('CALL dbms.components() YIELD name, versions, edition RETURN name, versions[0] AS version, edition');
      const row = r.records[0];
      return row ? `${row.get('name')} ${row.get('version')} ${row.get('edition')}` : 'unknown';
    } finally {
      await session.close();
    }
  } finally {
    await driver.close();
  }
}

export function neo4jMemory(h: Neo4jHandle): Memory | null {
  return h.pid ? memoryOf(h.pid) : null;
}
