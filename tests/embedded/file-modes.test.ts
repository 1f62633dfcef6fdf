/** The data folder is the owner's alone: created 0700, its journal and snapshot 0600 (whatever the umask allows beyond). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EmbeddedStore } from '../../server/store/embedded';
import { silentLogger } from '../../server/logger';

const mode = (p: string) => fs.statSync(p).mode & 0o777;

(process.platform === 'win32' ? test.skip : test)('folder 0700, journal and snapshot 0600', async () => {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-modes-'));
  const dataDir = path.join(parent, 'data');
  try {
    const store = await EmbeddedStore.open({ dataDir, logger: silentLogger(), compactBytes: 1 });
    await store.createActor({ id: 'a', name: 'A', kind: 'person' });
    await store.createActor({ id: 'b', name: 'B', kind: 'person' });
    await store.close();
    expect(mode(dataDir)).toBe(0o700);
    const files = fs.readdirSync(dataDir);
    expect(files).toEqual(expect.arrayContaining(['graph.journal', 'graph.snapshot.json']));
    for (const f of files) expect([f, mode(path.join(dataDir, f))]).toEqual([f, 0o600]);
  } finally {
    fs.rmSync(parent, { recursive: true, force: true });
  }
});
