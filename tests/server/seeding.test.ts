import fs from 'node:fs';
import path from 'node:path';
import { defaultSeedFile, seedIfEmpty } from '../../server/seeding';
import type { GraphStore } from '../../server/store/types';
import { describeEachStore, tempDir } from '../support/stores';

describeEachStore('seeding at start-up', (factory) => {
  let store: GraphStore;
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  beforeEach(async () => {
    store = await factory.open();
  });
  afterEach(() => factory.cleanup(store));

  test('an empty store is seeded from graph-seed/seed.json, once', async () => {
    expect(path.relative(path.resolve(__dirname, '..', '..'), defaultSeedFile())).toBe(path.join('graph-seed', 'seed.json'));
    const first = await seedIfEmpty(store, defaultSeedFile());
    expect(first?.created.actions).toBeGreaterThan(10);
    const counts = await store.counts();
    expect(await seedIfEmpty(store, defaultSeedFile())).toBeNull();
    expect(await store.counts()).toEqual(counts);
  });

  test('a store holding any record is left alone, and the seed file is not read', async () => {
    await store.importDocument({ format: 'deplatforming-graph/v2', actors: [{ id: 'solo', name: 'Solo', kind: 'other' }] });
    expect(await seedIfEmpty(store, path.join(dir, 'missing.json'))).toBeNull();
    expect((await store.counts()).actors).toBe(1);
  });

  test('a seed file that is not a valid interchange document fails loudly, naming the file', async () => {
    const file = path.join(dir, 'bad.json');
    fs.writeFileSync(file, JSON.stringify({ format: 'deplatforming-graph/v1', actors: [{ id: 'Bad Id' }] }));
    await expect(seedIfEmpty(store, file)).rejects.toThrow(`${file} is not a valid interchange document`);
    expect((await store.counts()).actors).toBe(0);
  });
});
