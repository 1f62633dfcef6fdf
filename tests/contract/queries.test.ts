/** Lists and stats: actor search, sources, the timeline with its filters, paging, and the stats. */
import { CATEGORIES } from '../../contract';
import type { GraphStore } from '../../server/store/types';
import { describeEachStore } from '../support/stores';
import { ALL, action, actor, doc, ids, source, storeWith } from './fixtures';

describeEachStore('queries', (factory) => {
  const opened: GraphStore[] = [];
  const open = async (d: Parameters<typeof storeWith>[1]) => {
    const s = await storeWith(factory, d);
    opened.push(s);
    return s;
  };
  afterAll(async () => {
    for (const s of opened) await factory.cleanup(s);
  });

  describe('listActors', () => {
    let store: GraphStore;
    beforeAll(async () => {
      store = await open(
        doc({
          actors: [
            actor('net', { name: 'Net', kind: 'platform', layer: 'social-network' }),
            actor('netflix', { name: 'Netflix', kind: 'company', layer: 'media' }),
            actor('brunet', { name: 'Brunet', kind: 'person' }),
            actor('zoe', { name: 'Zoë Quinn', kind: 'person' }),
            actor('aws', {
              name: 'Amazon Web Services',
              kind: 'company',
              layer: 'cloud-hosting',
              aliases: ['AWS', 'Amazon Web Services, Inc.'],
            }),
            actor('aws-market', { name: 'AWS Marketplace', kind: 'platform', layer: 'app-store' }),
            actor('societe', { name: 'Société Générale', kind: 'company', layer: 'payments' }),
            actor('other', { name: 'Unrelated', kind: 'other' }),
          ],
          actions: [action('x', 'BANNED', 'net', 'zoe', '2021-01-01'), action('y', 'SUED', 'zoe', 'aws', '2021-01-02')],
        }),
      );
    });
    const search = async (q: string, extra: object = {}) => ids((await store.listActors({ ...ALL, q, ...extra })).items);

    test('case- and accent-insensitive, either side', async () => {
      for (const q of ['zoe', 'ZOE', 'Zoë', 'zoë quinn', 'ZOË QUINN', 'quinn']) expect(await search(q)).toEqual(['zoe']);
      expect(await search('societe generale')).toEqual(['societe']);
      expect(await search('GÉNÉRALE')).toEqual(['societe']);
    });

    test('aliases match, and a whole alias finds its actor', async () => {
      expect(await search('Amazon Web Services, Inc.')).toEqual(['aws']);
      expect(await search('aws')).toContain('aws');
    });

    test('prefix and substring both match', async () => {
      expect(await search('ama')).toEqual(['aws']);
      expect(await search('web serv')).toEqual(['aws']);
      expect(await search('uinn')).toEqual(['zoe']);
    });

    test('best match first: exact name, then prefix, then substring', async () => {
      expect(await search('net')).toEqual(['net', 'netflix', 'brunet']);
      expect(await search('NET')).toEqual(['net', 'netflix', 'brunet']);
    });

    test('an exact alias comes before a name that only starts with the query', async () => {
      expect(await search('aws')).toEqual(['aws', 'aws-market']);
    });

    test('no match is an empty page', async () => {
      expect(await store.listActors({ ...ALL, q: 'nothing like it' })).toEqual({ items: [], total: 0 });
    });

    test('kind and layer filters, alone and with q', async () => {
      expect((await search('', { kind: 'person' })).sort()).toEqual(['brunet', 'zoe']);
      expect((await store.listActors({ ...ALL, kind: 'person' })).total).toBe(2);
      expect(ids((await store.listActors({ ...ALL, layer: 'cloud-hosting' })).items)).toEqual(['aws']);
      expect(ids((await store.listActors({ ...ALL, q: 'net', kind: 'company' })).items)).toEqual(['netflix']);
      expect(ids((await store.listActors({ ...ALL, q: 'net', layer: 'social-network' })).items)).toEqual(['net']);
      expect(ids((await store.listActors({ ...ALL, kind: 'court' })).items)).toEqual([]);
    });

    test('each actor carries its degree', async () => {
      const items = (await store.listActors({ ...ALL })).items;
      expect(Object.fromEntries(items.map((a) => [a.id, a.degree]))).toEqual({
        net: 1,
        netflix: 0,
        brunet: 0,
        zoe: 2,
        aws: 1,
        'aws-market': 0,
        societe: 0,
        other: 0,
      });
    });

    test('paging: limit, offset, total; pages together are the whole list, each actor once', async () => {
      const all = (await store.listActors({ ...ALL })).items;
      expect(all).toHaveLength(8);
      const pages = [];
      for (let offset = 0; offset < 8; offset += 3) {
        const p = await store.listActors({ limit: 3, offset });
        expect(p.total).toBe(8);
        expect(p.items.length).toBe(Math.min(3, 8 - offset));
        pages.push(...ids(p.items));
      }
      expect(pages).toEqual(ids(all));
      expect(new Set(pages).size).toBe(8);
      expect(await store.listActors({ limit: 5, offset: 8 })).toEqual({ items: [], total: 8 });
      const q = await store.listActors({ q: 'net', limit: 1, offset: 1 });
      expect(q).toMatchObject({ total: 3 });
      expect(ids(q.items)).toEqual(['netflix']);
    });
  });

  describe('listActors: queries are text, not patterns', () => {
    let store: GraphStore;
    beforeAll(async () => {
      store = await open(
        doc({
          actors: [
            actor('amazon', { name: 'Amazon', aliases: ['Amazon.com, Inc.'] }),
            actor('amazonxcom', { name: 'AmazonXcom' }),
            actor('cpp', { name: 'C++ (Standard) Foundation*' }),
            actor('quote', { name: 'O\'Brien \\ "Co"' }),
          ],
        }),
      );
    });
    const search = async (q: string) => ids((await store.listActors({ ...ALL, q })).items);

    test('dots, brackets, stars, quotes and backslashes match themselves', async () => {
      expect(await search('amazon.com')).toEqual(['amazon']);
      expect(await search('com, inc.')).toEqual(['amazon']);
      expect(await search('c++')).toEqual(['cpp']);
      expect(await search('(standard)')).toEqual(['cpp']);
      expect(await search('foundation*')).toEqual(['cpp']);
      expect(await search('.*')).toEqual([]);
      expect(await search("o'brien")).toEqual(['quote']);
      expect(await search('\\ "co"')).toEqual(['quote']);
    });
  });

  describe('listSources', () => {
    let store: GraphStore;
    beforeAll(async () => {
      store = await open(
        doc({
          sources: [
            source('s-a', { title: 'Parler sues Amazon Web Services' }),
            source('s-b', { title: 'Court filing in Seattle' }),
            source('s-c', { title: 'Amazon answers the suit' }),
          ],
        }),
      );
    });

    test('q matches the title, case-insensitively', async () => {
      expect(ids((await store.listSources({ ...ALL, q: 'AMAZON' })).items).sort()).toEqual(['s-a', 's-c']);
      expect(ids((await store.listSources({ ...ALL, q: 'seattle' })).items)).toEqual(['s-b']);
      expect(await store.listSources({ ...ALL, q: 'nothing' })).toEqual({ items: [], total: 0 });
    });

    test('without q every source; paging with total', async () => {
      expect((await store.listSources({ ...ALL })).total).toBe(3);
      const first = await store.listSources({ limit: 2, offset: 0 });
      const rest = await store.listSources({ limit: 2, offset: 2 });
      expect(first.total).toBe(3);
      expect(rest.total).toBe(3);
      expect([...ids(first.items), ...ids(rest.items)].sort()).toEqual(['s-a', 's-b', 's-c']);
    });

    test('items are plain source records', async () => {
      const items = (await store.listSources({ ...ALL, q: 'seattle' })).items;
      expect(items).toStrictEqual([source('s-b', { title: 'Court filing in Seattle' })]);
    });
  });

  describe('listActions: the timeline', () => {
    let store: GraphStore;
    beforeAll(async () => {
      store = await open(
        doc({
          actors: ['w', 'x', 'y', 'z'],
          actions: [
            action('a-undated', 'HOSTED', 'x', 'y'),
            action('b-late', 'BANNED', 'x', 'y', '2021-01-12'),
            action('c-offset', 'SUSPENDED', 'y', 'z', '2021-01-10T23:59:00-08:00'),
            action('d-day', 'SUED', 'z', 'x', '2021-01-11', { status: 'disputed', claimedBy: ['z'], disputedBy: ['x'] }),
            action('e-year', 'REPORTED', 'x', 'z', '2021', { status: 'reported' }),
            action('f-month', 'DELISTED', 'y', 'x', '2021-01', { status: 'reported' }),
            action('g-same', 'BANNED', 'z', 'y', '2021-01-05'),
            action('a-same', 'SUED', 'x', 'y', '2021-01-05', { status: 'alleged', claimedBy: ['x'] }),
            action('h-claim', 'ACCUSED', 'x', 'y', '2021-02', { status: 'alleged', claimedBy: ['z'] }),
            action('0-undated', 'OWNS', 'w', 'x'),
            action('z-first', 'COMPETES_WITH', 'w', 'y', '2020'),
          ],
        }),
      );
    });
    const timeline = async (q: object = {}) => {
      const p = await store.listActions({ ...ALL, ...q });
      expect(p.total).toBe(p.items.length);
      return ids(p.items);
    };

    test('by earliest instant, the more precise first on a tie, then id; undated last by id', async () => {
      expect(await timeline()).toEqual([
        'z-first',
        'f-month',
        'e-year',
        'a-same',
        'g-same',
        'd-day',
        'c-offset',
        'b-late',
        'h-claim',
        '0-undated',
        'a-undated',
      ]);
    });

    test('actor keeps the actions where it is from or to (not where it only claims)', async () => {
      expect(await timeline({ actor: 'z' })).toEqual(['e-year', 'g-same', 'd-day', 'c-offset']);
      expect(await timeline({ actor: 'w' })).toEqual(['z-first', '0-undated']);
      expect(await timeline({ actor: 'nobody' })).toEqual([]);
    });

    test('type and status filters', async () => {
      expect(await timeline({ types: ['BANNED'] })).toEqual(['g-same', 'b-late']);
      expect(await timeline({ types: ['BANNED', 'SUED'] })).toEqual(['a-same', 'g-same', 'd-day', 'b-late']);
      expect(await timeline({ statuses: ['reported'] })).toEqual(['f-month', 'e-year']);
      expect(await timeline({ statuses: ['alleged', 'disputed'] })).toEqual(['a-same', 'd-day', 'h-claim']);
      expect(await timeline({ types: ['HOSTED', 'OWNS'] })).toEqual(['0-undated', 'a-undated']);
    });

    test('date window: spans touching it, undated left out; local days, or tz', async () => {
      // c-offset is 23:59 on 10 January at -08:00: the 10th where it happened, the 11th in UTC.
      expect(await timeline({ from: '2021-01-11', to: '2021-01-11' })).toEqual(['f-month', 'e-year', 'd-day']);
      expect(await timeline({ from: '2021-01-11', to: '2021-01-11', tz: 'UTC' })).toEqual(['f-month', 'e-year', 'd-day', 'c-offset']);
      expect(await timeline({ to: '2020' })).toEqual(['z-first']);
      expect(await timeline({ from: '2021-02' })).toEqual(['e-year', 'h-claim']);
      expect(await timeline({ from: '2021-01-10', to: '2021-01-10' })).toEqual(['f-month', 'e-year', 'c-offset']);
      expect(await timeline({ from: '2021-01-10', to: '2021-01-10', tz: 'UTC' })).toEqual(['f-month', 'e-year']);
      // Read in Tokyo (UTC+9), the window of 11 January ends at 15:00 UTC on the 11th: c-offset (07:59 UTC) is in it.
      expect(await timeline({ from: '2021-01-11', to: '2021-01-11', tz: 'Asia/Tokyo' })).toEqual([
        'f-month',
        'e-year',
        'd-day',
        'c-offset',
      ]);
    });

    test('filters combine', async () => {
      expect(await timeline({ actor: 'x', types: ['BANNED'], from: '2021-01-06' })).toEqual(['b-late']);
      expect(await timeline({ actor: 'y', statuses: ['confirmed'], to: '2021-01-10' })).toEqual(['z-first', 'g-same', 'c-offset']);
      expect(await timeline({ actor: 'y', statuses: ['confirmed'], to: '2021-01-10', tz: 'UTC' })).toEqual(['z-first', 'g-same']);
    });

    test('paging keeps the timeline order and the total', async () => {
      const p = await store.listActions({ limit: 3, offset: 3 });
      expect(ids(p.items)).toEqual(['a-same', 'g-same', 'd-day']);
      expect(p.total).toBe(11);
      const tail = await store.listActions({ limit: 5, offset: 9 });
      expect(ids(tail.items)).toEqual(['0-undated', 'a-undated']);
      expect(tail.total).toBe(11);
      const filtered = await store.listActions({ statuses: ['alleged', 'disputed'], limit: 2, offset: 1 });
      expect(ids(filtered.items)).toEqual(['d-day', 'h-claim']);
      expect(filtered.total).toBe(3);
      const byActor = await store.listActions({ actor: 'z', limit: 2, offset: 2 });
      expect(ids(byActor.items)).toEqual(['d-day', 'c-offset']);
      expect(byActor.total).toBe(4);
    });
  });

  describe('stats', () => {
    let store: GraphStore;
    beforeAll(async () => {
      // A star s-{p,q,r} (with two parallel actions s->p) and a line a-b-c, plus an isolated actor.
      store = await open(
        doc({
          actors: [
            actor('s', { name: 'Star', kind: 'company' }),
            actor('p', { name: 'P', kind: 'platform' }),
            actor('q', { name: 'Q', kind: 'platform' }),
            actor('r', { name: 'R', kind: 'platform' }),
            actor('a', { name: 'A', kind: 'person' }),
            actor('b', { name: 'B', kind: 'person' }),
            actor('c', { name: 'C', kind: 'media' }),
            actor('iso', { name: 'Isolated', kind: 'other' }),
          ],
          actions: [
            action('sp1', 'BANNED', 's', 'p', '2021-01-01'),
            action('sp2', 'BANNED', 's', 'p', '2021-01-02'),
            action('qs', 'SUED', 'q', 's', '2021-01-03', { status: 'alleged', claimedBy: ['q'] }),
            action('sr', 'HOSTED', 's', 'r'),
            action('ab', 'SUED', 'a', 'b', '2021-02-01'),
            action('cb', 'REPORTED', 'c', 'b', '2021-02-02', { status: 'reported' }),
          ],
        }),
      );
    });

    const everything = { categories: [...CATEGORIES] };

    test('counts by type, status, category and kind', async () => {
      const st = await store.stats(3);
      expect(st.counts).toEqual({ actors: 8, sources: 1, episodes: 0, actions: 6 });
      expect(st.actionsByType).toEqual({ BANNED: 2, SUED: 2, HOSTED: 1, REPORTED: 1 });
      expect(st.actionsByStatus).toEqual({ confirmed: 4, alleged: 1, reported: 1 });
      expect(st.actionsByCategory).toEqual({ sanction: 2, legal: 2, relationship: 1, claim: 1 });
      expect(st.actorsByKind).toEqual({ company: 1, platform: 3, person: 2, media: 1, other: 1 });
    });

    test('by default degree and betweenness count sanctions only', async () => {
      // Only the two bans s->p are sanctions: s and p have degree 2, nobody lies between two others.
      const st = await store.stats(3);
      expect(st.categories).toEqual(['sanction']);
      expect(st.topByDegree).toEqual([
        { id: 'p', name: 'P', value: 2 },
        { id: 's', name: 'Star', value: 2 },
      ]);
      expect(st.topByBetweenness).toEqual([]);
    });

    test('the filters narrow the counts; categories choose what degree counts', async () => {
      const legal = await store.stats(3, { categories: ['legal'] });
      // The suits q->s and a->b.
      expect(legal.actionsByType).toEqual({ SUED: 2 });
      expect(legal.topByDegree).toEqual([
        { id: 'a', name: 'A', value: 1 },
        { id: 'b', name: 'B', value: 1 },
        { id: 'q', name: 'Q', value: 1 },
      ]);
      const early = await store.stats(3, { to: '2021-01-02' });
      expect(early.actionsByType).toEqual({ BANNED: 2 });
      expect(early.counts.actions).toBe(6);
    });

    test('top by degree counts parallel actions; ties by id', async () => {
      const st = await store.stats(3, everything);
      expect(st.topByDegree).toEqual([
        { id: 's', name: 'Star', value: 4 },
        { id: 'b', name: 'B', value: 2 },
        { id: 'p', name: 'P', value: 2 },
      ]);
    });

    test('top by betweenness, unnormalized, on the actor graph: star centre 3, line middle 1', async () => {
      // Star: s lies on the one shortest path of each leaf pair (p,q), (p,r), (q,r) -> 3.
      // Line a-b-c: b lies on the one shortest path of (a,c) -> 1. Every other actor: 0.
      const st = await store.stats(3, everything);
      expect(st.topByBetweenness.slice(0, 2)).toEqual([
        { id: 's', name: 'Star', value: 3 },
        { id: 'b', name: 'B', value: 1 },
      ]);
      expect(st.topByBetweenness.length).toBeLessThanOrEqual(3);
      for (const r of st.topByBetweenness.slice(2)) expect(r.value).toBe(0);
    });

    test('top n is respected', async () => {
      const st = await store.stats(1, everything);
      expect(st.topByDegree).toEqual([{ id: 's', name: 'Star', value: 4 }]);
      expect(st.topByBetweenness).toEqual([{ id: 's', name: 'Star', value: 3 }]);
    });
  });
});
