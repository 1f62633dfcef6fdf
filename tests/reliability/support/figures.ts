/** Figures of a reliability run: printed always, written under tests/reliability/results/ when asked. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './server';

export const RESULTS_DIR = path.join(ROOT, 'tests', 'reliability', 'results');

/** Writes `<name>.json` in the results folder when RELIABILITY_RECORD=1 (the long commands set it). */
export function recordFigures(name: string, figures: Record<string, unknown>): void {
  const full = {
    name,
    at: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      memGB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      loadavg: os.loadavg().map((l) => Math.round(l * 100) / 100),
    },
    ...figures,
  };
  process.stdout.write(`[reliability] ${name}: ${JSON.stringify(figures)}\n`);
  if (process.env.RELIABILITY_RECORD === '1') {
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    fs.writeFileSync(path.join(RESULTS_DIR, `${name}.json`), `${JSON.stringify(full, null, 2)}\n`);
  }
}
