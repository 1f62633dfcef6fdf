/**
 * History through the API, on both stores: the change number each kind of write raises, what
 * history says of each write (author, message, before and after), paging, asOf exports equal to
 * the exports taken then, the content hash, and the 400s of bad parameters.
 */
import { createHash } from 'node:crypto';
import request from 'supertest';
import { describeEachStore } from '../support/stores';
import { AUTH, action, actor, doc, openHarness, source, SRC, type Harness } from '../api/harness';

describeEachStore('history API', (factory) => {
  let h: Harness;
  /** Bytes of the unfiltered JSON export and the change its header names, after each write. */
  const taken: { change: number; text: string; at: string }[] = [];

  const get = (url: string) => request(h.app).get(url);
  const change = async () => (await get('/api/health').expect(200)).body.change as number;
  const takeExport = async () => {
    const res = await get('/api/export?format=json').expect(200);
    taken.push({ change: Number(res.headers['x-dataset-change']), text: res.text, at: new Date().toISOString() });
  };

  beforeAll(async () => {
    h = await openHarness(factory);
  });
  afterAll(() => h.close());

  test('every kind of write raises the change number by one and is in the history with its author and message', async () => {
    expect(await change()).toBe(0);
    await takeExport();
    const steps: [string, () => request.Test][] = [
      ['create source', () => request(h.app).post('/api/sources').set(AUTH).send(source(SRC))],
      ['create actor a', () => request(h.app).post('/api/actors').set(AUTH).set('X-Change-Message', 'first actor').send(actor('a'))],
      ['create actor b', () => request(h.app).post('/api/actors').set(AUTH).send(actor('b'))],
      [
        'replace actor a',
        () =>
          request(h.app)
            .put('/api/actors/a')
            .set(AUTH)
            .send(actor('a', { name: 'Alpha' })),
      ],
      [
        'create action',
        () =>
          request(h.app)
            .post('/api/actions')
            .set(AUTH)
            .send(action('x1', 'BANNED', 'a', 'b', '2021-01-08')),
      ],
      ['create episode', () => request(h.app).post('/api/episodes').set(AUTH).send({ id: 'ep', title: 'Episode', summary: 'An episode' })],
      ['delete episode', () => request(h.app).delete('/api/episodes/ep').set(AUTH)],
      [
        'import',
        () =>
          request(h.app)
            .post('/api/import')
            .set(AUTH)
            .set('X-Change-Message', encodeURIComponent('bulk load – café'))
            .send(doc(['a', 'b', 'c'], [action('x2', 'SUED', 'b', 'c', '2021-02-01')])),
      ],
      ['delete action', () => request(h.app).delete('/api/actions/x1').set(AUTH)],
    ];
    for (const [i, [what, write]] of steps.entries()) {
      const res = await write();
      expect({ what, status: [200, 201, 204].includes(res.status) ? 'ok' : res.body }).toEqual({ what, status: 'ok' });
      expect({ what, change: await change() }).toEqual({ what, change: i + 1 });
      await takeExport();
    }
    // An import that changes nothing is no change.
    await request(h.app)
      .post('/api/import')
      .set(AUTH)
      .send(doc(['a', 'b', 'c'], []))
      .expect(200);
    expect(await change()).toBe(steps.length);

    const page = (await get('/api/history?limit=100').expect(200)).body;
    expect(page.change).toBe(9);
    expect(page.next).toBeUndefined();
    expect(page.items.map((c: { change: number }) => c.change)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1]);
    for (const c of page.items) expect(c.who).toBe('api-token');
    const byNumber = new Map(page.items.map((c: { change: number }) => [c.change, c]));

    expect(byNumber.get(2)).toMatchObject({
      kind: 'write',
      message: 'first actor',
      recordCount: 1,
      records: [{ kind: 'actor', id: 'a', op: 'created', before: null, after: { id: 'a', name: 'Actor a', kind: 'company' } }],
    });
    expect(byNumber.get(4)).toMatchObject({
      records: [{ kind: 'actor', id: 'a', op: 'replaced', before: { name: 'Actor a' }, after: { name: 'Alpha' } }],
    });
    expect(byNumber.get(4)).not.toHaveProperty('message');
    expect(byNumber.get(7)).toMatchObject({
      records: [{ kind: 'episode', id: 'ep', op: 'deleted', before: { id: 'ep', title: 'Episode' }, after: null }],
    });
    // The import: a changed by the document (its name goes back to "Actor a"), c and x2 new, b and the source unchanged.
    const imported = byNumber.get(8) as {
      kind: string;
      message: string;
      recordCount: number;
      records: { kind: string; id: string; op: string }[];
    };
    expect(imported.kind).toBe('import');
    expect(imported.message).toBe('bulk load – café');
    expect(imported.recordCount).toBe(3);
    expect(imported.records.map((r) => `${r.op} ${r.kind}:${r.id}`).sort()).toEqual([
      'created action:x2',
      'created actor:c',
      'replaced actor:a',
    ]);
    expect(byNumber.get(9)).toMatchObject({ records: [{ kind: 'action', id: 'x1', op: 'deleted', after: null }] });
  });

  test('a record history lists only its changes, also after the record is gone', async () => {
    const a = (await get('/api/actors/a/history').expect(200)).body;
    expect(a.items.map((c: { change: number }) => c.change)).toEqual([8, 4, 2]);
    for (const c of a.items) expect(c.records.every((r: { id: string }) => r.id === 'a')).toBe(true);
    const x1 = (await get('/api/actions/x1/history').expect(200)).body;
    expect(x1.items.map((c: { change: number }) => c.change)).toEqual([9, 5]);
    expect((await get('/api/history?record=actor:b').expect(200)).body.items.map((c: { change: number }) => c.change)).toEqual([3]);
    expect((await get('/api/sources/nothing-here/history').expect(200)).body.items).toEqual([]);
  });

  test('pages: newest first, `next` leads to older changes until the last page', async () => {
    const seen: number[] = [];
    let url = '/api/history?limit=4';
    for (;;) {
      const page = (await get(url).expect(200)).body;
      expect(page.items.length).toBeLessThanOrEqual(4);
      seen.push(...page.items.map((c: { change: number }) => c.change));
      if (!page.next) break;
      url = `/api/history?limit=4&cursor=${page.next}`;
    }
    expect(seen).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect((await get('/api/history?who=someone-else').expect(200)).body.items).toEqual([]);
    expect((await get('/api/history?until=2000-01-01').expect(200)).body.items).toEqual([]);
    expect((await get('/api/history?since=2000-01-01&limit=1').expect(200)).body.items[0].change).toBe(9);
  });

  test('asOf a change number gives the export taken then, byte for byte, and says which change it is', async () => {
    expect(taken.map((t) => t.change)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const t of taken) {
      const res = await get(`/api/export?format=json&asOf=${t.change}`).expect(200);
      expect(res.headers['x-dataset-change']).toBe(String(t.change));
      expect({ change: t.change, text: res.text }).toEqual({ change: t.change, text: t.text });
    }
    // Change 0: nothing at all.
    expect(JSON.parse(taken[0]!.text)).toEqual({ format: 'deplatforming-graph/v2', actors: [], sources: [], episodes: [], actions: [] });
  });

  test('asOf a time gives the dataset after the last change made at or before it', async () => {
    const history = (await get('/api/history?limit=100').expect(200)).body.items as { change: number; at: string }[];
    const fifth = history.find((c) => c.change === 5)!;
    const res = await get(`/api/export?format=json&asOf=${encodeURIComponent(fifth.at)}`).expect(200);
    expect(res.headers['x-dataset-change']).toBe('5');
    expect(res.text).toBe(taken[5]!.text);
    const before = await get('/api/export?format=json&asOf=2000-01-01').expect(200);
    expect(before.text).toBe(taken[0]!.text);
  });

  test('health carries the change number and the SHA-256 of the JSON export', async () => {
    const health = (await get('/api/health?hash=1').expect(200)).body;
    const body = (await get('/api/export?format=json').expect(200)).text;
    expect(health.change).toBe(9);
    expect(health.contentHash).toBe(createHash('sha256').update(body).digest('hex'));
    expect(health.contentHash).not.toBe(createHash('sha256').update(taken[8]!.text).digest('hex'));
    const csv = await get('/api/export?format=csv').expect(200);
    expect(csv.headers['x-dataset-change']).toBe('9');
  });

  test('bad parameters are 400s naming the parameter, and history has no write routes', async () => {
    const bad: [string, string][] = [
      ['/api/history?limit=0', 'limit'],
      ['/api/history?limit=101', 'limit'],
      ['/api/history?cursor=abc', 'cursor'],
      ['/api/history?cursor=0', 'cursor'],
      ['/api/history?since=yesterday', 'since'],
      ['/api/history?until=2026-13-45', 'until'],
      ['/api/history?since=2026-02-01&until=2026-01-01', 'since'],
      ['/api/history?record=planet:x', 'record'],
      ['/api/history?record=actor', 'record'],
      ['/api/history?who=', 'who'],
      ['/api/history?colour=red', 'colour'],
      ['/api/export?format=json&asOf=last-week', 'asOf'],
      ['/api/export?format=csv&asOf=1', 'asOf'],
      ['/api/export?format=json&type=BANNED&asOf=1', 'asOf'],
      ['/api/export?format=json&asOf=10', 'asOf'],
      ['/api/actors/a/history?limit=500', 'limit'],
    ];
    for (const [url, param] of bad) {
      const res = await get(url);
      expect({ url, status: res.status }).toEqual({ url, status: 400 });
      expect(res.body.error.code).toBe('bad_request');
      expect(`${res.body.error.message} ${res.body.error.details.join(' ')}`).toContain(param);
    }
    for (const method of ['post', 'put', 'delete', 'patch'] as const) {
      const res = await request(h.app)[method]('/api/history').set(AUTH).send({});
      expect([404, 405]).toContain(res.status);
    }
    expect(await change()).toBe(9);
  });

  test('a bad X-Change-Message is refused with 400 and nothing is written', async () => {
    const cases = ['x'.repeat(501), '%E0%A4%A', encodeURIComponent('two\nlines'), '   '];
    for (const message of cases) {
      const res = await request(h.app).post('/api/actors').set(AUTH).set('X-Change-Message', message).send(actor('never'));
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain('X-Change-Message');
    }
    expect(await change()).toBe(9);
    await get('/api/actors/never').expect(404);
  });
});
