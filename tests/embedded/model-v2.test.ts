/**
 * The embedded store keeps model v2 records on disk: episodes and response links survive a reopen
 * through the journal and through a compacted snapshot, and a data folder written before v2 (v1
 * records in its snapshot) opens with those records converted.
 */
import fs from 'node:fs';
import path from 'node:path';
import { silentLogger } from '../../server/logger';
import { EmbeddedStore } from '../../server/store/embedded';
import { action, actor, doc, episode, source } from '../contract/fixtures';
import { tempDir } from '../support/stores';

const dirs: string[] = [];
function freshDir(): string {
  const d = tempDir('dg-v2-');
  dirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

const open = (dataDir: string, compactBytes?: number) => EmbeddedStore.open({ dataDir, logger: silentLogger(), compactBytes });

async function writeSome(store: EmbeddedStore): Promise<void> {
  await store.importDocument(
    doc({
      actors: ['aws', 'parler'],
      episodes: [episode('e1', { date: '2021-01' })],
      actions: [
        action('warns', 'WARNED', 'aws', 'parler', '2021-01-09', { timezone: 'America/Los_Angeles' }),
        action('cuts', 'SUSPENDED', 'aws', 'parler', '2021-01-10T23:59-08:00', { respondsTo: ['warns'], episodes: ['e1'] }),
      ],
    }),
  );
  await store.createEpisode(episode('e2'));
  await store.deleteEpisode('e2');
}

async function expectWritten(store: EmbeddedStore): Promise<void> {
  expect(await store.counts()).toEqual({ actors: 2, sources: 1, episodes: 1, actions: 2 });
  expect((await store.getEpisode('e1'))?.actions).toEqual(['cuts']);
  expect(await store.getEpisode('e2')).toBeNull();
  expect((await store.getAction('warns'))?.responses).toEqual(['cuts']);
  expect((await store.getAction('warns'))?.timezone).toBe('America/Los_Angeles');
}

test('episodes and response links survive a reopen from the journal', async () => {
  const dir = freshDir();
  const a = await open(dir);
  await writeSome(a);
  await a.close();
  const b = await open(dir);
  await expectWritten(b);
  await b.close();
});

test('and from a compacted snapshot', async () => {
  const dir = freshDir();
  // A tiny compaction threshold: every write is followed by a snapshot.
  const a = await open(dir, 1);
  await writeSome(a);
  await a.close();
  const snap = JSON.parse(fs.readFileSync(path.join(dir, 'graph.snapshot.json'), 'utf8'));
  expect(snap.graph.format).toBe('deplatforming-graph/v2');
  expect(snap.graph.episodes.map((e: { id: string }) => e.id)).toEqual(['e1']);
  const b = await open(dir);
  await expectWritten(b);
  await b.close();
});

test('a snapshot written before v2 opens with its records converted', async () => {
  const dir = freshDir();
  fs.writeFileSync(
    path.join(dir, 'graph.snapshot.json'),
    JSON.stringify({
      seq: 3,
      graph: {
        format: 'deplatforming-graph/v1',
        actors: [actor('a'), actor('b')],
        sources: [source('s1')],
        actions: [
          {
            id: 'x',
            type: 'HOSTED',
            from: 'a',
            to: 'b',
            date: '2020',
            endDate: '2021-01',
            status: 'confirmed',
            summary: 'x',
            sourceIds: ['s1'],
          },
        ],
      },
    }),
    { mode: 0o600 },
  );
  const store = await open(dir);
  expect(await store.getAction('x')).toMatchObject({ date: '2020/2021-01', citations: [{ source: 's1', stance: 'states' }] });
  expect((await store.getSource('s1'))?.actions).toEqual(['x']);
  await store.close();
});
