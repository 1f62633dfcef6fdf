import { actionSpan, datePrecedence, precedence } from '../../contract';
import type { Action } from '../../contract';
import request from 'supertest';
import { loadSeed } from '../../graph-seed/seed';
import { openHarness, type Harness } from '../api/harness';
import type { GraphStore } from '../../server/store/types';
import { describeEachStore } from '../support/stores';

/*
 * The dataset's facts as a reader of the five articles states them, asked of the store. Every
 * expected value is worked out by hand from the articles and from the spec's rules (docs/interchange.md,
 * "Worked example"), never copied from a store's answer. Pacific time in January is UTC−8.
 */

const PACIFIC = 'America/Los_Angeles';
/** A UTC instant, month 1-based, for readable expectations. */
const utc = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0) => Date.UTC(y, mo - 1, d, h, mi, s, ms);

describeEachStore('seed dataset', (factory) => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await factory.open();
    await loadSeed(store);
  });
  afterAll(() => factory.cleanup(store));

  test('loading the seed twice changes nothing the second time', async () => {
    const again = await loadSeed(store);
    expect(again.created).toEqual({ actors: 0, sources: 0, episodes: 0, actions: 0 });
    expect(again.updated).toEqual({ actors: 0, sources: 0, episodes: 0, actions: 0 });
    expect(again.unchanged.episodes).toBe(1);
    expect(again.unchanged.actions).toBeGreaterThan(10);
  });

  test("AWS suspended Parler at its notice's deadline, offset kept and the document's Pacific zone written in", async () => {
    const suspension = await store.getAction('aws-suspends-parler');
    expect(suspension).toMatchObject({ type: 'SUSPENDED', from: 'aws', to: 'parler', status: 'confirmed' });
    expect(suspension?.date).toBe('2021-01-10T23:59:00-08:00');
    expect(suspension?.timezone).toBe(PACIFIC);
  });
});

describeEachStore('seed dataset: the chronology', (factory) => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await factory.open();
    await loadSeed(store);
  });
  afterAll(() => factory.cleanup(store));

  const all = async (q: Omit<Parameters<GraphStore['listActions']>[0], 'limit' | 'offset'> = {}) =>
    (await store.listActions({ ...q, limit: 1000, offset: 0 })).items;
  const get = async (id: string): Promise<Action> => {
    const a = await store.getAction(id);
    if (!a) throw new Error(`seed action ${id} is missing`);
    return a;
  };

  test('the timeline runs: Google and the ban of Trump on Friday, Apple on Saturday, the AWS notice, the cut-off, the suit, Amazon answering', async () => {
    const ids = (await all()).map((a) => a.id);
    const at = (id: string) => {
      expect(ids).toContain(id);
      return ids.indexOf(id);
    };
    const ban = at('twitter-bans-trump');
    const apple = at('apple-delists-parler');
    const google = at('google-delists-parler');
    const notice = at('aws-notifies-parler');
    const cutOff = at('aws-suspends-parler');
    const suit = at('parler-sues-aws');
    const answer = at('amazon-denies-parler-claims');
    // Google's removal has the whole Friday; the ban, only its evening: Google's span starts first.
    expect(google).toBeLessThan(ban);
    expect(ban).toBeLessThan(apple);
    expect(apple).toBeLessThan(notice);
    expect(notice).toBeLessThan(cutOff);
    expect(cutOff).toBeLessThan(suit);
    expect(suit).toBeLessThan(answer);
  });

  test("Parler's own timeline, in full: start, then end, then id; a response after what it answers", async () => {
    // Worked out by hand from the seed's dates read in Pacific time:
    // - the hosting has an unknown start (−∞), so it comes first;
    // - Google's removal (the Pacific day of Friday 8 Jan) starts before users' move (from 14:00 that
    //   day, the ban's evening read widely), which starts before Apple's removal (Saturday 9 Jan);
    // - AWS's accusation and notice share Saturday evening, so their ids order them;
    // - the cut-off (07:59 UTC on the 11th) comes before everything dated Monday 11 Jan (from 08:00 UTC);
    // - the Monday actions share their whole span and go by id; Amazon's statement (the week of the
    //   suit) shares their start and ends later; the undated rivalries come last, by id.
    expect((await all({ actor: 'parler' })).map((a) => a.id)).toEqual([
      'aws-hosts-parler',
      'google-delists-parler',
      'twitter-users-migrate-to-parler',
      'apple-delists-parler',
      'aws-accuses-parler-of-tos-violation',
      'aws-notifies-parler',
      'aws-suspends-parler',
      'parler-accuses-aws-of-antitrust-conspiracy',
      'parler-accuses-aws-of-breach-of-contract',
      'parler-accuses-aws-of-leaking-notice',
      'parler-accuses-aws-of-political-animus',
      'parler-accuses-aws-of-selective-enforcement',
      'parler-accuses-aws-of-tortious-interference',
      'parler-accuses-twitter-of-conspiracy',
      'parler-denies-tos-violation',
      'parler-sues-aws',
      'amazon-denies-parler-claims',
      'parler-competes-with-facebook',
      'parler-competes-with-twitter',
    ]);
  });

  test('the spans of the worked example: the cut-off is one second at 07:59 UTC on 11 Jan; the suit is the Pacific day of 11 Jan', async () => {
    expect(actionSpan(await get('aws-suspends-parler'))).toEqual({ start: utc(2021, 1, 11, 7, 59), end: utc(2021, 1, 11, 7, 59, 0, 999) });
    expect(actionSpan(await get('parler-sues-aws'))).toEqual({ start: utc(2021, 1, 11, 8), end: utc(2021, 1, 12, 8) - 1 });
    // Saturday evening, 17:00 to 23:59:59 Pacific.
    expect(actionSpan(await get('aws-notifies-parler'))).toEqual({ start: utc(2021, 1, 10, 1), end: utc(2021, 1, 10, 8) - 1 });
    // Saturday, Pacific; Google's the day before.
    expect(actionSpan(await get('apple-delists-parler'))).toEqual({ start: utc(2021, 1, 9, 8), end: utc(2021, 1, 10, 8) - 1 });
    expect(actionSpan(await get('google-delists-parler'))).toEqual({ start: utc(2021, 1, 8, 8), end: utc(2021, 1, 9, 8) - 1 });
    // Friday evening, from 17:00 Eastern (22:00 UTC) to the end of the Pacific day.
    expect(actionSpan(await get('twitter-bans-trump'))).toEqual({ start: utc(2021, 1, 8, 22), end: utc(2021, 1, 9, 8) - 1 });
  });

  test('precedence: certain where the dates or a response settle it, possible where the articles leave it open', async () => {
    const [ban, apple, google, notice, cutOff, suit, answer] = await Promise.all(
      [
        'twitter-bans-trump',
        'apple-delists-parler',
        'google-delists-parler',
        'aws-notifies-parler',
        'aws-suspends-parler',
        'parler-sues-aws',
        'amazon-denies-parler-claims',
      ].map(get),
    );
    expect(precedence(ban!, apple!)).toBe('certain');
    // Both on Friday: the sources give Google's day and the ban's evening, not which came first.
    expect(precedence(ban!, google!)).toBe('possible');
    expect(precedence(google!, apple!)).toBe('certain');
    expect(precedence(notice!, cutOff!)).toBe('certain');
    expect(precedence(cutOff!, suit!)).toBe('certain');
    expect(precedence(suit!, cutOff!)).toBe('impossible');
    // No article says whether the stores acted before or after AWS's notice.
    expect(precedence(apple!, notice!)).toBe('possible');
    // Amazon's statement is dated only to the week of the suit: the dates leave the order open,
    // and its response to the suit settles it.
    expect(datePrecedence(actionSpan(suit!), actionSpan(answer!))).toBe('possible');
    expect(precedence(suit!, answer!)).toBe('certain');
    expect(precedence(answer!, suit!)).toBe('impossible');
  });

  test('response links: the suit answers the notice and the cut-off; Amazon answers the suit; the move answers the ban', async () => {
    expect((await get('parler-sues-aws')).respondsTo).toEqual(expect.arrayContaining(['aws-notifies-parler', 'aws-suspends-parler']));
    expect((await get('amazon-denies-parler-claims')).respondsTo).toContain('parler-sues-aws');
    expect((await get('parler-denies-tos-violation')).respondsTo).toEqual(['aws-accuses-parler-of-tos-violation']);
    expect((await get('twitter-users-migrate-to-parler')).respondsTo).toEqual(['twitter-bans-trump']);
  });

  test('the other direction: the suit lists the actions that respond to it', async () => {
    const suit = (await store.getAction('parler-sues-aws')) as (Action & { responses?: string[] }) | null;
    expect(suit?.responses).toEqual(['amazon-denies-parler-claims']);
  });

  test('the window of 10 January, in local days, holds the cut-off and the hosting it ended, not the removals, the notice or the suit', async () => {
    const ids = (await all({ actor: 'parler', from: '2021-01-10', to: '2021-01-10' })).map((a) => a.id);
    expect(ids.sort()).toEqual(['aws-hosts-parler', 'aws-suspends-parler']);
  });

  test('the window of 11 January holds the suit and not the cut-off', async () => {
    const ids = (await all({ actor: 'parler', from: '2021-01-11', to: '2021-01-11' })).map((a) => a.id);
    expect(ids).toContain('parler-sues-aws');
    expect(ids).toContain('amazon-denies-parler-claims');
    expect(ids).not.toContain('aws-suspends-parler');
  });

  test('read as a UTC day, 10 January holds Saturday evening in California and not the cut-off', async () => {
    const ids = (await all({ actor: 'parler', from: '2021-01-10', to: '2021-01-10', tz: 'UTC' })).map((a) => a.id);
    // Apple's Pacific Saturday ends at 07:59 UTC on the 10th; Google's Friday ended on the 9th.
    expect(ids.sort()).toEqual([
      'apple-delists-parler',
      'aws-accuses-parler-of-tos-violation',
      'aws-hosts-parler',
      'aws-notifies-parler',
      'twitter-users-migrate-to-parler',
    ]);
  });

  test('chains follow the cut-off to the suit, never back, and by default leave the accusations out', async () => {
    const answer = await store.chains('twitter', 8, {}, 1000);
    const chains = answer.chains.map((c) => c.actions);
    expect(chains.length).toBeGreaterThan(0);
    const byId = new Map((await all()).map((a) => [a.id, a] as const));
    let cutOffThenSuit = false;
    for (const chain of chains) {
      for (let i = 1; i < chain.length; i++) expect(precedence(byId.get(chain[i - 1]!)!, byId.get(chain[i]!)!)).not.toBe('impossible');
      const cutOff = chain.indexOf('aws-suspends-parler');
      const suit = chain.indexOf('parler-sues-aws');
      if (cutOff >= 0 && suit >= 0) {
        expect(cutOff).toBeLessThan(suit);
        cutOffThenSuit = true;
      }
      expect(chain.filter((id) => byId.get(id)?.type === 'ACCUSED')).toEqual([]);
    }
    expect(cutOffThenSuit).toBe(true);
  });
});

describeEachStore('seed dataset: evidence and the facts', (factory) => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await factory.open();
    await loadSeed(store);
  });
  afterAll(() => factory.cleanup(store));

  const SOURCES = [
    'src-000-parler-sues-aws',
    'src-001-parler-sues-amazon-political',
    'src-002-parler-complaint-wd-washington',
    'src-003-parler-seeks-aws-reinstatement',
    'src-004-amazon-told-media-first',
    // Dated reports that fix the days of Twitter's ban and the app-store removals.
    'src-nbcdfw-2021-01-08-google-suspends-parler',
    'src-usatoday-2021-01-09-apple-suspends-parler',
    'src-wsls-2021-01-08-twitter-suspends-trump',
  ];
  const all = async (q: Omit<Parameters<GraphStore['listActions']>[0], 'limit' | 'offset'> = {}) =>
    (await store.listActions({ ...q, limit: 1000, offset: 0 })).items;
  const between = async (type: string, from: string, to: string) =>
    (await all({ types: [type as never] })).filter((a) => a.from === from && a.to === to);

  test('every confirmed action cites a source that states it, not only one that reports a claim', async () => {
    const confirmed = await all({ statuses: ['confirmed'] });
    expect(confirmed.length).toBeGreaterThan(5);
    for (const a of confirmed)
      expect({ id: a.id, states: a.citations.some((c) => c.stance === 'states') }).toEqual({ id: a.id, states: true });
  });

  test('every citation says where in its source, and reports of an accusation are reports of a claim', async () => {
    for (const a of await all()) {
      for (const c of a.citations)
        expect({ id: a.id, source: c.source, locator: /^paras?\. \d/.test(c.locator ?? '') }).toMatchObject({ locator: true });
      if (a.type === 'ACCUSED') expect(a.citations.every((c) => c.stance === 'reports-claim')).toBe(true);
    }
  });

  test('AWS warned Parler before cutting it off: a dated notice of its own, Saturday evening', async () => {
    const notices = await between('WARNED', 'aws', 'parler');
    expect(notices.map((a) => a.id)).toEqual(['aws-notifies-parler']);
    expect(notices[0]).toMatchObject({ status: 'confirmed', date: '2021-01-09T17:00/2021-01-09T23:59:59', timezone: PACIFIC });
    expect(await all({ categories: ['notice'] })).toHaveLength(1);
  });

  test('the actors the story is about exist', async () => {
    for (const id of ['aws', 'amazon', 'parler', 'twitter', 'apple', 'google', 'donald-trump', 'us-district-court-wd-washington']) {
      expect(await store.getActor(id)).not.toBeNull();
    }
    expect((await store.getActor('donald-trump'))?.kind).toBe('person');
    expect((await store.getActor('aws'))?.layer).toBe('cloud-hosting');
  });

  test('AWS hosted Parler up to the cut-off; when it began, no article says', async () => {
    const hosted = await between('HOSTED', 'aws', 'parler');
    expect(hosted).toHaveLength(1);
    expect(hosted[0]).toMatchObject({ date: '/2021-01-10T23:59:00-08:00', status: 'confirmed' });
  });

  test('Google removed Parler from its app store on Friday 8 January, Apple on Saturday 9 January', async () => {
    const removals = await all({ types: ['DELISTED'] });
    expect(removals.map((a) => `${a.from}>${a.to}`).sort()).toEqual(['apple>parler', 'google>parler']);
    expect(Object.fromEntries(removals.map((a) => [a.from, a.date]))).toEqual({ google: '2021-01-08', apple: '2021-01-09' });
    for (const a of removals) expect(a.status).toBe('confirmed');
  });

  test('Twitter banned Donald Trump for good, on the evening of Friday 8 January', async () => {
    const bans = await between('BANNED', 'twitter', 'donald-trump');
    expect(bans).toHaveLength(1);
    expect(bans[0]).toMatchObject({ date: '2021-01-08T14:00/2021-01-08T23:59:59', status: 'confirmed', term: 'permanent' });
  });

  test('Parler sued AWS in the Western District of Washington (Seattle) on Monday 11 January, for antitrust, breach of contract and tortious interference', async () => {
    const suits = await between('SUED', 'parler', 'aws');
    expect(suits).toHaveLength(1);
    const suit = suits[0]!;
    expect(suit.date).toBe('2021-01-11');
    expect(suit.details?.venueActorId).toBe('us-district-court-wd-washington');
    expect(String(suit.details?.venue)).toMatch(/Western District of Washington/);
    expect(String(suit.details?.venue)).toMatch(/Seattle/);
    const text = (suit.details?.claims as string[]).join('\n');
    expect(text).toMatch(/antitrust|Sherman/i);
    expect(text).toMatch(/breach of contract/i);
    expect(text).toMatch(/tortious interference/i);
    // No article reports a ruling or a hearing, so the court has not acted.
    expect(await all({ types: ['RULED', 'ORDERED'] })).toEqual([]);
  });

  test("Parler's accusations are claims by Parler; the disputed ones are disputed by Amazon, and the claimedBy filter finds them", async () => {
    const accusations = (await all({ types: ['ACCUSED'] })).filter((a) => a.from === 'parler');
    expect(accusations).toHaveLength(7);
    for (const a of accusations) {
      expect(['alleged', 'disputed']).toContain(a.status);
      expect(a.claimedBy).toEqual(['parler']);
      if (a.status === 'disputed') expect(a.disputedBy).toEqual(['amazon']);
    }
    const disputedByAmazon = accusations.filter((a) => a.status === 'disputed').map((a) => a.id);
    expect(disputedByAmazon.sort()).toEqual([
      'parler-accuses-aws-of-antitrust-conspiracy',
      'parler-accuses-aws-of-breach-of-contract',
      'parler-accuses-aws-of-political-animus',
      'parler-accuses-aws-of-tortious-interference',
    ]);
    expect((await all({ disputedBy: ['amazon'] })).map((a) => a.id).sort()).toEqual(disputedByAmazon.sort());
    expect(
      (await all({ claimedBy: ['parler'] }))
        .map((a) => a.id)
        .filter((id) => id.startsWith('parler-accuses-'))
        .sort(),
    ).toEqual(accusations.map((a) => a.id).sort());
  });

  test("Amazon, which issued the statement, denied Parler's claims, and its denial is on record", async () => {
    const denials = await between('DENIED', 'amazon', 'parler');
    expect(denials).toHaveLength(1);
    expect(denials[0]).toMatchObject({ status: 'confirmed', date: '2021-01-11/2021-01-17' });
    expect(denials[0]!.citations).toEqual([
      expect.objectContaining({ source: 'src-003-parler-seeks-aws-reinstatement', stance: 'states' }),
    ]);
  });

  test('Twitter had a deal with AWS (December 2020), AWS hosted Twitter, and Amazon owns AWS', async () => {
    const deals = await between('CONTRACTED', 'twitter', 'aws');
    expect(deals).toHaveLength(1);
    expect(deals[0]!.date).toBe('2020-12');
    expect(await between('HOSTED', 'aws', 'twitter')).toHaveLength(1);
    expect(await between('OWNS', 'amazon', 'aws')).toHaveLength(1);
  });

  test('the Parler episode holds the story, not the background ties', async () => {
    const inEpisode = (await all({ episodes: ['parler-2021'] })).map((a) => a.id);
    for (const id of [
      'twitter-bans-trump',
      'apple-delists-parler',
      'aws-notifies-parler',
      'aws-suspends-parler',
      'parler-sues-aws',
      'amazon-denies-parler-claims',
    ]) {
      expect(inEpisode).toContain(id);
    }
    for (const id of ['amazon-owns-aws', 'twitter-contracts-aws', 'parler-competes-with-twitter']) expect(inEpisode).not.toContain(id);
  });

  test("every action cites the seed's sources only, each cited source resolves, and every source is cited", async () => {
    const sources = (await store.listSources({ limit: 1000, offset: 0 })).items.map((s) => s.id).sort();
    expect(sources).toEqual(SOURCES);
    const actions = await all();
    expect(actions).toHaveLength(26);
    for (const a of actions) {
      const cited = a.citations.map((c) => c.source);
      expect(cited.every((id) => SOURCES.includes(id))).toBe(true);
      expect((await store.getAction(a.id))?.sources.map((s) => s.id)).toEqual(cited);
    }
    for (const id of SOURCES) expect((await store.getSource(id))?.actions.length).toBeGreaterThan(0);
  });

  test.each([
    ['AWS', 'aws'],
    ['aws', 'aws'],
    ['Amazon Web Services, Inc.', 'aws'],
    ['President Trump', 'donald-trump'],
    ['trump', 'donald-trump'],
    ['Parler, LLC', 'parler'],
    ['App Store', 'apple'],
  ])('searching actors for %j finds %s first', async (q, id) => {
    const page = await store.listActors({ q, limit: 10, offset: 0 });
    expect(page.items[0]?.id).toBe(id);
  });

  test('Parler and AWS are hubs: Parler was delisted twice, AWS sued once', async () => {
    const parler = await store.getActor('parler');
    const aws = await store.getActor('aws');
    expect(parler!.degree).toBeGreaterThan(5);
    expect(aws!.degree).toBeGreaterThan(5);
    expect(parler!.actionCounts.DELISTED).toBe(2);
    expect(aws!.actionCounts.SUED).toBe(1);
  });

  test('Twitter and AWS are connected directly, and Trump reaches AWS through Twitter', async () => {
    const direct = await store.shortestPaths('twitter', 'aws', 4, {}, 10);
    expect(direct.length).toBeGreaterThanOrEqual(2);
    for (const p of direct) expect(p.actors).toEqual(['twitter', 'aws']);
    const viaTwitter = await store.shortestPaths('donald-trump', 'aws', 4, {}, 10);
    expect(viaTwitter.length).toBeGreaterThan(0);
    for (const p of viaTwitter) expect(p.actors).toEqual(['donald-trump', 'twitter', 'aws']);
  });
});

describeEachStore("seed dataset: Parler's cascade", (factory) => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness(factory);
    await loadSeed(h.store);
  });
  afterAll(() => h.close());

  test('the app stores, then AWS: its notice, then its cut-off; 71 h 59 min from the first removal to the cut-off', async () => {
    const res = await request(h.app).get('/api/cascade?target=parler').expect(200);
    const entries = res.body.entries as Array<{ action: { id: string }; layer?: string; sinceFirstMs: number; order: string | null }>;
    // The sanctions and notices against Parler, in timeline order (worked out in docs/interchange.md).
    expect(entries.map((e) => e.action.id)).toEqual([
      'google-delists-parler',
      'apple-delists-parler',
      'aws-notifies-parler',
      'aws-suspends-parler',
    ]);
    expect(entries.map((e) => e.layer)).toEqual(['app-store', 'app-store', 'cloud-hosting', 'cloud-hosting']);
    // Google's Friday ends before Apple's Saturday begins; Apple's Saturday overlaps the notice (its
    // evening); the notice ends before the cut-off.
    expect(entries.map((e) => e.order)).toEqual([null, 'certain', 'possible', 'certain']);
    // From 00:00 Pacific on Friday 8 Jan (08:00 UTC) to 23:59 Pacific on Sunday 10 Jan (07:59 UTC on the 11th).
    const cutOffAfter = utc(2021, 1, 11, 7, 59) - utc(2021, 1, 8, 8);
    expect(cutOffAfter).toBe((71 * 60 + 59) * 60_000);
    expect(entries.map((e) => e.sinceFirstMs)).toEqual([0, 24 * 3_600_000, utc(2021, 1, 10, 1) - utc(2021, 1, 8, 8), cutOffAfter]);
    expect(res.body.summary).toEqual({
      firstSanction: 'google-delists-parler',
      lastSanction: 'aws-suspends-parler',
      spanMs: cutOffAfter,
      layers: ['app-store', 'cloud-hosting'],
    });
  });
});
