/**
 * Hostile and malformed input: injection strings in every parameter, prototype pollution, broken
 * JSON, oversized bodies, unknown parameters and routes, every bound. Never a 5xx, nothing lost.
 */
import request from 'supertest';
import pino from 'pino';
import { createApp } from '../../server/app';
import { readConfig } from '../../server/config';
import { StorageFullError, UnavailableError } from '../../server/store/errors';
import { seedDocument } from '../support/seed';
import { describeEachStore } from '../support/stores';
import { AUTH, TOKEN, action, actor, failingStore, importDoc, openHarness, source, type Harness } from './harness';

const INJECTIONS = [
  "' OR 1=1 //",
  '"}) MATCH (n) DETACH DELETE n //',
  "x') WITH 1 AS x MATCH (n) DETACH DELETE n RETURN 1 //",
  '$limit',
  '`; CALL db.clearQueryCaches() //',
  '../../../etc/passwd',
  '<script>alert(1)</script>',
  '\u0000',
  'a'.repeat(5000),
];

/** Every GET with its parameters, and the other parameters it needs to be valid. */
const QUERY_PARAMS: Array<[string, string[], string]> = [
  ['/api/actors', ['q', 'kind', 'layer', 'limit', 'offset'], ''],
  ['/api/actions', ['actor', 'type', 'status', 'from', 'to', 'limit', 'offset'], ''],
  ['/api/sources', ['q', 'limit', 'offset'], ''],
  ['/api/graph', ['focus', 'depth', 'type', 'status', 'from', 'to'], ''],
  ['/api/paths', ['source', 'target', 'maxLength', 'type', 'status', 'from', 'to'], 'source=parler&target=aws'],
  ['/api/chains', ['actor', 'maxLength', 'type', 'status', 'from', 'to'], 'actor=parler'],
  ['/api/export', ['format', 'part', 'type', 'status', 'from', 'to'], 'format=json'],
];

const PATH_PARAMS = ['/api/actors/', '/api/actions/', '/api/sources/'];

function expectErrorShape(body: unknown): void {
  expect(body).toEqual({ error: { code: expect.any(String), message: expect.any(String), details: expect.any(Array) } });
  expect(JSON.stringify(body)).not.toMatch(/\bat .+\.(ts|js):\d+/);
}

describeEachStore('API hostile input', (factory) => {
  let h: Harness;
  let exportBefore: string;
  const get = (url: string) => request(h.app).get(url);

  beforeAll(async () => {
    h = await openHarness(factory);
    await importDoc(h.app, seedDocument());
    exportBefore = (await get('/api/export?format=json').expect(200)).text;
  });
  afterAll(() => h.close());

  test('injection strings in every query parameter: a 400 or an empty answer, never a 5xx', async () => {
    for (const [path, params, base] of QUERY_PARAMS) {
      for (const param of params) {
        for (const value of INJECTIONS) {
          const query = [
            base
              .split('&')
              .filter((kv) => kv && !kv.startsWith(`${param}=`))
              .join('&'),
            `${param}=${encodeURIComponent(value)}`,
          ]
            .filter(Boolean)
            .join('&');
          const res = await get(`${path}?${query}`);
          if (res.status === 200) {
            if (param === 'q') expect(res.body.items).toEqual([]);
            else throw new Error(`${path} ${param}=${value.slice(0, 20)} answered 200`);
          } else {
            expect([400]).toContain(res.status);
            expectErrorShape(res.body);
            expect(res.body.error.message).toContain(`"${param}"`);
          }
        }
      }
    }
  });

  test('injection strings in path parameters are 400s, with and without the token', async () => {
    for (const path of PATH_PARAMS) {
      for (const value of INJECTIONS) {
        const url = path + encodeURIComponent(value);
        for (const res of [
          await get(url),
          await request(h.app).delete(url).set(AUTH),
          await request(h.app).put(url).set(AUTH).send(actor('x')),
        ]) {
          expect(res.status).toBe(400);
          expectErrorShape(res.body);
          expect(res.body.error.message).toContain('"id"');
        }
      }
    }
  });

  test('injection strings as record text are stored as text, and find nothing else', async () => {
    const name = '"}) MATCH (n) DETACH DELETE n //';
    await request(h.app)
      .post('/api/actors')
      .set(AUTH)
      .send(actor('inj-a', { name, aliases: ["' OR 1=1 //"] }))
      .expect(201);
    await request(h.app)
      .post('/api/sources')
      .set(AUTH)
      .send(source('inj-s', { title: "' OR 1=1 //", publisher: '$limit' }))
      .expect(201);
    await request(h.app)
      .post('/api/actions')
      .set(AUTH)
      .send(action('inj-x', 'BANNED', 'inj-a', 'parler', '2021', { summary: name, sources: ['inj-s'] }))
      .expect(201);
    expect((await get('/api/actors/inj-a').expect(200)).body.name).toBe(name);
    const found = await get(`/api/actors?q=${encodeURIComponent("' OR 1=1 //")}`).expect(200);
    expect(found.body.items.map((a: { id: string }) => a.id)).toEqual(['inj-a']);
    await request(h.app).delete('/api/actions/inj-x').set(AUTH).expect(204);
    await request(h.app).delete('/api/sources/inj-s').set(AUTH).expect(204);
    await request(h.app).delete('/api/actors/inj-a').set(AUTH).expect(204);
  });

  test('nothing was deleted or changed by any of it', async () => {
    expect((await get('/api/export?format=json').expect(200)).text).toBe(exportBefore);
  });

  test('prototype-pollution bodies are rejected as unknown fields', async () => {
    const cases: Array<[string, string, RegExp]> = [
      [
        '/api/actors',
        '{"id":"pp","name":"P","kind":"company","__proto__":{"polluted":true}}',
        /^\(root\): unknown field\(s\): "__proto__"/,
      ],
      [
        '/api/actors',
        '{"id":"pp","name":"P","kind":"company","constructor":{"prototype":{"polluted":true}}}',
        /^\(root\): unknown field\(s\): "constructor"/,
      ],
      [
        '/api/import',
        '{"format":"deplatforming-graph/v1","actors":[{"id":"pp","name":"P","kind":"company","__proto__":{"polluted":true}}]}',
        /^actors\[0\]: unknown field\(s\): "__proto__"/,
      ],
      [
        '/api/actions',
        '{"id":"pp","type":"BANNED","from":"parler","to":"aws","status":"confirmed","summary":"s","sourceIds":["x"],"details":{"__proto__":["polluted"]}}',
        /^details: unknown field\(s\): "__proto__"/,
      ],
      [
        '/api/actions',
        '{"id":"pp","type":"BANNED","from":"parler","to":"aws","status":"confirmed","summary":"s","sourceIds":["x"],"details":{"constructor":"x"}}',
        /^details: unknown field\(s\): "constructor"/,
      ],
    ];
    for (const [url, body, detail] of cases) {
      const res = await request(h.app).post(url).set(AUTH).set('Content-Type', 'application/json').send(body).expect(400);
      expectErrorShape(res.body);
      expect(res.body.error.details[0]).toMatch(detail);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as unknown as Record<string, unknown>).polluted).toBeUndefined();
    await get('/api/actors/pp').expect(404);
  });

  test('malformed JSON and non-object bodies are 400s', async () => {
    for (const body of ['{"id": "x", ', '{id: "x"}', '"just a string"', 'null', '[]', '{"a":1}}', '\u00ff\u00fe']) {
      const res = await request(h.app).post('/api/actors').set(AUTH).set('Content-Type', 'application/json').send(body);
      expect(res.status).toBe(400);
      expectErrorShape(res.body);
      expect(res.body.error.code).toBe('bad_request');
    }
    const res = await request(h.app).post('/api/import').set(AUTH).set('Content-Type', 'application/json').send('{"format":');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/not valid JSON/);
  });

  test('deeply nested bodies are 400s, not a stack overflow', async () => {
    const depth = 200_000;
    const body = `{"id":"deep","name":"n","kind":"company","description":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    const res = await request(h.app).post('/api/actors').set(AUTH).set('Content-Type', 'application/json').send(body);
    expect(res.status).toBe(400);
    expect(res.body.error.details[0]).toMatch(/^description(\[0\])+: is nested more than 20 levels deep/);
    const details = `{"format":"deplatforming-graph/v1","actions":[{"details":{"k":${'['.repeat(50)}${']'.repeat(50)}}}]}`;
    const viaImport = await request(h.app).post('/api/import').set(AUTH).set('Content-Type', 'application/json').send(details);
    expect(viaImport.status).toBe(400);
    await get('/api/actors/deep').expect(404);
  });

  test('bodies over 1 MB (records) and 10 MB (import) are 413s; an import between the two is read', async () => {
    const big = JSON.stringify({ ...actor('big'), description: 'x'.repeat(1024 * 1024 + 10) });
    const res = await request(h.app).post('/api/actors').set(AUTH).set('Content-Type', 'application/json').send(big).expect(413);
    expect(res.body.error.code).toBe('payload_too_large');
    expect(res.body.error.message).toContain('1 MB');
    const twoMb = JSON.stringify({
      format: 'deplatforming-graph/v1',
      actors: [{ ...actor('big'), description: 'x'.repeat(2 * 1024 * 1024) }],
    });
    const read = await request(h.app).post('/api/import').set(AUTH).set('Content-Type', 'application/json').send(twoMb).expect(400);
    expect(read.body.error.details[0]).toMatch(/^actors\[0\]\.description: /);
    const huge = JSON.stringify({
      format: 'deplatforming-graph/v1',
      actors: [{ ...actor('big'), description: 'x'.repeat(10 * 1024 * 1024 + 10) }],
    });
    const tooBig = await request(h.app).post('/api/import').set(AUTH).set('Content-Type', 'application/json').send(huge).expect(413);
    expect(tooBig.body.error.message).toContain('10 MB');
    await get('/api/actors/big').expect(404);
  });

  test('only http: and https: URLs are accepted in a source', async () => {
    for (const url of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
      'vbscript:x',
      'not a url',
    ]) {
      const res = await request(h.app).post('/api/sources').set(AUTH).send(source('bad-url', { url })).expect(400);
      expect(res.body.error.details[0]).toMatch(/^url: /);
    }
    const viaImport = await request(h.app)
      .post('/api/import')
      .set(AUTH)
      .send({ format: 'deplatforming-graph/v1', sources: [source('bad-url', { url: 'javascript:alert(1)' })] })
      .expect(400);
    expect(viaImport.body.error.details[0]).toMatch(/^sources\[0\]\.url: /);
    await get('/api/sources/bad-url').expect(404);
  });

  test('unknown and repeated query parameters are 400s naming them', async () => {
    for (const url of [
      '/api/health?x=1',
      '/api/stats?verbose=1',
      '/api/actors?name=parler',
      '/api/actions?actors=parler',
      '/api/graph?focus=parler&deep=2',
      '/api/openapi.json?v=1',
    ]) {
      const res = await get(url).expect(400);
      expectErrorShape(res.body);
      expect(res.body.error.message).toMatch(/is not a parameter of this endpoint/);
    }
    expect((await get('/api/actors?name=parler').expect(400)).body.error.message).toContain('"name"');
    const repeated = await get('/api/actions?type=SUED&type=BANNED').expect(400);
    expect(repeated.body.error.message).toBe('invalid query parameter "type": is given more than once');
    await get('/api/actors?limit[$gt]=1').expect(400);
    for (const key of ['__proto__', 'constructor', 'prototype', '__proto__[polluted]']) {
      const res = await get(`/api/actors?${encodeURIComponent(key)}=1`).expect(400);
      expect(res.body.error.message).toContain(`"${key}": is not a parameter`);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('every bound is checked, never clamped', async () => {
    const bad: Array<[string, string]> = [
      ['/api/actors?limit=0', 'limit'],
      ['/api/actors?limit=1001', 'limit'],
      ['/api/actors?limit=100000', 'limit'],
      ['/api/actors?limit=', 'limit'],
      ['/api/actors?limit=1e2', 'limit'],
      ['/api/actors?offset=-1', 'offset'],
      ['/api/actors?kind=alien', 'kind'],
      ['/api/actors?layer=space', 'layer'],
      ['/api/actors?q=' + 'q'.repeat(201), 'q'],
      ['/api/graph?focus=parler&depth=0', 'depth'],
      ['/api/graph?focus=parler&depth=4', 'depth'],
      ['/api/actions?from=2021-02&to=2021-01', 'from'],
      ['/api/actions?from=2021-13-01', 'from'],
      ['/api/actions?to=Jan%2010', 'to'],
      ['/api/actions?from=2021-01-10T23:59', 'from'],
      ['/api/actions?type=BANNED,NOPE', 'type'],
      ['/api/actions?type=', 'type'],
      ['/api/actions?status=maybe', 'status'],
      ['/api/actions?actor=Not%20A%20Slug', 'actor'],
      ['/api/graph?from=2022&to=2021', 'from'],
      ['/api/paths?source=parler&target=aws&maxLength=0', 'maxLength'],
      ['/api/chains?actor=parler&maxLength=9', 'maxLength'],
    ];
    for (const [url, param] of bad) {
      const res = await get(url);
      expect([url, res.status]).toEqual([url, 400]);
      expectErrorShape(res.body);
      expect(res.body.error.code).toBe('bad_request');
      expect(res.body.error.message).toContain(`"${param}"`);
      expect(res.body.error.details.length).toBeGreaterThan(0);
    }
    // The edges of each range are accepted.
    for (const url of [
      '/api/actors?limit=1',
      '/api/actors?limit=1000',
      '/api/graph?focus=parler&depth=3',
      '/api/actions?from=2021-01&to=2021-01',
      '/api/actors?offset=9007199254740991',
    ]) {
      await get(url).expect(200);
    }
    expect((await get('/api/actors?offset=9007199254740991').expect(200)).body.items).toEqual([]);
  });

  test('unknown routes under /api are JSON 404s; malformed paths are 400s', async () => {
    for (const [method, url] of [
      ['get', '/api/nope'],
      ['get', '/api'],
      ['post', '/api/stats'],
      ['delete', '/api/graph'],
      ['get', '/api/actors/parler/extra'],
      ['patch', '/api/actors/parler'],
    ] as const) {
      const res = await request(h.app)[method](url).set(AUTH);
      expect(res.status).toBe(404);
      expectErrorShape(res.body);
      expect(res.body.error.code).toBe('not_found');
    }
    const bad = await get('/api/actors/%E0%A4%A');
    expect(bad.status).toBe(400);
    expectErrorShape(bad.body);
  });
});

describe('API store failures', () => {
  const config = { ...readConfig({}), apiToken: TOKEN };
  const appWith = (error: () => Error) => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (l: string) => void lines.push(l) });
    return { app: createApp({ store: failingStore(error), config, logger, clientDir: null }), logs: () => lines.join('') };
  };

  test('an unreachable store is a 503 unavailable with Retry-After; health says so', async () => {
    const { app } = appWith(() => new UnavailableError('the database does not answer', 7));
    const res = await request(app).get('/api/actors').expect(503);
    expect(res.headers['retry-after']).toBe('7');
    expect(res.body.error.code).toBe('unavailable');
    const health = await request(app).get('/api/health').expect(503);
    expect(health.headers['retry-after']).toBe('7');
    expect(health.body).toMatchObject({ status: 'unavailable', store: 'embedded', error: { code: 'unavailable' } });
  });

  test('a full data folder is a 507 with code unavailable and a Retry-After', async () => {
    const { app } = appWith(() => new StorageFullError('the data folder is full; the write was not kept'));
    const res = await request(app).post('/api/actors').set(AUTH).send(actor('a')).expect(507);
    expect(res.body.error.code).toBe('unavailable');
    // Space comes back only when someone frees it: a minute, not an outage's second.
    expect(res.headers['retry-after']).toBe('60');
  });

  test('an unexpected error is a 500 internal that tells nothing of its cause; the log has it with the request id', async () => {
    const { app, logs } = appWith(() => new Error('boom in /secret/path/db.ts'));
    const res = await request(app).get('/api/stats').set('X-Request-Id', 'req-500-1').expect(500);
    expectErrorShape(res.body);
    expect(res.body.error.code).toBe('internal');
    expect(res.text).not.toContain('boom');
    expect(res.text).not.toContain('secret');
    expect(res.body.error.message).toContain('req-500-1');
    expect(logs()).toContain('boom in /secret/path/db.ts');
    expect(logs()).toContain('req-500-1');
  });
});
