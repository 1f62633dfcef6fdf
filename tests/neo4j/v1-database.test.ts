/**
 * A Neo4j database written by the store of interchange v1 keeps working after the upgrade: at
 * connect, its actions become the v2 records that say the same (as a v1 import is converted), so
 * reads, filters and deletes see citations, not the v1 `sourceIds`. Needs NEO4J_URI (skipped
 * otherwise; a failure in CI).
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { Neo4jStore } from '../../server/store/neo4j';
import { silentLogger } from '../../server/logger';
import { ConflictError } from '../../server/store/errors';
import { describeWith } from '../support/needs';
import { neo4jFactory, neo4jMissing } from '../support/stores';

const database = () => process.env.NEO4J_DATABASE || 'neo4j';

function settings() {
  return {
    uri: process.env.NEO4J_URI!,
    user: process.env.NEO4J_USER || 'neo4j',
    password: process.env.NEO4J_PASSWORD || 'password',
    database: database(),
  };
}

/** What the v1 store wrote for two actors, two sources and two actions (its own statements' shape). */
async function writeV1Graph(driver: Driver): Promise<void> {
  await driver.executeQuery(
    `CREATE (p:Actor {id: 'parler', name: 'Parler', kind: 'platform', searchText: 'parler'})
     CREATE (w:Actor {id: 'aws', name: 'Amazon Web Services', kind: 'company', searchText: 'amazon web services'})
     CREATE (s1:Source {id: 'news-1', title: 'A news report'})
     CREATE (s2:Source {id: 'filing-1', title: 'A court filing', kind: 'court-filing'})
     CREATE (w)-[:ACTED]->(cut:Action {id: 'cut', type: 'SUSPENDED', date: '2021-01-10', endDate: '2021-01-11',
        status: 'confirmed', summary: 'Hosting ended', sourceIds: ['news-1', 'filing-1'],
        detailsJson: '{"service":"EC2"}', dateStart: 1610236800000, spanEnd: 1610409599999,
        fromId: 'aws', toId: 'parler'})-[:ACTED_ON]->(p)
     CREATE (cut)-[:CITES]->(s1), (cut)-[:CITES]->(s2)
     CREATE (p)-[:ACTED]->(acc:Action {id: 'accusation', type: 'ACCUSED', date: '2021-01', status: 'alleged',
        claimedBy: ['parler'], summary: 'Parler says the cut-off was unfair', sourceIds: ['filing-1'],
        dateStart: 1609459200000, spanEnd: 1612137599999, fromId: 'parler', toId: 'aws'})-[:ACTED_ON]->(w)
     CREATE (acc)-[:CITES]->(s2), (p)-[:CLAIMS]->(acc)`,
    {},
    { database: database() },
  );
}

describeWith('neo4j', neo4jMissing(), 'a database written by the v1 store, opened by the v2 store', () => {
  let driver: Driver;
  let store: Neo4jStore;

  beforeEach(async () => {
    // An empty database with the store's schema in place, then v1 content written beside it.
    const empty = await neo4jFactory.open();
    await neo4jFactory.cleanup(empty);
    driver = neo4j.driver(settings().uri, neo4j.auth.basic(settings().user, settings().password));
    await writeV1Graph(driver);
    store = await Neo4jStore.connect(settings(), silentLogger());
  });

  afterEach(async () => {
    await store.wipeForTests();
    await store.close();
    await driver.close();
  });

  test('actions read back as v2 records: one interval, citations with the stance the status implies', async () => {
    const { sources: _sources, responses, time, ...cut } = (await store.getAction('cut'))!;
    expect(cut).toStrictEqual({
      id: 'cut',
      type: 'SUSPENDED',
      from: 'aws',
      to: 'parler',
      date: '2021-01-10/2021-01-11',
      status: 'confirmed',
      summary: 'Hosting ended',
      citations: [
        { source: 'news-1', stance: 'states' },
        { source: 'filing-1', stance: 'states' },
      ],
      details: { service: 'EC2' },
    });
    expect(responses).toEqual([]);
    // 10 January 00:00 to 11 January 23:59:59.999, UTC days (v1 gave no zone).
    expect(time).toEqual({
      start: 1610236800000,
      end: 1610409599999,
      localStart: 1610236800000,
      localEnd: 1610409599999,
      precision: 'day',
      uncertain: false,
      approximate: false,
    });
    const { sources: _s, responses: _r, time: _t, ...accusation } = (await store.getAction('accusation'))!;
    expect(accusation).toStrictEqual({
      id: 'accusation',
      type: 'ACCUSED',
      from: 'parler',
      to: 'aws',
      date: '2021-01',
      status: 'alleged',
      claimedBy: ['parler'],
      summary: 'Parler says the cut-off was unfair',
      citations: [{ source: 'filing-1', stance: 'reports-claim' }],
    });
  });

  test('the converted actions keep their links: sources are still cited, filters and windows still find them', async () => {
    expect((await store.getSource('filing-1'))!.actions).toEqual(['accusation', 'cut']);
    await expect(store.deleteSource('news-1')).rejects.toBeInstanceOf(ConflictError);
    // The cut-off spans 10 and 11 January (UTC days, as v1 read them).
    const on11th = await store.listActions({ limit: 10, offset: 0, from: '2021-01-11', to: '2021-01-11' });
    expect(on11th.items.map((a) => a.id)).toEqual(['accusation', 'cut']);
    const claimed = await store.listActions({ limit: 10, offset: 0, claimedBy: ['parler'] });
    expect(claimed.items.map((a) => a.id)).toEqual(['accusation']);
  });

  test('a second start finds nothing left to convert and changes nothing', async () => {
    const before = await store.exportDocument({});
    const again = await Neo4jStore.connect(settings(), silentLogger());
    try {
      expect(await again.exportDocument({})).toEqual(before);
    } finally {
      await again.close();
    }
  });
});
