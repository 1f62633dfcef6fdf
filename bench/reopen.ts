/**
 * Embedded store start-up at scale: import N actions, then time a reopen from the journal alone
 * and from a compacted snapshot, with resident memory. `npm run bench:reopen -- 100000`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EmbeddedStore } from '../server/store/embedded';
import { silentLogger } from '../server/logger';
import { generateGraph } from './generate';

const mb = (n: number) => Math.round(n / 1024 / 1024);

async function main(): Promise<void> {
  const nActions = Number(process.argv[2] ?? 100_000);
  const nActors = Math.max(10, Math.floor(nActions / 6));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-reopen-'));
  const logger = silentLogger();
  const doc = generateGraph({ actors: nActors, actions: nActions });
  try {
    let t = Date.now();
    const store = await EmbeddedStore.open({ dataDir: dir, logger });
    const batch = 20_000;
    for (let i = 0; i < nActions; i += batch) {
      await store.importDocument({
        format: doc.format,
        actors: i === 0 ? doc.actors : [],
        sources: i === 0 ? doc.sources : [],
        actions: doc.actions!.slice(i, i + batch),
      });
    }
    const importMs = Date.now() - t;
    // Leave the journal as a crash would: no close, so no compaction.
    t = Date.now();
    const fromJournal = await EmbeddedStore.open({ dataDir: dir, logger });
    const journalMs = Date.now() - t;
    await fromJournal.close(); // compacts into a snapshot
    t = Date.now();
    const fromSnapshot = await EmbeddedStore.open({ dataDir: dir, logger });
    const snapshotMs = Date.now() - t;
    const counts = await fromSnapshot.counts();
    await fromSnapshot.close();
    const result = {
      actors: counts.actors,
      actions: counts.actions,
      importMs,
      reopenFromJournalMs: journalMs,
      reopenFromSnapshotMs: snapshotMs,
      rssMB: mb(process.memoryUsage().rss),
      snapshotMB: mb(fs.statSync(path.join(dir, 'graph.snapshot.json')).size),
    };
    console.log(JSON.stringify(result, null, 2));
    void store;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
