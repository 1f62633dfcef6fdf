/**
 * Round 9: general readings found on the eighth and ninth held-out sets, each tested on made-up
 * sentences (none comes from a gold or held-out report).
 */
import { readerOf } from './support/reader';

const { triples } = readerOf([
  { id: 'reddit', name: 'Reddit', kind: 'platform' },
  { id: 'gab', name: 'Gab', kind: 'platform' },
  { id: 'cloudflare', name: 'Cloudflare', kind: 'company' },
  { id: 'jane-roe', name: 'Jane Roe', kind: 'person' },
]);

describe('short names', () => {
  test('"Pinecone Studios ... Pinecone": a new name without the words saying what kind of company it is stays the same actor', () => {
    expect(triples('Reddit banned Pinecone Studios on Monday. Pinecone sued Reddit the next day.')).toEqual([
      ['BANNED', 'reddit', 'new:Pinecone Studios'],
      ['SUED', 'new:Pinecone Studios', 'reddit'],
    ]);
  });

  test('a shorter name is another actor when the words left off are part of the name itself', () => {
    expect(triples('Reddit banned the Pinecone Herald on Monday. Pinecone sued Gab in June.')).toEqual([
      ['BANNED', 'reddit', 'new:Pinecone Herald'],
      ['SUED', 'new:Pinecone', 'gab'],
    ]);
  });
});

describe('owners named after "owned by"', () => {
  test('"A sued B, an app owned by C": C owns B, the name just before the words, not the subject A', () => {
    expect(triples('Gab sued Reddit, an app owned by Pinecone Studios.')).toEqual([
      ['SUED', 'gab', 'reddit'],
      ['OWNS', 'new:Pinecone Studios', 'reddit'],
    ]);
  });

  test('"which is owned by the Lisbon company C": the words describing the owner, a place among them, are passed over', () => {
    expect(triples('Gab sued Reddit, which is owned by the Lisbon company Pinecone.')).toEqual([
      ['SUED', 'gab', 'reddit'],
      ['OWNS', 'new:Pinecone', 'reddit'],
    ]);
    expect(triples('Reddit is owned by the holding company Pinecone.')).toEqual([['OWNS', 'new:Pinecone', 'reddit']]);
  });

  test('"A and B, two apps owned by C": a plural apposition makes C the owner of every name in the list', () => {
    expect(triples('Cloudflare pulled Reddit and Gab, two apps owned by Pinecone Studios, from its store.')).toEqual([
      ['DELISTED', 'cloudflare', 'reddit'],
      ['DELISTED', 'cloudflare', 'gab'],
      ['OWNS', 'new:Pinecone Studios', 'reddit'],
      ['OWNS', 'new:Pinecone Studios', 'gab'],
    ]);
  });
});

describe("journalists' words for suits, restorations and claims", () => {
  test('"joined a class action against A and B", "filed a writ petition against A": suits against each party named', () => {
    expect(triples('Jane Roe joined a class action against Reddit and Cloudflare on Friday.')).toEqual([
      ['SUED', 'jane-roe', 'reddit'],
      ['SUED', 'jane-roe', 'cloudflare'],
    ]);
    expect(triples('Gab filed a writ petition against Reddit.')).toEqual([['SUED', 'gab', 'reddit']]);
  });

  test('"Y says it will let X back", "Y would welcome X back": an announced restoration is proposed', () => {
    expect(triples('Reddit says it will let Gab back.')).toEqual([['REINSTATED', 'reddit', 'gab']]);
    expect(triples('Cloudflare would welcome Gab back as long as it moderates.')).toEqual([['REINSTATED', 'cloudflare', 'gab']]);
  });

  test('"X called Y a dictator": an insult is a claim against Y; "called Y a partner" is none', () => {
    expect(triples('Jane Roe, for her part, called Cloudflare a dictator.')).toEqual([['ACCUSED', 'jane-roe', 'cloudflare']]);
    expect(triples('Jane Roe called Cloudflare a partner.')).toEqual([]);
  });

  test('"outlawed X" is a ban', () => {
    expect(triples('Ruritania outlawed Gab in May.')).toEqual([['BANNED', 'new:Ruritania', 'gab']]);
  });

  test('"took X out of its store" is a delisting; "called the new block an assault" is a claim against who blocked', () => {
    expect(triples('Reddit took Gab, a chat app, out of its store.')).toEqual([['DELISTED', 'reddit', 'gab']]);
    expect(triples('Reddit blocked Gab on Monday. Gab called the new block an assault on speech.')).toEqual([
      ['SUSPENDED', 'reddit', 'gab'],
      ['ACCUSED', 'gab', 'reddit'],
    ]);
  });
});

describe('two new names joined by "and"', () => {
  test('"A and B, two apps owned by C": names counted as two are two actors; "Simon & Schuster", written with an ampersand, stays one', () => {
    expect(triples('Reddit pulled Pinecone and Larch, two apps owned by Gab, from its store.').slice(0, 2)).toEqual([
      ['DELISTED', 'reddit', 'new:Pinecone'],
      ['DELISTED', 'reddit', 'new:Larch'],
    ]);
    expect(triples('Reddit dropped Simon & Schuster.')).toEqual([['BANNED', 'reddit', 'new:Simon & Schuster']]);
  });
});

describe('"her" and "him"', () => {
  test('two names joined by "and" are no person a later "her" may stand for', () => {
    expect(
      triples('Reddit banned Jane Doe in May. Pinecone and Larch deactivated her last year, and Gab removed her in February.').at(-1),
    ).toEqual(['BANNED', 'gab', 'new:Jane Doe']);
  });
});

describe('a pronoun after a participle that comments on the act', () => {
  test('"A sued B in a court in Ohio, accusing it of ...": "it" is B, the party acted upon, not a place or A', () => {
    expect(triples('Gab filed a suit against Reddit in a court in Ohio on Monday, accusing it of running a monopoly.')).toEqual([
      ['SUED', 'gab', 'reddit'],
      ['ACCUSED', 'gab', 'reddit'],
    ]);
    expect(triples('Reddit banned Gab, accusing it of spreading threats.')).toEqual([
      ['BANNED', 'reddit', 'gab'],
      ['ACCUSED', 'reddit', 'gab'],
    ]);
  });
});

describe('a sentence opened by a participle or a preposition', () => {
  test('"Wearing a Gab badge, she shouted ..., accusing the company": the name inside the opening phrase is not who speaks', () => {
    expect(
      triples(
        'Jane Roe was banned by Reddit last week. Wearing a badge of Gab, she shouted that she had been silenced, accusing the company of bias.',
      ),
    ).toEqual([
      ['BANNED', 'reddit', 'jane-roe'],
      ['ACCUSED', 'jane-roe', 'reddit'],
    ]);
  });
});
