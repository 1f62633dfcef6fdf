/**
 * On both stores: a write that fails (a conflict, a missing record) leaves no change behind, and
 * concurrent writes get change numbers one after another, none given twice.
 */
import { describeEachStore } from '../support/stores';
import { actor, source, SRC } from '../api/harness';
import type { GraphStore } from '../../server/store/types';

describeEachStore('store history', (factory) => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await factory.open();
  });
  afterAll(() => factory.cleanup(store));

  test('failed writes make no change; concurrent writes are numbered without gaps or repeats', async () => {
    await store.createSource(source(SRC), { who: 'ana' });
    await expect(store.createSource(source(SRC), { who: 'ana' })).rejects.toThrow();
    await expect(store.deleteActor('nobody', { who: 'ana' })).rejects.toThrow();
    await expect(store.replaceActor(actor('nobody'), { who: 'ana' })).rejects.toThrow();
    expect(await store.changeNumber()).toBe(1);
    expect(await store.history({ limit: 10 })).toHaveLength(1);

    await Promise.all(Array.from({ length: 12 }, (_, i) => store.createActor(actor(`p${i}`), { who: `w${i}` })));
    const entries = await store.history({ limit: 100 });
    expect(entries.map((e) => e.change)).toEqual([13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    // Each author's one change holds their own actor.
    for (const e of entries.slice(0, 12)) expect(e.records[0]!.id).toBe(`p${e.who.slice(1)}`);
    expect(await store.changeNumber()).toBe(13);
    // Times never go backwards as numbers go up.
    const times = entries.map((e) => Date.parse(e.at)).reverse();
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });
});
