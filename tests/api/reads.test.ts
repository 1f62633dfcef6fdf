/** The read endpoints over the seed dataset: its facts asked through the API. */
import request from 'supertest';
import { CATEGORIES, categoryOf, compareActions, type Action } from '../../contract';
import { seedDocument } from '../support/seed';
import { describeEachStore } from '../support/stores';
import { importDoc, openHarness, type Harness } from './harness';

const seed = seedDocument();
const seedActions = seed.actions ?? [];
const involving = (id: string) => seedActions.filter((a) => a.from === id || a.to === id);

describeEachStore('API reads over the seed', (factory) => {
  let h: Harness;
  const get = (url: string) => request(h.app).get(url);

  beforeAll(async () => {
    h = await openHarness(factory);
    await importDoc(h.app, seed);
  });
  afterAll(() => h.close());

  describe('health', () => {
    test('answers ok with the store kind and its counts', async () => {
      const res = await get('/api/health').expect(200);
      expect(res.body).toEqual({
        status: 'ok',
        store: factory.name,
        counts: {
          actors: seed.actors!.length,
          sources: seed.sources!.length,
          episodes: seed.episodes?.length ?? 0,
          actions: seedActions.length,
        },
        // The seed went in as one import: one change. The content hash is shown only when asked.
        change: 1,
      });
      expect(res.headers['x-request-id']).toBeTruthy();
    });

    test('echoes a well-formed X-Request-Id and replaces a malformed one', async () => {
      const ok = await get('/api/health').set('X-Request-Id', 'abc-123').expect(200);
      expect(ok.headers['x-request-id']).toBe('abc-123');
      const bad = await get('/api/health').set('X-Request-Id', 'a b\u00e9<script>').expect(200);
      expect(bad.headers['x-request-id']).not.toContain('<');
      expect(bad.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });
  });

  describe('the seed facts', () => {
    test('AWS hosted Parler until the stated effective time of its suspension', async () => {
      const res = await get('/api/actions?actor=parler&type=HOSTED').expect(200);
      expect(res.body.total).toBe(1);
      const hosting = res.body.items[0];
      expect(hosting).toMatchObject({ id: 'aws-hosts-parler', from: 'aws', to: 'parler' });
      // An interval ending at the effective time; no source gives its start.
      expect(hosting.date).toMatch(/\/2021-01-10T23:59(:00)?-08:00$/);
      const host = await get(`/api/actors/${hosting.from}`).expect(200);
      expect(host.body).toMatchObject({ name: 'Amazon Web Services', layer: 'cloud-hosting' });
    });

    test('Apple and Google removed Parler from their app stores', async () => {
      const res = await get('/api/actions?actor=parler&type=DELISTED').expect(200);
      const removals = res.body.items as Action[];
      expect(removals.map((a) => a.from).sort()).toEqual(['apple', 'google']);
      // Google on Friday 8 January, Apple the next day (Pacific days).
      expect(removals.every((a) => a.to === 'parler')).toBe(true);
      expect(Object.fromEntries(removals.map((a) => [a.from, a.date]))).toEqual({ google: '2021-01-08', apple: '2021-01-09' });
      const stores = Object.fromEntries(removals.map((a) => [a.from, String(a.details?.store)]));
      expect(stores.apple).toBe('Apple App Store');
      expect(stores.google).toMatch(/^Google Play/);
      for (const id of ['apple', 'google']) {
        expect((await get(`/api/actors/${id}`).expect(200)).body.layer).toBe('app-store');
      }
    });

    test('Parler sued AWS in the Western District of Washington, with its claims', async () => {
      const res = await get('/api/actions?type=SUED').expect(200);
      expect(res.body.total).toBe(1);
      const suit = res.body.items[0];
      expect(suit).toMatchObject({ id: 'parler-sues-aws', from: 'parler', to: 'aws', date: '2021-01-11', status: 'confirmed' });
      expect(suit.details.venue).toMatch(/Western District of Washington/);
      expect(suit.details.claims).toEqual(expect.arrayContaining(['Breach of contract']));
      const court = await get('/api/actors?q=seattle').expect(200);
      expect(court.body.items[0].id).toBe(suit.details.venueActorId);
      expect(court.body.items[0].kind).toBe('court');
    });

    test('AWS and Amazon allege a terms-of-service violation that Parler denies', async () => {
      const res = await get('/api/actions/aws-accuses-parler-of-tos-violation').expect(200);
      expect(res.body).toMatchObject({ status: 'disputed', claimedBy: ['aws', 'amazon'], disputedBy: ['parler'] });
      const denial = await get('/api/actions?actor=parler&type=DENIED').expect(200);
      const byParler = (denial.body.items as Action[]).find((a) => a.from === 'parler');
      expect(byParler).toMatchObject({ id: 'parler-denies-tos-violation', to: 'aws', date: '2021-01-11' });
    });

    test('Parler alleges an antitrust conspiracy that Amazon denies', async () => {
      const res = await get('/api/actions?status=disputed&actor=parler').expect(200);
      const conspiracy = (res.body.items as Action[]).find((a) => a.id === 'parler-accuses-aws-of-antitrust-conspiracy');
      expect(conspiracy).toMatchObject({ from: 'parler', to: 'aws', claimedBy: ['parler'], disputedBy: ['amazon'] });
      expect((res.body.items as Action[]).every((a) => a.status === 'disputed')).toBe(true);
      const denial = await get('/api/actions?actor=amazon&type=DENIED').expect(200);
      expect(denial.body.items.map((a: Action) => a.id)).toEqual(['amazon-denies-parler-claims']);
    });

    test('alleged actions name who claims them and are not marked disputed', async () => {
      const res = await get('/api/actions?status=alleged&limit=1000').expect(200);
      const expected = seedActions
        .filter((a) => a.status === 'alleged')
        .map((a) => a.id)
        .sort();
      expect((res.body.items as Action[]).map((a) => a.id).sort()).toEqual(expected);
      for (const a of res.body.items as Action[]) {
        expect(a.claimedBy?.length).toBeGreaterThan(0);
        expect(a.disputedBy).toBeUndefined();
      }
    });

    test('AWS suspended Parler at the stated time, offset kept', async () => {
      const res = await get('/api/actions/aws-suspends-parler').expect(200);
      expect(res.body.date).toBe('2021-01-10T23:59:00-08:00');
    });
  });

  describe('actors', () => {
    test('lists all actors with degree, paged, total given', async () => {
      const all = await get('/api/actors?limit=1000').expect(200);
      expect(all.body.total).toBe(seed.actors!.length);
      expect(all.body.limit).toBe(1000);
      expect(all.body.offset).toBe(0);
      for (const a of all.body.items) expect(a.degree).toBe(involving(a.id).length);
      const page = await get('/api/actors?limit=3&offset=3').expect(200);
      expect(page.body.items.map((a: { id: string }) => a.id)).toEqual(all.body.items.slice(3, 6).map((a: { id: string }) => a.id));
      expect(page.body.total).toBe(seed.actors!.length);
    });

    test('q matches aliases, prefixes and substrings, case- and accent-insensitive, best first', async () => {
      expect((await get('/api/actors?q=AWS').expect(200)).body.items[0].id).toBe('aws');
      expect((await get('/api/actors?q=amaz%C3%B4n').expect(200)).body.items[0].id).toBe('amazon');
      expect((await get('/api/actors?q=azure').expect(200)).body.items[0].id).toBe('microsoft-azure');
      const trump = await get(`/api/actors?q=${encodeURIComponent('president trump')}`).expect(200);
      expect(trump.body.items.map((a: { id: string }) => a.id)).toEqual(['donald-trump']);
      expect((await get('/api/actors?q=zzzz-nothing').expect(200)).body).toMatchObject({ items: [], total: 0 });
    });

    test('kind and layer filter', async () => {
      const courts = await get('/api/actors?kind=court').expect(200);
      expect(courts.body.items.map((a: { id: string }) => a.id)).toEqual(['us-district-court-wd-washington']);
      const clouds = await get('/api/actors?layer=cloud-hosting').expect(200);
      expect(clouds.body.items.map((a: { id: string }) => a.id).sort()).toEqual(['aws', 'google-cloud-platform', 'microsoft-azure']);
    });

    test('one actor has its degree and action counts by type', async () => {
      const res = await get('/api/actors/parler').expect(200);
      const mine = involving('parler');
      expect(res.body).toMatchObject({ id: 'parler', name: 'Parler', kind: 'platform', degree: mine.length });
      const counts: Record<string, number> = {};
      for (const a of mine) counts[a.type] = (counts[a.type] ?? 0) + 1;
      expect(res.body.actionCounts).toEqual(counts);
    });

    test('an unknown actor is a 404 naming it', async () => {
      const res = await get('/api/actors/parlr').expect(404);
      expect(res.body.error.code).toBe('not_found');
      expect(res.body.error.message).toContain('"parlr"');
    });
  });

  describe('actions', () => {
    test('the timeline is sorted by date then id, undated last, and pages', async () => {
      const res = await get('/api/actions?limit=1000').expect(200);
      const items = res.body.items as Action[];
      expect(res.body.total).toBe(seedActions.length);
      expect(items.map((a) => a.id)).toEqual([...seedActions].sort(compareActions).map((a) => a.id));
      // The hosting's start is unknown (unbounded), so it comes first.
      expect(items[0]!.id).toBe('aws-hosts-parler');
      const firstUndated = items.findIndex((a) => a.date === undefined);
      expect(items.slice(firstUndated).every((a) => a.date === undefined)).toBe(true);
      const page = await get('/api/actions?limit=5&offset=5').expect(200);
      expect(page.body.items.map((a: Action) => a.id)).toEqual(items.slice(5, 10).map((a) => a.id));
    });

    test('type, status and date window filter; undated actions leave date-filtered answers', async () => {
      const res = await get('/api/actions?from=2021-01-09&to=2021-01-09&limit=1000').expect(200);
      expect((res.body.items as Action[]).map((a) => a.id).sort()).toEqual([
        'apple-delists-parler',
        'aws-accuses-parler-of-tos-violation',
        // Hosting until 10 January (start unknown): under way on the 9th.
        'aws-hosts-parler',
        // The notice and the accusation in it: the evening of the 9th, Pacific.
        'aws-notifies-parler',
        'buzzfeed-reports-aws-parler-notice',
        // From the evening of the 8th to the 9th: it touches the window. Google's removal (the 8th),
        // the cut-off (late on the 10th) and Amazon's denial (11th–17th) do not.
        'twitter-users-migrate-to-parler',
      ]);
      const two = await get('/api/actions?type=SUED,DENIED&limit=1000').expect(200);
      expect(two.body.total).toBe(seedActions.filter((a) => a.type === 'SUED' || a.type === 'DENIED').length);
      const none = await get('/api/actions?actor=no-such-actor').expect(200);
      expect(none.body).toMatchObject({ items: [], total: 0 });
    });

    test('one action carries its full source records', async () => {
      const res = await get('/api/actions/parler-sues-aws').expect(200);
      const expected = seedActions.find((a) => a.id === 'parler-sues-aws')!;
      expect(res.body.sources.map((s: { id: string }) => s.id)).toEqual(expected.citations.map((c) => c.source));
      for (const s of res.body.sources) expect(typeof s.title).toBe('string');
      await get('/api/actions/no-such-action').expect(404);
    });
  });

  describe('sources', () => {
    test('lists and searches sources', async () => {
      const all = await get('/api/sources').expect(200);
      expect(all.body.total).toBe(seed.sources!.length);
      const one = seed.sources![0]!;
      const word = one.title.split(/\s+/).find((w) => w.length > 5)!;
      const found = await get(`/api/sources?q=${encodeURIComponent(word.toUpperCase())}`).expect(200);
      expect(found.body.items.map((s: { id: string }) => s.id)).toContain(one.id);
    });

    test('one source lists the actions citing it', async () => {
      const id = seed.sources![0]!.id;
      const res = await get(`/api/sources/${id}`).expect(200);
      expect([...res.body.actions].sort()).toEqual(
        seedActions
          .filter((a) => a.citations.some((c) => c.source === id))
          .map((a) => a.id)
          .sort(),
      );
      await get('/api/sources/no-such-source').expect(404);
    });
  });

  describe('graph', () => {
    test('without focus: every actor and one edge per action, with vocabulary labels', async () => {
      const res = await get('/api/graph').expect(200);
      expect(res.body.truncated).toBe(false);
      expect(res.body.elements.nodes).toHaveLength(seed.actors!.length);
      expect(res.body.elements.edges).toHaveLength(seedActions.length);
      const node = res.body.elements.nodes.find((n: { data: { id: string } }) => n.data.id === 'aws').data;
      expect(node).toMatchObject({
        id: 'aws',
        label: 'Amazon Web Services',
        kind: 'company',
        layer: 'cloud-hosting',
        degree: involving('aws').length,
      });
      expect(node.aliases).toContain('AWS');
      const edge = res.body.elements.edges.find((e: { data: { id: string } }) => e.data.id === 'apple-delists-parler').data;
      expect(edge).toMatchObject({
        source: 'apple',
        target: 'parler',
        type: 'DELISTED',
        label: 'removed from store',
        date: '2021-01-09',
        status: 'confirmed',
      });
      const hosting = res.body.elements.edges.find((e: { data: { id: string } }) => e.data.id === 'aws-hosts-parler').data;
      expect(hosting).toMatchObject({ label: 'hosted', category: 'relationship', start: null, uncertain: false });
      expect(hosting.date).toMatch(/\/2021-01-10T23:59(:00)?-08:00$/);
    });

    test('with focus: the actors within depth actions and the actions among them', async () => {
      const res = await get('/api/graph?focus=parler').expect(200);
      const around = new Set(['parler', ...involving('parler').map((a) => (a.from === 'parler' ? a.to : a.from))]);
      const ids = res.body.elements.nodes.map((n: { data: { id: string } }) => n.data.id);
      expect(ids[0]).toBe('parler');
      expect(new Set(ids)).toEqual(around);
      const expectedEdges = seedActions
        .filter((a) => around.has(a.from) && around.has(a.to))
        .map((a) => a.id)
        .sort();
      expect(res.body.elements.edges.map((e: { data: { id: string } }) => e.data.id).sort()).toEqual(expectedEdges);
      const deeper = await get('/api/graph?focus=buzzfeed&depth=2').expect(200);
      const deepIds = deeper.body.elements.nodes.map((n: { data: { id: string } }) => n.data.id);
      expect(deepIds).toContain('parler'); // buzzfeed - aws - parler
      const shallow = await get('/api/graph?focus=buzzfeed&depth=1').expect(200);
      expect(shallow.body.elements.nodes.map((n: { data: { id: string } }) => n.data.id).sort()).toEqual(['aws', 'buzzfeed']);
    });

    test('filters apply to the graph', async () => {
      const res = await get('/api/graph?type=SUED').expect(200);
      expect(res.body.elements.edges.map((e: { data: { id: string } }) => e.data.id)).toEqual(['parler-sues-aws']);
      expect(res.body.elements.nodes.map((n: { data: { id: string } }) => n.data.id).sort()).toEqual(['aws', 'parler']);
    });

    test('an unknown focus is a 404', async () => {
      const res = await get('/api/graph?focus=parlr').expect(404);
      expect(res.body.error.message).toContain('"parlr"');
    });
  });

  describe('stats', () => {
    test('counts by type, status and kind; top actors by degree and betweenness', async () => {
      const res = await get('/api/stats').expect(200);
      const s = res.body;
      expect(s.counts).toEqual({
        actors: seed.actors!.length,
        sources: seed.sources!.length,
        episodes: seed.episodes?.length ?? 0,
        actions: seedActions.length,
      });
      expect(s.actionsByType.SUED).toBe(1);
      expect(s.actionsByType.ACCUSED).toBe(seedActions.filter((a) => a.type === 'ACCUSED').length);
      expect(Object.values(s.actionsByStatus as Record<string, number>).reduce((x, y) => x + y, 0)).toBe(seedActions.length);
      expect(s.actorsByKind.court).toBe(1);
      // Degree counts sanctions unless asked otherwise.
      const sanctions = involving('parler').filter((a) => categoryOf(a.type) === 'sanction');
      expect(s.topByDegree[0]).toMatchObject({ id: 'parler', name: 'Parler', value: sanctions.length });
      const all = await get(`/api/stats?category=${CATEGORIES.join(',')}`).expect(200);
      expect(all.body.topByDegree[0]).toMatchObject({ id: 'parler', name: 'Parler', value: involving('parler').length });
      expect(s.topByDegree.length).toBeLessThanOrEqual(10);
      for (const list of [s.topByDegree, s.topByBetweenness]) {
        for (let i = 1; i < list.length; i++) expect(list[i - 1].value).toBeGreaterThanOrEqual(list[i].value);
      }
      expect(['parler', 'aws']).toContain(s.topByBetweenness[0].id);
    });
  });
});
