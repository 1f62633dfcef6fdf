/**
 * Round 11 (lead): readings found on held-out 11 and 12 after their blind figures were taken, each
 * tested on made-up sentences (none comes from a gold or held-out report).
 */
import { readerOf } from './support/reader';

const { triples } = readerOf([
  { id: 'reddit', name: 'Reddit', kind: 'platform' },
  { id: 'gab', name: 'Gab', kind: 'platform' },
  { id: 'vimeo', name: 'Vimeo', kind: 'platform' },
  { id: 'jane-roe', name: 'Jane Roe', kind: 'person' },
  { id: 'nigeria-government', name: 'Federal Government of Nigeria', aliases: ['Nigerian government'], kind: 'government' },
]);

describe('ownership in a possessive apposition', () => {
  test('"Zonk, Gab\'s messaging service,": Gab owns Zonk', () => {
    expect(triples("Reddit banned Zonk, Gab's messaging service, on Monday.")).toContainEqual(['OWNS', 'gab', 'new:Zonk']);
  });

  test("\"Pinecone Board, Nigeria's media regulator,\": a regulator or a singer's label is no one's service", () => {
    expect(triples("The Pinecone Board, Nigeria's media regulator, fined Gab.").filter((t) => t[0] === 'OWNS')).toEqual([]);
    expect(triples("Zonk Records, Jane Roe's label, was banned by Reddit.").filter((t) => t[0] === 'OWNS')).toEqual([]);
  });
});

describe('"the government" of a country the store knows a government for', () => {
  test('"reachable in Nigeria again ... after the federal government lifted a suspension": the store\'s Nigerian government', () => {
    expect(
      triples('Gab has been reachable in Nigeria again since Thursday, after the federal government lifted a suspension on it.'),
    ).toContainEqual(['REINSTATED', 'nigeria-government', 'gab']);
  });
});

describe('names joined to a reference', () => {
  test('"cut off the network along with A and B": the reference and the names after it', () => {
    const found = triples('Gab, a small social network, grew fast. On Monday Reddit cut off the network along with Vimeo and Zonk.');
    expect(found).toEqual(
      expect.arrayContaining([
        ['SUSPENDED', 'reddit', 'gab'],
        ['SUSPENDED', 'reddit', 'vimeo'],
        ['SUSPENDED', 'reddit', 'new:Zonk'],
      ]),
    );
  });

  test('a comma alone joins nothing to a reference: "Reddit cut off the site, Vimeo said"', () => {
    expect(triples('Gab grew fast. Reddit cut off the site, Vimeo said.')).not.toContainEqual(['SUSPENDED', 'reddit', 'vimeo']);
  });
});

describe('more words for warnings and suits', () => {
  test('"threatened X with heavy fines" is a warning', () => {
    expect(triples('Reddit threatened Gab with heavy fines on Monday.')).toEqual([['WARNED', 'reddit', 'gab']]);
  });

  test('"challenged the ban in court" is a suit against whoever imposed the ban', () => {
    expect(triples('Reddit banned Jane Roe in May. Jane Roe challenged the ban in court on Monday.')).toContainEqual([
      'SUED',
      'jane-roe',
      'reddit',
    ]);
  });
});

describe('a restoration in the passive with no agent named', () => {
  test('"A and B were unblocked": by whoever had blocked them, not by the president who spoke before', () => {
    const text =
      'Nigeria blocked Gab and Vimeo on Monday. Its president, Jane Roe, said on Friday she had told the regulator to end the ban. Gab and Vimeo were unblocked over the past few days.';
    const back = triples(text).filter((t) => t[0] === 'REINSTATED');
    expect(back).toEqual(
      expect.arrayContaining([
        ['REINSTATED', 'nigeria-government', 'gab'],
        ['REINSTATED', 'nigeria-government', 'vimeo'],
      ]),
    );
    expect(back.filter((t) => t[1] === 'jane-roe')).toEqual([]);
  });
});

describe('the subject of a relative clause', () => {
  test('"lost to X, which had sued the company": X sued, though a preposition governs it', () => {
    expect(triples('Reddit lost to the Pinecone Office, which had sued the company in May.')).toEqual([
      ['SUED', 'new:Pinecone Office', 'reddit'],
    ]);
  });

  test('an object relative is untouched: "Gab, which Reddit dropped last year"', () => {
    expect(triples('Gab, which Reddit dropped last year, was sold.')).toContainEqual(['BANNED', 'reddit', 'gab']);
  });
});

describe('"shut off"', () => {
  test('"shut off X along with A and B" cuts off all three', () => {
    expect(triples('Nigeria shut off Gab along with Vimeo and Zonk on Monday.')).toEqual([
      ['SUSPENDED', 'nigeria-government', 'gab'],
      ['SUSPENDED', 'nigeria-government', 'vimeo'],
      ['SUSPENDED', 'nigeria-government', 'new:Zonk'],
    ]);
  });
});

describe('more words read after the blind sets', () => {
  test.each([
    ["Reddit has taken Jane Roe's music off its service.", ['BANNED', 'reddit', 'jane-roe']],
    ['Reddit signed Jane Roe in 2020 to an exclusive deal.', ['CONTRACTED', 'reddit', 'jane-roe']],
  ])('%s', (text, triple) => {
    expect(triples(text)).toContainEqual(triple);
  });

  test('"brushed off the charge": a denial of the claim made before', () => {
    expect(triples('Jane Roe accused Reddit of censorship on Monday. Reddit brushed off the charge the same day.')).toContainEqual([
      'DENIED',
      'reddit',
      'jane-roe',
    ]);
  });

  test('"declared X an extremist organisation" is a ruling from a court, and nothing from anyone else', () => {
    expect(triples('The Pinecone District Court declared Gab an extremist organisation on Monday.')).toContainEqual([
      'RULED',
      'new:Pinecone District Court',
      'gab',
    ]);
    expect(triples('Reddit declared Gab an extremist organisation on Monday.').filter((t) => t[0] === 'RULED')).toEqual([]);
  });
});
