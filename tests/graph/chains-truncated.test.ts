/**
 * `truncated` on chains says whether anything was left out (issue 11, point 8): cutting the list
 * at the limit leaves chains out, so it must say true then, and false when every chain is listed.
 */
import fs from 'node:fs';
import { silentLogger } from '../../server/logger';
import { EmbeddedStore } from '../../server/store/embedded';
import { action, doc } from '../contract/fixtures';
import { tempDir } from '../support/stores';

/**
 * n1 a→b on 1 Jan, n2 b→c on 2 Jan, n3 b→d on 3 Jan. From a, every chain starts with n1; after it
 * come n2 then n3 (both touch b, in date order), or n3 alone (n2 began before it, so nothing
 * follows n3): two maximal chains, [n1, n2, n3] and [n1, n3], longest first.
 */
const document = doc({
  actors: ['a', 'b', 'c', 'd'],
  actions: [
    action('n1', 'BANNED', 'a', 'b', '2021-01-01'),
    action('n2', 'BANNED', 'b', 'c', '2021-01-02'),
    action('n3', 'BANNED', 'b', 'd', '2021-01-03'),
  ],
});

let dir: string;
let store: EmbeddedStore;
beforeAll(async () => {
  dir = tempDir('dg-chains-trunc-');
  store = await EmbeddedStore.open({ dataDir: dir, logger: silentLogger() });
  await store.importDocument(document);
});
afterAll(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('every chain listed: not truncated', async () => {
  const answer = await store.chains('a', 6, {}, 2);
  expect(answer.chains.map((c) => c.actions)).toEqual([
    ['n1', 'n2', 'n3'],
    ['n1', 'n3'],
  ]);
  expect(answer.truncated).toBe(false);
});

test('the list cut at the limit: truncated', async () => {
  const answer = await store.chains('a', 6, {}, 1);
  expect(answer.chains.map((c) => c.actions)).toEqual([['n1', 'n2', 'n3']]);
  expect(answer.truncated).toBe(true);
});
