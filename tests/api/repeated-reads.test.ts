/**
 * Graph, path and chain answers asked again: the same body and a validator for conditional
 * requests, and never an answer from before the last acknowledged write.
 */
import request from 'supertest';
import { describeEachStore } from '../support/stores';
import { AUTH, action, doc, importDoc, openHarness, type Harness } from './harness';

describeEachStore('API repeated reads', (factory) => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness(factory);
    await importDoc(h.app, doc(['r-a', 'r-b', 'r-c'], [action('r-ab', 'BANNED', 'r-a', 'r-b', '2021-01-01')]));
  });
  afterAll(() => h.close());

  const urls = ['/api/graph?focus=r-a&depth=2', '/api/graph', '/api/paths?source=r-a&target=r-c', '/api/chains?actor=r-a'];
  const bodies = async () => Promise.all(urls.map(async (u) => (await request(h.app).get(u).expect(200)).body));

  test('asked twice, the same answer; with its ETag, 304 Not Modified', async () => {
    const first = await request(h.app).get(urls[0]!).expect(200);
    const second = await request(h.app).get(urls[0]!).expect(200);
    expect(second.body).toEqual(first.body);
    expect(second.headers['content-type']).toMatch(/^application\/json/);
    const tag = second.headers.etag as string;
    expect(tag).toBeTruthy();
    await request(h.app).get(urls[0]!).set('If-None-Match', tag).expect(304);
  });

  test("after a write, each answer is the new graph's; after deleting it, the old one again", async () => {
    const before = await bodies();
    expect(before[2].paths).toEqual([]);
    const oldTag = (await request(h.app).get(urls[0]!)).headers.etag as string;
    await request(h.app)
      .post('/api/actions')
      .set(AUTH)
      .send(action('r-bc', 'SUED', 'r-b', 'r-c', '2021-01-02'))
      .expect(201);
    const after = await bodies();
    expect(after[0].elements.edges.map((e: { data: { id: string } }) => e.data.id).sort()).toEqual(['r-ab', 'r-bc']);
    expect(after[1].elements.edges).toHaveLength(2);
    expect(after[2].paths).toEqual([{ actors: ['r-a', 'r-b', 'r-c'], actions: ['r-ab', 'r-bc'] }]);
    expect(after[3].chains.map((c: { actions: string[] }) => c.actions)).toEqual([['r-ab', 'r-bc']]);
    // The validator of the old answer no longer matches: the client gets the new body.
    await request(h.app).get(urls[0]!).set('If-None-Match', oldTag).expect(200);
    await request(h.app).delete('/api/actions/r-bc').set(AUTH).expect(204);
    expect(await bodies()).toEqual(before);
  });

  test('a 404 or 400 is not kept in place of a later answer', async () => {
    await request(h.app).get('/api/graph?focus=r-new').expect(404);
    await request(h.app).post('/api/actors').set(AUTH).send({ id: 'r-new', name: 'New', kind: 'company' }).expect(201);
    const g = await request(h.app).get('/api/graph?focus=r-new').expect(200);
    expect(g.body.elements.nodes.map((n: { data: { id: string } }) => n.data.id)).toEqual(['r-new']);
  });
});
