/**
 * The write rules (server/store/rules) on their own, over a lookup that answers asynchronously
 * (as Neo4j's does) and records what it was asked: the rules ask only what they need, and refuse
 * before any write could start.
 */
import type { Action, Actor, InterchangeDocument, Source } from '../../contract';
import { ConflictError, NotFoundError, ValidationError } from '../../server/store/errors';
import {
  checkCreate,
  checkDelete,
  checkReplace,
  planImport,
  validDocument,
  validRecord,
  type RecordKind,
  type RecordLookup,
  type Records,
} from '../../server/store/rules';
import { action, actor, doc, source } from '../contract/fixtures';

/** A lookup over plain maps, answering in a later tick, with a log of the ids it was asked about. */
function fakeLookup(stored: { actors?: Actor[]; sources?: Source[]; actions?: Action[] }) {
  const maps: { [K in RecordKind]: Map<string, Records[K]> } = {
    actor: new Map((stored.actors ?? []).map((r) => [r.id, r])),
    source: new Map((stored.sources ?? []).map((r) => [r.id, r])),
    episode: new Map(),
    action: new Map((stored.actions ?? []).map((r) => [r.id, r])),
  };
  const asked: string[] = [];
  const later = <T>(value: T) => new Promise<T>((resolve) => setImmediate(() => resolve(value)));
  const lookup: RecordLookup = {
    records<K extends RecordKind>(kind: K, ids: readonly string[]) {
      asked.push(`records ${kind} ${ids.join(',')}`);
      const found = new Map<string, Records[K]>();
      for (const id of ids) {
        const r = maps[kind].get(id);
        if (r) found.set(id, r);
      }
      return later(found as ReadonlyMap<string, Records[K]>);
    },
    existing(kind, ids) {
      asked.push(`existing ${kind} ${ids.join(',')}`);
      return later(new Set(ids.filter((id) => maps[kind].has(id))));
    },
    referencing(kind, id) {
      asked.push(`referencing ${kind} ${id}`);
      if (!maps[kind].has(id)) return later(null);
      const holds = (a: Action) =>
        kind === 'source'
          ? a.citations.some((c) => c.source === id)
          : kind === 'actor' && [a.from, a.to, ...(a.claimedBy ?? []), ...(a.disputedBy ?? [])].includes(id);
      return later(
        [...maps.action.values()]
          .filter(holds)
          .map((a) => a.id)
          .reverse(),
      );
    },
  };
  return { lookup, asked };
}

const refusal = (check: Promise<unknown>) =>
  check.then(
    () => null,
    (err: unknown) => err,
  );

describe('validation', () => {
  test('a valid record comes back canonical (keys sorted, undefined dropped) and is a copy', () => {
    const input = { name: 'N', kind: 'company', id: 'a', description: undefined, aliases: ['y', 'x'] } as unknown as Actor;
    const got = validRecord('actor', input);
    expect(Object.keys(got)).toEqual(['aliases', 'id', 'kind', 'name']);
    expect(got.aliases).toEqual(['y', 'x']);
    expect(got.aliases).not.toBe(input.aliases);
  });

  test('an invalid record or document is a ValidationError with the message of each', () => {
    expect(() => validRecord('source', { id: 's' })).toThrow(ValidationError);
    expect(() => validRecord('source', { id: 's' })).toThrow(/^invalid record: title: /);
    expect(() => validDocument({ format: 'nope' })).toThrow(/^the import was rejected and nothing was written: format: /);
  });
});

describe('one record', () => {
  const stored = {
    actors: [actor('a'), actor('b'), actor('claimer')],
    sources: [source('s'), source('free')],
    actions: [
      action('x', 'BANNED', 'a', 'b', '2021-01-01', { sources: ['s'] }),
      action('w', 'ACCUSED', 'b', 'a', undefined, { status: 'alleged', claimedBy: ['claimer'], sources: ['s'] }),
    ],
  };

  test("create: an id already stored is a conflict; an action's references must all be stored", async () => {
    const { lookup } = fakeLookup(stored);
    expect(await refusal(checkCreate('actor', actor('a'), lookup))).toEqual(new ConflictError('actor "a" already exists'));
    await expect(checkCreate('actor', actor('new'), lookup)).resolves.toBeUndefined();
    const unresolved = await refusal(
      checkCreate('action', action('y', 'SUED', 'a', 'ghost', undefined, { sources: ['s', 'none'] }), lookup),
    );
    expect(unresolved).toBeInstanceOf(ValidationError);
    expect((unresolved as ValidationError).problems).toEqual([
      { path: 'to', message: 'unknown actor "ghost"' },
      { path: 'citations[1].source', message: 'unknown source "none"' },
    ]);
    await expect(checkCreate('action', action('y', 'SUED', 'a', 'b', undefined, { sources: ['s'] }), lookup)).resolves.toBeUndefined();
  });

  test('replace: an id not stored is not found, before its references are looked at', async () => {
    const { lookup, asked } = fakeLookup(stored);
    const missing = await refusal(checkReplace('action', action('ghost', 'SUED', 'nobody', 'a'), lookup));
    expect(missing).toBeInstanceOf(NotFoundError);
    expect(missing).toMatchObject({ what: 'action', id: 'ghost', message: 'action "ghost" not found' });
    expect(asked).toEqual(['existing action ghost']);
    await expect(checkReplace('action', action('x', 'SUED', 'a', 'nobody', undefined, { sources: ['s'] }), lookup)).rejects.toBeInstanceOf(
      ValidationError,
    );
  });

  test('delete: not found, or a conflict naming every action that holds on to the record, sorted', async () => {
    const { lookup } = fakeLookup(stored);
    expect(await refusal(checkDelete('actor', 'ghost', lookup))).toEqual(new NotFoundError('actor', 'ghost'));
    const held = await refusal(checkDelete('actor', 'a', lookup));
    expect(held).toBeInstanceOf(ConflictError);
    expect(held).toMatchObject({ message: 'actor "a" is referenced by 2 action(s)', details: ['w', 'x'] });
    expect(await refusal(checkDelete('actor', 'claimer', lookup))).toMatchObject({
      message: 'actor "claimer" is referenced by 1 action(s)',
      details: ['w'],
    });
    expect(await refusal(checkDelete('source', 's', lookup))).toMatchObject({
      message: 'source "s" is cited by 2 action(s)',
      details: ['w', 'x'],
    });
    await expect(checkDelete('source', 'free', lookup)).resolves.toBeUndefined();
    await expect(checkDelete('action', 'x', lookup)).resolves.toBeUndefined();
    expect(await refusal(checkDelete('action', 'ghost', lookup))).toEqual(new NotFoundError('action', 'ghost'));
  });
});

describe('import', () => {
  const document = (parts: Parameters<typeof doc>[0]): InterchangeDocument => validDocument(doc(parts));

  test('classifies each record against the stored one, keeping document order', async () => {
    const { lookup } = fakeLookup({ actors: [actor('same'), actor('old')], sources: [source('src')] });
    const plan = await planImport(
      document({
        actors: ['new', actor('old', { name: 'Renamed' }), 'same', 'other'],
        actions: [action('e', 'BANNED', 'same', 'new')],
      }),
      lookup,
    );
    expect(plan.result).toEqual({
      created: { actors: 2, sources: 0, episodes: 0, actions: 1 },
      updated: { actors: 1, sources: 0, episodes: 0, actions: 0 },
      unchanged: { actors: 1, sources: 1, episodes: 0, actions: 0 },
    });
    expect(plan.writes.actor.map((w) => `${w.record.id} ${w.outcome}`)).toEqual(['new created', 'old updated', 'other created']);
    expect(plan.writes.source).toEqual([]);
    expect(plan.writes.action.map((w) => w.record.id)).toEqual(['e']);
  });

  test('asks the store only about references the document does not carry, and refuses before reading records', async () => {
    const { lookup, asked } = fakeLookup({ actors: [actor('stored')] });
    const bad = document({ actors: ['a'], actions: [action('e', 'SUED', 'a', 'stored'), action('f', 'SUED', 'ghost', 'a')] });
    const err = await refusal(planImport(bad, lookup));
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).problems).toEqual([{ path: 'actions[1].from', message: 'unknown actor "ghost"' }]);
    expect(asked).toEqual(['existing actor stored,ghost', 'existing source ', 'existing episode ', 'existing action ']);
  });
});
