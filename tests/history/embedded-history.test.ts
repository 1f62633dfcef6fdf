/**
 * The embedded store's history on disk: it outlives compaction and restarts, and a change the
 * journal holds but the history lost (a crash between the two appends) is written again from the
 * journal when the store opens, with its author, message and befores.
 */
import fs from 'node:fs';
import path from 'node:path';
import { INTERCHANGE_FORMAT } from '../../contract';
import { silentLogger } from '../../server/logger';
import { EmbeddedStore } from '../../server/store/embedded';
import { HISTORY_FILE } from '../../server/store/embedded/history';
import { JOURNAL_FILE } from '../../server/store/embedded/journal';
import { action, actor, source, SRC } from '../api/harness';
import { tempDir } from '../support/stores';

const open = (dataDir: string, compactBytes?: number) =>
  EmbeddedStore.open({ dataDir, logger: silentLogger(), ...(compactBytes !== undefined && { compactBytes }) });

describe('embedded history on disk', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir('dg-history-');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('survives compaction (every write folded into a snapshot) and a restart, and asOf still rolls back to the start', async () => {
    // A compaction after every write: the journal never holds more than one change.
    const store = await open(dir, 1);
    await store.createSource(source(SRC), { who: 'ana' });
    await store.createActor(actor('a'), { who: 'ana', message: 'add a' });
    await store.createActor(actor('b'), { who: 'ben' });
    const atThree = JSON.stringify(await store.exportAsOf(3));
    await store.createAction(action('x', 'BANNED', 'a', 'b', '2021-01-10'), { who: 'ben' });
    await store.deleteAction('x', { who: 'ana' });
    await store.close();

    const again = await open(dir);
    try {
      expect(await again.changeNumber()).toBe(5);
      const all = await again.history({ limit: 10 });
      expect(all.map((e) => [e.change, e.who, e.records.map((r) => `${r.op} ${r.kind}:${r.id}`).join()])).toEqual([
        [5, 'ana', 'deleted action:x'],
        [4, 'ben', 'created action:x'],
        [3, 'ben', 'created actor:b'],
        [2, 'ana', 'created actor:a'],
        [1, 'ana', 'created source:src-test'],
      ]);
      expect(all[3]!.message).toBe('add a');
      expect(JSON.stringify(await again.exportAsOf(3))).toBe(atThree);
      expect(await again.exportAsOf(0)).toEqual({ format: INTERCHANGE_FORMAT, actors: [], sources: [], episodes: [], actions: [] });
      // The next change goes on numbering from where the history stopped.
      await again.createActor(actor('c'), { who: 'cy' });
      expect((await again.history({ limit: 1 }))[0]).toMatchObject({ change: 6, who: 'cy' });
    } finally {
      await again.close();
    }
  });

  test('a change whose history line was lost is written again from the journal at the next open', async () => {
    const store = await open(dir);
    await store.createSource(source(SRC));
    await store.createActor(actor('a'), { who: 'ana' });
    await store.replaceActor(actor('a', { name: 'Alpha' }), { who: 'ben', message: 'rename' });
    // As a crash between the journal's append and the history's leaves the folder: the journal
    // has all three changes, the history only the first two (its last line half written).
    const crashed = tempDir('dg-history-crashed-');
    try {
      for (const f of fs.readdirSync(dir)) fs.copyFileSync(path.join(dir, f), path.join(crashed, f));
      const lines = fs.readFileSync(path.join(crashed, HISTORY_FILE), 'utf8').split('\n');
      fs.writeFileSync(path.join(crashed, HISTORY_FILE), `${lines.slice(0, 2).join('\n')}\n${lines[2]!.slice(0, 30)}`);

      const reopened = await open(crashed);
      try {
        expect(await reopened.changeNumber()).toBe(3);
        const [third] = await reopened.history({ limit: 1 });
        expect(third).toMatchObject({
          change: 3,
          who: 'ben',
          message: 'rename',
          kind: 'write',
          records: [{ kind: 'actor', id: 'a', op: 'replaced', before: { name: 'Actor a' }, after: { name: 'Alpha' } }],
        });
        // Journal and history agree: rolling every change back leaves nothing.
        expect((await reopened.exportAsOf(0)).actors).toEqual([]);
      } finally {
        await reopened.close();
      }
      // The repaired history is kept: the line is not written a second time at the next open.
      const lines2 = fs.readFileSync(path.join(crashed, HISTORY_FILE), 'utf8').trim().split('\n');
      expect(lines2).toHaveLength(3);
    } finally {
      await store.close();
      fs.rmSync(crashed, { recursive: true, force: true });
    }
  });

  test('a journal whose last record was lost (cut as torn) takes the history back with it', async () => {
    const store = await open(dir);
    await store.createSource(source(SRC));
    await store.createActor(actor('a'), { who: 'ana' });
    await store.createActor(actor('b'), { who: 'ben' });
    const damaged = tempDir('dg-history-damaged-');
    try {
      for (const f of fs.readdirSync(dir)) fs.copyFileSync(path.join(dir, f), path.join(damaged, f));
      const journal = path.join(damaged, JOURNAL_FILE);
      fs.truncateSync(journal, fs.statSync(journal).size - 10);
      const reopened = await open(damaged);
      try {
        expect(await reopened.changeNumber()).toBe(2);
        expect((await reopened.history({ limit: 10 })).map((e) => e.change)).toEqual([2, 1]);
        expect(await reopened.history({ limit: 10, record: 'actor:b' })).toEqual([]);
        // The number is given again, to the write that now has it.
        await reopened.createActor(actor('c'), { who: 'cy' });
        expect((await reopened.history({ limit: 1 }))[0]).toMatchObject({ change: 3, who: 'cy', records: [{ id: 'c' }] });
      } finally {
        await reopened.close();
      }
    } finally {
      await store.close();
      fs.rmSync(damaged, { recursive: true, force: true });
    }
  });
});
