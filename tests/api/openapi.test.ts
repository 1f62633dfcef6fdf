/**
 * The OpenAPI document against the routes the server really answers (both ways), the docs page
 * under the CSP, security headers, CORS, and the built browser at /.
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import request from 'supertest';
import type { Express } from 'express';
import { ErrorBodySchema, ID_PATTERN } from '../../contract';
import { API_ROUTES } from '../../server/api/routes';
import { seedDocument } from '../support/seed';
import { describeEachStore, tempDir } from '../support/stores';
import { AUTH, importDoc, openHarness, type Harness } from './harness';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a walk over the OpenAPI document's arbitrary JSON
type Json = Record<string, any>;

interface RouterLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

/** Method and path of every route registered on the app, read from Express's router stack. */
function expressRoutes(app: Express): string[] {
  const stack = (app as unknown as { router: { stack: RouterLayer[] } }).router.stack;
  const out: string[] = [];
  for (const layer of stack) {
    if (!layer.route) continue;
    for (const [method, on] of Object.entries(layer.route.methods)) {
      if (on && method !== '_all') out.push(`${method.toUpperCase()} ${layer.route.path}`);
    }
  }
  return out.sort();
}

function documentedRoutes(doc: Json): string[] {
  return Object.entries(doc.paths as Json)
    .flatMap(([p, ops]) => Object.keys(ops as Json).map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`))
    .sort();
}

describeEachStore('API description and hardening', (factory) => {
  let h: Harness;
  let doc: Json;

  beforeAll(async () => {
    h = await openHarness(factory);
    await importDoc(h.app, seedDocument());
    doc = (await request(h.app).get('/api/openapi.json').expect(200)).body;
  });
  afterAll(() => h.close());

  describe('the OpenAPI document', () => {
    test('is OpenAPI 3.1 with JSON Schema 2020-12', () => {
      expect(doc.openapi).toBe('3.1.0');
      expect(doc.jsonSchemaDialect).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(doc.info.version).toBeTruthy();
    });

    test('documents exactly the routes registered on the app, and every one of the table', () => {
      const registered = expressRoutes(h.app).filter((r) => r.split(' ')[1]!.startsWith('/api'));
      expect(registered.length).toBeGreaterThan(20);
      expect(documentedRoutes(doc)).toEqual(registered);
      expect(registered).toEqual(API_ROUTES.map((r) => `${r.method.toUpperCase()} /api${r.path}`).sort());
    });

    test('every documented operation is answered by the server (not the unknown-route 404)', async () => {
      for (const [p, ops] of Object.entries(doc.paths as Json)) {
        for (const method of Object.keys(ops as Json)) {
          const url = p.replace('{id}', 'parler');
          const res = await (request(h.app) as unknown as Record<string, (u: string) => request.Test>)[method]!(url).set(AUTH).send();
          if (res.status === 404) expect(res.body.error.message).not.toMatch(/^no route/);
        }
      }
      const unknown = await request(h.app).get('/api/not-documented').expect(404);
      expect(unknown.body.error.message).toMatch(/^no route GET \/api\/not-documented/);
    });

    test('documents every parameter, body and answer; every $ref resolves', () => {
      const ids = new Set<string>();
      const text = JSON.stringify(doc);
      for (const ref of text.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)) {
        expect(doc.components.schemas[ref[1]!]).toBeDefined();
      }
      expect(text).not.toContain('#/$defs/');
      for (const ops of Object.values(doc.paths as Json)) {
        for (const op of Object.values(ops as Json) as Json[]) {
          expect(ids.has(op.operationId)).toBe(false);
          ids.add(op.operationId);
          expect(op.responses['400']).toBeDefined();
          expect(Object.keys(op.responses).some((s) => s.startsWith('2'))).toBe(true);
        }
      }
      const listActions = doc.paths['/api/actions'].get;
      const names = listActions.parameters.map((p: Json) => p.name).sort();
      expect(names).toEqual([
        'actor',
        'category',
        'claimedBy',
        'disputedBy',
        'episode',
        'from',
        'layer',
        'limit',
        'offset',
        'status',
        'to',
        'type',
        'tz',
      ]);
      for (const path of ['/api/graph', '/api/paths', '/api/chains', '/api/stats', '/api/export']) {
        const params = doc.paths[path].get.parameters.map((p: Json) => p.name);
        expect(params).toEqual(expect.arrayContaining(['claimedBy', 'disputedBy', 'category', 'layer', 'episode', 'tz']));
      }
      expect(doc.paths['/api/episodes/{id}'].delete.responses['409']).toBeDefined();
      expect(doc.paths['/api/vocabulary'].get.responses['200'].content['application/json'].schema).toEqual({
        $ref: '#/components/schemas/Vocabulary',
      });
      const limit = listActions.parameters.find((p: Json) => p.name === 'limit');
      expect(limit).toMatchObject({ in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 1000, default: 100 } });
      const paths = doc.paths['/api/paths'].get.parameters;
      expect(paths.find((p: Json) => p.name === 'source').required).toBe(true);
      expect(paths.find((p: Json) => p.name === 'maxLength').schema).toMatchObject({ minimum: 1, maximum: 6, default: 4 });
      const create = doc.paths['/api/actions'].post;
      expect(create.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Action' });
      expect(create.security).toEqual([{ bearerAuth: [] }]);
      expect(Object.keys(create.responses)).toEqual(expect.arrayContaining(['201', '401', '403', '409', '413', '429']));
      expect(doc.paths['/api/actors/{id}'].get.parameters[0]).toMatchObject({ name: 'id', in: 'path', required: true });
    });

    test('its schemas are the domain schemas that validate requests', () => {
      const actorSchema = doc.components.schemas.Actor;
      expect(actorSchema.additionalProperties).toBe(false);
      expect(actorSchema.properties.id.pattern).toBe(ID_PATTERN.source);
      expect(actorSchema.required).toEqual(expect.arrayContaining(['id', 'name', 'kind']));
      const action = doc.components.schemas.Action;
      expect(action.properties.type.enum).toContain('USERS_MIGRATED');
      expect(doc.components.schemas.InterchangeDocument.properties.actors.items).toEqual({ $ref: '#/components/schemas/Actor' });
      expect(action.properties.date).toEqual({ $ref: '#/components/schemas/Date' });
      const datePattern = new RegExp(doc.components.schemas.Date.pattern);
      for (const ok of [
        '2021',
        '2021-01',
        '2021-01-10',
        '2021-01-10T23:59:00-08:00',
        '2021-01-10T23:59Z',
        '2021-01-10T23:59:00.5+01:00',
        '2021-01-10T23:59',
        '2021-01-XX',
        '2021-01~',
        '2021-01-09/2021-01-10',
        '2021-01-11/..',
        '/2021-01-10',
      ]) {
        expect(datePattern.test(ok)).toBe(true);
      }
      for (const bad of ['Jan 10', '21-01-10', '2021-01-10T23:59-0800', '2021-1-5']) expect(datePattern.test(bad)).toBe(false);
      expect(doc.components.schemas.Error.properties.error.properties.code.enum).toEqual([
        'bad_request',
        'unauthorized',
        'forbidden',
        'not_found',
        'conflict',
        'misdirected_request',
        'payload_too_large',
        'rate_limited',
        'unavailable',
        'internal',
      ]);
    });

    test('every answer is exactly its documented schema: no field missing, none undocumented', async () => {
      const get = (url: string) =>
        request(h.app)
          .get(url)
          .expect(200)
          .then((res) => res.body as Json);
      const sourceId = (await get('/api/sources?limit=1')).items[0].id as string;
      const answers: [method: string, route: string, body: Json][] = [
        ['get', '/health', await get('/api/health')],
        ['get', '/graph', await get('/api/graph')],
        ['get', '/graph', await get('/api/graph?focus=parler&depth=2')],
        ['get', '/actors', await get('/api/actors?q=par')],
        ['get', '/actors/:id', await get('/api/actors/parler')],
        ['get', '/actions', await get('/api/actions?actor=parler')],
        ['get', '/actions/:id', await get('/api/actions/aws-suspends-parler')],
        ['get', '/sources', await get('/api/sources')],
        ['get', '/sources/:id', await get(`/api/sources/${sourceId}`)],
        ['get', '/paths', await get('/api/paths?source=parler&target=aws')],
        ['get', '/chains', await get('/api/chains?actor=parler')],
        ['get', '/stats', await get('/api/stats')],
        ['post', '/import', (await request(h.app).post('/api/import').set(AUTH).send(seedDocument()).expect(200)).body],
      ];
      for (const [method, route, body] of answers) {
        const schema = API_ROUTES.find((r) => r.method === method && r.path === route)?.responses[200]?.schema;
        if (!schema) throw new Error(`no documented answer for ${method} ${route}`);
        // zod objects drop keys they do not declare, so an equal parse also shows nothing undeclared was sent.
        expect({ route, body: schema.parse(body) }).toEqual({ route, body });
      }
      const missing = (await request(h.app).get('/api/actors/no-such-actor').expect(404)).body;
      expect(ErrorBodySchema.parse(missing)).toEqual(missing);
    });
  });

  describe('the docs page and headers', () => {
    test('the docs page is self-contained HTML with no inline script, under a strict CSP', async () => {
      const res = await request(h.app).get('/api/docs').expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      const html = res.text;
      expect(html).toContain('<script src="/api/docs/docs.js" defer></script>');
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(html).not.toMatch(/<style/);
      expect(html).not.toMatch(/\son\w+=/);
      expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
      const csp = res.headers['content-security-policy'] as string;
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
    });

    test('its script and stylesheet are served as files; the script parses', async () => {
      const js = await request(h.app).get('/api/docs/docs.js').expect(200);
      expect(js.headers['content-type']).toMatch(/^text\/javascript/);
      expect(() => new vm.Script(js.text)).not.toThrow();
      expect(js.text).toContain("fetch('/api/openapi.json'");
      expect(js.text).not.toContain('innerHTML');
      const css = await request(h.app).get('/api/docs/docs.css').expect(200);
      expect(css.headers['content-type']).toMatch(/^text\/css/);
    });

    test('security headers on every answer; no X-Powered-By', async () => {
      const res = await request(h.app).get('/api/health').expect(200);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBeDefined();
      expect(res.headers['x-powered-by']).toBeUndefined();
      expect(res.headers['content-security-policy']).toBeDefined();
    });

    test('CORS is closed by default', async () => {
      const res = await request(h.app).get('/api/actors').set('Origin', 'https://elsewhere.example').expect(200);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      const pre = await request(h.app)
        .options('/api/actors')
        .set('Origin', 'https://elsewhere.example')
        .set('Access-Control-Request-Method', 'POST');
      expect(pre.headers['access-control-allow-origin']).toBeUndefined();
    });
  });

  test('CORS opens to the configured origins only', async () => {
    const c = await openHarness(factory, { corsOrigins: ['https://client.example'], store: h.store });
    const ok = await request(c.app).get('/api/actors').set('Origin', 'https://client.example').expect(200);
    expect(ok.headers['access-control-allow-origin']).toBe('https://client.example');
    expect(ok.headers.vary).toMatch(/Origin/);
    const pre = await request(c.app)
      .options('/api/actors')
      .set('Origin', 'https://client.example')
      .set('Access-Control-Request-Method', 'POST')
      .expect(204);
    expect(pre.headers['access-control-allow-methods']).toContain('POST');
    expect(pre.headers['access-control-allow-headers']).toContain('Authorization');
    const other = await request(c.app).get('/api/actors').set('Origin', 'https://other.example').expect(200);
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  test('the built browser is served at / with client-side routes falling back to index.html', async () => {
    const dir = tempDir('dg-client-');
    try {
      fs.writeFileSync(
        path.join(dir, 'index.html'),
        '<!doctype html><title>browser</title><script type="module" src="/assets/app.js"></script>',
      );
      fs.mkdirSync(path.join(dir, 'assets'));
      fs.writeFileSync(path.join(dir, 'assets', 'app.js'), 'console.log(1);');
      const c = await openHarness(factory, { clientDir: dir, store: h.store });
      const index = await request(c.app).get('/').expect(200);
      expect(index.text).toContain('<title>browser</title>');
      expect(index.headers['content-security-policy']).toContain("script-src 'self'");
      const js = await request(c.app).get('/assets/app.js').expect(200);
      expect(js.headers['content-type']).toMatch(/javascript/);
      expect((await request(c.app).get('/actor/parler').expect(200)).text).toContain('<title>browser</title>');
      const api = await request(c.app).get('/api/nope').expect(404);
      expect(api.body.error.code).toBe('not_found');
      await request(c.app).get('/api').expect(404);
      await request(c.app).post('/anything').expect(404);
      const none = await openHarness(factory, { clientDir: null, store: h.store });
      await request(none.app).get('/').expect(404);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
