/**
 * Named keys with roles at the API: reader < editor < admin, API_TOKEN as an admin, revocation
 * without a restart, keys refused in URLs, reads protected on demand.
 */
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { addKey, revokeKey } from '../support/keys';
import { describeEachStore, tempDir } from '../support/stores';
import { AUTH, TOKEN, action, actor, doc, openHarness, source, SRC, type Harness } from './harness';

const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });

describeEachStore('named keys and roles', (factory) => {
  let dir: string;
  let file: string;
  let h: Harness;
  const keys: Record<'reader' | 'editor' | 'admin', string> = { reader: '', editor: '', admin: '' };

  beforeAll(async () => {
    dir = tempDir('dg-keys-');
    file = path.join(dir, 'keys.json');
    keys.reader = await addKey(file, 'rita', 'reader');
    keys.editor = await addKey(file, 'eddie', 'editor');
    keys.admin = await addKey(file, 'ada', 'admin');
    h = await openHarness(factory, { config: { apiKeysFile: file } });
    await request(h.app)
      .post('/api/import')
      .set(AUTH)
      .send(doc(['k-a', 'k-b', 'k-c'], [action('k-ab', 'BANNED', 'k-a', 'k-b', '2021-01-08')]))
      .expect(200);
  });
  afterAll(async () => {
    await h.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('a reader key cannot write: 403 naming the editor role', async () => {
    const res = await request(h.app).post('/api/actors').set(bearer(keys.reader)).send(actor('k-r')).expect(403);
    expect(res.body.error.code).toBe('forbidden');
    expect(res.body.error.message).toContain('needs the editor role');
    expect(res.body.error.message).toContain('"rita" has the reader role');
    expect(res.body.error.details).toEqual(['role: editor needed']);
    await request(h.app).get('/api/actors/k-r').expect(404);
    await request(h.app)
      .post('/api/import')
      .set(bearer(keys.reader))
      .send(doc(['k-r'], []))
      .expect(403);
  });

  test('an editor writes records and imports, but cannot delete an actor or a source: 403 naming admin', async () => {
    const ed = bearer(keys.editor);
    await request(h.app).post('/api/actors').set(ed).send(actor('k-e')).expect(201);
    await request(h.app)
      .put('/api/actors/k-e')
      .set(ed)
      .send(actor('k-e', { name: 'Edited' }))
      .expect(200);
    await request(h.app)
      .post('/api/import')
      .set(ed)
      .send(doc(['k-e2'], []))
      .expect(200);
    await request(h.app).post('/api/sources').set(ed).send(source('k-src')).expect(201);
    // Deleting an action is an edit of the record, not the removal of a party others cite.
    await request(h.app).delete('/api/actions/k-ab').set(ed).expect(204);
    for (const url of ['/api/actors/k-e', '/api/sources/k-src']) {
      const res = await request(h.app).delete(url).set(ed).expect(403);
      expect(res.body.error.message).toContain('needs the admin role');
      expect(res.body.error.message).toContain('"eddie" has the editor role');
    }
    expect((await request(h.app).get('/api/actors/k-e').expect(200)).body.name).toBe('Edited');
    await request(h.app).get('/api/sources/k-src').expect(200);
  });

  test('an admin deletes actors and sources', async () => {
    await request(h.app).delete('/api/actors/k-e').set(bearer(keys.admin)).expect(204);
    await request(h.app).delete('/api/sources/k-src').set(bearer(keys.admin)).expect(204);
    await request(h.app).get('/api/actors/k-e').expect(404);
  });

  test('API_TOKEN keeps working beside the key file, as an admin', async () => {
    await request(h.app).post('/api/actors').set(AUTH).send(actor('k-t')).expect(201);
    await request(h.app).delete('/api/actors/k-t').set(AUTH).expect(204);
  });

  test('a revoked key is refused at once with 401, without a restart; a key added meanwhile works at once', async () => {
    const key = await addKey(file, 'temp-editor', 'editor');
    await request(h.app).post('/api/actors').set(bearer(key)).send(actor('k-v1')).expect(201);
    await revokeKey(file, 'temp-editor');
    const res = await request(h.app).post('/api/actors').set(bearer(key)).send(actor('k-v2')).expect(401);
    expect(res.body.error.code).toBe('unauthorized');
    expect(res.body.error.message).toContain('revoked');
    expect(res.headers['www-authenticate']).toContain('error="invalid_token"');
    await request(h.app).get('/api/actors/k-v2').expect(404);
    // The others are untouched by the change of file.
    await request(h.app).post('/api/actors').set(bearer(keys.editor)).send(actor('k-v3')).expect(201);
  });

  test('a wrong secret behind a real key id, a malformed key, or no key is 401', async () => {
    const forged = keys.editor.slice(0, -4) + (keys.editor.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    for (const header of [bearer(forged), bearer('dpg_0000000000000000_nothing'), bearer('not-a-key'), {}]) {
      const res = await request(h.app).post('/api/actors').set(header).send(actor('k-x')).expect(401);
      expect(res.body.error.code).toBe('unauthorized');
      expect(res.headers['www-authenticate']).toMatch(/^Bearer realm=/);
    }
    await request(h.app).get('/api/actors/k-x').expect(404);
  });

  test('reads stay public when READS_NEED_KEY is not set, and a read ignores the key file', async () => {
    await request(h.app).get('/api/actors').expect(200);
    await request(h.app).get('/api/graph').expect(200);
  });

  test('a key in the URL is refused with 400 naming the parameter, on reads, writes and unknown paths alike', async () => {
    for (const [method, url] of [
      ['get', `/api/actors?key=${keys.reader}`],
      ['get', `/api/graph?token=${keys.admin}`],
      ['post', `/api/actors?api_key=${keys.editor}`],
      ['get', `/api/nowhere?access_token=${keys.admin}`],
      ['get', `/api/health?apiKey=x`],
    ] as const) {
      const agent = request(h.app);
      const res = method === 'post' ? await agent.post(url).send(actor('k-url')) : await agent.get(url);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(
        /invalid query parameter "(key|token|api_key|access_token|apiKey)": keys are accepted only in the Authorization header/,
      );
    }
    await request(h.app).get('/api/actors/k-url').expect(404);
  });

  test('no key and no secret reach the log, not even from a refused URL', async () => {
    const log = h.logText();
    expect(log).toContain('/api/graph?token=[redacted]');
    for (const key of Object.values(keys)) {
      expect(log).not.toContain(key);
      expect(log).not.toContain(key.slice(-43));
    }
    expect(log).not.toContain(TOKEN);
  });

  test('the key file holds names, roles and hashes, never a key, and only its owner can read it', () => {
    const text = fs.readFileSync(file, 'utf8');
    for (const key of Object.values(keys)) {
      expect(text).not.toContain(key);
      expect(text).not.toContain(key.slice(-43));
    }
    const names = (JSON.parse(text) as { keys: Array<{ name: string; hash: string }> }).keys.map((k) => k.name);
    expect(names).toEqual(['rita', 'eddie', 'ada', 'temp-editor']);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  test('a key file that turns invalid fails closed (503, logged, named keys refused); fixed, it serves again', async () => {
    const good = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, '{"format": "deplatforming-graph/keys/v1", "keys": [');
    try {
      const res = await request(h.app).post('/api/actors').set(bearer(keys.editor)).send(actor('k-f')).expect(503);
      expect(res.body.error.code).toBe('unavailable');
      expect(res.body.error.message).toContain('key file');
      expect(h.logText()).toContain('is not JSON');
      // API_TOKEN does not depend on the file.
      await request(h.app).post('/api/actors').set(AUTH).send(actor('k-f')).expect(201);
    } finally {
      fs.writeFileSync(file, good);
    }
    await request(h.app).post('/api/actors').set(bearer(keys.editor)).send(actor('k-f2')).expect(201);
  });
});

describeEachStore('READS_NEED_KEY', (factory) => {
  let dir: string;
  let h: Harness;
  let reader: string;

  beforeAll(async () => {
    dir = tempDir('dg-keys-');
    const file = path.join(dir, 'keys.json');
    reader = await addKey(file, 'rita', 'reader');
    h = await openHarness(factory, { config: { apiKeysFile: file, readsNeedKey: true } });
    await request(h.app)
      .post('/api/import')
      .set(AUTH)
      .send(doc(['r-a'], []))
      .expect(200);
  });
  afterAll(async () => {
    await h.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('every read needs at least a reader key; health and the API description stay public', async () => {
    for (const url of ['/api/actors', '/api/actors/r-a', '/api/graph', '/api/export?format=json', `/api/sources/${SRC}`]) {
      const res = await request(h.app).get(url).expect(401);
      expect(res.body.error.message).toContain('a key with the reader role is required');
      await request(h.app).get(url).set(bearer(reader)).expect(200);
      await request(h.app).get(url).set(AUTH).expect(200);
    }
    await request(h.app).get('/api/actors').set(bearer('not-a-key')).expect(401);
    await request(h.app).get('/api/health').expect(200);
    await request(h.app).get('/api/openapi.json').expect(200);
  });

  test('a reader key still cannot write', async () => {
    const res = await request(h.app).post('/api/actors').set(bearer(reader)).send(actor('r-b')).expect(403);
    expect(res.body.error.message).toContain('editor');
  });
});
