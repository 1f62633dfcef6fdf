/**
 * Traversals on the held topology (server/store/neo4j/topology.ts) answer as the fetching path
 * and as the embedded store, and a write moves a server off a held topology at once: the next
 * traversal answers the new state, on either path. Needs NEO4J_URI (skipped otherwise; a failure in CI).
 */
import { generateGraph } from '../../bench/generate';
import type { ActionFilter, InterchangeDocument } from '../../contract';
import { silentLogger } from '../../server/logger';
import { Neo4jStore } from '../../server/store/neo4j';
import type { GraphStore } from '../../server/store/types';
import { describeWith } from '../support/needs';
import { embeddedFactory, neo4jFactory, neo4jMissing } from '../support/stores';

const FILTERS: ActionFilter[] = [{}, { types: ['BANNED', 'SUED', 'SUSPENDED'] }, { from: '2017-01-01', to: '2021-06-30' }];

async function answers(store: GraphStore, doc: InterchangeDocument): Promise<unknown[]> {
  const ids = doc.actors!.map((a) => a.id).slice(0, 12);
  const out: unknown[] = [];
  for (const filter of FILTERS) {
    for (const [i, id] of ids.entries()) {
      out.push(await store.neighbourhood(id, 2, filter, 60));
      out.push(await store.shortestPaths(id, ids[(i + 5) % ids.length]!, 4, filter, 50));
      out.push(await store.chains(id, 4, filter, 50));
    }
  }
  // As the API asks them (under a request's probe, where the Neo4j store reads the held topology).
  const atRequest = <T>(work: () => Promise<T>) => (store.atCurrentVersion ? store.atCurrentVersion(work) : work());
  for (const id of [...ids, 'no-such-actor']) out.push(await atRequest(() => store.getActor(id)));
  return out;
}

async function holding(store: Neo4jStore): Promise<boolean> {
  for (let i = 0; i < 100; i++) {
    if (await store.holdsTopology()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

describeWith('neo4j', neo4jMissing(), 'Neo4j traversals on the held topology', () => {
  const doc = generateGraph({ actors: 50, actions: 300, seed: 7 });
  let held: Neo4jStore;
  let fetching: Neo4jStore;
  let embedded: GraphStore;

  beforeAll(async () => {
    embedded = await embeddedFactory.open();
    await embedded.importDocument(doc);
    held = (await neo4jFactory.open()) as Neo4jStore;
    await held.importDocument(doc);
    process.env.NEO4J_TOPOLOGY_MAX_ACTIONS = '0';
    try {
      // Connected, not opened through the factory: that would wipe the database.
      fetching = await Neo4jStore.connect(
        {
          uri: process.env.NEO4J_URI!,
          user: process.env.NEO4J_USER || 'neo4j',
          password: process.env.NEO4J_PASSWORD || 'password',
          database: process.env.NEO4J_DATABASE || 'neo4j',
        },
        silentLogger(),
      );
    } finally {
      delete process.env.NEO4J_TOPOLOGY_MAX_ACTIONS;
    }
  }, 120_000);

  afterAll(async () => {
    await embeddedFactory.cleanup(embedded);
    await fetching?.close();
    await neo4jFactory.cleanup(held);
  });

  test('answers as the fetching path and as the embedded store', async () => {
    expect(await holding(held)).toBe(true);
    expect(await fetching.holdsTopology()).toBe(false);
    const expected = await answers(embedded, doc);
    expect(await answers(held, doc)).toEqual(expected);
    // Again, now from the action records kept for this version.
    expect(await answers(held, doc)).toEqual(expected);
    expect(await answers(fetching, doc)).toEqual(expected);
  }, 300_000);

  test('records kept for a version are not answered after a write', async () => {
    expect(await holding(held)).toBe(true);
    const focus = doc.actions![0]!.from;
    const first = (await held.neighbourhood(focus, 1, {}, 60))!;
    const shown = first.actions[0]!;
    expect(first.actions.length).toBeGreaterThan(0);
    const renamed = { ...doc.actions!.find((a) => a.id === shown.id)!, summary: 'rewritten by another server' };
    await fetching.replaceAction(renamed);
    try {
      const after = (await held.neighbourhood(focus, 1, {}, 60))!;
      expect(after.actions.find((a) => a.id === shown.id)!.summary).toBe('rewritten by another server');
      const detail = await held.atCurrentVersion((_v) => held.getActor(focus));
      expect(detail).toEqual(await fetching.getActor(focus));
      expect(await holding(held)).toBe(true);
      expect((await held.neighbourhood(focus, 1, {}, 60))!.actions.find((a) => a.id === shown.id)!.summary).toBe(
        'rewritten by another server',
      );
    } finally {
      await fetching.replaceAction(doc.actions!.find((a) => a.id === shown.id)!);
    }
    expect((await held.neighbourhood(focus, 1, {}, 60))!.actions.find((a) => a.id === shown.id)).toEqual(shown);
  }, 120_000);

  test('a write made through another store is in the next traversal', async () => {
    expect(await holding(held)).toBe(true);
    // Two actors no action links directly: the new one is then their only shortest path.
    const linked = new Set(doc.actions!.flatMap((x) => [`${x.from} ${x.to}`, `${x.to} ${x.from}`]));
    const ids = doc.actors!.map((x) => x.id);
    const [a, b] = ids.flatMap((x) => ids.filter((y) => y !== x && !linked.has(`${x} ${y}`)).map((y) => [x, y]))[0]!;
    const before = await held.shortestPaths(a!, b!, 4, {}, 50);
    const direct = {
      id: 'topology-direct',
      type: 'BANNED' as const,
      from: a!,
      to: b!,
      date: '2020-01-01',
      status: 'confirmed' as const,
      summary: 'x',
      citations: [{ source: doc.sources![0]!.id, stance: 'states' as const }],
    };
    await fetching.createAction(direct);
    expect(await held.shortestPaths(a!, b!, 4, {}, 50)).toEqual([{ actors: [a, b], actions: ['topology-direct'] }]);
    expect(before).not.toEqual([{ actors: [a, b], actions: ['topology-direct'] }]);
    await fetching.deleteAction('topology-direct');
    expect(await held.shortestPaths(a!, b!, 4, {}, 50)).toEqual(before);
  }, 120_000);
});
