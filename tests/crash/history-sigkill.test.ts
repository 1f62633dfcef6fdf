/**
 * History under SIGKILL: a child writes bursts of concurrent imports and is killed at random
 * moments; after each kill the reopened folder's history must agree with its journal and snapshot:
 * one change per number from 1 to the change number, every acknowledged write in it, and rolling
 * every change back from today's graph must leave nothing (so each before is what was there).
 */
import fs from 'node:fs';
import { INTERCHANGE_FORMAT } from '../../contract';
import { EmbeddedStore } from '../../server/store/embedded';
import { silentLogger } from '../../server/logger';
import { rng } from '../../bench/generate';
import { tempDir } from '../support/stores';
import { describeWith } from '../support/needs';
import { missingBuild, runAndKill } from './support/kill';

const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 8);

describeWith('build', missingBuild, 'embedded history under SIGKILL', () => {
  test(`${ROUNDS} rounds of kill -9: the history and the journal agree`, async () => {
    const dir = tempDir('dg-crash-history-');
    const rand = rng(11);
    const everAcked = new Set<string>();
    try {
      for (let round = 0; round < ROUNDS; round++) {
        (await runAndKill(dir, round, 20 + Math.floor(rand() * 300))).forEach((id) => everAcked.add(id));
        const store = await EmbeddedStore.open({ dataDir: dir, logger: silentLogger() });
        try {
          const change = await store.changeNumber();
          const entries = await store.history({ limit: Number.MAX_SAFE_INTEGER });
          expect(entries.map((e) => e.change)).toEqual(Array.from({ length: change }, (_, i) => change - i));
          const created = new Set(
            entries.flatMap((e) => e.records.filter((r) => r.kind === 'action' && r.op === 'created').map((r) => r.id)),
          );
          for (const id of everAcked) expect(created.has(id)).toBe(true);
          expect(await store.exportAsOf(0)).toEqual({ format: INTERCHANGE_FORMAT, actors: [], sources: [], episodes: [], actions: [] });
        } finally {
          if (round % 2 === 0) await store.close();
        }
      }
      expect(everAcked.size).toBeGreaterThan(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});
