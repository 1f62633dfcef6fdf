/**
 * NetworkX's own readers, run in a Python subprocess over an exported file, so the tests check the
 * exports against a real client rather than a parser written to agree with them.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type NxFormat = 'graphml' | 'gexf' | 'cyjs';

export type NxValue = string | number | boolean | null | NxValue[] | { [k: string]: NxValue };
export type NxAttrs = Record<string, NxValue>;

/** What a NetworkX reader made of a file (see read_with_networkx.py). */
export interface NxGraph {
  version: string;
  directed: boolean;
  multigraph: boolean;
  graph: NxAttrs;
  nodes: Record<string, NxAttrs>;
  edges: Array<[string, string, string | number | null, NxAttrs]>;
}

export interface Networkx {
  python: string;
  version: string;
  /** Whether this NetworkX reads GEXF 1.3 (added in NetworkX 3.x; Debian's 2.8 reads only 1.1 and 1.2 drafts). */
  gexf13: boolean;
}

const SCRIPT = path.join(__dirname, 'read_with_networkx.py');
const PROBE =
  'import networkx, json; from networkx.readwrite.gexf import GEXF; print(json.dumps([networkx.__version__, "1.3" in GEXF.versions]))';

/**
 * The first Python 3 that imports NetworkX (NETWORKX_PYTHON when set, else the one on PATH, then
 * the system's), or why there is none.
 */
export function findNetworkx(): Networkx | string {
  const tried: string[] = [];
  const candidates = process.env.NETWORKX_PYTHON ? [process.env.NETWORKX_PYTHON] : ['python3', '/usr/bin/python3'];
  for (const python of candidates) {
    const r = spawnSync(python, ['-c', PROBE], { encoding: 'utf8', timeout: 30_000 });
    if (r.status === 0) {
      const [version, gexf13] = JSON.parse(r.stdout) as [string, boolean];
      return { python, version, gexf13 };
    }
    tried.push(`${python}: ${r.error ? r.error.message : (r.stderr.trim().split('\n').pop() ?? `exit ${r.status}`)}`);
  }
  return `no Python 3 with NetworkX (apt-get install python3-networkx) [${tried.join('; ')}]`;
}

/** Writes `text` to a temporary file and runs read_with_networkx.py over it. */
function runReader(nx: Networkx, format: NxFormat | 'csv', text: string): unknown {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-nx-'));
  try {
    const file = path.join(dir, `export.${format}`);
    fs.writeFileSync(file, text, 'utf8');
    try {
      return JSON.parse(
        execFileSync(nx.python, [SCRIPT, format, file], { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 }),
      );
    } catch (e) {
      const stderr = (e as { stderr?: string }).stderr ?? '';
      throw new Error(
        `Python (NetworkX ${nx.version}) could not read the ${format} export: ${stderr.trim().split('\n').slice(-3).join(' | ')}`,
        {
          cause: e,
        },
      );
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** What NetworkX's reader for `format` makes of `text`. */
export function readWithNetworkx(nx: Networkx, format: NxFormat, text: string): NxGraph {
  return runReader(nx, format, text) as NxGraph;
}

/** The rows of a CSV text as Python's csv.DictReader reads them, by column name. */
export function readCsvWithPython(nx: Networkx, text: string): Array<Record<string, string>> {
  return (runReader(nx, 'csv', text) as { rows: Array<Record<string, string>> }).rows;
}
