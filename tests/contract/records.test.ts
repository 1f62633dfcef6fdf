/** Single-record writes and reads: create, replace, delete, referential rules, faithful read-back. */
import type { Action, Actor, Source } from '../../contract';
import { ConflictError, NotFoundError, ValidationError } from '../../server/store/errors';
import type { GraphStore } from '../../server/store/types';
import { describeEachStore } from '../support/stores';
import { ALL, action, actor, copy, doc, ids, source } from './fixtures';

/** The record without the fields a read adds. */
function actorRecord(got: (Actor & { degree?: number; actionCounts?: unknown }) | null): Actor | null {
  if (!got) return null;
  const { degree: _d, actionCounts: _c, ...rest } = got;
  return rest;
}
/** The record part of an action's answer: without what the store derives (sources, responses, time). */
function actionRecord(got: (Action & { sources?: unknown; responses?: unknown; time?: unknown }) | null): Action | null {
  if (!got) return null;
  const { sources: _s, responses: _r, time: _t, ...rest } = got;
  return rest;
}
function sourceRecord(got: (Source & { actions?: unknown }) | null): Source | null {
  if (!got) return null;
  const { actions: _a, ...rest } = got;
  return rest;
}

describeEachStore('records', (factory) => {
  let store: GraphStore;
  beforeEach(async () => {
    store = await factory.open();
  });
  afterEach(() => factory.cleanup(store));

  describe('actors', () => {
    test('create then read back: the same record, optional fields absent (not null), aliases in their order', async () => {
      const minimal = actor('minimal');
      const full = actor('full', {
        name: 'Zoë Ünïcode — “quoted”',
        kind: 'person',
        layer: 'media',
        aliases: ['Zeta', 'Alpha', 'Mu'],
        description: 'line 1\nline 2',
        wikidata: 'Q42',
      });
      await store.createActor(copy(minimal));
      await store.createActor(copy(full));
      expect(actorRecord(await store.getActor('minimal'))).toStrictEqual(minimal);
      expect(actorRecord(await store.getActor('full'))).toStrictEqual(full);
      const got = await store.getActor('minimal');
      for (const field of ['layer', 'aliases', 'description', 'wikidata']) expect(got).not.toHaveProperty(field);
      const listed = (await store.listActors({ ...ALL })).items.map(actorRecord);
      expect(listed.sort((x, y) => x!.id.localeCompare(y!.id))).toStrictEqual([full, minimal]);
    });

    test('creating an existing id is a conflict and keeps the stored record', async () => {
      await store.createActor(actor('a', { name: 'First' }));
      await expect(store.createActor(actor('a', { name: 'Second' }))).rejects.toBeInstanceOf(ConflictError);
      expect((await store.getActor('a'))?.name).toBe('First');
      expect((await store.counts()).actors).toBe(1);
    });

    test('replace: content replaced, fields left out are gone', async () => {
      await store.createActor(actor('a', { name: 'Old', layer: 'payments', aliases: ['x'], description: 'old' }));
      const replacement = actor('a', { name: 'New', kind: 'platform' });
      await store.replaceActor(copy(replacement));
      expect(actorRecord(await store.getActor('a'))).toStrictEqual(replacement);
      expect((await store.listActors({ ...ALL, q: 'old' })).total).toBe(0);
      expect((await store.listActors({ ...ALL, q: 'new' })).items.map((a) => a.id)).toEqual(['a']);
    });

    test('replace or delete of a missing actor is NotFoundError', async () => {
      await expect(store.replaceActor(actor('ghost'))).rejects.toBeInstanceOf(NotFoundError);
      await expect(store.deleteActor('ghost')).rejects.toBeInstanceOf(NotFoundError);
      expect(await store.getActor('ghost')).toBeNull();
    });

    test('replacing an actor keeps its actions', async () => {
      await store.importDocument(doc({ actors: ['a', 'b'], actions: [action('x', 'BANNED', 'a', 'b', '2021-01-01')] }));
      await store.replaceActor(actor('a', { name: 'Renamed' }));
      expect((await store.getActor('a'))?.degree).toBe(1);
      expect(ids((await store.listActions({ ...ALL, actor: 'a' })).items)).toEqual(['x']);
    });

    test('delete: gone, and its id can be created again', async () => {
      await store.createActor(actor('a'));
      await store.deleteActor('a');
      expect(await store.getActor('a')).toBeNull();
      expect((await store.counts()).actors).toBe(0);
      await store.createActor(actor('a', { name: 'Again' }));
      expect((await store.getActor('a'))?.name).toBe('Again');
    });

    test('deleting an actor that an action references (from, to, claimedBy or disputedBy) is a conflict', async () => {
      await store.importDocument(
        doc({
          actors: ['from-a', 'to-b', 'claimer', 'denier', 'free'],
          actions: [
            action('x', 'ACCUSED', 'from-a', 'to-b', '2021-01-01', { status: 'disputed', claimedBy: ['claimer'], disputedBy: ['denier'] }),
          ],
        }),
      );
      for (const id of ['from-a', 'to-b', 'claimer', 'denier']) {
        await expect(store.deleteActor(id)).rejects.toBeInstanceOf(ConflictError);
        expect(await store.getActor(id)).not.toBeNull();
      }
      await store.deleteActor('free');
      expect(await store.getActor('free')).toBeNull();
    });

    test('once the referencing action is gone, or no longer names it, the actor can be deleted', async () => {
      await store.importDocument(
        doc({
          actors: ['a', 'b', 'claimer'],
          actions: [
            action('x', 'ACCUSED', 'a', 'b', '2021-01-01', { status: 'alleged', claimedBy: ['claimer'] }),
            action('y', 'BANNED', 'b', 'a', '2021-01-02'),
          ],
        }),
      );
      await store.replaceAction(action('x', 'ACCUSED', 'a', 'b', '2021-01-01', { status: 'alleged', claimedBy: ['a'] }));
      await store.deleteActor('claimer');
      await store.deleteAction('x');
      await expect(store.deleteActor('b')).rejects.toBeInstanceOf(ConflictError);
      await store.deleteAction('y');
      await store.deleteActor('b');
      expect(await store.counts()).toEqual({ actors: 1, sources: 1, episodes: 0, actions: 0 });
    });
  });

  describe('sources', () => {
    test('create, read back, replace, conflict and not found', async () => {
      const full = source('s', {
        publisher: 'P',
        author: 'A',
        published: '2021-01-10T23:59:00-08:00',
        url: 'https://example.com/x?y=1#z',
        kind: 'court-filing',
      });
      await store.createSource(copy(full));
      expect(sourceRecord(await store.getSource('s'))).toStrictEqual(full);
      await expect(store.createSource(source('s'))).rejects.toBeInstanceOf(ConflictError);
      const replacement = source('s', { title: 'New title' });
      await store.replaceSource(copy(replacement));
      expect(sourceRecord(await store.getSource('s'))).toStrictEqual(replacement);
      await expect(store.replaceSource(source('ghost'))).rejects.toBeInstanceOf(NotFoundError);
      await expect(store.deleteSource('ghost')).rejects.toBeInstanceOf(NotFoundError);
      expect(await store.getSource('ghost')).toBeNull();
    });

    test('deleting a cited source is a conflict; uncited, it goes', async () => {
      await store.importDocument(
        doc({
          actors: ['a', 'b'],
          sources: [source('cited'), source('also-cited'), source('free')],
          actions: [action('x', 'BANNED', 'a', 'b', '2021-01-01', { sources: ['also-cited', 'cited'] })],
        }),
      );
      await expect(store.deleteSource('cited')).rejects.toBeInstanceOf(ConflictError);
      await expect(store.deleteSource('also-cited')).rejects.toBeInstanceOf(ConflictError);
      await store.deleteSource('free');
      expect(await store.getSource('free')).toBeNull();
      await store.replaceAction(action('x', 'BANNED', 'a', 'b', '2021-01-01', { sources: ['also-cited'] }));
      await store.deleteSource('cited');
      expect(await store.getSource('cited')).toBeNull();
    });

    test('getSource lists the ids of the actions citing it, sorted', async () => {
      await store.importDocument(
        doc({
          actors: ['a', 'b'],
          sources: [source('s'), source('t')],
          actions: [
            action('m-action', 'BANNED', 'a', 'b', '2020-01-01', { sources: ['s'] }),
            action('b-action', 'BANNED', 'a', 'b', '2022-01-01', { sources: ['t', 's'] }),
            action('z-action', 'SUED', 'b', 'a', undefined, { sources: ['s'] }),
            action('c-action', 'SUED', 'b', 'a', '2019', { sources: ['t'] }),
          ],
        }),
      );
      expect((await store.getSource('s'))?.actions).toEqual(['b-action', 'm-action', 'z-action']);
      expect((await store.getSource('t'))?.actions).toEqual(['b-action', 'c-action']);
      await store.createSource(source('u'));
      expect((await store.getSource('u'))?.actions).toEqual([]);
    });
  });

  describe('actions', () => {
    beforeEach(async () => {
      await store.importDocument(doc({ actors: ['a', 'b', 'c'], sources: [source('s1'), source('s2', { kind: 'news' }), source('s3')] }));
    });

    test('create then read back: the same record, details preserved, sources in citation order', async () => {
      const full = action('x', 'SUED', 'a', 'b', '2021-01-11/2021-02', {
        status: 'disputed',
        claimedBy: ['a', 'c'],
        disputedBy: ['b'],
        summary: 'Über “summary”\nwith lines',
        sources: ['s3', 's1', 's2'],
        details: {
          venue: 'Seattle',
          claims: ['antitrust', 'breach of contract'],
          empty: [],
          pages: 18,
          ratio: 0.5,
          negative: -3,
          zero: 0,
          permanent: true,
          defendant: false,
        },
      });
      const minimal = action('y', 'BANNED', 'b', 'c', undefined, { sources: ['s1'] });
      await store.createAction(copy(full));
      await store.createAction(copy(minimal));
      const got = await store.getAction('x');
      expect(actionRecord(got)).toStrictEqual(full);
      expect(got?.sources).toStrictEqual([source('s3'), source('s1'), source('s2', { kind: 'news' })]);
      const gotMinimal = await store.getAction('y');
      expect(actionRecord(gotMinimal)).toStrictEqual(minimal);
      for (const field of ['date', 'endDate', 'claimedBy', 'disputedBy', 'details']) expect(gotMinimal).not.toHaveProperty(field);
      const listed = (await store.listActions({ ...ALL })).items;
      expect(listed).toStrictEqual([full, minimal]);
    });

    test('creating an existing id is a conflict', async () => {
      await store.createAction(action('x', 'BANNED', 'a', 'b', undefined, { sources: ['s1'] }));
      await expect(store.createAction(action('x', 'SUED', 'b', 'a', undefined, { sources: ['s1'] }))).rejects.toBeInstanceOf(ConflictError);
      expect((await store.getAction('x'))?.type).toBe('BANNED');
    });

    test('an unknown actor or source is a ValidationError naming the reference, and nothing is written', async () => {
      const cases: Array<[Action, RegExp]> = [
        [action('x', 'BANNED', 'ghost', 'b', undefined, { sources: ['s1'] }), /from.*unknown actor "ghost"/],
        [action('x', 'BANNED', 'a', 'ghost', undefined, { sources: ['s1'] }), /to.*unknown actor "ghost"/],
        [
          action('x', 'ACCUSED', 'a', 'b', undefined, { sources: ['s1'], status: 'alleged', claimedBy: ['ghost'] }),
          /claimedBy\[0\].*unknown actor "ghost"/,
        ],
        [
          action('x', 'ACCUSED', 'a', 'b', undefined, { sources: ['s1'], status: 'disputed', claimedBy: ['a'], disputedBy: ['ghost'] }),
          /disputedBy\[0\].*unknown actor "ghost"/,
        ],
        [action('x', 'BANNED', 'a', 'b', undefined, { sources: ['s1', 'nosuch'] }), /citations\[1\]\.source: unknown source "nosuch"/],
      ];
      for (const [bad, message] of cases) {
        let caught: unknown;
        await store.createAction(bad).catch((err) => (caught = err));
        expect(caught).toBeInstanceOf(ValidationError);
        expect((caught as ValidationError).problems.map((p) => `${p.path}: ${p.message}`)).toEqual([expect.stringMatching(message)]);
        expect(await store.getAction('x')).toBeNull();
      }
      await store.createAction(action('x', 'BANNED', 'a', 'b', undefined, { sources: ['s1'] }));
      await expect(store.replaceAction(action('x', 'BANNED', 'a', 'ghost', undefined, { sources: ['s1'] }))).rejects.toBeInstanceOf(
        ValidationError,
      );
      expect((await store.getAction('x'))?.to).toBe('b');
      expect((await store.counts()).actions).toBe(1);
    });

    test('replace: the content is replaced, and the old citations and ends are released', async () => {
      await store.createAction(action('x', 'BANNED', 'a', 'b', '2021-01-01', { sources: ['s1'], details: { k: 'v' } }));
      const replacement = action('x', 'SUED', 'c', 'b', '2021-03', { sources: ['s2'] });
      await store.replaceAction(copy(replacement));
      expect(actionRecord(await store.getAction('x'))).toStrictEqual(replacement);
      expect((await store.getSource('s1'))?.actions).toEqual([]);
      expect((await store.getSource('s2'))?.actions).toEqual(['x']);
      expect((await store.getActor('a'))?.degree).toBe(0);
      expect((await store.getActor('c'))?.degree).toBe(1);
      await expect(store.replaceAction(action('ghost', 'BANNED', 'a', 'b', undefined, { sources: ['s1'] }))).rejects.toBeInstanceOf(
        NotFoundError,
      );
    });

    test('delete: gone; a missing id is NotFoundError', async () => {
      await store.createAction(action('x', 'BANNED', 'a', 'b', '2021-01-01', { sources: ['s1'] }));
      await store.deleteAction('x');
      expect(await store.getAction('x')).toBeNull();
      expect((await store.getActor('a'))?.degree).toBe(0);
      expect((await store.getSource('s1'))?.actions).toEqual([]);
      await expect(store.deleteAction('x')).rejects.toBeInstanceOf(NotFoundError);
    });

    test('getActor: degree counts the actions it takes part in, actionCounts counts them by type', async () => {
      await store.importDocument(
        doc({
          actions: [
            action('e1', 'BANNED', 'a', 'b', '2021-01-01', { sources: ['s1'] }),
            action('e2', 'BANNED', 'c', 'a', '2021-01-02', { sources: ['s1'] }),
            action('e3', 'SUED', 'a', 'b', undefined, { sources: ['s1'] }),
            action('e4', 'HOSTED', 'b', 'c', '2021', { sources: ['s1'] }),
          ],
        }),
      );
      const a = await store.getActor('a');
      expect(a?.degree).toBe(3);
      expect(a?.actionCounts).toEqual({ BANNED: 2, SUED: 1 });
      const b = await store.getActor('b');
      expect(b?.degree).toBe(3);
      expect(b?.actionCounts).toEqual({ BANNED: 1, SUED: 1, HOSTED: 1 });
      await store.createActor(actor('lonely'));
      const lonely = await store.getActor('lonely');
      expect(lonely?.degree).toBe(0);
      expect(lonely?.actionCounts).toEqual({});
      const listed = (await store.listActors({ ...ALL })).items;
      expect(Object.fromEntries(listed.map((x) => [x.id, x.degree]))).toEqual({ a: 3, b: 3, c: 2, lonely: 0 });
    });
  });

  // The API answers these messages and details as they are, so both stores must word them alike.
  test('refusals say the same in every store: messages, details and problems', async () => {
    const refusal = (write: Promise<unknown>) =>
      write.then(
        () => null,
        (err: unknown) => err,
      );
    await store.importDocument(
      doc({
        actors: ['a', 'b', 'free'],
        sources: [source('s')],
        actions: [
          action('y', 'BANNED', 'a', 'b', '2021-01-02', { sources: ['s'] }),
          action('x', 'SUED', 'b', 'a', '2021-01-01', { sources: ['s'] }),
        ],
      }),
    );

    const exists = await refusal(store.createActor(actor('a')));
    expect(exists).toBeInstanceOf(ConflictError);
    expect(exists).toMatchObject({ message: 'actor "a" already exists', details: [] });
    expect(await refusal(store.createSource(source('s')))).toMatchObject({ message: 'source "s" already exists' });
    // An existing id is refused before its references are looked at.
    expect(await refusal(store.createAction(action('x', 'SUED', 'ghost', 'a')))).toMatchObject({ message: 'action "x" already exists' });

    const missing = await refusal(store.replaceSource(source('ghost')));
    expect(missing).toBeInstanceOf(NotFoundError);
    expect(missing).toMatchObject({ message: 'source "ghost" not found', what: 'source', id: 'ghost' });
    expect(await refusal(store.replaceAction(action('ghost', 'SUED', 'nobody', 'a')))).toMatchObject({
      message: 'action "ghost" not found',
    });
    expect(await refusal(store.deleteAction('ghost'))).toMatchObject({ message: 'action "ghost" not found' });

    const held = await refusal(store.deleteActor('a'));
    expect(held).toBeInstanceOf(ConflictError);
    expect(held).toMatchObject({ message: 'actor "a" is referenced by 2 action(s)', details: ['x', 'y'] });
    expect(await refusal(store.deleteSource('s'))).toMatchObject({ message: 'source "s" is cited by 2 action(s)', details: ['x', 'y'] });

    const unresolved = await refusal(
      store.createAction(
        action('z', 'ACCUSED', 'a', 'ghost', undefined, { status: 'alleged', claimedBy: ['free', 'nobody'], sources: ['s', 'nosuch'] }),
      ),
    );
    expect(unresolved).toBeInstanceOf(ValidationError);
    expect((unresolved as ValidationError).problems).toEqual([
      { path: 'to', message: 'unknown actor "ghost"' },
      { path: 'claimedBy[1]', message: 'unknown actor "nobody"' },
      { path: 'citations[1].source', message: 'unknown source "nosuch"' },
    ]);
    expect((unresolved as Error).message).toBe(
      'unresolved references: to: unknown actor "ghost"; claimedBy[1]: unknown actor "nobody"; citations[1].source: unknown source "nosuch"',
    );

    const invalid = await refusal(store.createActor({ id: 'c', name: 'C', kind: 'not-a-kind' } as unknown as Actor));
    expect(invalid).toBeInstanceOf(ValidationError);
    expect((invalid as Error).message).toMatch(/^invalid record: kind: /);
    expect(await store.counts()).toEqual({ actors: 3, sources: 1, episodes: 0, actions: 2 });
  });

  test('unknown ids read as null', async () => {
    expect(await store.getActor('nope')).toBeNull();
    expect(await store.getSource('nope')).toBeNull();
    expect(await store.getAction('nope')).toBeNull();
  });

  // The store keeps its own copy: what it answers is what was acknowledged, whatever the caller
  // does with its objects afterwards (the embedded journal on disk holds only what was written).
  test('records read back as written even if the caller later changes the objects it passed or got', async () => {
    const written = actor('a', { aliases: ['x'] });
    const keep = copy(written);
    await store.createActor(written);
    written.name = 'changed by the caller';
    written.aliases!.push('y');
    expect(actorRecord(await store.getActor('a'))).toStrictEqual(keep);

    await store.importDocument(doc({ actors: ['b'], actions: [action('e', 'BANNED', 'a', 'b', '2021-01-01')] }));
    const answered = await store.getAction('e');
    answered!.citations.push({ source: 'not-a-source', stance: 'states' });
    const listed = (await store.listActions({ ...ALL })).items[0]!;
    listed.summary = 'changed by the caller';
    expect(actionRecord(await store.getAction('e'))).toStrictEqual(action('e', 'BANNED', 'a', 'b', '2021-01-01'));
  });
});
