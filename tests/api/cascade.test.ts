/**
 * GET /api/cascade on a small hand-made graph modelled on the Parler episode, through POST
 * /api/import, on both stores. Every expected answer is worked out by hand below.
 */
import request from 'supertest';
import { describeEachStore } from '../support/stores';
import { action, actor, doc, importDoc, openHarness, type Harness } from './harness';

const LA = { timezone: 'America/Los_Angeles' };
const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;

/*
 * Against parler (instants in UTC; Los Angeles is UTC-8 in January and UTC-7 in May):
 *   g-del     google DELISTED   2021-01-08 LA            Jan 8 08:00 .. Jan 9 07:59:59.999
 *   g-reinst  google REINSTATED 2021 LA, responds to g-del  Jan 1 08:00 .. 2022 Jan 1 07:59:59.999
 *   a-warn    apple WARNED      2021-01-08T18:00-08:00   Jan 9 02:00 (a minute)
 *   a-del     apple DELISTED    2021-01-09 LA            Jan 9 08:00 .. Jan 10 07:59:59.999
 *   aws-warn  aws WARNED        2021-01-09/2021-01-11 LA Jan 9 08:00 .. Jan 12 07:59:59.999
 *   aws-cut   aws SUSPENDED     2021-01-10T23:59-08:00, responds to aws-warn   Jan 11 07:59 (a minute)
 *   a-reinst  apple REINSTATED  2021-05-17 LA, responds to a-del   May 17 07:00 .. May 18 06:59:59.999
 *   s-refuse  stripe REFUSED    undated
 * Not entries: t-ban (against trump), p-sue (parler SUED aws 2021-01-11 LA, responds to aws-cut),
 * aws-deny (aws DENIED parler 2021-01 LA, a claim, responds to p-sue), r-rule (court RULED on
 * parler 2021-01-21, responds to p-sue), b-rep (buzz REPORTED on parler, a claim).
 *
 * Timeline: by start g-reinst comes first, but it responds to g-del, so it moves right after it:
 *   g-del, g-reinst, a-warn, a-del, aws-warn (same start as a-del, ends later), aws-cut, a-reinst, s-refuse.
 * Order to the one before: g-reinst certain (responds); a-warn possible (inside 2021); a-del
 * certain (a-warn's minute ends before Jan 9 08:00); aws-warn possible (same start); aws-cut
 * certain (responds, although inside aws-warn's span); a-reinst certain; s-refuse possible (undated).
 * Since g-del's start: g-reinst -7 days; a-warn 18 h; a-del and aws-warn 1 day; aws-cut 3 days
 * less a minute; a-reinst 129 days less an hour (summer time); s-refuse unknown.
 * Summary: of the dated sanctions (the undated s-refuse cannot be placed in time) g-del, a-del,
 * aws-cut, the first is g-del and the last aws-cut, 3 days less a minute apart; layers of all
 * sanctions in order: app-store (google), cloud-hosting (aws), payments (stripe).
 */
const graph = doc(
  [
    actor('trump', { kind: 'person' }),
    actor('twitter', { kind: 'platform', layer: 'social-network' }),
    actor('parler', { kind: 'platform', layer: 'social-network' }),
    actor('google', { layer: 'app-store' }),
    actor('apple', { layer: 'app-store' }),
    actor('aws', { layer: 'cloud-hosting' }),
    actor('stripe', { layer: 'payments' }),
    actor('court', { kind: 'court', layer: 'legal' }),
    actor('buzz', { kind: 'media', layer: 'media' }),
    actor('lonely'),
  ],
  [
    action('t-ban', 'BANNED', 'twitter', 'trump', '2021-01-08T16:00-08:00'),
    action('g-del', 'DELISTED', 'google', 'parler', '2021-01-08', LA),
    action('g-reinst', 'REINSTATED', 'google', 'parler', '2021', { ...LA, respondsTo: ['g-del'] }),
    action('a-warn', 'WARNED', 'apple', 'parler', '2021-01-08T18:00-08:00'),
    action('a-del', 'DELISTED', 'apple', 'parler', '2021-01-09', LA),
    action('aws-warn', 'WARNED', 'aws', 'parler', '2021-01-09/2021-01-11', LA),
    action('aws-cut', 'SUSPENDED', 'aws', 'parler', '2021-01-10T23:59-08:00', { ...LA, respondsTo: ['aws-warn'] }),
    action('p-sue', 'SUED', 'parler', 'aws', '2021-01-11', { ...LA, respondsTo: ['aws-cut'] }),
    action('aws-deny', 'DENIED', 'aws', 'parler', '2021-01', { ...LA, respondsTo: ['p-sue'] }),
    action('r-rule', 'RULED', 'court', 'parler', '2021-01-21', { ...LA, respondsTo: ['p-sue'] }),
    action('a-reinst', 'REINSTATED', 'apple', 'parler', '2021-05-17', { ...LA, respondsTo: ['a-del'] }),
    action('s-refuse', 'REFUSED', 'stripe', 'parler'),
    action('b-rep', 'REPORTED', 'buzz', 'parler', '2021-01-12'),
  ],
);

interface Entry {
  action: { id: string };
  layer: string | null;
  sinceFirstMs: number | null;
  order: string | null;
  respondsTo: string[];
  responses: string[];
}

/** An entry as [id, layer, sinceFirstMs, order, respondsTo, responses], to compare whole rows. */
const row = (e: Entry) => [e.action.id, e.layer, e.sinceFirstMs, e.order, e.respondsTo, e.responses];

describeEachStore('GET /api/cascade', (factory) => {
  let h: Harness;
  const get = (url: string) => request(h.app).get(url);

  beforeAll(async () => {
    h = await openHarness(factory);
    await importDoc(h.app, graph);
  });
  afterAll(() => h.close());

  test('the sanctions, notices and restorations against the target, in timeline order', async () => {
    const res = await get('/api/cascade?target=parler').expect(200);
    expect(res.body.target).toBe('parler');
    expect(res.body.entries.map(row)).toEqual([
      ['g-del', 'app-store', 0, null, [], ['g-reinst']],
      ['g-reinst', 'app-store', -7 * DAY, 'certain', ['g-del'], []],
      ['a-warn', 'app-store', 18 * HOUR, 'possible', [], []],
      ['a-del', 'app-store', DAY, 'certain', [], ['a-reinst']],
      ['aws-warn', 'cloud-hosting', DAY, 'possible', [], ['aws-cut']],
      ['aws-cut', 'cloud-hosting', 3 * DAY - MINUTE, 'certain', ['aws-warn'], ['p-sue']],
      ['a-reinst', 'app-store', 129 * DAY - HOUR, 'certain', ['a-del'], []],
      ['s-refuse', 'payments', null, 'possible', [], []],
    ]);
    expect(res.body.summary).toEqual({
      firstSanction: 'g-del',
      lastSanction: 'aws-cut',
      spanMs: 3 * DAY - MINUTE,
      layers: ['app-store', 'cloud-hosting', 'payments'],
    });
    // The one action the entries name that is not an entry: the suit answering the cut-off.
    expect(res.body.linked.map((a: { id: string }) => a.id)).toEqual(['p-sue']);
    expect(res.body.entries[5].action).toMatchObject({ type: 'SUSPENDED', from: 'aws', to: 'parler', date: '2021-01-10T23:59-08:00' });
  });

  test('filters apply to the entries; response links still name what is left out', async () => {
    const res = await get('/api/cascade?target=parler&type=DELISTED,SUSPENDED').expect(200);
    expect(res.body.entries.map(row)).toEqual([
      ['g-del', 'app-store', 0, null, [], ['g-reinst']],
      ['a-del', 'app-store', DAY, 'certain', [], ['a-reinst']],
      ['aws-cut', 'cloud-hosting', 3 * DAY - MINUTE, 'certain', ['aws-warn'], ['p-sue']],
    ]);
    expect(res.body.summary).toEqual({
      firstSanction: 'g-del',
      lastSanction: 'aws-cut',
      spanMs: 3 * DAY - MINUTE,
      layers: ['app-store', 'cloud-hosting'],
    });
    // Named but filtered out, by date: g-reinst (its target g-del is not in this list), aws-warn, p-sue, a-reinst.
    expect(res.body.linked.map((a: { id: string }) => a.id)).toEqual(['g-reinst', 'aws-warn', 'p-sue', 'a-reinst']);
  });

  test('a window of local days: 10 January holds the cut-off (23:59 in Los Angeles)', async () => {
    // Local spans touching 10 January: g-reinst (the year), aws-warn (9 to 11), aws-cut (the 10th at 23:59).
    // g-reinst's target g-del is not in the list, so g-reinst keeps its place by date.
    const res = await get('/api/cascade?target=parler&from=2021-01-10&to=2021-01-10').expect(200);
    expect(res.body.entries.map(row)).toEqual([
      ['g-reinst', 'app-store', 0, null, ['g-del'], []],
      ['aws-warn', 'cloud-hosting', 8 * DAY, 'possible', [], ['aws-cut']],
      ['aws-cut', 'cloud-hosting', 10 * DAY - MINUTE, 'certain', ['aws-warn'], ['p-sue']],
    ]);
    expect(res.body.summary).toEqual({ firstSanction: 'aws-cut', lastSanction: 'aws-cut', spanMs: 0, layers: ['cloud-hosting'] });
  });

  test('tz=UTC reads the window in UTC: the cut-off (07:59 UTC on the 11th) is out, the Apple removal in', async () => {
    // Instant spans touching 10 January UTC: g-reinst (2021), a-del (to 07:59 UTC on the 10th), aws-warn.
    const res = await get('/api/cascade?target=parler&from=2021-01-10&to=2021-01-10&tz=UTC').expect(200);
    expect(res.body.entries.map(row)).toEqual([
      ['g-reinst', 'app-store', 0, null, ['g-del'], []],
      ['a-del', 'app-store', 8 * DAY, 'possible', [], ['a-reinst']],
      ['aws-warn', 'cloud-hosting', 8 * DAY, 'possible', [], ['aws-cut']],
    ]);
    expect(res.body.summary).toEqual({ firstSanction: 'a-del', lastSanction: 'a-del', spanMs: 0, layers: ['app-store'] });
  });

  test('the category filter narrows the entries: notices only', async () => {
    const res = await get('/api/cascade?target=parler&category=notice').expect(200);
    expect(res.body.entries.map(row)).toEqual([
      ['a-warn', 'app-store', 0, null, [], []],
      // a-warn's minute (02:00 UTC on the 9th) ends before aws-warn begins (08:00 UTC): certain.
      ['aws-warn', 'cloud-hosting', 6 * HOUR, 'certain', [], ['aws-cut']],
    ]);
    expect(res.body.summary).toEqual({ firstSanction: null, lastSanction: null, spanMs: null, layers: [] });
  });

  test('an actor nothing was done to has an empty cascade', async () => {
    const res = await get('/api/cascade?target=lonely').expect(200);
    expect(res.body).toEqual({
      target: 'lonely',
      entries: [],
      summary: { firstSanction: null, lastSanction: null, spanMs: null, layers: [] },
      linked: [],
    });
    // Only the ban is against Trump.
    const trump = await get('/api/cascade?target=trump').expect(200);
    expect(trump.body.entries.map(row)).toEqual([['t-ban', 'social-network', 0, null, [], []]]);
    expect(trump.body.summary).toEqual({ firstSanction: 't-ban', lastSanction: 't-ban', spanMs: 0, layers: ['social-network'] });
  });

  test('unknown target 404; missing target or bad parameters 400 naming the field', async () => {
    expect((await get('/api/cascade?target=nobody').expect(404)).body.error.message).toContain('nobody');
    expect((await get('/api/cascade').expect(400)).body.error.message).toContain('"target"');
    expect((await get('/api/cascade?target=parler&type=NOPE').expect(400)).body.error.message).toContain('"type"');
    expect((await get('/api/cascade?target=parler&from=2021-13').expect(400)).body.error.message).toContain('"from"');
    expect((await get('/api/cascade?target=parler&colour=red').expect(400)).body.error.message).toContain('colour');
  });
});
