/** Where and when a run happened: the machine, Node, the commit, the load average. */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { ROOT } from './server-process';

export interface Machine {
  os: string;
  kernel: string;
  cpuModel: string;
  cpus: number;
  totalMemMB: number;
  node: string;
  neo4j: string | null;
  chromium: string | null;
}

export function machine(): Machine {
  const cpus = os.cpus();
  let osName = `${os.type()} ${os.release()}`;
  try {
    const rel = execFileSync('sh', ['-c', '. /etc/os-release && echo "$PRETTY_NAME"'], { encoding: 'utf8' }).trim();
    if (rel) osName = rel;
  } catch {
    /* keep os.type() */
  }
  return {
    os: osName,
    kernel: os.release(),
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cpus: cpus.length,
    totalMemMB: Math.round(os.totalmem() / 1024 / 1024),
    node: process.version,
    neo4j: null,
    chromium: null,
  };
}

export function git(): { commit: string | null; dirty: boolean | null } {
  try {
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const status = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return { commit, dirty: status.trim().length > 0 };
  } catch {
    return { commit: null, dirty: null };
  }
}

/** The 1, 5 and 15 minute load averages, two decimals. */
export function loadavg(): [number, number, number] {
  const [a, b, c] = os.loadavg().map((n) => Math.round(n * 100) / 100);
  return [a!, b!, c!];
}

/** Files of server/, graph-seed/ and client/ that differ from the commit (what the build ran beyond it). */
export function gitChanged(): string[] {
  try {
    return execFileSync('git', ['status', '--porcelain', '--', 'server', 'graph-seed', 'client'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .split('\n')
      .filter(Boolean);
  } catch {
    return [];
  }
}
