/**
 * The durability promise against a power cut, not just a process kill: a kill keeps whatever the
 * OS holds in its page cache, so only a model of what reaches the platter (UnsyncedDisk: a file as
 * of its last fsync, a new file only once its folder is fsynced) can tell whether a write was
 * acknowledged before it was durable. At every acknowledgement the data folder is "cut" into a
 * copy, and a store opened on each copy must hold every write acknowledged by then.
 */
import fs from 'node:fs';
import path from 'node:path';
import { silentLogger } from '../../server/logger';
import { EmbeddedStore } from '../../server/store/embedded';
import { action, actor, doc } from '../contract/fixtures';
import { tempDir } from '../support/stores';
import { UnsyncedDisk } from './support/unsynced-disk';

const dirs: string[] = [];
function freshDir(): string {
  const d = tempDir('dg-power-cut-');
  dirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

interface Cut {
  image: string;
  acked: string[];
}

/** Opens a store on `dataDir` through `disk` and records a power-cut image at each acknowledged write. */
async function watched(dataDir: string, disk: UnsyncedDisk) {
  const store = await EmbeddedStore.open({ dataDir, logger: silentLogger(), journalFiles: disk });
  const acked: string[] = [];
  const cuts: Cut[] = [];
  const create = (id: string) =>
    store.createActor(actor(id)).then(() => {
      acked.push(id);
      const image = freshDir();
      disk.powerCut(dataDir, image);
      cuts.push({ image, acked: [...acked] });
    });
  return { store, acked, cuts, create };
}

async function expectSurvives(cuts: Cut[]): Promise<void> {
  expect(cuts.length).toBeGreaterThan(0);
  for (const cut of cuts) {
    const reopened = await EmbeddedStore.open({ dataDir: cut.image, logger: silentLogger() });
    const missing: string[] = [];
    for (const id of cut.acked) if ((await reopened.getActor(id)) === null) missing.push(id);
    await reopened.close();
    expect({ acknowledged: cut.acked, lostOnPowerCut: missing }).toEqual({ acknowledged: cut.acked, lostOnPowerCut: [] });
  }
}

describe('embedded store: acknowledged writes survive a power cut', () => {
  test('in a new data folder, every write acknowledged (one at a time or several in flight) is on the platter', async () => {
    const dataDir = path.join(freshDir(), 'data'); // made by the store, so the journal is a new file in a new folder
    const disk = new UnsyncedDisk();
    const { store, cuts, create } = await watched(dataDir, disk);
    await create('first');
    await create('second');
    await Promise.all(['c1', 'c2', 'c3', 'c4'].map(create));
    await expectSurvives(cuts);
    // The folder entry of the new journal was made durable before the first acknowledgement.
    const firstWrite = disk.log.indexOf('write graph.journal');
    expect(disk.log.slice(0, firstWrite)).toEqual(expect.arrayContaining(['open graph.journal', 'fsync graph.journal', 'fsync data']));
    await store.close();
  });

  test('after a restart on an existing folder, old and new acknowledged writes both survive', async () => {
    const dataDir = freshDir();
    const before = await EmbeddedStore.open({ dataDir, logger: silentLogger() });
    await before.importDocument(doc({ actors: ['old1', 'old2'], actions: [action('a', 'BANNED', 'old1', 'old2', '2021-01-08')] }));
    // Left unclosed, as a crash would, so the old writes are in the journal rather than a snapshot.
    const { store, cuts, create } = await watched(dataDir, new UnsyncedDisk());
    await create('new1');
    await Promise.all(['new2', 'new3'].map(create));
    for (const cut of cuts) cut.acked.unshift('old1', 'old2');
    await expectSurvives(cuts);
    await store.close();
    await before.close().catch(() => undefined);
  });
});
