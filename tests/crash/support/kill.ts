/**
 * The SIGKILL harness of the crash suites: a child (writer-child.js, run from the build) writes
 * bursts of concurrent imports into a data folder and is killed at a chosen moment; what it had
 * acknowledged by then is what the reopened folder must still hold.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const WRITER = path.join(__dirname, '..', 'writer-child.js');
const BUILT = path.join(__dirname, '../../../dist/server/store/embedded/index.js');

/** Why the suites cannot run (the writer loads the store from dist/), or null when they can. */
export const missingBuild = fs.existsSync(BUILT) ? null : 'dist/ is not built (`npm run build` first; `npm test` does it)';

/**
 * Runs the writer on `dataDir` and kills it `killAfterMs` after it is ready (its first import
 * done, so the folder is never empty); resolves with the ids it acknowledged before the kill.
 * Rejects if the writer ends any other way, since then nothing was tested.
 */
export function runAndKill(dataDir: string, round: number, killAfterMs: number): Promise<Set<string>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WRITER, dataDir, String(round)], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acked = new Set<string>();
    let buffer = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (line === 'ready' && !timer) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
        else if (line.startsWith('ack ')) acked.add(line.slice(4));
      }
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve(acked);
      else reject(new Error(`writer exited without being killed: ${stderr}`));
    });
  });
}
