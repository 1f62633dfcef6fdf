/**
 * Round 12 (lead): general readings of clauses and demands, each tested on made-up sentences about
 * made-up or unrelated actors (none comes from a gold or held-out report).
 */
import { readerOf } from './support/reader';

const { run, triples } = readerOf([
  { id: 'reddit', name: 'Reddit', kind: 'platform' },
  { id: 'gab', name: 'Gab', kind: 'platform' },
  { id: 'vimeo', name: 'Vimeo', kind: 'platform' },
  { id: 'jane-roe', name: 'Jane Roe', kind: 'person' },
  { id: 'nigeria-government', name: 'Federal Government of Nigeria', aliases: ['Nigerian government'], kind: 'government' },
]);

describe('", and NAME" with an irregular past verb opens a clause', () => {
  test('"..., and Reddit cut her stream": Reddit acts; it is not a second object of the verb before', () => {
    const found = triples("On Monday Gab removed the forum's page, and Reddit cut Jane Roe's stream an hour in.");
    expect(found).not.toContainEqual(['BANNED', 'gab', 'reddit']);
    expect(found).toContainEqual(['BANNED', 'reddit', 'jane-roe']);
  });

  test('"took", "shut" and "pulled" after ", and NAME" too', () => {
    for (const verb of ['took down', 'shut down', 'pulled'])
      expect(triples(`Vimeo dropped Zonk in May, and Reddit ${verb} the channel of Jane Roe.`)).not.toContainEqual([
        expect.any(String),
        'vimeo',
        'reddit',
      ]);
  });
});

describe('cutting a stream or a feed', () => {
  test('"cut X\'s livestream", "cut the broadcast of X": an act on X', () => {
    expect(triples("Vimeo cut Jane Roe's livestream after ten minutes.")).toContainEqual(['BANNED', 'vimeo', 'jane-roe']);
    expect(triples('Reddit cut the broadcast of Gab on Friday.')).toContainEqual(['BANNED', 'reddit', 'gab']);
  });

  test('"cut the feed in half" names no one: nothing', () => {
    expect(triples('Reddit cut the feed in half.')).toEqual([]);
  });
});

describe('an order told as a clause', () => {
  test('"demanded on May 3 that X take it down": an order to X, and no act by X', () => {
    const found = triples('The Nigerian government had demanded on May 3 that Reddit take it down.');
    expect(found).toEqual([['ORDERED', 'nigeria-government', 'reddit']]);
  });

  test('"demanded that A and B remove": an order to each', () => {
    expect(triples('The Nigerian government demanded that Reddit and Gab remove the posts.')).toEqual([
      ['ORDERED', 'nigeria-government', 'reddit'],
      ['ORDERED', 'nigeria-government', 'gab'],
    ]);
  });

  test('"urged X to suspend", "pressed X to take down": an order, the act not done', () => {
    const urged = triples('The Nigerian government urged Reddit to suspend the account of Jane Roe.');
    expect(urged).toContainEqual(['ORDERED', 'nigeria-government', 'reddit']);
    expect(urged).not.toContainEqual(['SUSPENDED', 'reddit', 'jane-roe']);
    expect(triples('The Nigerian government pressed Vimeo to take down the forum.')).toContainEqual([
      'ORDERED',
      'nigeria-government',
      'vimeo',
    ]);
  });

  test('a demand with no sanction in it is no order', () => {
    expect(triples('Jane Roe demanded that Reddit apologise.')).toEqual([]);
  });
});

describe('ownership beside a noun for a unit', () => {
  test('"Vimeo, owned by Reddit, banned Gab": Vimeo bans, Reddit owns Vimeo', () => {
    const found = triples('Vimeo, owned by Reddit, banned Gab.');
    expect(found).toContainEqual(['BANNED', 'vimeo', 'gab']);
    expect(found).toContainEqual(['OWNS', 'reddit', 'vimeo']);
    expect(found).not.toContainEqual(['BANNED', 'reddit', 'gab']);
  });

  test('"Reddit\'s subsidiary Vimeo" and "Vimeo, a Reddit subsidiary,": Reddit owns Vimeo', () => {
    expect(triples("Reddit's subsidiary Vimeo banned Gab.")).toContainEqual(['OWNS', 'reddit', 'vimeo']);
    expect(triples('Vimeo, a Reddit subsidiary, banned Gab.')).toContainEqual(['OWNS', 'reddit', 'vimeo']);
  });

  test('"banned by Reddit\'s video service Vimeo": Vimeo is the one acting', () => {
    const found = triples("Gab was banned by Reddit's video service Vimeo on Monday.");
    expect(found).toContainEqual(['BANNED', 'vimeo', 'gab']);
    expect(found).not.toContainEqual(['BANNED', 'reddit', 'gab']);
  });

  test('"Reddit\'s founder Jane Roe" is no ownership', () => {
    expect(triples("Reddit's founder Jane Roe banned Gab.").filter((t) => t[0] === 'OWNS')).toEqual([]);
  });
});

describe('a sanction judged, a suit denied, a sanction ruled on', () => {
  test('"complained about the block", "condemned the removal": a claim against the one that sanctioned', () => {
    expect(triples('Reddit blocked Gab on Monday. Gab complained about the block on Tuesday.')).toContainEqual([
      'ACCUSED',
      'gab',
      'reddit',
    ]);
    expect(triples('Vimeo banned Gab in May. Jane Roe condemned the removal as censorship.')).toContainEqual([
      'ACCUSED',
      'jane-roe',
      'vimeo',
    ]);
  });

  test('"criticised the plan" judges no sanction: nothing', () => {
    expect(triples('Reddit criticised the plan on Monday.')).toEqual([]);
  });

  test('"called the suit baseless", "said the claims were unfounded": a denial answering the suit or the claim', () => {
    expect(triples('Gab sued Reddit in May. Reddit called the suit baseless.')).toContainEqual(['DENIED', 'reddit', 'gab']);
    expect(triples('Gab accused Vimeo of bias. Vimeo said the claims were unfounded.')).toContainEqual(['DENIED', 'vimeo', 'gab']);
  });

  test('a denial with no claim or suit against its author is dropped', () => {
    expect(triples('Reddit banned Gab in May. Reddit said the rumours were unfounded.').map((t) => t[0])).not.toContain('DENIED');
  });

  test('"ruled the ban unlawful", "found the block illegal": a ruling on the one whose act is reviewed', () => {
    expect(triples('Reddit blocked Gab in March. The Zorblat District Court ruled the ban unlawful on Monday.')).toContainEqual([
      'RULED',
      'new:Zorblat District Court',
      'reddit',
    ]);
    expect(triples('Vimeo blocked Gab in March. The Zorblat City Court found the block illegal in May.')).toContainEqual([
      'RULED',
      'new:Zorblat City Court',
      'vimeo',
    ]);
  });
});

describe('relative clauses whose subject is named in them', () => {
  test('"Gab, which Reddit banned in May, moved to Vimeo": Reddit banned Gab, not Vimeo', () => {
    const found = triples('Gab, which Reddit banned in May, moved to Vimeo.');
    expect(found).toContainEqual(['BANNED', 'reddit', 'gab']);
    expect(found).not.toContainEqual(['BANNED', 'reddit', 'vimeo']);
  });

  test('"Jane Roe, whom Reddit suspended last week, sued it": "whom" opens a relative clause too', () => {
    const found = triples('Jane Roe, whom Reddit suspended last week, sued it on Monday.');
    expect(found).toContainEqual(['SUSPENDED', 'reddit', 'jane-roe']);
    expect(found).toContainEqual(['SUED', 'jane-roe', 'reddit']);
    expect(found).not.toContainEqual(['SUED', 'reddit', 'jane-roe']);
  });
});

describe('a sentence opening with a participle phrase', () => {
  test('past participle: the main subject is the target ("Dropped by Reddit in May, Gab ...")', () => {
    expect(triples('Dropped by Reddit in May, Gab moved to Vimeo.')).toContainEqual(['BANNED', 'reddit', 'gab']);
    expect(triples('Having been dropped by Vimeo, Gab turned to Reddit.')).toContainEqual(['BANNED', 'vimeo', 'gab']);
    expect(triples('After being banned from Reddit, Jane Roe sued the company.')).toContainEqual(['BANNED', 'reddit', 'jane-roe']);
  });

  test('present participle or "having" + participle: the main subject acts', () => {
    expect(triples('After banning Gab in May, Reddit said it would review its rules.')).toContainEqual(['BANNED', 'reddit', 'gab']);
    const found = triples('Having suspended Gab, Vimeo turned to other matters.');
    expect(found).toContainEqual(['SUSPENDED', 'vimeo', 'gab']);
    expect(found.flat()).not.toContain('new:Having');
  });
});

describe('acts named by a choice, criticism named after a sanction, and a few verbs', () => {
  test('"Reddit\'s decision to ban Gab": the ban is told as done', () => {
    expect(triples("Reddit's decision to ban Gab drew criticism from Jane Roe.")).toContainEqual(['BANNED', 'reddit', 'gab']);
  });

  test('"the suspension was condemned by X", "the move drew criticism from X": X claims against its author', () => {
    expect(triples('Reddit suspended Gab in May. The suspension was condemned by Jane Roe.')).toContainEqual([
      'ACCUSED',
      'jane-roe',
      'reddit',
    ]);
    expect(triples('Vimeo suspended Gab in May. The move drew criticism from Jane Roe.')).toContainEqual(['ACCUSED', 'jane-roe', 'vimeo']);
  });

  test('"Jane Roe was criticised by Vimeo" names no sanction: no claim against its author', () => {
    expect(triples('Reddit suspended Gab in May. Jane Roe was criticised by Vimeo.').map((t) => t[0])).not.toContain('ACCUSED');
  });

  test('"Gab\'s users flocked to Vimeo": users of Gab moved to Vimeo', () => {
    expect(triples("Gab's users flocked to Vimeo after the ban.")).toContainEqual(['USERS_MIGRATED', 'gab', 'vimeo']);
    expect(triples("Many of Reddit's users moved to Gab in January.")).toContainEqual(['USERS_MIGRATED', 'reddit', 'gab']);
  });

  test('"no longer hosts X", "withheld X\'s account", "geoblocked X": sanctions', () => {
    expect(triples('Reddit no longer hosts Gab.')).toContainEqual(['REFUSED', 'reddit', 'gab']);
    expect(triples('Reddit has withheld the accounts of Gab and Jane Roe in India.')).toEqual([
      ['RESTRICTED', 'reddit', 'gab'],
      ['RESTRICTED', 'reddit', 'jane-roe'],
    ]);
    expect(triples('Vimeo geoblocked Gab in Germany.')).toContainEqual(['RESTRICTED', 'vimeo', 'gab']);
    expect(triples('Reddit withheld comment on Monday.')).toEqual([]);
  });
});

describe('one more actor of an act', () => {
  test('"and Twitter soon followed", "Twitter did too", "Vimeo followed a day later": the act repeated', () => {
    const followed = triples('Reddit banned Gab, and Vimeo soon followed.');
    expect(followed).toContainEqual(['BANNED', 'vimeo', 'gab']);
    expect(followed).not.toContainEqual(['BANNED', 'reddit', 'vimeo']);
    expect(triples('Reddit banned Gab. Vimeo did too.')).toContainEqual(['BANNED', 'vimeo', 'gab']);
    expect(triples('Reddit banned Gab on Monday. Vimeo followed a day later.')).toContainEqual(['BANNED', 'vimeo', 'gab']);
  });

  test('"the latest company to ban X", "the first platform to drop X": done, not planned', () => {
    expect(triples('Vimeo became the latest company to ban Gab.')).toEqual([['BANNED', 'vimeo', 'gab']]);
    expect(triples('Reddit was the first platform to drop Gab, in May.')).toEqual([['BANNED', 'reddit', 'gab']]);
  });

  test('"X was among the platforms that banned Y", "X joined Z in banning Y": X acts', () => {
    expect(triples('Vimeo was among the platforms that banned Gab.')).toEqual([['BANNED', 'vimeo', 'gab']]);
    const joined = triples('Vimeo joined Reddit in banning Gab.');
    expect(joined).toContainEqual(['BANNED', 'vimeo', 'gab']);
    expect(joined).toContainEqual(['BANNED', 'reddit', 'gab']);
  });

  test('"Gab, a site that Reddit banned in May, moved to Vimeo": the relative clause in an apposition keeps its object', () => {
    const found = triples('Gab, a site that Reddit banned in May, moved to Vimeo.');
    expect(found).toContainEqual(['BANNED', 'reddit', 'gab']);
    expect(found).not.toContainEqual(['BANNED', 'reddit', 'vimeo']);
  });
});

describe('a year after "since"', () => {
  test('"has blocked X since 2019" dates the block 2019; "for the first time since 2020" dates nothing', () => {
    expect(run('Reddit has blocked Gab since 2019.').actions.map((a) => a.date)).toEqual(['2019']);
    expect(run('Reddit blocked Gab on Monday, for the first time since 2019.').actions.map((a) => a.date)).toEqual(['2021-06-07']);
  });
});

describe('a new name opening a sentence before a participle apposition', () => {
  test('"Zonkly, owned by Reddit, banned Gab": Zonkly is a name, and acts', () => {
    const found = triples('Zonkly, owned by Reddit, banned Gab.');
    expect(found).toContainEqual(['BANNED', 'new:Zonkly', 'gab']);
    expect(found).toContainEqual(['OWNS', 'reddit', 'new:Zonkly']);
  });
});

describe('after held-out 13 and 14 were scored', () => {
  test('"the Zorland Telecoms Directorate, known as TIB,": TIB is the directorate, whatever its letters', () => {
    for (const text of [
      'The Zorland Telecoms Directorate, known as TIB, cut off Gab on Monday. TIB later blocked Reddit.',
      'The Zorland Telecoms Directorate (TIB) cut off Gab on Monday. TIB later blocked Reddit.',
    ])
      expect(triples(text)).toEqual([
        ['SUSPENDED', 'new:Zorland Telecoms Directorate', 'gab'],
        ['SUSPENDED', 'new:Zorland Telecoms Directorate', 'reddit'],
      ]);
  });

  test('a suit announced ("intends to sue", "would lodge a complaint against", "weighing legal action against") is a warning', () => {
    for (const text of [
      'Jane Roe said she intends to sue Reddit.',
      'Jane Roe would lodge a complaint against Reddit.',
      'Jane Roe said she was weighing legal action against Reddit.',
    ])
      expect(triples(text)).toEqual([['WARNED', 'jane-roe', 'reddit']]);
    expect(triples('Jane Roe sued Reddit on Monday.')).toEqual([['SUED', 'jane-roe', 'reddit']]);
  });

  test('"barred Gab from suing Reddit": what one is kept from doing is not done', () => {
    expect(triples('The Zorblat City Court barred Gab from suing Reddit.').map((t) => t[0])).not.toContain('SUED');
  });

  test('"the move denied them access" is no denial of a claim', () => {
    expect(triples('Reddit blocked Gab on Monday. Gab complained that the move denied them access.')).toEqual([
      ['SUSPENDED', 'reddit', 'gab'],
      ['ACCUSED', 'gab', 'reddit'],
    ]);
  });

  test('"found against X": a ruling on X', () => {
    expect(triples('The Zorblat District Court found against Gab in August.')).toEqual([['RULED', 'new:Zorblat District Court', 'gab']]);
  });
});

describe('nouns and names that are no verbs', () => {
  test('"the government\'s ban on Gab" is a noun: no ban by the subject of the sentence', () => {
    expect(triples("The Zorblat City Court found that the government's ban on Gab violated the law.")).toEqual([]);
  });

  test('"the Union of Zorland Bar Associations": "Bar" inside a name is no verb', () => {
    expect(triples('Jane Roe, president of the Union of Zorland Bar Associations, spoke on Monday.')).toEqual([]);
  });

  test('"Moscow\'s Zorblat district court found against Gab": the court is named with its kind', () => {
    expect(triples("Reddit sued Gab, and Moscow's Zorblat district court found against Gab in August.")).toContainEqual([
      'RULED',
      'new:Zorblat District Court',
      'gab',
    ]);
  });
});

describe('"whose" clauses and new owners in compounds', () => {
  test('"Gab and Vimeo, whose broadcasts Reddit banned": the ban is of both', () => {
    expect(triples('The outlets were Gab and Vimeo, whose broadcasts Reddit banned in early March.')).toEqual([
      ['BANNED', 'reddit', 'gab'],
      ['BANNED', 'reddit', 'vimeo'],
    ]);
  });

  test('"Gab, the Zonkcorp-owned site,": a new owner; "the Russian-owned site" names none', () => {
    expect(triples('Gab, the Zonkcorp-owned site, was banned by Reddit.')).toContainEqual(['OWNS', 'new:Zonkcorp', 'gab']);
    expect(triples('Gab, the Russian-owned site, was banned by Reddit.').filter((t) => t[0] === 'OWNS')).toEqual([]);
  });
});
