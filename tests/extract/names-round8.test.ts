/**
 * Round 8 (actors): general readings of who the actors are and which are bound as from and to,
 * each on made-up sentences about made-up actors (none comes from a gold or held-out report).
 */
import { readerOf } from './support/reader';

const { run, triples } = readerOf([
  { id: 'reddit', name: 'Reddit', kind: 'platform' },
  { id: 'gab', name: 'Gab', kind: 'platform' },
  { id: 'cloudflare', name: 'Cloudflare', kind: 'company' },
  { id: 'jane-roe', name: 'Jane Roe', kind: 'person' },
  { id: 'ada-quill', name: 'Ada Quill', kind: 'person' },
]);
const names = (text: string) => run(text).actors.map((a) => a.name);

describe('two new names joined by "and"', () => {
  test('are two actors when the report also names one of them alone', () => {
    const text = 'Zorpay and Quibcard have suspended Fenwick Forum. Zorpay said on Monday that it agreed.';
    expect(triples(text)).toEqual(
      expect.arrayContaining([
        ['SUSPENDED', 'new:Zorpay', 'new:Fenwick Forum'],
        ['SUSPENDED', 'new:Quibcard', 'new:Fenwick Forum'],
      ]),
    );
    expect(names(text)).not.toContain('Zorpay and Quibcard');
  });

  test('both act when the verb is read by position ("stopped processing payments on X")', () => {
    const text = 'Zorpay and Quibcard stopped processing payments on Fenwick Forum. Quibcard said it agreed.';
    expect(triples(text)).toEqual([
      ['SUSPENDED', 'new:Zorpay', 'new:Fenwick Forum'],
      ['SUSPENDED', 'new:Quibcard', 'new:Fenwick Forum'],
    ]);
  });

  test('stay one name when neither is written alone ("Barrow and Finch")', () => {
    expect(names('Barrow and Finch has dropped a novel by Jane Roe.')).toContain('Barrow and Finch');
  });
});

describe('names with numbers, given names, handles and ranks', () => {
  test('a year written right after a name is part of it', () => {
    expect(triples('Cloudflare has cut off Trucker Rally 2024, the protest group.')).toEqual([
      ['SUSPENDED', 'cloudflare', 'new:Trucker Rally 2024'],
    ]);
  });

  test('a name given after "called" keeps its lower-case joining words', () => {
    expect(names('Reddit also removed a forum called Stand to the Shore this week.')).toContain('Stand to the Shore');
  });

  test('after "called", a judgement of two names or a time is no given name', () => {
    expect(names('Jane Roe called Zorpay Cards and Quibcard cowards after they cut off Fenwick Forum.')).not.toContain(
      'Zorpay Cards and Quibcard',
    );
    expect(names('Jane Roe called Zorpay on Monday to complain that it had cut off Fenwick Forum.')).not.toContain('Zorpay on Monday');
  });

  test('a handle keeps its "@"', () => {
    expect(names('Reddit banned @NightOwlBot on Tuesday.')).toContain('@NightOwlBot');
  });

  test('a hyphenated rank is a title, not part of the name', () => {
    expect(names('Reddit banned its spokesman, Lieutenant-Colonel Kem Dara, on Tuesday.')).toContain('Kem Dara');
  });

  test('a capitalised number word inside a name is part of it', () => {
    expect(names('Cloudflare has cut off Harbour Seven, the forum.')).toContain('Harbour Seven');
  });

  test('a plural possessive opens a name, and a preposition after an organisation word stays inside it', () => {
    expect(names("Gab was attacked by the Writers' Council on Online Abuse, which Reddit banned.")).toContain(
      "Writers' Council on Online Abuse",
    );
  });
});

describe('words around names that are no actors', () => {
  test('a place between an article and a noun for a business describes the business', () => {
    const text = 'Harbour Seven, the Lisbon company that runs Fenwick Forum, said Cloudflare had cut it off.';
    expect(names(text)).not.toContain('Lisbon');
  });

  test('a name right before a word for a law ("the Digital Safety Act") is the law\'s, no actor that can act', () => {
    const text = 'The Digital Safety Act forced Reddit to ban Gab.';
    expect(names(text)).not.toContain('Digital Safety');
    expect(triples(text).filter((t) => t[0] === 'ORDERED')).toEqual([]);
  });

  test('"users who were banned from A and B" is a group of people: no one named before is the target', () => {
    const text = 'Fenwick Forum opened last year. The service has drawn many users who were banned from Reddit and Gab.';
    expect(triples(text)).toEqual([]);
  });
});

describe('a person known by a title', () => {
  test('"the judge" is the person introduced as a justice, not the one named last', () => {
    const text =
      'Justice Ada Quill ordered Reddit to remove the forum. Jane Roe called the order censorship. Gab said the judge had been misled, and Reddit banned the judge on Friday.';
    expect(triples(text)).toContainEqual(['BANNED', 'reddit', 'ada-quill']);
    expect(triples(text)).not.toContainEqual(['BANNED', 'reddit', 'jane-roe']);
  });
});

describe('acronyms and offices', () => {
  test('an acronym is the longer name whose initials it writes', () => {
    const text = 'Reddit banned the Harbour Policy Forum (HPF) on Monday. HPF said the ban was a political ploy.';
    expect(triples(text)).toEqual([
      ['BANNED', 'reddit', 'new:Harbour Policy Forum'],
      ['ACCUSED', 'new:Harbour Policy Forum', 'reddit'],
    ]);
  });

  test('a word that names nothing alone opens an office\'s name ("the State Department")', () => {
    expect(names('The State Department denied that it had asked Reddit to ban Gab.')).toContain('State Department');
  });
});

describe('countries and their governments', () => {
  test('a word opening a sentence acts when a time comes before its verb ("Erewhon on Friday blocked ...")', () => {
    expect(triples('Nigeria on Friday suspended Fenwick Forum indefinitely.')).toEqual([['SUSPENDED', 'new:Nigeria', 'new:Fenwick Forum']]);
  });

  test('"the government" is the country named last, not the report\'s main site', () => {
    const text =
      'Nigeria on Friday suspended Fenwick Forum indefinitely. Reddit said nothing. The government accused Fenwick Forum of spreading lies.';
    expect(triples(text)).toContainEqual(['ACCUSED', 'new:Nigeria', 'new:Fenwick Forum']);
    expect(triples(text).filter((t) => t[0] === 'ACCUSED' && t[1] !== 'new:Nigeria')).toEqual([]);
  });
});

describe('the user of an account', () => {
  test('"restricted the account X used": X is the target, not the name before', () => {
    const text =
      'Quibcard pulled its cards from Fenwick Forum on Monday. Gab followed Reddit, which on June 4 permanently restricted the account Jane Roe used to collect donations, saying it had breached its policy.';
    expect(triples(text)).toContainEqual(['RESTRICTED', 'reddit', 'jane-roe']);
    expect(triples(text)).not.toContainEqual(['RESTRICTED', 'reddit', 'new:Quibcard']);
  });
});
