/**
 * A big import on a real Neo4j: all or nothing even when the server fails a statement after
 * earlier batches of the same transaction were written; the history record of a first import (every
 * record created, no befores) and of a re-import (the befores the rules read); and the
 * shortcut for kinds the database holds none of, which must not let an unknown reference through.
 * Needs NEO4J_URI (skipped otherwise; a failure in CI).
 */
import type { Action, Actor, InterchangeDocument } from '../../contract';
import { silentLogger } from '../../server/logger';
import { Db, type Tx } from '../../server/store/neo4j/db';
import { CREATE_ACTIONS_LINKED } from '../../server/store/neo4j/cypher';
import { importDocument } from '../../server/store/neo4j/writes';
import type { GraphStore } from '../../server/store/types';
import { describeWith } from '../support/needs';
import { neo4jFactory, neo4jMissing } from '../support/stores';

const FORMAT = 'deplatforming-graph/v2' as const;

const actors: Actor[] = Array.from({ length: 50 }, (_, i) => ({ id: `actor-${i}`, name: `Actor ${i}`, kind: 'company' }));

/** More actions than three of the store's batches (5,000 rows each). */
function actions(n: number, prefix = 'action'): Action[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `${prefix}-${i}`,
    type: 'SUSPENDED',
    from: `actor-${i % 50}`,
    to: `actor-${(i * 7 + 1) % 50}`,
    date: '2021-01-10',
    status: 'confirmed',
    summary: `Action ${i}`,
    citations: [{ source: 'report', stance: 'states' }],
  }));
}

const base: InterchangeDocument = { format: FORMAT, actors, sources: [{ id: 'report', title: 'A report' }] };

/**
 * A Db whose third CREATE_ACTIONS_LINKED statement is one Neo4j itself fails (a division by
 * zero), standing in for any server-side failure in the middle of a big import.
 */
function failingOnThirdBatch(db: Db): Db {
  let batches = 0;
  const failing = (tx: Tx): Tx => ({
    run: (query, params) =>
      query === CREATE_ACTIONS_LINKED && ++batches === 3 ? tx.run('RETURN 1 / 0 AS created') : tx.run(query, params),
  });
  return { write: (work: (tx: Tx) => Promise<unknown>) => db.write((tx) => work(failing(tx))) } as unknown as Db;
}

describeWith('neo4j', neo4jMissing(), 'a big import on Neo4j', () => {
  let store: GraphStore;
  let db: Db;

  beforeEach(async () => {
    store = await neo4jFactory.open();
    db = Db.open(
      process.env.NEO4J_URI!,
      process.env.NEO4J_USER || 'neo4j',
      process.env.NEO4J_PASSWORD || 'password',
      process.env.NEO4J_DATABASE || 'neo4j',
      silentLogger(),
    );
  });

  afterEach(async () => {
    await db.close();
    await neo4jFactory.cleanup(store);
  });

  test('a statement the server fails after two batches were written leaves nothing of the import', async () => {
    await store.importDocument(base);
    const before = { counts: await store.counts(), change: await store.changeNumber() };
    const doc: InterchangeDocument = {
      format: FORMAT,
      actors: [{ id: 'newcomer', name: 'Newcomer', kind: 'app' }],
      actions: actions(12_000),
    };
    await expect(importDocument(failingOnThirdBatch(db), doc)).rejects.toThrow(/Neo4j query failed/);
    expect(await store.counts()).toEqual(before.counts);
    expect(await store.changeNumber()).toBe(before.change);
    expect(await store.getActor('newcomer')).toBeNull();
    expect(await store.getAction('action-0')).toBeNull();
    // The same import, on a Db that does not fail, then goes through whole.
    const result = await store.importDocument(doc);
    expect(result.created).toEqual({ actors: 1, sources: 0, episodes: 0, actions: 12_000 });
    expect((await store.counts()).actions).toBe(12_000);
  }, 120_000);

  test('history: a first import is every record created with no before; a re-import records the befores it replaced', async () => {
    await store.importDocument({ ...base, actions: actions(3) });
    const [first] = await store.history({ limit: 1 });
    expect(first!.records.map((r) => `${r.op} ${r.kind}:${r.id} ${r.before === null ? 'new' : 'had'}`)).toContain(
      'created action:action-2 new',
    );
    expect(first!.records.every((r) => r.op === 'created' && r.before === null)).toBe(true);
    expect(first!.records).toHaveLength(actors.length + 1 + 3);

    const changed = actions(3).map((a) => (a.id === 'action-1' ? { ...a, summary: 'Rewritten' } : a));
    const again = await store.importDocument({ format: FORMAT, actions: changed });
    expect(again.updated.actions).toBe(1);
    const [second] = await store.history({ limit: 1 });
    expect(second!.records).toEqual([
      { kind: 'action', id: 'action-1', op: 'replaced', before: actions(3)[1], after: { ...actions(3)[1], summary: 'Rewritten' } },
    ]);
    expect((await store.getAction('action-1'))?.summary).toBe('Rewritten');
  });

  test('with no actions stored yet, a response to an unknown action is still refused, and one to an action of the same import is linked', async () => {
    await store.importDocument(base);
    const [first] = actions(1);
    const dangling = { ...first!, id: 'reply', respondsTo: ['nowhere'] };
    await expect(store.importDocument({ format: FORMAT, actions: [first!, dangling] })).rejects.toThrow(/nowhere/);
    expect((await store.counts()).actions).toBe(0);
    await store.importDocument({ format: FORMAT, actions: [first!, { ...dangling, respondsTo: [first!.id] }] });
    expect((await store.getAction(first!.id))?.responses).toEqual(['reply']);
  });
});
