/**
 * The releases kept in the repository are what a paper cites: each dataset.json must still hash to
 * the SHA-256 its release.json and CITATION.cff give, and hold the counts they state.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const RELEASES = path.join(__dirname, '..', '..', 'releases');
const names = fs.existsSync(RELEASES) ? fs.readdirSync(RELEASES).filter((n) => fs.statSync(path.join(RELEASES, n)).isDirectory()) : [];

describe('the releases in the repository', () => {
  test('there is at least one', () => {
    expect(names.length).toBeGreaterThan(0);
  });

  test.each(names)('release %s: the file, its manifest and its citation agree', (name) => {
    const dir = path.join(RELEASES, name);
    const bytes = fs.readFileSync(path.join(dir, 'dataset.json'));
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'release.json'), 'utf8')) as {
      name: string;
      sha256: string;
      counts: Record<string, number>;
    };
    const sha = createHash('sha256').update(bytes).digest('hex');
    expect(manifest.name).toBe(name);
    expect(manifest.sha256).toBe(sha);
    const doc = JSON.parse(bytes.toString('utf8')) as Record<string, unknown[]>;
    for (const kind of ['actors', 'sources', 'episodes', 'actions']) expect(doc[kind]?.length ?? 0).toBe(manifest.counts[kind]);
    const citation = fs.readFileSync(path.join(dir, 'CITATION.cff'), 'utf8');
    expect(citation).toContain(`sha256:${sha}`);
    expect(citation).toContain(`version: "${name}"`);
  });
});
