/**
 * Crash safety of the embedded store: a child process writes bursts of concurrent imports and is
 * SIGKILLed at random moments; after each kill the folder must reopen with every acknowledged
 * write present and no dangling reference. Runs on the build (dist/), which `npm test` makes first.
 */
import fs from 'node:fs';
import { EmbeddedStore } from '../../server/store/embedded';
import { silentLogger } from '../../server/logger';
import { rng } from '../../bench/generate';
import { tempDir } from '../support/stores';
import { describeWith } from '../support/needs';
import { missingBuild, runAndKill } from './support/kill';

const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 20);

describeWith('build', missingBuild, 'embedded store under SIGKILL', () => {
  test(`${ROUNDS} rounds of kill -9 during concurrent writes lose no acknowledged write`, async () => {
    const dir = tempDir('dg-crash-');
    const rand = rng(7);
    const everAcked = new Set<string>();
    let totalAcked = 0;
    try {
      for (let round = 0; round < ROUNDS; round++) {
        const acked = await runAndKill(dir, round, 20 + Math.floor(rand() * 300));
        acked.forEach((id) => everAcked.add(id));
        totalAcked += acked.size;
        const store = await EmbeddedStore.open({ dataDir: dir, logger: silentLogger() });
        try {
          for (const id of everAcked) expect((await store.getAction(id))?.id).toBe(id);
          const all = await store.exportDocument({});
          const actorIds = new Set(all.actors!.map((a) => a.id));
          const sourceIds = new Set(all.sources!.map((s) => s.id));
          for (const a of all.actions!) {
            expect(actorIds.has(a.from) && actorIds.has(a.to)).toBe(true);
            for (const c of a.citations) expect(sourceIds.has(c.source)).toBe(true);
          }
          const counts = await store.counts();
          expect(counts.actions).toBe(all.actions!.length);
          expect(counts.actions).toBeGreaterThanOrEqual(everAcked.size);
        } finally {
          // Leave the folder as the crash left it for the next round half the time.
          if (round % 2 === 0) await store.close();
        }
      }
      expect(totalAcked).toBeGreaterThan(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
