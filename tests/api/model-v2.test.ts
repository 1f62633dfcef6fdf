/** Model v2 through the API: vocabulary, episodes, response links, the new query parameters, v1 import. */
import request from 'supertest';
import { ACTION_TYPE_IDS, CATEGORIES, LAYERS } from '../../contract';
import { describeEachStore } from '../support/stores';
import { AUTH, action, actor, doc, openHarness, source, SRC, type Harness } from './harness';

const LA = 'America/Los_Angeles';

describeEachStore('API model v2', (factory) => {
  let h: Harness;
  const get = (url: string) => request(h.app).get(url);
  const send = (method: 'post' | 'put', url: string, body: unknown) => {
    const req = method === 'post' ? request(h.app).post(url) : request(h.app).put(url);
    return req.set(AUTH).send(body as object);
  };
  const del = (url: string) => request(h.app).delete(url).set(AUTH);
  const listed = async (query: string) =>
    ((await get(`/api/actions?${query}`).expect(200)).body.items as { id: string }[]).map((a) => a.id);

  beforeAll(async () => {
    h = await openHarness(factory);
    await send(
      'post',
      '/api/import',
      doc(
        [actor('aws', { layer: 'cloud-hosting' }), actor('parler', { layer: 'social-network' }), actor('apple', { layer: 'app-store' })],
        [
          action('warns', 'WARNED', 'aws', 'parler', '2021-01-09', { timezone: LA }),
          action('cuts', 'SUSPENDED', 'aws', 'parler', '2021-01-10T23:59-08:00', { timezone: LA, respondsTo: ['warns'] }),
          action('sues', 'SUED', 'parler', 'aws', '2021-01-11', { timezone: LA, respondsTo: ['cuts'] }),
          action('claims', 'ACCUSED', 'parler', 'aws', '2021-01-11', { timezone: LA, status: 'alleged', claimedBy: ['parler'] }),
          action('delists', 'DELISTED', 'apple', 'parler', '2021-01', { timezone: LA }),
        ],
      ),
    ).expect(200);
  });
  afterAll(() => h.close());

  test('GET /api/vocabulary lists every type with its label, meaning and category, and the other lists', async () => {
    const res = await get('/api/vocabulary').expect(200);
    expect(res.body.types.map((t: { id: string }) => t.id)).toEqual(ACTION_TYPE_IDS);
    expect(res.body.types.find((t: { id: string }) => t.id === 'WARNED')).toEqual({
      id: 'WARNED',
      label: 'warned',
      meaning: expect.any(String),
      category: 'notice',
    });
    expect(res.body.types.find((t: { id: string }) => t.id === 'MOVED_TO').category).toBe('migration');
    expect(res.body.types.find((t: { id: string }) => t.id === 'RULED').category).toBe('legal');
    expect(res.body.categories.map((c: { id: string }) => c.id)).toEqual(CATEGORIES);
    expect(res.body.layers.map((l: { id: string }) => l.id)).toEqual(LAYERS);
    expect(res.body).toMatchObject({ stances: ['states', 'reports-claim'], terms: ['temporary', 'indefinite', 'permanent'] });
    expect(res.body.statuses).toEqual(['confirmed', 'reported', 'alleged', 'disputed']);
    expect(res.body.actorKinds).toContain('court');
    expect(res.body.sourceKinds).toContain('court-filing');
  });

  test('an action answers respondsTo and responses, and its spans', async () => {
    const res = await get('/api/actions/cuts').expect(200);
    expect(res.body).toMatchObject({ respondsTo: ['warns'], responses: ['sues'] });
    expect(res.body.time).toMatchObject({ start: Date.UTC(2021, 0, 11, 7, 59), localStart: Date.UTC(2021, 0, 10, 23, 59) });
    const graph = await get('/api/graph?category=notice,sanction').expect(200);
    const edges = graph.body.elements.edges.map((e: { data: { id: string; category: string } }) => [e.data.id, e.data.category]);
    expect(edges.sort()).toEqual([
      ['cuts', 'sanction'],
      ['delists', 'sanction'],
      ['warns', 'notice'],
    ]);
  });

  test('the new query parameters filter, and bad values are a 400 naming the parameter', async () => {
    expect(await listed('from=2021-01-10&to=2021-01-10')).toEqual(['delists', 'cuts']);
    expect(await listed('from=2021-01-10&to=2021-01-10&tz=UTC')).toEqual(['delists', 'warns']);
    expect(await listed('claimedBy=parler')).toEqual(['claims']);
    expect(await listed('category=legal,claim')).toEqual(['claims', 'sues']);
    expect(await listed('layer=app-store')).toEqual(['delists']);
    for (const [query, param] of [
      ['category=sanctions', 'category'],
      ['layer=cloud', 'layer'],
      ['tz=Mars/Olympus', 'tz'],
      ['claimedBy=Not%20An%20Id', 'claimedBy'],
      ['episode=,', 'episode'],
      ['from=2021-01-10T23:59-08:00', 'from'],
      ['from=2021-01-10/2021-01-11', 'from'],
    ]) {
      const res = await get(`/api/actions?${query}`);
      expect([query, res.status]).toEqual([query, 400]);
      expect(res.body.error.message).toContain(`"${param}"`);
    }
    const stats = await get('/api/stats?category=legal').expect(200);
    expect(stats.body.categories).toEqual(['legal']);
    expect(stats.body.actionsByCategory).toEqual({ legal: 1 });
  });

  test('a response dated before its target is a 400 naming respondsTo; an unknown target too', async () => {
    const early = await send(
      'post',
      '/api/actions',
      action('early', 'DENIED', 'aws', 'parler', '2021-01-05', { timezone: LA, respondsTo: ['sues'] }),
    ).expect(400);
    expect(early.body.error.details).toEqual([expect.stringMatching(/^respondsTo\[0\]: cannot respond to "sues"/)]);
    const unknown = await send(
      'post',
      '/api/actions',
      action('early', 'DENIED', 'aws', 'parler', '2021-02', { respondsTo: ['nope'] }),
    ).expect(400);
    expect(unknown.body.error.details).toEqual(['respondsTo[0]: unknown action "nope"']);
    const noStance = await send('post', '/api/actions', {
      ...action('early', 'DENIED', 'aws', 'parler', '2021-02'),
      citations: [{ source: SRC, stance: 'reports-claim' }],
    }).expect(400);
    expect(noStance.body.error.details).toEqual([
      expect.stringMatching(/^citations: status "confirmed" needs a citation with stance "states"/),
    ]);
    const deleting = await del('/api/actions/cuts').expect(409);
    expect(deleting.body.error.details).toEqual(['sues']);
  });

  test('episodes: create, read, list, replace, delete; 409 while an action names it', async () => {
    const ep = {
      id: 'parler-2021',
      title: 'Parler loses its providers',
      summary: 'Its hosts and stores cut it off.',
      date: '2021-01-06/2021-09',
    };
    const created = await send('post', '/api/episodes', ep).expect(201);
    expect(created.headers.location).toBe('/api/episodes/parler-2021');
    expect(created.body).toEqual({ ...ep, actions: [] });
    await send('post', '/api/episodes', ep).expect(409);
    const bad = await send('post', '/api/episodes', { ...ep, id: 'x', trigger: { wikidata: 'Q1' } }).expect(400);
    expect(bad.body.error.details).toEqual([expect.stringMatching(/^trigger\.text: /)]);
    await send('put', '/api/episodes/parler-2021', {
      ...ep,
      trigger: { text: 'the attack on the Capitol', wikidata: 'Q104179868' },
    }).expect(200);
    await send(
      'put',
      '/api/actions/sues',
      action('sues', 'SUED', 'parler', 'aws', '2021-01-11', { timezone: LA, respondsTo: ['cuts'], episodes: ['parler-2021'] }),
    ).expect(200);
    expect((await get('/api/episodes/parler-2021').expect(200)).body.actions).toEqual(['sues']);
    expect((await get('/api/episodes').expect(200)).body).toMatchObject({ total: 1, items: [{ id: 'parler-2021' }] });
    expect(await listed('episode=parler-2021')).toEqual(['sues']);
    const held = await del('/api/episodes/parler-2021').expect(409);
    expect(held.body.error.details).toEqual(['sues']);
    await send(
      'put',
      '/api/actions/sues',
      action('sues', 'SUED', 'parler', 'aws', '2021-01-11', { timezone: LA, respondsTo: ['cuts'] }),
    ).expect(200);
    await del('/api/episodes/parler-2021').expect(204);
    await get('/api/episodes/parler-2021').expect(404);
  });

  test('POST /api/import takes a v1 document and stores it converted', async () => {
    const v1 = {
      format: 'deplatforming-graph/v1',
      actors: [actor('v1-a'), actor('v1-b')],
      sources: [source('v1-s')],
      actions: [
        {
          id: 'v1-x',
          type: 'HOSTED',
          from: 'v1-a',
          to: 'v1-b',
          date: '2020',
          endDate: '2021-01',
          status: 'confirmed',
          summary: 'hosted',
          sourceIds: ['v1-s'],
        },
      ],
    };
    const res = await send('post', '/api/import', v1).expect(200);
    expect(res.body.created).toEqual({ actors: 2, sources: 1, episodes: 0, actions: 1 });
    const got = await get('/api/actions/v1-x').expect(200);
    expect(got.body).toMatchObject({ date: '2020/2021-01', citations: [{ source: 'v1-s', stance: 'states' }] });
    const wrong = await send('post', '/api/import', { ...v1, actions: [{ ...v1.actions[0], citations: [] }] }).expect(400);
    expect(wrong.body.error.details).toEqual([expect.stringMatching(/^actions\[0\]: unknown field.*"citations"/)]);
  });
});
