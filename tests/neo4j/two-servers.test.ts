/**
 * Two app servers on one Neo4j, as a team past one machine runs them: a write through either is in
 * the very next read of the other (neither serves an answer it kept from before the write), imports
 * sent to both at once keep every acknowledged record, and a server's restart loses nothing.
 *
 * Needs NEO4J_URI (a real Neo4j; `npm run test:neo4j` starts one, .ci/run does too) and the built
 * server (`npm run build`; `npm test` builds first). Skipped otherwise, with the reason; in CI a
 * missing Neo4j fails instead (tests/support/needs.ts).
 */
import { action, actor, doc, source } from '../contract/fixtures';
import { Client } from '../reliability/support/http';
import { builtServerAvailable, killAllServers, RELIABILITY_TOKEN, startServer, type ServerProcess } from '../reliability/support/server';
import { describeWith, type Need } from '../support/needs';
import { neo4jFactory, neo4jMissing } from '../support/stores';

const [need, missing]: [Need, string | null] = neo4jMissing()
  ? ['neo4j', neo4jMissing()]
  : !builtServerAvailable()
    ? ['build', 'dist/server/main.js is not built (`npm run build` first; `npm test` does it)']
    : ['neo4j', null];

/** Both servers start on an empty database and leave it so (no seed racing between them). */
const start = () => startServer({ neo4jUri: process.env.NEO4J_URI!, env: { SEED: 'none' }, readyTimeoutMs: 180_000 });

interface Pair {
  server: ServerProcess;
  client: Client;
}

function pair(server: ServerProcess): Pair {
  // A fresh connection a request: one reused as the server drops it for idling would hang up.
  return { server, client: new Client(server.url, { token: RELIABILITY_TOKEN, timeoutMs: 120_000, keepAlive: false }) };
}

const ids = (items: Array<{ id: string }>) => items.map((i) => i.id).sort();
const nodeIds = (body: { elements: { nodes: Array<{ data: { id: string } }> } }) => body.elements.nodes.map((n) => n.data.id).sort();
const edgeIds = (body: { elements: { edges: Array<{ data: { id: string } }> } }) => body.elements.edges.map((e) => e.data.id).sort();

describeWith(need, missing, 'two app servers on one Neo4j', () => {
  let a: Pair;
  let b: Pair;

  beforeAll(async () => {
    // A clean database: the suites before this one leave theirs behind.
    const store = await neo4jFactory.open();
    await neo4jFactory.cleanup(store);
    [a, b] = (await Promise.all([start(), start()])).map(pair) as [Pair, Pair];
  }, 400_000);

  afterAll(async () => {
    a?.client.close();
    b?.client.close();
    await killAllServers();
  }, 60_000);

  test('a write through either server is in the next read of the other, traversals included', async () => {
    const base = doc({ actors: ['hub', 'x', 'y'], actions: [action('t1', 'BANNED', 'hub', 'x', '2021-01-08')] });
    expect((await a.client.write('POST', '/api/import', base)).status).toBe(200);

    // B reads the neighbourhood first, so a kept answer, if any, would be the one without y.
    const before = await b.client.get('/api/graph?focus=hub&depth=1');
    expect(before.status).toBe(200);
    expect(nodeIds(before.body)).toEqual(['hub', 'x']);
    expect((await b.client.get('/api/graph?focus=hub&depth=1')).status).toBe(200);
    // The timeline too is kept per version of the database: read twice, so a kept page would be served.
    for (let i = 0; i < 2; i++) expect(ids((await b.client.get('/api/actions?actor=hub')).body.items)).toEqual(['t1']);

    // A adds an action from hub to y: B's next answer has y and the new action.
    const added = await a.client.write('POST', '/api/actions', action('t2', 'SUSPENDED', 'hub', 'y', '2021-01-09'));
    expect(added.status).toBe(201);
    const after = await b.client.get('/api/graph?focus=hub&depth=1');
    expect(nodeIds(after.body)).toEqual(['hub', 'x', 'y']);
    expect(edgeIds(after.body)).toEqual(['t1', 't2']);
    expect(ids((await b.client.get('/api/actions?actor=hub')).body.items)).toEqual(['t1', 't2']);

    // And the other way round: B deletes t1, A's next path and timeline answers no longer have it.
    const paths = await a.client.get('/api/paths?source=x&target=y&maxLength=4');
    expect(paths.status).toBe(200);
    expect(paths.body).toEqual({ paths: [{ actors: ['x', 'hub', 'y'], actions: ['t1', 't2'] }] });
    expect((await b.client.write('DELETE', '/api/actions/t1')).status).toBe(204);
    expect((await a.client.get('/api/paths?source=x&target=y&maxLength=4')).body).toEqual({ paths: [] });
    expect(ids((await a.client.get('/api/actions?actor=hub')).body.items)).toEqual(['t2']);
    // Health counts come from the database, not from either server's memory.
    expect((await a.client.get('/api/health')).body.counts).toMatchObject({ actors: 3, actions: 1 });
  }, 180_000);

  test('imports sent to both at once: every acknowledged record is kept, and both servers read them all', async () => {
    const half = (prefix: string) =>
      doc({
        actors: Array.from({ length: 200 }, (_, i) => actor(`${prefix}-actor-${i}`)),
        sources: [source(`${prefix}-src`)],
        actions: Array.from({ length: 400 }, (_, i) =>
          action(`${prefix}-action-${i}`, 'BANNED', `${prefix}-actor-${i % 200}`, `${prefix}-actor-${(i * 7 + 1) % 200}`, '2022-03-01', {
            sources: [`${prefix}-src`],
          }),
        ),
      });
    // Each server gets three imports at once, six in all, on both sides of the same database.
    const sent = ['p', 'q', 'r', 's', 't', 'u'].map((prefix, i) => ({ prefix, via: i % 2 ? b : a }));
    const answers = await Promise.all(sent.map(({ prefix, via }) => via.client.write('POST', '/api/import', half(prefix))));
    const acked = sent.filter((_, i) => answers[i]!.status === 200).map((s) => s.prefix);
    // Disjoint documents do not conflict: all six are acknowledged.
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    for (const r of answers) expect(r.body.created).toMatchObject({ actors: 200, sources: 1, actions: 400 });

    for (const via of [a, b]) {
      const exported = await via.client.get('/api/export?format=json');
      expect(exported.status).toBe(200);
      const actions = new Set((exported.body.actions as Array<{ id: string }>).map((x) => x.id));
      for (const prefix of acked) {
        for (let i = 0; i < 400; i++) expect(actions.has(`${prefix}-action-${i}`)).toBe(true);
      }
      // 2,400 imported, plus t2 from the first test.
      expect(actions.size).toBe(2401);
    }
  }, 300_000);

  test("one server's restart loses nothing: what was written through it or the other is there when it is back", async () => {
    expect((await a.client.write('POST', '/api/actors', actor('before-restart'))).status).toBe(201);
    a.client.close();
    const exit = await a.server.stop();
    expect(exit.code).toBe(0);
    // While A is away, B goes on taking writes.
    expect((await b.client.write('POST', '/api/actors', actor('while-away'))).status).toBe(201);
    a = pair(await start());
    expect((await a.client.get('/api/actors/before-restart')).status).toBe(200);
    expect((await a.client.get('/api/actors/while-away')).status).toBe(200);
    // 3 from the first test, 6 × 200 imported, and these two.
    expect((await a.client.get('/api/health')).body.counts).toMatchObject({ actors: 1205, actions: 2401 });
    expect((await b.client.get('/api/health')).body.counts).toMatchObject({ actors: 1205, actions: 2401 });
  }, 300_000);
});
