/**
 * The v2 graph as analysts query it in Neo4j Browser (the model in server/store/neo4j/cypher.ts):
 * citations as CITES with stance, locator and quote, responses as RESPONDS_TO, episodes as
 * IN_EPISODE to Episode nodes, and the derived spans. And the links belonging to other actions
 * survive a rewrite of their target: replacing an action keeps the responses that name it.
 * Needs NEO4J_URI (skipped otherwise; a failure in CI).
 */
import neo4j, { type Driver } from 'neo4j-driver';
import type { Action, InterchangeDocument } from '../../contract';
import type { GraphStore } from '../../server/store/types';
import { describeWith } from '../support/needs';
import { neo4jFactory, neo4jMissing } from '../support/stores';

const database = () => process.env.NEO4J_DATABASE || 'neo4j';

const cutOff: Action = {
  id: 'cut-off',
  type: 'SUSPENDED',
  from: 'host',
  to: 'app',
  date: '2021-01-10T23:59',
  timezone: 'America/Los_Angeles',
  status: 'confirmed',
  summary: 'The host ended service to the app',
  episodes: ['ep'],
  term: 'indefinite',
  citations: [
    { source: 'report', stance: 'states', locator: 'para. 3', quote: 'service ends tonight' },
    { source: 'filing', stance: 'reports-claim' },
  ],
};

const suit: Action = {
  id: 'suit',
  type: 'SUED',
  from: 'app',
  to: 'host',
  date: '2021-01-11',
  timezone: 'America/Los_Angeles',
  status: 'confirmed',
  summary: 'The app went to court over the cut-off',
  respondsTo: ['cut-off'],
  episodes: ['ep'],
  citations: [{ source: 'filing', stance: 'states' }],
};

const doc: InterchangeDocument = {
  format: 'deplatforming-graph/v2',
  actors: [
    { id: 'host', name: 'Host', kind: 'company', layer: 'cloud-hosting' },
    { id: 'app', name: 'App', kind: 'app' },
  ],
  sources: [
    { id: 'report', title: 'A report' },
    { id: 'filing', title: 'A filing', kind: 'court-filing' },
  ],
  episodes: [{ id: 'ep', title: 'The cut-off', summary: 'The app loses its host', trigger: { text: 'an attack', wikidata: 'Q1' } }],
  actions: [cutOff, suit],
};

describeWith('neo4j', neo4jMissing(), 'the v2 graph in Neo4j', () => {
  let store: GraphStore;
  let driver: Driver;
  const query = async (cypher: string, params: Record<string, unknown> = {}) =>
    (await driver.executeQuery(cypher, params, { database: database() })).records.map((r) => r.toObject());

  beforeEach(async () => {
    store = await neo4jFactory.open();
    await store.importDocument(doc);
    driver = neo4j.driver(
      process.env.NEO4J_URI!,
      neo4j.auth.basic(process.env.NEO4J_USER || 'neo4j', process.env.NEO4J_PASSWORD || 'password'),
      { disableLosslessIntegers: true },
    );
  });

  afterEach(async () => {
    await driver.close();
    await neo4jFactory.cleanup(store);
  });

  test('citations are CITES relationships carrying stance, locator and quote', async () => {
    const rows = await query(
      `MATCH (:Action {id: 'cut-off'})-[c:CITES]->(s:Source)
       RETURN s.id AS source, c.stance AS stance, c.locator AS locator, c.quote AS quote ORDER BY source`,
    );
    expect(rows).toEqual([
      { source: 'filing', stance: 'reports-claim', locator: null, quote: null },
      { source: 'report', stance: 'states', locator: 'para. 3', quote: 'service ends tonight' },
    ]);
  });

  test('responses and episodes are relationships; the episode trigger is two properties', async () => {
    expect(await query(`MATCH (r:Action)-[:RESPONDS_TO]->(t:Action) RETURN r.id AS r, t.id AS t`)).toEqual([{ r: 'suit', t: 'cut-off' }]);
    expect(await query(`MATCH (a:Action)-[:IN_EPISODE]->(e:Episode {id: 'ep'}) RETURN a.id AS id ORDER BY id`)).toEqual([
      { id: 'cut-off' },
      { id: 'suit' },
    ]);
    expect(await query(`MATCH (e:Episode {id: 'ep'}) RETURN e.triggerText AS text, e.triggerWikidata AS wikidata`)).toEqual([
      { text: 'an attack', wikidata: 'Q1' },
    ]);
  });

  test('the derived spans: 23:59 Pacific on 10 January is 07:59 UTC on the 11th, and 23:59 on the 10th as wall-clock time', async () => {
    const [row] = await query(
      `MATCH (a:Action {id: 'cut-off'}) RETURN a.dateStart AS start, a.spanEnd AS end, a.localStart AS localStart, a.category AS category`,
    );
    // 2021-01-11T07:59:00Z and 2021-01-10T23:59:00 read as UTC; the minute lasts 60 s.
    expect(row).toEqual({ start: 1610351940000, end: 1610351999999, localStart: 1610323140000, category: 'sanction' });
  });

  test('replacing the target of a response keeps the response link (it is the response’s, not the target’s)', async () => {
    await store.replaceAction({ ...cutOff, summary: 'The host ended service to the app, in its words' });
    expect((await store.getAction('cut-off'))?.responses).toEqual(['suit']);
    expect(await query(`MATCH (r:Action)-[:RESPONDS_TO]->(t:Action) RETURN r.id AS r, t.id AS t`)).toEqual([{ r: 'suit', t: 'cut-off' }]);
    // Re-importing the document rewrites nothing, and the link still stands.
    const again = await store.importDocument(doc);
    expect(again.updated).toEqual({ actors: 0, sources: 0, episodes: 0, actions: 1 });
    expect((await store.getAction('cut-off'))?.responses).toEqual(['suit']);
  });

  test('a response no longer naming its target drops the link; then the target may be deleted', async () => {
    const { respondsTo: _dropped, ...unlinked } = suit;
    await store.replaceAction(unlinked);
    expect(await query(`MATCH ()-[l:RESPONDS_TO]->() RETURN count(l) AS n`)).toEqual([{ n: 0 }]);
    await store.deleteAction('cut-off');
    expect(await store.getAction('cut-off')).toBeNull();
    expect((await store.getEpisode('ep'))?.actions).toEqual(['suit']);
  });
});
