/**
 * A CI run without Neo4j or without Chromium fails, naming what is missing, instead of passing
 * with a third of the suite skipped (tests/support/needs.ts). Jest runs one Neo4j suite and one
 * browser suite in child processes with the tool hidden: NEO4J_URI unset; CHROMIUM_PATH pointing
 * nowhere, with a PATH holding only node. Outside CI the same Neo4j suite skips and passes.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

jest.setTimeout(60_000);

const ROOT = path.resolve(__dirname, '..', '..');
const JEST = path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js');

interface Run {
  code: number | null;
  output: string;
}

/** Jest on one file, in a child process with `env` (nothing of this run's own environment). */
function jestOn(file: string, env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [JEST, '--runTestsByPath', file, '--ci'], {
      cwd: ROOT,
      env: { HOME: os.homedir(), FORCE_COLOR: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

let bin: string;
let client: string;

beforeAll(() => {
  // A PATH with node and nothing else: no chromium, chromium-browser, java or mvn to be found.
  bin = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-ci-bin-'));
  fs.symlinkSync(process.execPath, path.join(bin, 'node'));
  // A stand-in for the built client, so the browser suite gets past its build check to Chromium's.
  client = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-ci-client-'));
  fs.writeFileSync(path.join(client, 'index.html'), '<!doctype html>');
});
afterAll(() => {
  for (const dir of [bin, client]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test('in CI, Neo4j missing fails the Neo4j suite with a message naming NEO4J_URI; outside CI it is skipped', async () => {
  const file = 'tests/neo4j/v1-database.test.ts';
  const [inCI, outside] = await Promise.all([jestOn(file, { PATH: bin, CI: 'true' }), jestOn(file, { PATH: bin })]);

  expect(inCI.code).not.toBe(0);
  expect(inCI.output).toContain('CI refuses to skip this for want of neo4j: NEO4J_URI is not set');
  expect(inCI.output).toMatch(/Tests:\s+1 failed, 1 total/);

  expect(outside.code).toBe(0);
  expect(outside.output).toMatch(/skipped: NEO4J_URI is not set/);
  expect(outside.output).not.toMatch(/\d+ failed/);
});

test('in CI, Chromium missing fails the browser suite with a message naming CHROMIUM_PATH', async () => {
  const run = await jestOn('tests/e2e/pictures.test.ts', {
    PATH: bin,
    CI: 'true',
    CHROMIUM_PATH: '/nonexistent/chromium',
    E2E_CLIENT_DIR: client,
  });
  expect(run.code).not.toBe(0);
  expect(run.output).toContain('CI refuses to skip this for want of chromium: no Chromium at CHROMIUM_PATH=/nonexistent/chromium');
  expect(run.output).toMatch(/Tests:\s+1 failed, 1 total/);
});
