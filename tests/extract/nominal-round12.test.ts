/**
 * Round 12 (xnominal12): acts told as nouns, and countries acting. Each reading on made-up
 * sentences in several phrasings about different actors (none comes from a gold or held-out report),
 * and the places where it must not fire.
 */
import { readerOf } from './support/reader';

const { triples } = readerOf([
  { id: 'reddit', name: 'Reddit', kind: 'platform' },
  { id: 'gab', name: 'Gab', kind: 'platform' },
  { id: 'vimeo', name: 'Vimeo', kind: 'platform' },
  { id: 'quux', name: 'Quux', kind: 'platform' },
  { id: 'jane-roe', name: 'Jane Roe', kind: 'person' },
  { id: 'erewhon-government', name: 'Government of Erewhon', aliases: ['Erewhonian government'], kind: 'government' },
  { id: 'kenya-government', name: 'Government of Kenya', aliases: ['Kenyan government'], kind: 'government' },
  { id: 'nigeria-government', name: 'Federal Government of Nigeria', aliases: ['Nigerian government'], kind: 'government' },
]);

const of = (text: string, category: 'sanction' | 'REINSTATED') =>
  triples(text).filter((t) => (category === 'REINSTATED' ? t[0] === 'REINSTATED' : t[0] !== 'REINSTATED' && t[0] !== 'OWNS'));

describe('a sanction told as a noun, with its author and its target', () => {
  test('"X\'s ban on Y", "the Erewhonian government\'s block on Y": the possessor sanctions the one after "on"', () => {
    expect(of("Reddit's ban on Gab drew complaints from its users.", 'sanction')).toEqual([['BANNED', 'reddit', 'gab']]);
    expect(of("The Erewhonian government's block on Vimeo lasted four months.", 'sanction')).toEqual([
      ['SUSPENDED', 'erewhon-government', 'vimeo'],
    ]);
    expect(of("Quux's nationwide suspension of Zorvo Chat ended in May.", 'sanction')).toContainEqual([
      'SUSPENDED',
      'quux',
      'new:Zorvo Chat',
    ]);
  });

  test('"the suspension of Y by X", "a ban imposed on Y by X", "a block by X on Y": the agent after "by"', () => {
    expect(of('The suspension of Quux by Vimeo surprised many creators.', 'sanction')).toEqual([['SUSPENDED', 'vimeo', 'quux']]);
    expect(of('Critics attacked the removal of Gab by Reddit.', 'sanction')).toEqual([['BANNED', 'reddit', 'gab']]);
    expect(of('A ban imposed on Vimeo by Quux angered its users.', 'sanction')).toEqual([['BANNED', 'quux', 'vimeo']]);
    expect(of('A block by Reddit on Quux angered its users.', 'sanction')).toEqual([['SUSPENDED', 'reddit', 'quux']]);
    expect(triples('The ban imposed on Quux in May angered its users.')).toEqual([]);
  });

  test('"a block that X imposed on Y", "the ban X placed on Y": the author in the relative clause', () => {
    expect(of('It was the longest block that the Erewhonian government imposed on Quux.', 'sanction')).toEqual([
      ['SUSPENDED', 'erewhon-government', 'quux'],
    ]);
    expect(of('Users mocked the ban Reddit had placed on Vimeo.', 'sanction')).toEqual([['BANNED', 'reddit', 'vimeo']]);
  });

  test('"X imposed a ban on Y on <day>", "X announced the block on Y": an imposing verb, dated by its clause', () => {
    expect(triples('Vimeo imposed a ban on Gab on Monday.')).toEqual([['BANNED', 'vimeo', 'gab']]);
    expect(triples('Quux announced a temporary block on Reddit.')).toEqual([['SUSPENDED', 'quux', 'reddit']]);
    const dated = readerOf([
      { id: 'gab', name: 'Gab', kind: 'platform' },
      { id: 'vimeo', name: 'Vimeo', kind: 'platform' },
    ]).run('Vimeo introduced a ban on Gab on Monday.');
    expect(dated.actions.map((a) => [a.type, a.date])).toEqual([['BANNED', '2021-06-07']]);
  });

  test('"its ban on Y": the clause subject\'s, when it is not a person', () => {
    expect(of('Reddit defended its ban on the use of Quux.', 'sanction')).toEqual([['BANNED', 'reddit', 'quux']]);
    expect(of('Jane Roe criticised its ban on Gab.', 'sanction')).toEqual([]);
  });

  test('"The government announced the ban on <day>": the author\'s act told before, on that day', () => {
    const text =
      'Quux is reachable again after the Erewhonian government lifted a suspension that had lasted months. The government announced the ban on June 4.';
    expect(triples(text)).toEqual(
      expect.arrayContaining([
        ['REINSTATED', 'erewhon-government', 'quux'],
        ['BANNED', 'erewhon-government', 'quux'],
      ]),
    );
  });

  test('a bare noun, or one with only its author or only its target, is no act', () => {
    expect(triples('The ban was a mistake, Reddit said.')).toEqual([]);
    expect(triples("Reddit's ban lasted a week.")).toEqual([]);
    expect(triples('The ban on Gab was widely discussed.')).toEqual([]);
    expect(triples('Vimeo announced the ban on Monday.')).toEqual([]);
  });

  test('a noun told as denied or wished for is no act', () => {
    expect(triples('Reddit never imposed a ban on Gab.')).toEqual([]);
  });
});

describe('a restoration told as a noun', () => {
  test('"X lifted its block on Y", "X ended its ban on Y", "X rescinded the suspension of Y"', () => {
    expect(of('Reddit lifted its block on Quux on Thursday.', 'REINSTATED')).toEqual([['REINSTATED', 'reddit', 'quux']]);
    expect(of('Vimeo ended its ban on Gab after a week.', 'REINSTATED')).toEqual([['REINSTATED', 'vimeo', 'gab']]);
    expect(of('Quux quietly rescinded the suspension of Jane Roe.', 'REINSTATED')).toEqual([['REINSTATED', 'quux', 'jane-roe']]);
    expect(of('The Erewhonian government dropped its restrictions on Vimeo.', 'REINSTATED')).toEqual([
      ['REINSTATED', 'erewhon-government', 'vimeo'],
    ]);
  });

  test('"X lifted the suspension" with no target named: the ones X\'s sanction cut off, told before or after', () => {
    expect(of('Vimeo cut off Quux on Monday. Vimeo lifted the suspension on Friday.', 'REINSTATED')).toEqual([
      ['REINSTATED', 'vimeo', 'quux'],
    ]);
    expect(of('Reddit revoked the ban it had ordered. Reddit had thrown Gab off in May.', 'REINSTATED')).toEqual([
      ['REINSTATED', 'reddit', 'gab'],
    ]);
    // No sanction by Vimeo told: no one to restore; another actor's sanction is not Vimeo's.
    expect(of('Vimeo lifted the ban on Friday.', 'REINSTATED')).toEqual([]);
    expect(of('Reddit blocked Gab in May. Vimeo lifted the ban on Friday.', 'REINSTATED')).toEqual([]);
  });

  test('a restoration is not also a new sanction', () => {
    expect(of('Reddit reversed its suspension of Gab.', 'sanction')).toEqual([]);
    expect(of('Vimeo ended its ban on Gab after a week.', 'sanction')).toEqual([]);
  });

  test('"the block on Y was rescinded": by whoever had sanctioned Y, or by the possessor named', () => {
    expect(of('Vimeo blocked Quux in March. The block on Quux was rescinded in May.', 'REINSTATED')).toEqual([
      ['REINSTATED', 'vimeo', 'quux'],
    ]);
    expect(of("Reddit banned Gab in March. Reddit's ban on Gab has been overturned.", 'REINSTATED')).toEqual([
      ['REINSTATED', 'reddit', 'gab'],
    ]);
    // With no sanction of Quux read, no one is known to restore it.
    expect(of('The block on Quux was rescinded in May.', 'REINSTATED')).toEqual([]);
  });

  test('"did not lift its ban": negated, no restoration', () => {
    expect(triples('Reddit did not lift its ban on Gab.')).toEqual([]);
  });
});

describe('countries acting', () => {
  test('a country opening a sentence is the actor, whatever verb follows', () => {
    expect(of('Kenya lifted its block on Reddit on Thursday.', 'REINSTATED')).toEqual([['REINSTATED', 'kenya-government', 'reddit']]);
    expect(triples('Sri Lanka shut off Quux on Monday.')).toEqual([['SUSPENDED', 'new:Sri Lanka', 'quux']]);
    expect(triples('Iran has cut off Gab and Vimeo.')).toEqual([
      ['SUSPENDED', 'new:Iran', 'gab'],
      ['SUSPENDED', 'new:Iran', 'vimeo'],
    ]);
  });

  test('"The US", "the United Kingdom": a country whose short name opens longer names, before its verb', () => {
    expect(triples('The US banned Quux in May.')).toEqual([['BANNED', 'new:US', 'quux']]);
    expect(of('The United Kingdom lifted its ban on Vimeo.', 'REINSTATED')).toEqual([['REINSTATED', 'new:United Kingdom', 'vimeo']]);
    expect(triples('Gab grew fast until the UK blocked it in May.')).toEqual([['SUSPENDED', 'new:UK', 'gab']]);
    expect(triples('Gab opened an office in the UK last year.')).toEqual([]);
  });

  test('the store\'s government of the country when it has one ("Nigeria" is the Nigerian government)', () => {
    expect(triples('Nigeria suspended Quux on Friday.')).toEqual([['SUSPENDED', 'nigeria-government', 'quux']]);
    expect(of("Nigeria's block on Vimeo lasted seven months.", 'sanction')).toEqual([['SUSPENDED', 'nigeria-government', 'vimeo']]);
  });

  test('a country as a place, or an adjective, or a regulator named by its country, is not the actor', () => {
    expect(triples('Users in Iran could not reach Gab.')).toEqual([]);
    expect(triples('Sri Lankan users moved to Quux.')).toEqual([]);
    expect(triples("Russia's media regulator, Zorkom, blocked Gab on Friday.")).toEqual([['SUSPENDED', 'new:Zorkom', 'gab']]);
  });
});

describe('a passive block with the place of the block', () => {
  test('"A, B and C had been blocked in <country>": the country blocks them', () => {
    expect(triples('Reddit, Gab and Vimeo had already been blocked in Iran.')).toEqual(
      expect.arrayContaining([
        ['SUSPENDED', 'new:Iran', 'reddit'],
        ['SUSPENDED', 'new:Iran', 'gab'],
        ['SUSPENDED', 'new:Iran', 'vimeo'],
      ]),
    );
  });

  test('"is banned in", "remains blocked in", "was suspended across": the country, the store\'s government when known', () => {
    expect(triples('Quux is banned in China.')).toEqual([['BANNED', 'new:China', 'quux']]);
    expect(triples('Gab remains blocked in Turkey.')).toEqual([['SUSPENDED', 'new:Turkey', 'gab']]);
    expect(triples('Vimeo was suspended across Nigeria for a week.')).toEqual([['SUSPENDED', 'nigeria-government', 'vimeo']]);
  });

  test('not for a city, not with "by X", not after another actor sanctioned in the sentence before', () => {
    expect(triples('Gab was blocked in London.')).toEqual([]);
    expect(triples('Gab was blocked by Reddit in Iran.')).toEqual([['SUSPENDED', 'reddit', 'gab']]);
    expect(triples('Reddit blocked Quux on Monday. Gab was blocked in Iran too.')).not.toContainEqual(['SUSPENDED', 'new:Iran', 'gab']);
  });

  test('not for verbs other than blocking and banning', () => {
    expect(triples('Gab was sued in Iran.')).not.toContainEqual(expect.arrayContaining(['new:Iran']));
  });
});
