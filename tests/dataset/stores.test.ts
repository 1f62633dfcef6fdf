/**
 * The whole dataset in the stores: what `npm start` gives an empty store, and the same answers
 * from the embedded store and Neo4j (counts, the timeline, each episode, each target's cascade).
 */
import fs from 'node:fs';
import { EmbeddedStore } from '../../server/store/embedded';
import { silentLogger } from '../../server/logger';
import { categoryOf, type Action } from '../../contract';
import { readDataset, seedReader } from '../../graph-seed/dataset';
import { SEED_FILE } from '../../graph-seed/seed';
import { seedIfEmpty } from '../../server/seeding';
import type { GraphStore } from '../../server/store/types';
import { describeWith } from '../support/needs';
import { describeEachStore, neo4jFactory, neo4jMissing, tempDir, type StoreFactory } from '../support/stores';

const DATASET = readDataset();
const ALL = { limit: 1000, offset: 0 };
const CASCADE_CATEGORIES = ['sanction', 'notice', 'restoration'] as const;

/** Actors against whom the dataset records a sanction: the targets whose cascades a reader follows. */
const TARGETS = [...new Set(DATASET.actions!.filter((a) => categoryOf(a.type) === 'sanction').map((a) => a.to))].sort();

async function timeline(store: GraphStore, query: Parameters<GraphStore['listActions']>[0] = ALL): Promise<Action[]> {
  const page = await store.listActions({ ...ALL, ...query });
  expect(page.total).toBeLessThanOrEqual(ALL.limit);
  return page.items;
}

/** A target's cascade as the cascade view builds it: its sanctions, notices and restorations, in timeline order. */
async function cascade(store: GraphStore, target: string): Promise<string[]> {
  const actions = await timeline(store, { ...ALL, actor: target, categories: [...CASCADE_CATEGORIES] });
  return actions.filter((a) => a.to === target).map((a) => a.id);
}

describeEachStore('the dataset as an empty store is seeded with it', (factory: StoreFactory) => {
  let store: GraphStore;
  beforeEach(async () => {
    store = await factory.open();
  });
  afterEach(() => factory.cleanup(store));

  test('SEED=all (the default) gives an empty store every episode, once', async () => {
    const seeded = await seedIfEmpty(store, seedReader({ kind: 'all' })!);
    expect(seeded?.created).toMatchObject({
      actors: DATASET.actors!.length,
      sources: DATASET.sources!.length,
      actions: DATASET.actions!.length,
    });
    expect(await store.counts()).toMatchObject({
      actors: DATASET.actors!.length,
      sources: DATASET.sources!.length,
      actions: DATASET.actions!.length,
      episodes: DATASET.episodes!.length,
    });
    expect(await seedIfEmpty(store, seedReader({ kind: 'all' })!)).toBeNull();
  });

  test('SEED=<file> gives it that file only: the seed holds the 26 actions of the Parler January core', async () => {
    await seedIfEmpty(store, seedReader({ kind: 'file', file: SEED_FILE })!);
    expect((await store.counts()).actions).toBe(26);
  });

  test('SEED=none gives it nothing', () => {
    expect(seedReader({ kind: 'none' })).toBeNull();
  });

  test("each episode's target reads its cascade in order: nothing answers a sanction it precedes", async () => {
    await store.importDocument(DATASET);
    for (const target of TARGETS) {
      const ids = await cascade(store, target);
      const at = new Map(ids.map((id, i) => [id, i]));
      for (const id of ids) {
        const action = DATASET.actions!.find((a) => a.id === id)!;
        for (const answered of action.respondsTo ?? []) if (at.has(answered)) expect(at.get(answered)!).toBeLessThan(at.get(id)!);
      }
    }
    // Worked out by hand from the Infowars file (Pacific days): YouTube's strike (24 July 2018),
    // Facebook's 30-day block (26-27 July), the YouTube channel (6 August), Twitter's read-only
    // week (14 August) and ban (6 September), Facebook and Instagram on the same day of 2019 (by
    // id), and X's reinstatement, which answers the 2018 ban, in December 2023.
    expect(await cascade(store, 'alex-jones')).toEqual([
      'iw-youtube-restricted-alex-jones',
      'iw-facebook-suspended-alex-jones',
      'iw-youtube-banned-alex-jones',
      'iw-twitter-restricted-alex-jones',
      'iw-twitter-banned-alex-jones',
      'iw-facebook-banned-alex-jones',
      'iw-instagram-banned-alex-jones',
      'iw-twitter-reinstated-alex-jones',
    ]);
  });
});

describeWith('neo4j', neo4jMissing(), 'the dataset answers the same in both stores', () => {
  let embedded: GraphStore;
  let neo4j: GraphStore;
  let dir: string;
  beforeAll(async () => {
    embedded = await EmbeddedStore.open({ dataDir: (dir = tempDir()), logger: silentLogger() });
    neo4j = await neo4jFactory.open();
    await embedded.importDocument(DATASET);
    await neo4j.importDocument(DATASET);
  }, 120_000);
  afterAll(async () => {
    await embedded?.close();
    fs.rmSync(dir, { recursive: true, force: true });
    if (neo4j) await neo4jFactory.cleanup(neo4j);
  });

  test('the same counts', async () => {
    expect(await neo4j.counts()).toEqual(await embedded.counts());
  });

  test('the same timeline, action for action', async () => {
    const [a, b] = await Promise.all([timeline(embedded), timeline(neo4j)]);
    expect(b.map((x) => x.id)).toEqual(a.map((x) => x.id));
    expect(b).toEqual(a);
  });

  test('the same actions in each episode', async () => {
    for (const e of DATASET.episodes!) {
      const [a, b] = await Promise.all([timeline(embedded, { ...ALL, episodes: [e.id] }), timeline(neo4j, { ...ALL, episodes: [e.id] })]);
      expect({ episode: e.id, ids: b.map((x) => x.id) }).toEqual({ episode: e.id, ids: a.map((x) => x.id) });
    }
  });

  test("the same cascade for every sanctioned actor, Parler's included", async () => {
    expect(TARGETS).toContain('parler');
    for (const target of TARGETS) {
      const [a, b] = await Promise.all([cascade(embedded, target), cascade(neo4j, target)]);
      expect({ target, ids: b }).toEqual({ target, ids: a });
    }
  });
});
