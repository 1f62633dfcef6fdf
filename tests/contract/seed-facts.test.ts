import { loadSeed } from '../../graph-seed/seed';
import type { GraphStore } from '../../server/store/types';
import { describeEachStore } from '../support/stores';

describeEachStore('seed dataset', (factory) => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await factory.open();
    await loadSeed(store);
  });
  afterAll(() => factory.cleanup(store));

  test('loading the seed twice changes nothing the second time', async () => {
    const again = await loadSeed(store);
    expect(again.created).toEqual({ actors: 0, sources: 0, actions: 0 });
    expect(again.updated).toEqual({ actors: 0, sources: 0, actions: 0 });
    expect(again.unchanged.actions).toBeGreaterThan(10);
  });

  test('AWS suspended Parler with the stated effective time and its offset kept', async () => {
    const page = await store.listActions({ actor: 'parler', types: ['SUSPENDED'], limit: 10, offset: 0 });
    const suspension = page.items.find((a) => a.from === 'aws' && a.to === 'parler');
    expect(suspension?.date).toBe('2021-01-10T23:59:00-08:00');
    expect(suspension?.status).toBe('confirmed');
  });
});

/** The dataset's facts, as a reader of the sources would state them, asked of the store. */
describeEachStore('seed dataset: the facts', (factory) => {
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
  ];
  const all = async (q: Omit<Parameters<GraphStore['listActions']>[0], 'limit' | 'offset'> = {}) =>
    (await store.listActions({ ...q, limit: 1000, offset: 0 })).items;
  const between = async (type: string, from: string, to: string) =>
    (await all({ types: [type as never] })).filter((a) => a.from === from && a.to === to);

  test('the actors the story is about exist', async () => {
    for (const id of ['aws', 'amazon', 'parler', 'twitter', 'apple', 'google', 'donald-trump']) {
      expect(await store.getActor(id)).not.toBeNull();
    }
    expect((await store.getActor('donald-trump'))?.kind).toBe('person');
    expect((await store.getActor('aws'))?.layer).toBe('cloud-hosting');
  });

  test('AWS hosted Parler until 11:59 p.m. Pacific on 10 January 2021', async () => {
    const hosted = await between('HOSTED', 'aws', 'parler');
    expect(hosted).toHaveLength(1);
    expect(hosted[0]!.date).toMatch(/\/2021-01-10T23:59:00-08:00$/);
    expect(hosted[0]!.status).toBe('confirmed');
  });

  test('the hosting has no start date, so a date window leaves it out, but its end is kept as given', async () => {
    const windowed = await all({ actor: 'parler', types: ['HOSTED'], from: '2021-01-01', to: '2021-01-31' });
    expect(windowed).toEqual([]);
    const timeline = await all({ actor: 'parler' });
    const hostedAt = timeline.findIndex((a) => a.type === 'HOSTED');
    // Undated, so at the end of the timeline.
    expect(timeline.slice(hostedAt).every((a) => a.date === undefined)).toBe(true);
  });

  test('Apple and Google removed Parler from their app stores', async () => {
    expect(await between('DELISTED', 'apple', 'parler')).toHaveLength(1);
    expect(await between('DELISTED', 'google', 'parler')).toHaveLength(1);
    expect((await all({ types: ['DELISTED'] })).map((a) => a.from).sort()).toEqual(['apple', 'google']);
  });

  test('Twitter banned Donald Trump, on 8 January 2021', async () => {
    const bans = await between('BANNED', 'twitter', 'donald-trump');
    expect(bans).toHaveLength(1);
    expect(bans[0]!.date).toBe('2021-01-08');
    expect(bans[0]!.status).toBe('confirmed');
  });

  test('Parler sued AWS in the Western District of Washington (Seattle) for antitrust, breach of contract and tortious interference', async () => {
    const suits = await between('SUED', 'parler', 'aws');
    expect(suits).toHaveLength(1);
    const suit = suits[0]!;
    expect(suit.date).toBe('2021-01-11');
    expect(String(suit.details?.venue)).toMatch(/Western District of Washington/);
    expect(String(suit.details?.venue)).toMatch(/Seattle/);
    const claims = suit.details?.claims;
    expect(Array.isArray(claims)).toBe(true);
    const text = (claims as string[]).join('\n');
    expect(text).toMatch(/antitrust|Sherman/i);
    expect(text).toMatch(/breach of contract/i);
    expect(text).toMatch(/tortious interference/i);
  });

  test("Parler's accusations are alleged or disputed, claimed by Parler; the disputed ones are disputed by Amazon", async () => {
    const accusations = (await all({ types: ['ACCUSED'] })).filter((a) => a.from === 'parler');
    expect(accusations.length).toBeGreaterThanOrEqual(4);
    for (const a of accusations) {
      expect(['alleged', 'disputed']).toContain(a.status);
      expect(a.claimedBy).toContain('parler');
      if (a.status === 'disputed') expect(a.disputedBy).toContain('amazon');
    }
    const disputedAgainstAws = accusations.filter((a) => a.status === 'disputed' && a.to === 'aws');
    expect(disputedAgainstAws.length).toBeGreaterThanOrEqual(3);
    const statusFiltered = await all({ actor: 'parler', statuses: ['disputed'], types: ['ACCUSED'] });
    expect(
      statusFiltered
        .filter((a) => a.from === 'parler')
        .map((a) => a.id)
        .sort(),
    ).toEqual(disputedAgainstAws.map((a) => a.id).sort());
  });

  test("Amazon denied Parler's claims", async () => {
    const denials = await between('DENIED', 'amazon', 'parler');
    expect(denials).toHaveLength(1);
    expect(denials[0]!.status).toBe('confirmed');
  });

  test('Twitter had a deal with AWS (December 2020), and AWS hosted Twitter', async () => {
    const deals = await between('CONTRACTED', 'twitter', 'aws');
    expect(deals).toHaveLength(1);
    expect(deals[0]!.date).toBe('2020-12');
    expect(await between('HOSTED', 'aws', 'twitter')).toHaveLength(1);
  });

  test('Amazon owns AWS', async () => {
    expect(await between('OWNS', 'amazon', 'aws')).toHaveLength(1);
  });

  test('every action cites at least one of the five sources, and each cited source resolves', async () => {
    const sources = (await store.listSources({ limit: 1000, offset: 0 })).items.map((s) => s.id).sort();
    expect(sources).toEqual(SOURCES);
    const actions = await all();
    expect(actions.length).toBeGreaterThan(10);
    for (const a of actions) {
      expect(a.citations.some((c) => SOURCES.includes(c.source))).toBe(true);
      const full = await store.getAction(a.id);
      expect(full?.sources.map((s) => s.id)).toEqual(a.citations.map((c) => c.source));
    }
    // And every source is cited by some action.
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

  test('a ban on one platform leads, step by step, to a suit against a cloud provider', async () => {
    const answer = await store.chains('twitter', 3, {}, 1000);
    expect(answer.truncated).toBe(false);
    expect(answer.chains.map((c) => c.actions)).toContainEqual([
      'twitter-bans-trump',
      'twitter-users-migrate-to-parler',
      'parler-sues-aws',
    ]);
    // Every chain from Twitter starts with one of Twitter's own dated actions.
    const twitterActions = new Set((await all({ actor: 'twitter' })).filter((a) => a.date !== undefined).map((a) => a.id));
    for (const c of answer.chains) expect(twitterActions.has(c.actions[0]!)).toBe(true);
  });
});
