import { loadSeed } from '../../graph-seed/seed';
import type { GraphStore } from '../../server/store/types';
import { describeEachStore } from '../support/stores';

describeEachStore('seed dataset', (factory) => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await factory.open();
    await loadSeed(store);
  });
  afterAll(() => factory.cleanup(store));

  test('loading the seed twice changes nothing the second time', async () => {
    const again = await loadSeed(store);
    expect(again.created).toEqual({ actors: 0, sources: 0, actions: 0 });
    expect(again.updated).toEqual({ actors: 0, sources: 0, actions: 0 });
    expect(again.unchanged.actions).toBeGreaterThan(10);
  });

  test('AWS suspended Parler with the stated effective time and its offset kept', async () => {
    const page = await store.listActions({ actor: 'parler', types: ['SUSPENDED'], limit: 10, offset: 0 });
    const suspension = page.items.find((a) => a.from === 'aws' && a.to === 'parler');
    expect(suspension?.date).toBe('2021-01-10T23:59:00-08:00');
    expect(suspension?.status).toBe('confirmed');
  });
});
