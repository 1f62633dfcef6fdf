/** The JSON export of a v2 graph: interchange v2 with its episodes, which imports back unchanged. */
import request from 'supertest';
import type { Action } from '../../contract';
import { describeEachStore } from '../support/stores';
import { AUTH, importDoc, openHarness, type Harness } from '../api/harness';
import { exportText } from './fetch';
import { EPISODES, small } from './fixture';

describeEachStore('JSON export (v2)', (factory) => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness(factory);
    await importDoc(h.app, small);
  });
  afterAll(() => h.close());

  test('v2 with episodes and every v2 field; imports into a fresh store and exports the same', async () => {
    const exported = JSON.parse(await exportText(h.app, 'json'));
    expect(exported.format).toBe('deplatforming-graph/v2');
    expect(exported.timezone).toBeUndefined();
    expect(exported.episodes).toEqual(EPISODES);
    const suspension = exported.actions.find((a: Action) => a.id === 'x-suspends-y');
    expect(suspension).toEqual(small.actions!.find((a) => a.id === 'x-suspends-y'));
    const other = await openHarness(factory);
    try {
      await request(other.app).post('/api/import').set(AUTH).send(exported).expect(200);
      expect(JSON.parse(await exportText(other.app, 'json'))).toEqual(exported);
    } finally {
      await other.close();
    }
  });

  test('filtered: the episodes the passing actions name', async () => {
    const suits = JSON.parse(await exportText(h.app, 'json', '&type=SUED'));
    expect(suits.actions.map((a: Action) => a.id)).toEqual(['y-sues-x']);
    expect(suits.episodes.map((e: { id: string }) => e.id)).toEqual(['ep-1', 'ep-2']);
  });
});
