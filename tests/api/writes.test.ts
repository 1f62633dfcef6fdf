/** Writes: create, replace, delete, import; the token; rate limits; what the logs hold. */
import request from 'supertest';
import { describeEachStore } from '../support/stores';
import { AUTH, TOKEN, action, actor, doc, openHarness, source, SRC, type Harness } from './harness';

describeEachStore('API writes', (factory) => {
  let h: Harness;
  const post = (url: string, body: unknown) =>
    request(h.app)
      .post(url)
      .set(AUTH)
      .send(body as object);
  const put = (url: string, body: unknown) =>
    request(h.app)
      .put(url)
      .set(AUTH)
      .send(body as object);
  const del = (url: string) => request(h.app).delete(url).set(AUTH);
  const get = (url: string) => request(h.app).get(url);

  beforeAll(async () => {
    h = await openHarness(factory);
  });
  afterAll(() => h.close());

  describe('actors, sources, actions', () => {
    test('POST creates (201, Location, the stored record); POST of an existing id is 409', async () => {
      const res = await post('/api/actors', actor('w-a', { name: 'Writer A', aliases: ['WA'] })).expect(201);
      expect(res.headers.location).toBe('/api/actors/w-a');
      expect(res.body).toMatchObject({ id: 'w-a', name: 'Writer A', degree: 0, actionCounts: {} });
      expect((await get('/api/actors/w-a').expect(200)).body.aliases).toEqual(['WA']);
      const again = await post('/api/actors', actor('w-a')).expect(409);
      expect(again.body.error.code).toBe('conflict');
      expect(again.body.error.message).toContain('"w-a"');
      await post('/api/actors', actor('w-b')).expect(201);
      await post('/api/sources', source(SRC, { url: 'https://example.org/a?b=c' })).expect(201);
      await post('/api/sources', source(SRC)).expect(409);
    });

    test('PUT replaces (200); unknown id 404; a body id differing from the path is 400', async () => {
      const res = await put('/api/actors/w-a', actor('w-a', { name: 'Writer A2', kind: 'person' })).expect(200);
      expect(res.body).toMatchObject({ id: 'w-a', name: 'Writer A2', kind: 'person' });
      expect((await get('/api/actors/w-a').expect(200)).body.aliases).toBeUndefined();
      const unknown = await put('/api/actors/w-zzz', actor('w-zzz')).expect(404);
      expect(unknown.body.error.code).toBe('not_found');
      const differing = await put('/api/actors/w-a', actor('w-b')).expect(400);
      expect(differing.body.error.message).toMatch(/id "w-b" differs from the path's id "w-a"/);
      await put('/api/sources/' + SRC, source(SRC, { title: 'Retitled' })).expect(200);
      await put('/api/sources/nope', source('nope')).expect(404);
      await put('/api/sources/' + SRC, source('other')).expect(400);
    });

    test('an action whose references do not resolve is a 400 naming each', async () => {
      const bad = action('w-x', 'BANNED', 'w-a', 'w-ghost', '2021', { sources: ['no-src'], claimedBy: ['w-nobody'], status: 'alleged' });
      const res = await post('/api/actions', bad).expect(400);
      expect(res.body.error.code).toBe('bad_request');
      expect(res.body.error.details).toEqual(
        expect.arrayContaining([
          'to: unknown actor "w-ghost"',
          'claimedBy[0]: unknown actor "w-nobody"',
          'citations[0].source: unknown source "no-src"',
        ]),
      );
      expect(res.body.error.message).toContain('unknown actor "w-ghost"');
      await get('/api/actions/w-x').expect(404);
    });

    test('actions: create with sources answered, replace, and the domain rules hold', async () => {
      const created = await post('/api/actions', action('w-x', 'BANNED', 'w-a', 'w-b', '2021-01-08')).expect(201);
      expect(created.body.sources.map((s: { id: string }) => s.id)).toEqual([SRC]);
      await post('/api/actions', action('w-x', 'BANNED', 'w-a', 'w-b')).expect(409);
      const replaced = await put('/api/actions/w-x', action('w-x', 'SUED', 'w-a', 'w-b', '2021-01-09')).expect(200);
      expect(replaced.body).toMatchObject({ type: 'SUED', date: '2021-01-09' });
      await put('/api/actions/w-y', action('w-y', 'SUED', 'w-a', 'w-b')).expect(404);
      await put('/api/actions/w-x', action('w-y', 'SUED', 'w-a', 'w-b')).expect(400);
      const self = await post('/api/actions', action('w-self', 'SUED', 'w-a', 'w-a')).expect(400);
      expect(self.body.error.details).toContain('to: may not equal "from"');
      const alleged = await post('/api/actions', action('w-al', 'ACCUSED', 'w-a', 'w-b', '2021', { status: 'alleged' })).expect(400);
      expect(alleged.body.error.details[0]).toMatch(/^claimedBy: /);
      const ended = await post('/api/actions', action('w-end', 'HOSTED', 'w-a', 'w-b', '2021-02/2021-01')).expect(400);
      expect(ended.body.error.details).toContain('date: invalid date "2021-02/2021-01": the end is before the start');
      expect((await get('/api/actors/w-a').expect(200)).body.degree).toBe(1);
    });

    test('deleting what an action references is a 409 listing the actions', async () => {
      const actorConflict = await del('/api/actors/w-b').expect(409);
      expect(actorConflict.body.error).toMatchObject({ code: 'conflict', details: ['w-x'] });
      const sourceConflict = await del(`/api/sources/${SRC}`).expect(409);
      expect(sourceConflict.body.error.details).toEqual(['w-x']);
      await get('/api/actors/w-b').expect(200);
    });

    test('DELETE answers 204, then the record is gone (404 on a second delete)', async () => {
      await del('/api/actions/w-x').expect(204);
      await del('/api/actions/w-x').expect(404);
      await del('/api/actors/w-b').expect(204);
      await del(`/api/sources/${SRC}`).expect(204);
      await get('/api/actors/w-b').expect(404);
      await del('/api/actors/w-b').expect(404);
      await del('/api/sources/nothing-here').expect(404);
    });

    test('invalid bodies are 400s naming each field; unknown fields are not ignored', async () => {
      const res = await post('/api/actors', { id: 'Bad Id', name: '', kind: 'alien', extra: 1 }).expect(400);
      const details: string[] = res.body.error.details;
      expect(details).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^id: must be a slug/),
          expect.stringMatching(/^name: /),
          expect.stringMatching(/^kind: /),
        ]),
      );
      expect(details).toContain('(root): unknown field(s): "extra"');
      expect(res.body.error.message).toMatch(/^invalid body: /);
      const url = await post('/api/sources', source('w-js', { url: 'javascript:alert(1)' })).expect(400);
      expect(url.body.error.details[0]).toMatch(/^url: URL scheme "javascript:" is not allowed/);
      await post('/api/sources', source('w-rel', { url: '/relative/path' })).expect(400);
      await post('/api/sources', source('w-date', { published: 'Jan 10' })).expect(400);
    });

    test('a write without a JSON body is a 400', async () => {
      const res = await request(h.app).post('/api/actors').set(AUTH).set('Content-Type', 'text/plain').send('id=x').expect(400);
      expect(res.body.error.message).toContain('JSON body is required');
      await request(h.app).post('/api/actors').set(AUTH).expect(400);
    });
  });

  describe('import', () => {
    const graph = doc(['i-a', 'i-b'], [action('i-ab', 'HOSTED', 'i-a', 'i-b', '2020/2021-01')]);

    test('imports, reports counts, and is idempotent', async () => {
      const first = await post('/api/import', graph).expect(200);
      expect(first.body).toEqual({
        created: { actors: 2, sources: 1, episodes: 0, actions: 1 },
        updated: { actors: 0, sources: 0, episodes: 0, actions: 0 },
        unchanged: { actors: 0, sources: 0, episodes: 0, actions: 0 },
      });
      const second = await post('/api/import', graph).expect(200);
      expect(second.body.unchanged).toEqual({ actors: 2, sources: 1, episodes: 0, actions: 1 });
      expect(second.body.created).toEqual({ actors: 0, sources: 0, episodes: 0, actions: 0 });
      const changed = doc([actor('i-a', { name: 'Renamed' }), 'i-b'], graph.actions!);
      const third = await post('/api/import', changed).expect(200);
      expect(third.body.updated).toEqual({ actors: 1, sources: 0, episodes: 0, actions: 0 });
      expect((await get('/api/actors/i-a').expect(200)).body.name).toBe('Renamed');
    });

    test('all or nothing: one unresolved reference rejects the payload, every problem named by path', async () => {
      const before = (await get('/api/health').expect(200)).body.counts;
      const bad = doc(['i-new'], [action('i-ok', 'SUED', 'i-new', 'i-a', '2021'), action('i-bad', 'SUED', 'i-new', 'parlr', '2021')]);
      const res = await post('/api/import', bad).expect(400);
      expect(res.body.error.code).toBe('bad_request');
      expect(res.body.error.details).toEqual(['actions[1].to: unknown actor "parlr"']);
      expect(res.body.error.message).toContain('actions[1].to: unknown actor "parlr"');
      expect((await get('/api/health').expect(200)).body.counts).toEqual(before);
      await get('/api/actors/i-new').expect(404);
    });

    test('schema problems are named by JSON path too', async () => {
      const bad = {
        format: 'deplatforming-graph/v1',
        actors: [actor('i-c'), { id: 'I C', name: 'x', kind: 'company' }],
        actions: [{ id: 'z' }],
      };
      const res = await post('/api/import', bad).expect(400);
      const details: string[] = res.body.error.details;
      expect(details).toEqual(
        expect.arrayContaining([expect.stringMatching(/^actors\[1\]\.id: must be a slug/), expect.stringMatching(/^actions\[0\]\.type: /)]),
      );
      expect(res.body.error.message).toMatch(/^the import was rejected and nothing was written: actors\[1\]\.id/);
      const wrongFormat = await post('/api/import', { format: 'v2' }).expect(400);
      expect(wrongFormat.body.error.details[0]).toMatch(/^format: /);
      await get('/api/actors/i-c').expect(404);
    });
  });
});

describeEachStore('API auth, rate limits and logs', (factory) => {
  test('no token and a wrong token are 401 with WWW-Authenticate; the token is never logged', async () => {
    const h = await openHarness(factory, { logLevel: 'debug' });
    try {
      const none = await request(h.app).post('/api/actors').send(actor('t-a')).expect(401);
      expect(none.body.error.code).toBe('unauthorized');
      expect(none.headers['www-authenticate']).toMatch(/^Bearer/);
      const wrong = await request(h.app)
        .post('/api/actors')
        .set('Authorization', 'Bearer wrong-token-value')
        .send(actor('t-a'))
        .expect(401);
      expect(wrong.headers['www-authenticate']).toMatch(/^Bearer .*invalid_token/);
      await request(h.app)
        .post('/api/actors')
        .set('Authorization', `Basic ${Buffer.from(`u:${TOKEN}`).toString('base64')}`)
        .send(actor('t-a'))
        .expect(401);
      await request(h.app).post('/api/actors').set('Authorization', `Bearer ${TOKEN}x`).send(actor('t-a')).expect(401);
      await request(h.app).delete('/api/actors/t-a').expect(401);
      await request(h.app).put('/api/actors/t-a').send(actor('t-a')).expect(401);
      await request(h.app).post('/api/import').send(doc([], [])).expect(401);
      await request(h.app).get('/api/actors/t-a').expect(404);
      await request(h.app).post('/api/actors').set(AUTH).set('X-Request-Id', 'req-create-t-a').send(actor('t-a')).expect(201);
      await request(h.app)
        .post('/api/actors')
        .set(AUTH)
        .send({ ...actor('t-b'), bad: TOKEN })
        .expect(400);
      const logs = h.logText();
      expect(logs).toContain('req-create-t-a');
      expect(logs).not.toContain(TOKEN);
      expect(logs).not.toContain('wrong-token-value');
      expect(logs.toLowerCase()).not.toContain('authorization');
    } finally {
      await h.close();
    }
  });

  test('without API_TOKEN every write is 403 "writes are disabled"; reads answer', async () => {
    const h = await openHarness(factory, { token: null });
    try {
      for (const [method, url] of [
        ['post', '/api/actors'],
        ['put', '/api/actors/x'],
        ['delete', '/api/actors/x'],
        ['post', '/api/import'],
        ['post', '/api/sources'],
        ['delete', '/api/actions/x'],
      ] as const) {
        const res = await request(h.app)[method](url).set(AUTH).send(actor('x')).expect(403);
        expect(res.body.error).toEqual({ code: 'forbidden', message: expect.stringContaining('writes are disabled'), details: [] });
      }
      await request(h.app).get('/api/actors').expect(200);
    } finally {
      await h.close();
    }
  });

  test('writes beyond the per-minute limit are 429 rate_limited with Retry-After; reads are not limited', async () => {
    const h = await openHarness(factory, { writeRateLimitPerMinute: 3 });
    try {
      for (let i = 0; i < 3; i++)
        await request(h.app)
          .post('/api/actors')
          .set(AUTH)
          .send(actor(`r-${i}`))
          .expect(201);
      const limited = await request(h.app).post('/api/actors').set(AUTH).send(actor('r-9')).expect(429);
      expect(limited.body.error.code).toBe('rate_limited');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      await request(h.app).post('/api/actors').send(actor('r-9')).expect(401); // guesses have their own limit (failed-token-limit.test.ts)
      for (let i = 0; i < 5; i++) await request(h.app).get('/api/actors').expect(200);
      await request(h.app).get('/api/actors/r-9').expect(404);
    } finally {
      await h.close();
    }
  });
});
