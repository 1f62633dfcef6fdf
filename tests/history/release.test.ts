/**
 * A release: the dataset frozen at a change, its file's SHA-256 equal to the content hash the API
 * shows at that change, with a manifest and a CITATION.cff naming version and hash; never
 * overwritten.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { writeRelease } from '../../graph-seed/release-files';
import { action, doc, importDoc, openHarness, type Harness } from '../api/harness';
import { describeEachStore, tempDir } from '../support/stores';

describeEachStore('release', (factory) => {
  let h: Harness;
  let root: string;
  beforeAll(async () => {
    h = await openHarness(factory);
    root = tempDir('dg-release-');
  });
  afterAll(async () => {
    fs.rmSync(root, { recursive: true, force: true });
    await h.close();
  });

  test('writes the export as of a change with its hash, counts, date and citation', async () => {
    await importDoc(h.app, doc(['a', 'b'], [action('x', 'BANNED', 'a', 'b', '2021-01-10')]));
    const health1 = (await request(h.app).get('/api/health?hash=1').expect(200)).body;
    const export1 = (await request(h.app).get('/api/export?format=json').expect(200)).text;
    await importDoc(h.app, doc(['a', 'b', 'c'], []));
    expect((await request(h.app).get('/api/health').expect(200)).body.change).toBe(2);

    // Release 2026.1 is frozen at change 1, though the store has moved on.
    const manifest = writeRelease(root, '2026.1', 1, await h.store.exportAsOf(1), new Date('2026-03-04T10:00:00Z'));
    const dir = path.join(root, 'releases', '2026.1');
    const bytes = fs.readFileSync(path.join(dir, 'dataset.json'), 'utf8');
    expect(bytes).toBe(export1);
    const sha = createHash('sha256').update(bytes).digest('hex');
    expect(sha).toBe(health1.contentHash);
    expect(manifest).toEqual({
      name: '2026.1',
      version: 1,
      sha256: sha,
      date: '2026-03-04',
      counts: { actors: 2, sources: 1, episodes: 0, actions: 1 },
      file: 'dataset.json',
    });
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'release.json'), 'utf8'))).toEqual(manifest);
    const cff = fs.readFileSync(path.join(dir, 'CITATION.cff'), 'utf8');
    expect(cff).toContain('cff-version: 1.2.0');
    expect(cff).toContain('type: dataset');
    expect(cff).toContain('version: "2026.1"');
    expect(cff).toContain('date-released: "2026-03-04"');
    expect(cff).toContain(`value: "sha256:${sha}"`);
    expect(cff).toContain('value: "change:1"');
  });

  test('a release is never overwritten, and a name that is no plain folder name is refused', async () => {
    const now = await h.store.exportCurrent();
    expect(() => writeRelease(root, '2026.1', now.change, now.doc)).toThrow(/exists/);
    for (const bad of ['../escape', '', 'a b', 'x'.repeat(65), '.hidden']) {
      expect(() => writeRelease(root, bad, now.change, now.doc)).toThrow(/not a release name/);
    }
    expect(fs.readdirSync(path.join(root, 'releases'))).toEqual(['2026.1']);
  });
});
