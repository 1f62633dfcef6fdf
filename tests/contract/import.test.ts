/** Import and export through a store: counts, idempotence, all or nothing, round trips. */
import { parseDocument, problemText, type InterchangeDocument } from '../../contract';
import { ValidationError } from '../../server/store/errors';
import type { GraphStore } from '../../server/store/types';
import { describeEachStore } from '../support/stores';
import { ALL, action, actor, copy, doc, ids, source } from './fixtures';

const zero = { actors: 0, sources: 0, episodes: 0, actions: 0 };

/** A small graph using every optional field the format has. */
function richDocument(): InterchangeDocument {
  return doc({
    actors: [
      actor('aws', {
        name: 'Amazon Web Services',
        layer: 'cloud-hosting',
        aliases: ['AWS', 'Amazon Web Services, Inc.'],
        description: 'cloud',
        wikidata: 'Q456157',
      }),
      actor('amazon', { name: 'Amazon' }),
      actor('parler', { name: 'Parler', kind: 'platform', layer: 'social-network' }),
      actor('twitter', { name: 'Twitter', kind: 'platform' }),
      actor('lonely', { name: 'Nobody links here', kind: 'other' }),
    ],
    sources: [
      source('s1', { publisher: 'Pub', author: 'Au', published: '2021-01', url: 'https://example.com/1', kind: 'news' }),
      source('s2', { kind: 'court-filing' }),
      source('unused'),
    ],
    actions: [
      action('hosts', 'HOSTED', 'aws', 'parler', '/2021-01-10T23:59:00-08:00', { sources: ['s1'] }),
      action('suspends', 'SUSPENDED', 'aws', 'parler', '2021-01-10T23:59:00-08:00', {
        citations: [
          { source: 's1', stance: 'states', locator: 'para. 3', quote: 'a short excerpt' },
          { source: 's2', stance: 'reports-claim' },
        ],
        timezone: 'America/Los_Angeles',
        scope: ['US', 'EU'],
        term: 'indefinite',
        reason: 'the reason it stated, in our words',
        details: { announcedOn: '2021-01-09', reasons: ['a', 'b'], pages: 3, permanent: false },
      }),
      action('sues', 'SUED', 'parler', 'aws', '2021-01-11', {
        sources: ['s2'],
        respondsTo: ['suspends'],
        details: { venue: 'Seattle', claims: ['antitrust'] },
      }),
      action('accuses', 'ACCUSED', 'parler', 'aws', '2021-01-11', {
        status: 'disputed',
        claimedBy: ['parler'],
        disputedBy: ['amazon'],
        sources: ['s2'],
      }),
      action('contract', 'CONTRACTED', 'twitter', 'aws', '2020-12', { status: 'reported', sources: ['s1'] }),
    ],
  });
}

describeEachStore('import', (factory) => {
  const opened: GraphStore[] = [];
  const open = async () => {
    const s = await factory.open();
    opened.push(s);
    return s;
  };
  afterAll(async () => {
    for (const s of opened) await factory.cleanup(s);
  });

  test('a first import reports everything created, and the counts follow', async () => {
    const store = await open();
    const d = richDocument();
    const r = await store.importDocument(d);
    expect(r).toEqual({ created: { actors: 5, sources: 3, episodes: 0, actions: 5 }, updated: zero, unchanged: zero });
    expect(await store.counts()).toEqual({ actors: 5, sources: 3, episodes: 0, actions: 5 });
  });

  test('the same payload twice: the second answer is all unchanged and the graph is as after the first', async () => {
    const store = await open();
    await store.importDocument(richDocument());
    const before = await store.exportDocument({});
    const again = await store.importDocument(richDocument());
    expect(again).toEqual({ created: zero, updated: zero, unchanged: { actors: 5, sources: 3, episodes: 0, actions: 5 } });
    expect(await store.exportDocument({})).toEqual(before);
  });

  test('the same content with its keys in another order is unchanged', async () => {
    const store = await open();
    await store.importDocument(doc({ actors: [actor('a', { aliases: ['x', 'y'] })] }));
    const reordered = { aliases: ['x', 'y'], kind: 'company' as const, name: 'Actor a', id: 'a' };
    const r = await store.importDocument(doc({ actors: [reordered] }));
    expect(r.unchanged.actors).toBe(1);
    expect(r.updated.actors).toBe(0);
  });

  test('a changed record is updated and replaces the stored one; the rest is unchanged or created', async () => {
    const store = await open();
    await store.importDocument(richDocument());
    const changed = richDocument();
    // Drop an optional field from an actor, change an action's status and details, add an actor.
    const aws = changed.actors!.find((a) => a.id === 'aws')!;
    delete aws.description;
    aws.aliases = ['Amazon Web Services, Inc.', 'AWS'];
    const sues = changed.actions!.find((a) => a.id === 'sues')!;
    sues.status = 'reported';
    sues.details = { venue: 'W.D. Wash.' };
    changed.actors!.push(actor('newcomer'));
    const r = await store.importDocument(changed);
    expect(r).toEqual({
      created: { actors: 1, sources: 0, episodes: 0, actions: 0 },
      updated: { actors: 1, sources: 0, episodes: 0, actions: 1 },
      unchanged: { actors: 4, sources: 3, episodes: 0, actions: 4 },
    });
    const gotAws = await store.getActor('aws');
    expect(gotAws).not.toHaveProperty('description');
    expect(gotAws?.aliases).toEqual(['Amazon Web Services, Inc.', 'AWS']);
    const gotSues = await store.getAction('sues');
    expect(gotSues?.status).toBe('reported');
    expect(gotSues?.details).toStrictEqual({ venue: 'W.D. Wash.' });
    expect(await store.counts()).toEqual({ actors: 6, sources: 3, episodes: 0, actions: 5 });
  });

  test("changing an action's ends moves it in the graph", async () => {
    const store = await open();
    await store.importDocument(doc({ actors: ['a', 'b', 'c'], actions: [action('x', 'BANNED', 'a', 'b', '2021-01-01')] }));
    await store.importDocument(doc({ actions: [action('x', 'BANNED', 'a', 'c', '2021-01-01')] }));
    expect((await store.getActor('b'))?.degree).toBe(0);
    expect((await store.getActor('c'))?.degree).toBe(1);
    expect(ids((await store.listActions({ ...ALL, actor: 'b' })).items)).toEqual([]);
    expect(ids((await store.listActions({ ...ALL, actor: 'c' })).items)).toEqual(['x']);
  });

  test('all or nothing: one bad reference rejects the payload, names every problem, and writes nothing', async () => {
    const store = await open();
    await store.importDocument(doc({ actors: ['aws', 'parler'], actions: [action('hosts', 'HOSTED', 'aws', 'parler')] }));
    const countsBefore = await store.counts();
    const exportBefore = await store.exportDocument({});
    const bad = doc({
      actors: [actor('valid-newcomer'), actor('aws', { name: 'Renamed AWS' })],
      sources: [source('valid-source')],
      actions: [
        action('ok-action', 'SUED', 'parler', 'aws', '2021-01-11', { sources: ['valid-source'] }),
        action('changed', 'HOSTED', 'aws', 'parler', undefined, { summary: 'changed' }),
        action('bad-1', 'SUED', 'parler', 'amazon', '2021-01-11'),
        action('bad-2', 'ACCUSED', 'parler', 'aws', '2021-01-11', {
          status: 'alleged',
          claimedBy: ['parlr'],
          sources: ['valid-source', 'missing-src'],
        }),
      ],
    });
    let caught: unknown;
    try {
      await store.importDocument(bad);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    expect((caught as ValidationError).problems.map(problemText).sort()).toEqual([
      'actions[2].to: unknown actor "amazon"',
      'actions[3].citations[1].source: unknown source "missing-src"',
      'actions[3].claimedBy[0]: unknown actor "parlr"',
    ]);
    expect(await store.counts()).toEqual(countsBefore);
    expect(await store.getActor('valid-newcomer')).toBeNull();
    expect(await store.getSource('valid-source')).toBeNull();
    expect(await store.getAction('ok-action')).toBeNull();
    expect((await store.getActor('aws'))?.name).toBe('Actor aws');
    expect(await store.exportDocument({})).toEqual(exportBefore);
  });

  test('duplicate ids in a payload reject it', async () => {
    const store = await open();
    await expect(store.importDocument(doc({ actors: ['a', 'b', 'a'] }))).rejects.toBeInstanceOf(ValidationError);
    expect(await store.counts()).toEqual(zero);
  });

  test('duplicate ids and unresolved references are named together, duplicates first, each kind in turn', async () => {
    const store = await open();
    await store.importDocument(doc({ actors: ['stored'] }));
    const bad = doc({
      actors: ['a', 'b', 'a'],
      sources: [source('s'), source('s')],
      actions: [
        action('x', 'SUED', 'a', 'stored', undefined, { sources: ['s'] }),
        action('x', 'SUED', 'ghost', 'b', undefined, { sources: ['s'] }),
      ],
    });
    let caught: unknown;
    await store.importDocument(bad).catch((err) => (caught = err));
    expect(caught).toBeInstanceOf(ValidationError);
    expect((caught as ValidationError).problems.map(problemText)).toEqual([
      'actors[2].id: duplicate id "a" (also actors[0])',
      'sources[1].id: duplicate id "s" (also sources[0])',
      'actions[1].id: duplicate id "x" (also actions[0])',
      'actions[1].from: unknown actor "ghost"',
    ]);
    expect((caught as Error).message).toMatch(/^the import was rejected and nothing was written: actors\[2\]\.id: /);
    expect(await store.counts()).toEqual({ actors: 1, sources: 0, episodes: 0, actions: 0 });
  });

  test('each record of each kind is created, updated or unchanged on its own', async () => {
    const store = await open();
    await store.importDocument(
      doc({
        actors: ['same', 'old'],
        sources: [source('s-same'), source('s-old')],
        actions: [action('a-same', 'BANNED', 'same', 'old', '2021-01-01'), action('a-old', 'SUED', 'old', 'same', '2021-01-02')],
      }),
    );
    const r = await store.importDocument(
      doc({
        actors: ['new', actor('old', { name: 'Renamed' }), 'same'],
        sources: [source('s-old', { title: 'Retitled' }), source('s-same'), source('s-new')],
        actions: [
          action('a-new', 'HOSTED', 'new', 'same'),
          action('a-old', 'SUED', 'old', 'new', '2021-01-02'),
          action('a-same', 'BANNED', 'same', 'old', '2021-01-01'),
        ],
      }),
    );
    expect(r).toEqual({
      created: { actors: 1, sources: 1, episodes: 0, actions: 1 },
      updated: { actors: 1, sources: 1, episodes: 0, actions: 1 },
      unchanged: { actors: 1, sources: 2, episodes: 0, actions: 1 },
    });
    expect((await store.getAction('a-old'))?.to).toBe('new');
    expect((await store.getSource('s-old'))?.title).toBe('Retitled');
  });

  test('references resolve to records already stored', async () => {
    const store = await open();
    await store.importDocument(doc({ actors: ['aws', 'parler'], sources: [source('s-old')] }));
    const r = await store.importDocument(
      doc({
        actors: ['amazon'],
        actions: [
          action('x', 'ACCUSED', 'parler', 'aws', '2021-01-11', {
            status: 'disputed',
            claimedBy: ['parler'],
            disputedBy: ['amazon'],
            sources: ['s-old'],
          }),
        ],
      }),
    );
    expect(r.created).toEqual({ actors: 1, sources: 0, episodes: 0, actions: 1 });
    expect((await store.getAction('x'))?.sources.map((s) => s.id)).toEqual(['s-old']);
  });

  test('an empty document imports and changes nothing', async () => {
    const store = await open();
    expect(await store.importDocument({ format: 'deplatforming-graph/v2' })).toEqual({ created: zero, updated: zero, unchanged: zero });
    expect(await store.counts()).toEqual(zero);
  });

  test('the export of the whole store is valid interchange v2 and re-imports into a fresh store to the same graph', async () => {
    const first = await open();
    const original = richDocument();
    await first.importDocument(copy(original));
    const exported = await first.exportDocument({});
    const parsed = parseDocument(copy(exported));
    expect(parsed.ok ? [] : parsed.problems.map(problemText)).toEqual([]);
    // Everything that went in comes out, record for record.
    expect([...exported.actors!].sort((a, b) => a.id.localeCompare(b.id))).toStrictEqual(
      [...original.actors!].sort((a, b) => a.id.localeCompare(b.id)),
    );
    expect([...exported.sources!].sort((a, b) => a.id.localeCompare(b.id))).toStrictEqual(
      [...original.sources!].sort((a, b) => a.id.localeCompare(b.id)),
    );
    expect([...exported.actions!].sort((a, b) => a.id.localeCompare(b.id))).toStrictEqual(
      [...original.actions!].sort((a, b) => a.id.localeCompare(b.id)),
    );
    const second = await open();
    const r = await second.importDocument(copy(exported));
    expect(r.created).toEqual({ actors: 5, sources: 3, episodes: 0, actions: 5 });
    expect(await second.exportDocument({})).toEqual(exported);
    // And importing the export back into the store it came from changes nothing.
    expect((await first.importDocument(copy(exported))).unchanged).toEqual({ actors: 5, sources: 3, episodes: 0, actions: 5 });
  });

  test('a filtered export carries the actions that pass, the actors they reference and the sources they cite, and nothing else', async () => {
    const store = await open();
    await store.importDocument(
      doc({
        actors: ['a', 'b', 'claimer', 'denier', 'c', 'd', 'isolated'],
        sources: [source('s-in'), source('s-in-2'), source('s-out'), source('s-unused')],
        actions: [
          action('in-1', 'ACCUSED', 'a', 'b', '2021-01-05', {
            status: 'disputed',
            claimedBy: ['claimer'],
            disputedBy: ['denier'],
            sources: ['s-in'],
          }),
          action('in-2', 'BANNED', 'b', 'a', '2021-01-20', { sources: ['s-in-2', 's-in'] }),
          action('out-date', 'BANNED', 'c', 'd', '2022-06-01', { sources: ['s-out'] }),
          action('out-undated', 'HOSTED', 'c', 'a', undefined, { sources: ['s-out'] }),
        ],
      }),
    );
    const exported = await store.exportDocument({ from: '2021-01', to: '2021-01' });
    expect(ids(exported.actions ?? []).sort()).toEqual(['in-1', 'in-2']);
    expect(ids(exported.actors ?? []).sort()).toEqual(['a', 'b', 'claimer', 'denier']);
    expect(ids(exported.sources ?? []).sort()).toEqual(['s-in', 's-in-2']);
    expect(parseDocument(copy(exported)).ok).toBe(true);

    const fresh = await open();
    const r = await fresh.importDocument(copy(exported));
    expect(r.created).toEqual({ actors: 4, sources: 2, episodes: 0, actions: 2 });
    expect(await fresh.counts()).toEqual({ actors: 4, sources: 2, episodes: 0, actions: 2 });
    expect(await fresh.getAction('in-1')).toMatchObject({ claimedBy: ['claimer'], disputedBy: ['denier'] });
  });

  test('a type-filtered export of an undated action keeps it (no window, so undated counts)', async () => {
    const store = await open();
    await store.importDocument(
      doc({
        actors: ['a', 'b', 'c'],
        actions: [action('h', 'HOSTED', 'a', 'b'), action('x', 'BANNED', 'b', 'c', '2021-01-01')],
      }),
    );
    const exported = await store.exportDocument({ types: ['HOSTED'] });
    expect(ids(exported.actions ?? [])).toEqual(['h']);
    expect(ids(exported.actors ?? []).sort()).toEqual(['a', 'b']);
    expect(ids(exported.sources ?? [])).toEqual(['src']);
  });
});
