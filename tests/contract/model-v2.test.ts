/**
 * Model v2 on every store: the timeline order of mixed precisions and zones with response links,
 * local-day windows and tz, the response rules, the new filters, episodes, and v1 documents read
 * converted. Every expected answer is worked out by hand in the comments next to it.
 */
import { INTERCHANGE_FORMAT, type Action, type ActionFilter } from '../../contract';
import { ConflictError, NotFoundError, ValidationError } from '../../server/store/errors';
import type { GraphStore } from '../../server/store/types';
import { describeEachStore } from '../support/stores';
import { ALL, action, actor, copy, doc, episode, ids, source, storeWith } from './fixtures';

const LA = 'America/Los_Angeles';

/**
 * Instant keys (UTC), from each date read in its zone (Los Angeles is UTC-8 in January):
 *   apple-delists-parler  2021-01 (LA)             2021-01-01T08:00Z .. 2021-02-01T07:59:59.999Z
 *   aws-denies            2021-01 (LA)             the same span; responds to parler-sues-aws
 *   twitter-bans-trump    2021-01-08 (LA)          2021-01-08T08:00Z .. 2021-01-09T07:59:59.999Z
 *   buzzfeed-reports      2021-01-09 (no zone: UTC) 2021-01-09T00:00Z .. 2021-01-09T23:59:59.999Z
 *   aws-warns-parler      2021-01-09 (LA)          2021-01-09T08:00Z .. 2021-01-10T07:59:59.999Z
 *   aws-suspends-parler   2021-01-10T23:59-08:00   2021-01-11T07:59Z (a minute); responds to the warning
 *   parler-accuses-aws    2021-01-11 (LA)          2021-01-11T08:00Z ..; responds to the suspension
 *   parler-sues-aws       2021-01-11 (LA)          the same span; responds to the suspension
 *   court-rules           2021-01-21 (LA)          responds to the suit
 */
const graph = () =>
  doc({
    actors: [
      actor('aws', { kind: 'company', layer: 'cloud-hosting' }),
      actor('parler', { kind: 'platform', layer: 'social-network' }),
      actor('apple', { kind: 'company', layer: 'app-store' }),
      actor('twitter', { kind: 'platform', layer: 'social-network' }),
      actor('trump', { kind: 'person' }),
      actor('court', { kind: 'court', layer: 'legal' }),
      actor('buzzfeed', { kind: 'media', layer: 'media' }),
    ],
    episodes: [
      episode('parler-2021', { date: '2021-01-06/2021-09', timezone: LA, trigger: { text: 'an attack', wikidata: 'Q104179868' } }),
    ],
    actions: [
      action('apple-delists-parler', 'DELISTED', 'apple', 'parler', '2021-01', { timezone: LA }),
      action('aws-denies', 'DENIED', 'aws', 'parler', '2021-01', {
        timezone: LA,
        status: 'disputed',
        claimedBy: ['aws'],
        disputedBy: ['parler'],
        respondsTo: ['parler-sues-aws'],
      }),
      action('twitter-bans-trump', 'BANNED', 'twitter', 'trump', '2021-01-08', { timezone: LA }),
      action('buzzfeed-reports', 'REPORTED', 'buzzfeed', 'aws', '2021-01-09', { status: 'reported' }),
      action('aws-warns-parler', 'WARNED', 'aws', 'parler', '2021-01-09', { timezone: LA }),
      action('aws-suspends-parler', 'SUSPENDED', 'aws', 'parler', '2021-01-10T23:59-08:00', {
        timezone: LA,
        respondsTo: ['aws-warns-parler'],
        term: 'indefinite',
        scope: 'global',
        reason: 'content it judged a risk that the platform did not remove',
      }),
      action('parler-accuses-aws', 'ACCUSED', 'parler', 'aws', '2021-01-11', {
        timezone: LA,
        status: 'alleged',
        claimedBy: ['parler'],
        respondsTo: ['aws-suspends-parler'],
      }),
      action('parler-sues-aws', 'SUED', 'parler', 'aws', '2021-01-11', {
        timezone: LA,
        respondsTo: ['aws-suspends-parler'],
        episodes: ['parler-2021'],
      }),
      action('court-rules', 'RULED', 'court', 'parler', '2021-01-21', {
        timezone: LA,
        respondsTo: ['parler-sues-aws'],
        episodes: ['parler-2021'],
      }),
    ],
  });

/** The whole timeline, worked out from the keys above and the links (see the test). */
const TIMELINE = [
  'apple-delists-parler',
  'twitter-bans-trump',
  'buzzfeed-reports',
  'aws-warns-parler',
  'aws-suspends-parler',
  'parler-accuses-aws',
  'parler-sues-aws',
  'aws-denies',
  'court-rules',
];

describeEachStore('model v2', (factory) => {
  let store: GraphStore;
  const open = async () => {
    const s = await storeWith(factory, graph());
    opened.push(s);
    return s;
  };
  const opened: GraphStore[] = [];
  beforeAll(async () => {
    store = await open();
  });
  afterAll(async () => {
    for (const s of opened) await factory.cleanup(s);
  });
  const timeline = async (q: ActionFilter & { actor?: string } = {}) => ids((await store.listActions({ ...ALL, ...q })).items);

  describe('the timeline', () => {
    test('mixed precisions and zones order by earliest instant; a response never before its target', async () => {
      // Key order: apple, aws-denies (the same month span; ids break the tie), twitter, buzzfeed
      // (00:00 UTC on the 9th) before aws-warns (08:00 UTC), the suspension (07:59 UTC on the 11th)
      // before the suit and the accusation (08:00 UTC on the 11th: Parler's case), court last.
      // aws-denies responds to the suit, so it moves after it; everything else keeps its key place.
      expect(await timeline()).toEqual(TIMELINE);
    });

    test('an actor keeps the same order, responses included', async () => {
      expect(await timeline({ actor: 'aws' })).toEqual([
        'buzzfeed-reports',
        'aws-warns-parler',
        'aws-suspends-parler',
        'parler-accuses-aws',
        'parler-sues-aws',
        'aws-denies',
      ]);
    });

    test('the export lists the actions in the same order', async () => {
      const exported = await store.exportDocument({});
      expect(exported.format).toBe(INTERCHANGE_FORMAT);
      expect(ids(exported.actions!)).toEqual(TIMELINE);
      expect(ids(exported.episodes!)).toEqual(['parler-2021']);
    });
  });

  describe('windows', () => {
    test('local days: the 23:59 Pacific cut-off is on 10 January, not on the 11th', async () => {
      // Local spans: the months touch every day of January; the cut-off is 23:59 on the 10th.
      expect(await timeline({ from: '2021-01-10', to: '2021-01-10' })).toEqual([
        'apple-delists-parler',
        'aws-denies',
        'aws-suspends-parler',
      ]);
      expect(await timeline({ from: '2021-01-11', to: '2021-01-11' })).toEqual([
        'apple-delists-parler',
        'parler-accuses-aws',
        'parler-sues-aws',
        'aws-denies',
      ]);
    });

    test('tz=UTC reads the window in UTC against instants', async () => {
      // 10 January UTC: the warning (a Pacific day, until 07:59:59 UTC on the 10th) touches it; the
      // cut-off (07:59 UTC on the 11th) does not.
      expect(await timeline({ from: '2021-01-10', to: '2021-01-10', tz: 'UTC' })).toEqual([
        'apple-delists-parler',
        'aws-denies',
        'aws-warns-parler',
      ]);
      expect(await timeline({ from: '2021-01-10', to: '2021-01-10', tz: LA })).toEqual([
        'apple-delists-parler',
        'aws-denies',
        'aws-suspends-parler',
      ]);
    });
  });

  describe('filters', () => {
    test('claimedBy and disputedBy (any of the actors)', async () => {
      expect(await timeline({ claimedBy: ['aws'] })).toEqual(['aws-denies']);
      expect(await timeline({ claimedBy: ['parler'] })).toEqual(['parler-accuses-aws']);
      // Neither responds to the other, so both keep their key order.
      expect(await timeline({ claimedBy: ['parler', 'aws'] })).toEqual(['aws-denies', 'parler-accuses-aws']);
      expect(await timeline({ disputedBy: ['parler'] })).toEqual(['aws-denies']);
      expect(await timeline({ disputedBy: ['aws'] })).toEqual([]);
    });

    test('category, alone and with type', async () => {
      expect(await timeline({ categories: ['legal'] })).toEqual(['parler-sues-aws', 'court-rules']);
      expect(await timeline({ categories: ['notice'] })).toEqual(['aws-warns-parler']);
      expect(await timeline({ categories: ['claim'] })).toEqual(['aws-denies', 'buzzfeed-reports', 'parler-accuses-aws']);
      expect(await timeline({ categories: ['sanction', 'notice'] })).toEqual([
        'apple-delists-parler',
        'twitter-bans-trump',
        'aws-warns-parler',
        'aws-suspends-parler',
      ]);
      expect(await timeline({ categories: ['claim'], types: ['SUED'] })).toEqual([]);
    });

    test("layer: either end's actor", async () => {
      expect(await timeline({ layers: ['app-store'] })).toEqual(['apple-delists-parler']);
      expect(await timeline({ layers: ['media'] })).toEqual(['buzzfeed-reports']);
      expect(await timeline({ layers: ['legal'] })).toEqual(['court-rules']);
      expect(await timeline({ layers: ['social-network'] })).toEqual(TIMELINE.filter((id) => id !== 'buzzfeed-reports'));
    });

    test('episode', async () => {
      expect(await timeline({ episodes: ['parler-2021'] })).toEqual(['parler-sues-aws', 'court-rules']);
      expect(await timeline({ episodes: ['no-such-episode'] })).toEqual([]);
    });

    test('the new filters apply to the graph, paths and exports too', async () => {
      const sub = await store.selection({ layers: ['app-store'] }, 1000);
      expect(ids(sub.actions)).toEqual(['apple-delists-parler']);
      expect(ids(sub.actors)).toEqual(['apple', 'parler']);
      const exported = await store.exportDocument({ episodes: ['parler-2021'] });
      expect(ids(exported.actions!)).toEqual(['parler-sues-aws', 'court-rules']);
      // The suit's own target is left out, so its link is dropped; the ruling keeps its link to the suit.
      expect(exported.actions![0]!.respondsTo).toBeUndefined();
      expect(exported.actions![1]!.respondsTo).toEqual(['parler-sues-aws']);
      expect(ids(exported.episodes!)).toEqual(['parler-2021']);
      const paths = await store.shortestPaths('apple', 'court', 4, { categories: ['legal', 'sanction'] }, 10);
      expect(paths).toEqual([{ actors: ['apple', 'parler', 'court'], actions: ['apple-delists-parler', 'court-rules'] }]);
    });
  });

  describe('response links', () => {
    test('an action answers both directions and its time', async () => {
      const got = await store.getAction('aws-suspends-parler');
      expect(got?.respondsTo).toEqual(['aws-warns-parler']);
      expect(got?.responses).toEqual(['parler-accuses-aws', 'parler-sues-aws']);
      // 23:59 at -08:00 is 07:59 UTC on the 11th; read in Los Angeles it is 23:59 on the 10th.
      expect(got?.time).toEqual({
        start: Date.UTC(2021, 0, 11, 7, 59),
        end: Date.UTC(2021, 0, 11, 7, 59, 59, 999),
        localStart: Date.UTC(2021, 0, 10, 23, 59),
        localEnd: Date.UTC(2021, 0, 10, 23, 59, 59, 999),
        precision: 'datetime',
        uncertain: false,
        approximate: false,
      });
      expect((await store.getAction('court-rules'))?.responses).toEqual([]);
    });

    test('an unknown target, an impossible date and a self-link are refused, naming the field', async () => {
      const s = await open();
      const refused = async (a: Action) => {
        let caught: unknown;
        await s.createAction(a).catch((e) => (caught = e));
        expect(caught).toBeInstanceOf(ValidationError);
        expect(await s.getAction(a.id)).toBeNull();
        return (caught as ValidationError).problems;
      };
      expect(await refused(action('x', 'DENIED', 'aws', 'parler', '2021-02', { respondsTo: ['nope'] }))).toEqual([
        { path: 'respondsTo[0]', message: 'unknown action "nope"' },
      ]);
      // A denial on 5 January (Pacific) ends 08:00 UTC on the 6th, before the suit begins (08:00 UTC on the 11th).
      const early = await refused(action('x', 'DENIED', 'aws', 'parler', '2021-01-05', { timezone: LA, respondsTo: ['parler-sues-aws'] }));
      expect(early).toEqual([{ path: 'respondsTo[0]', message: expect.stringContaining('"parler-sues-aws"') }]);
      expect(await refused(action('x', 'DENIED', 'aws', 'parler', '2021-02', { respondsTo: ['x'] }))).toEqual([
        { path: 'respondsTo[0]', message: 'an action may not respond to itself' },
      ]);
      // Overlapping spans are possible, so allowed: a denial dated to the month of the suit.
      await s.createAction(action('x', 'DENIED', 'aws', 'parler', '2021-01', { timezone: LA, respondsTo: ['parler-sues-aws'] }));
      expect((await s.getAction('parler-sues-aws'))?.responses).toEqual(['aws-denies', 'court-rules', 'x']);
    });

    test('a link that would close a cycle is refused', async () => {
      const s = await open();
      await s.createAction(action('x1', 'DENIED', 'aws', 'parler'));
      await s.createAction(action('x2', 'ACCUSED', 'parler', 'aws', undefined, { respondsTo: ['x1'] }));
      let caught: unknown;
      await s.replaceAction(action('x1', 'DENIED', 'aws', 'parler', undefined, { respondsTo: ['x2'] })).catch((e) => (caught = e));
      expect(caught).toBeInstanceOf(ValidationError);
      expect((caught as ValidationError).problems).toEqual([
        { path: 'respondsTo', message: 'would close a cycle of responses: x1 → x2 → x1' },
      ]);
      expect((await s.getAction('x1'))?.respondsTo).toBeUndefined();
    });

    test('a new date that would put a target after its stored responses is refused, naming date', async () => {
      const s = await open();
      let caught: unknown;
      // Moving the warning to 12 January (Pacific) would start it after the cut-off that responds to it ended.
      await s
        .replaceAction(action('aws-warns-parler', 'WARNED', 'aws', 'parler', '2021-01-12', { timezone: LA }))
        .catch((e) => (caught = e));
      expect(caught).toBeInstanceOf(ValidationError);
      expect((caught as ValidationError).problems).toEqual([{ path: 'date', message: expect.stringContaining('"aws-suspends-parler"') }]);
      // A date the response still follows is fine.
      await s.replaceAction(action('aws-warns-parler', 'WARNED', 'aws', 'parler', '2021-01-08', { timezone: LA }));
      expect((await s.getAction('aws-warns-parler'))?.date).toBe('2021-01-08');
    });

    test('an import is checked the same way across the payload and the store', async () => {
      const s = await open();
      let caught: unknown;
      await s
        .importDocument(
          doc({
            actions: [
              action('y1', 'DENIED', 'aws', 'parler', '2021-01-02', { respondsTo: ['y2'] }),
              action('y2', 'ACCUSED', 'parler', 'aws', '2021-01-03'),
            ],
          }),
        )
        .catch((e) => (caught = e));
      expect(caught).toBeInstanceOf(ValidationError);
      expect((caught as ValidationError).problems).toEqual([
        { path: 'actions[0].respondsTo[0]', message: expect.stringContaining('"y2"') },
      ]);
      expect(await s.getAction('y2')).toBeNull();
    });

    test('an action others respond to is not deleted while they do', async () => {
      const s = await open();
      let caught: unknown;
      await s.deleteAction('aws-suspends-parler').catch((e) => (caught = e));
      expect(caught).toBeInstanceOf(ConflictError);
      expect((caught as ConflictError).details).toEqual(['parler-accuses-aws', 'parler-sues-aws']);
      await s.deleteAction('court-rules');
      await s.deleteAction('aws-denies');
      await s.deleteAction('parler-sues-aws');
      await s.deleteAction('parler-accuses-aws');
      await s.deleteAction('aws-suspends-parler');
      expect(await s.getAction('aws-suspends-parler')).toBeNull();
    });
  });

  describe('episodes', () => {
    test('create, read with its actions, list, replace, delete; 409 while an action names it', async () => {
      const s = await open();
      expect(await s.getEpisode('parler-2021')).toEqual({
        id: 'parler-2021',
        title: 'Episode parler-2021',
        summary: 'What happened in parler-2021',
        date: '2021-01-06/2021-09',
        timezone: LA,
        trigger: { text: 'an attack', wikidata: 'Q104179868' },
        actions: ['court-rules', 'parler-sues-aws'],
      });
      const other = episode('app-stores', { date: '2021-01' });
      await s.createEpisode(copy(other));
      await expect(s.createEpisode(copy(other))).rejects.toBeInstanceOf(ConflictError);
      await expect(s.replaceEpisode(episode('ghost'))).rejects.toBeInstanceOf(NotFoundError);
      expect(await s.listEpisodes({ ...ALL })).toEqual({ items: [other, graph().episodes![0]], total: 2 });
      await s.replaceEpisode(episode('app-stores', { title: 'Removed from the stores' }));
      expect((await s.getEpisode('app-stores'))?.title).toBe('Removed from the stores');
      expect((await s.getEpisode('app-stores'))?.date).toBeUndefined();

      let caught: unknown;
      await s.deleteEpisode('parler-2021').catch((e) => (caught = e));
      expect(caught).toBeInstanceOf(ConflictError);
      expect((caught as ConflictError).details).toEqual(['court-rules', 'parler-sues-aws']);
      await s.deleteEpisode('app-stores');
      await expect(s.deleteEpisode('app-stores')).rejects.toBeInstanceOf(NotFoundError);
      expect((await s.counts()).episodes).toBe(1);
    });

    test('an action naming an unknown episode is refused', async () => {
      const s = await open();
      let caught: unknown;
      await s.createAction(action('z', 'BANNED', 'aws', 'parler', '2021', { episodes: ['nope'] })).catch((e) => (caught = e));
      expect(caught).toBeInstanceOf(ValidationError);
      expect((caught as ValidationError).problems).toEqual([{ path: 'episodes[0]', message: 'unknown episode "nope"' }]);
    });
  });

  describe('documents', () => {
    test('a v1 document is read converted: date/endDate an interval, sourceIds citations by status', async () => {
      const s = await factory.open();
      opened.push(s);
      const v1 = {
        format: 'deplatforming-graph/v1',
        actors: [actor('a'), actor('b')],
        sources: [source('s1'), source('s2')],
        actions: [
          {
            id: 'hosts',
            type: 'HOSTED',
            from: 'a',
            to: 'b',
            date: '2019',
            endDate: '2021-01-10T23:59:00-08:00',
            status: 'confirmed',
            summary: 'a hosted b',
            sourceIds: ['s1'],
          },
          {
            id: 'ends',
            type: 'HOSTED',
            from: 'b',
            to: 'a',
            endDate: '2021-01',
            status: 'reported',
            summary: 'b hosted a',
            sourceIds: ['s2', 's1'],
          },
          {
            id: 'claim',
            type: 'ACCUSED',
            from: 'a',
            to: 'b',
            date: '2021-01-12',
            status: 'alleged',
            claimedBy: ['a'],
            summary: 'a accused b',
            sourceIds: ['s2'],
          },
        ],
      };
      const r = await s.importDocument(v1 as never);
      expect(r.created).toEqual({ actors: 2, sources: 2, episodes: 0, actions: 3 });
      expect(await s.getAction('hosts')).toMatchObject({
        date: '2019/2021-01-10T23:59:00-08:00',
        citations: [{ source: 's1', stance: 'states' }],
      });
      expect((await s.getAction('hosts'))!).not.toHaveProperty('endDate');
      expect((await s.getAction('hosts'))!).not.toHaveProperty('sourceIds');
      // An end alone is an interval whose start is unknown.
      expect(await s.getAction('ends')).toMatchObject({
        date: '/2021-01',
        citations: [
          { source: 's2', stance: 'states' },
          { source: 's1', stance: 'states' },
        ],
      });
      // An alleged action's sources only report the claim.
      expect((await s.getAction('claim'))?.citations).toEqual([{ source: 's2', stance: 'reports-claim' }]);
      // The same v1 document again changes nothing; the export is v2.
      expect((await s.importDocument(v1 as never)).unchanged).toEqual({ actors: 2, sources: 2, episodes: 0, actions: 3 });
      expect((await s.exportDocument({})).format).toBe('deplatforming-graph/v2');
    });

    test("a v2 document's timezone is written into each action and episode that names none", async () => {
      const s = await storeWith(
        factory,
        doc({
          timezone: LA,
          actors: ['a', 'b'],
          episodes: [episode('e1'), episode('e2', { timezone: 'UTC' })],
          actions: [
            action('in-la', 'BANNED', 'a', 'b', '2021-01-10'),
            action('in-utc', 'BANNED', 'b', 'a', '2021-01-10', { timezone: 'UTC' }),
          ],
        }),
      );
      opened.push(s);
      expect((await s.getAction('in-la'))?.timezone).toBe(LA);
      expect((await s.getAction('in-utc'))?.timezone).toBe('UTC');
      expect((await s.getEpisode('e1'))?.timezone).toBe(LA);
      expect((await s.getEpisode('e2'))?.timezone).toBe('UTC');
      // The Los Angeles day starts 8 hours after the UTC one.
      expect(ids((await s.listActions({ ...ALL })).items)).toEqual(['in-utc', 'in-la']);
      expect((await s.exportDocument({})).timezone).toBeUndefined();
    });
  });
});
