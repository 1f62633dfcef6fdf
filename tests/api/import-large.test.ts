/**
 * Imports larger than 64 KB are read and checked in a worker thread (server/import-worker/): the
 * answers are those of a small import, on both stores — created and unchanged counts, refusals
 * naming their problems, JSON and encoding errors — and a refused one writes nothing.
 */
import request from 'supertest';
import { describeEachStore } from '../support/stores';
import { action, actor, AUTH, doc, openHarness, type Harness } from './harness';

const N = 1500;
const big = (prefix: string) =>
  doc(
    Array.from({ length: N }, (_, i) => actor(`${prefix}-${i}`)),
    Array.from({ length: N }, (_, i) => action(`${prefix}-x${i}`, 'BANNED', `${prefix}-${i}`, `${prefix}-${(i + 1) % N}`, '2020-01-01')),
  );

describeEachStore('large imports, checked off the event loop', (factory) => {
  let h: Harness;
  // Sent as given (superagent would otherwise write a Buffer as JSON of its bytes).
  const send = (body: string | Buffer, contentType = 'application/json') =>
    request(h.app)
      .post('/api/import')
      .set(AUTH)
      .set('Content-Type', contentType)
      .serialize((b: unknown) => b as string)
      .send(body);
  const count = async () => (await request(h.app).get('/api/actors?limit=1').expect(200)).body.total as number;

  beforeAll(async () => {
    h = await openHarness(factory);
  });
  afterAll(() => h.close());

  test('a valid 600 KB document is imported, then found unchanged', async () => {
    const body = JSON.stringify(big('lg'));
    expect(body.length).toBeGreaterThan(64 * 1024);
    const first = await send(body).expect(200);
    expect(first.body.created).toMatchObject({ actors: N, actions: N });
    const again = await send(body).expect(200);
    expect(again.body.unchanged).toMatchObject({ actors: N, actions: N });
    expect(again.body.created).toMatchObject({ actors: 0, actions: 0 });
    expect((await request(h.app).get('/api/actors/lg-7').expect(200)).body.name).toBe('Actor lg-7');
  }, 60_000);

  test('refusals name their problems as for a small body, and nothing is written', async () => {
    const before = await count();
    const d = big('rf');
    d.actions![1200]!.to = 'nobody';
    const refs = await send(JSON.stringify(d)).expect(400);
    expect(refs.body.error.message).toContain('the import was rejected and nothing was written');
    expect(refs.body.error.details).toEqual(['actions[1200].to: unknown actor "nobody"']);

    const unnamed = big('nm');
    for (const a of unnamed.actors!) delete (a as { name?: string }).name;
    const schema = await send(JSON.stringify(unnamed)).expect(400);
    expect(schema.body.error.details).toHaveLength(N);
    expect(schema.body.error.details[0]).toMatch(/^actors\[0\]\.name: /);
    expect(schema.body.error.message).toContain(`(and ${N - 5} more)`);

    const text = JSON.stringify(big('js'));
    const json = await send(text.slice(0, -1)).expect(400);
    expect(json.body.error.message).toMatch(/^the body is not valid JSON: /);

    const bytes = Buffer.from(text, 'utf8');
    bytes[bytes.length - 10] = 0xff;
    const utf8 = await send(bytes).expect(400);
    expect(utf8.body.error.message).toBe('the body is not valid UTF-8');

    const latin1 = await send(text, 'application/json; charset=latin1').expect(400);
    expect(latin1.body.error.message).toBe('the body cannot be read: unsupported charset "LATIN1"');
    expect(await count()).toBe(before);
  }, 60_000);
});

describeEachStore('import bodies that are not JSON', (factory) => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness(factory);
  });
  afterAll(() => h.close());

  // The import reads its own bytes (server/import-worker/check.ts); every other route has
  // express.json read them. The two must word a broken body alike.
  test.each(['x', '  1', 'nul', '"a"', '{"a":', '[1,]', '\ufeff{"format": tru}'])(
    '%j: the same 400 as express.json gives',
    async (body) => {
      const asked = (url: string) => request(h.app).post(url).set(AUTH).set('Content-Type', 'application/json').send(body);
      const viaImport = await asked('/api/import').expect(400);
      const viaJson = await asked('/api/actors').expect(400);
      expect(viaImport.body.error.message).toMatch(/^the body is not valid JSON: /);
      expect(viaImport.body.error).toEqual(viaJson.body.error);
    },
  );
});
