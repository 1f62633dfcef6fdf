/**
 * Round 8 (acts): general readings of which words are acts, who acts on whom in a clause, and
 * claims against acts. Every sentence is made up, about made-up or unrelated actors; none comes
 * from a gold or held-out report.
 */
import { readerOf } from './support/reader';

const { run, triples } = readerOf([
  { id: 'reddit', name: 'Reddit', kind: 'platform' },
  { id: 'gab', name: 'Gab', kind: 'platform' },
  { id: 'cloudflare', name: 'Cloudflare', kind: 'company' },
  { id: 'jane-roe', name: 'Jane Roe', kind: 'person' },
  { id: 'ofcom', name: 'Ofcom', kind: 'regulator' },
  { id: 'rosa-hale', name: 'Rosa Hale', kind: 'person' },
]);

describe('round 8: dates that look like modals', () => {
  test('"on May 4" is the month, not the modal "may" that makes an act a possibility', () => {
    const [act] = run('Reddit on May 4 restricted Gab.').actions;
    expect([act?.type, act?.from.id, act?.to.id, act?.date]).toEqual(['RESTRICTED', 'reddit', 'gab', '2021-05-04']);
    expect(triples('In May Reddit banned Gab.')).toEqual([['BANNED', 'reddit', 'gab']]);
    expect(triples('Reddit may restrict Gab.')).toEqual([]);
  });
});

describe('round 8: claims and the acts they report', () => {
  test('"claiming X had banned it": X acts, on the one claiming, and the claim is against X', () => {
    expect(triples('Gab answered on its blog, claiming Reddit had banned it under pressure.')).toEqual([
      ['ACCUSED', 'gab', 'reddit'],
      ['BANNED', 'reddit', 'gab'],
    ]);
    // The same with "that", and "it" past a platform named after "on".
    expect(triples('Gab answered on Cloudflare, claiming that Reddit had banned it.')).toEqual([
      ['ACCUSED', 'gab', 'reddit'],
      ['BANNED', 'reddit', 'gab'],
    ]);
  });

  test('"the account X used": a relative clause without "that" names the account\'s holder', () => {
    expect(triples('Reddit, which on May 4 permanently restricted the account Gab used to raise money, said it broke the rules.')).toEqual([
      ['RESTRICTED', 'reddit', 'gab'],
    ]);
  });
});

describe('round 8: orders in judicial clauses', () => {
  const story =
    'Gab is a messaging app. On Friday Rosa Hale, a judge, ordered the app suspended across the country. ' +
    'She gave the head of the telecoms regulator Ofcom 48 hours to put the block in place and told Reddit and Cloudflare to stop users in Ruritania from reaching the app.';

  test('"ordered the app suspended" is the judge\'s act only; the app does not act on the country', () => {
    const got = triples(story);
    // The app is a store's app here, so the suspension is read as a delisting.
    expect(got).toContainEqual(['DELISTED', 'rosa-hale', 'gab']);
    expect(got.filter(([, from]) => from === 'gab')).toEqual([]);
  });

  test('a judge\'s "gave X 48 hours to" is an order; "and told A and B to stop users from reaching" orders A and B', () => {
    const got = triples(story);
    expect(got).toContainEqual(['ORDERED', 'rosa-hale', 'ofcom']);
    expect(got).toContainEqual(['ORDERED', 'rosa-hale', 'reddit']);
    expect(got).toContainEqual(['ORDERED', 'rosa-hale', 'cloudflare']);
    // A company's deadline stays a warning.
    expect(triples('Cloudflare gave Gab 24 hours to find a new host.')[0]).toEqual(['WARNED', 'cloudflare', 'gab']);
  });
});

describe('round 8: the words journalists use for each act', () => {
  test.each([
    ['Reddit revoked the suspension of Gab on Sunday.', ['REINSTATED', 'reddit', 'gab']],
    ['Reddit lifted the block on Gab.', ['REINSTATED', 'reddit', 'gab']],
    ['Gab had paused the page of Jane Roe on Wednesday.', ['SUSPENDED', 'gab', 'jane-roe']],
    ['Cloudflare stopped resolving gab.com on Thursday.', ['SUSPENDED', 'cloudflare', 'gab']],
    ['Reddit cut the reach of pages run by Gab.', ['RESTRICTED', 'reddit', 'gab']],
    ["Gab had shifted its pages onto Cloudflare's servers.", ['MOVED_TO', 'gab', 'cloudflare']],
    ["Gab had drawn attention in August to Reddit's dealings with advertisers.", ['REPORTED', 'gab', 'reddit']],
  ])('%s', (text, triple) => {
    expect(triples(text)).toContainEqual(triple);
  });

  test('"promised to see the company in court" is a warning to the company that sanctioned', () => {
    expect(triples('Reddit banned Gab. Gab promised to see the company in court.')).toEqual([
      ['BANNED', 'reddit', 'gab'],
      ['WARNED', 'gab', 'reddit'],
    ]);
  });
});

describe('round 8: who "it" is', () => {
  test('"it" after an opening phrase of time, or joined to such an "it" by ", and", is the last acting actor named', () => {
    const got = triples(
      'Cloudflare said on Thursday it had barred Gab. The ban also covers related forums. On Sunday it had removed the page of Jane Roe, and on May 11 it cut the reach of pages run by Reddit.',
    );
    expect(got).toContainEqual(['BANNED', 'cloudflare', 'jane-roe']);
    expect(got).toContainEqual(['RESTRICTED', 'cloudflare', 'reddit']);
  });
});

describe('round 8: owners', () => {
  test('"X, which is owned by the Beijing company Y": Y owns X, not the place', () => {
    expect(triples('Gab, which is owned by the Beijing company Reddit, said nothing.')).toEqual([['OWNS', 'reddit', 'gab']]);
    expect(triples('Gab is owned by the company Reddit.')).toEqual([['OWNS', 'reddit', 'gab']]);
  });

  test('"the Melbourne company that runs X": the place modifying the noun is no owner', () => {
    expect(
      triples('Zed said nothing. Zed Four, the Melbourne company that runs Gab, said nothing.').filter(([, f]) => f === 'new:Melbourne'),
    ).toEqual([]);
  });
});

describe('round 8: sanctions told by their effect, and agents', () => {
  test('"X can no longer accept payments through Y" is Y cutting X off', () => {
    expect(triples('Gab can no longer accept payments through Reddit.')).toEqual([['SUSPENDED', 'reddit', 'gab']]);
  });

  test('"was pulled from the store by X": "by" names the agent before "from" does', () => {
    expect(triples('Gab was pulled from the Gadget Store by Reddit.')).toEqual([['DELISTED', 'reddit', 'gab']]);
    expect(triples('Gab was removed from Reddit.')).toEqual([['BANNED', 'reddit', 'gab']]);
  });

  test('a predicate after ", and" with no subject of its own shares the sentence\'s', () => {
    expect(triples('Jane Roe answered on Twitter, calling the move a disgrace, and promised to see Gab in court.')).toContainEqual([
      'WARNED',
      'jane-roe',
      'gab',
    ]);
  });
});

describe('round 8: targets a clause does not name', () => {
  const { triples: read } = readerOf([
    { id: 'reddit', name: 'Reddit', kind: 'platform' },
    { id: 'gab', name: 'Gab', kind: 'platform' },
    { id: 'review-board', name: 'Review Board', kind: 'court' },
  ]);

  test('"the board, which in May upheld the suspension": a ruling on the one that imposed it', () => {
    expect(read('Reddit suspended Gab in March. The answer went to the Review Board, which in May upheld the suspension.')).toEqual([
      ['SUSPENDED', 'reddit', 'gab'],
      ['RULED', 'review-board', 'reddit'],
    ]);
  });

  test('"many users who were banned from X": a group named by a common noun is no target', () => {
    expect(triples('Gab is a forum. The service has attracted many users who were banned from Reddit and Cloudflare.')).toEqual([]);
  });

  test('"blaming a mix-up over email, and asked ...": a claim whose object is no actor aims at no one further on', () => {
    expect(
      triples('Gab apologised to the court, blaming a mix-up over email addresses, and asked for time, which Reddit granted.'),
    ).toEqual([]);
  });
});

describe('round 8: "it" after ", and"', () => {
  test('"X said Y had broken its rules, and it rejected ...": "it" is the sentence\'s first subject, not the one said to have acted', () => {
    expect(
      triples("On Thursday Cloudflare said the forum Gab had broken its rules, and it rejected Jane Roe's account of the move."),
    ).toContainEqual(['DENIED', 'cloudflare', 'jane-roe']);
  });
});

describe('round 8: agents listed with what they own', () => {
  test('"pulled from Reddit\'s Gadget Store and Cloudflare\'s App Store": both owners act', () => {
    expect(triples("By Tuesday Gab had been pulled from Reddit's Gadget Store and Cloudflare's App Store in the country.")).toEqual([
      ['DELISTED', 'reddit', 'gab'],
      ['DELISTED', 'cloudflare', 'gab'],
    ]);
  });
});

describe('round 8: a judgement told with no claim verb', () => {
  test('", writing that it had ignored court orders": the writer accuses; "it" is no person', () => {
    expect(triples('Jane Roe, a judge, ordered Gab suspended, writing that it had repeatedly ignored court orders.')).toContainEqual([
      'ACCUSED',
      'jane-roe',
      'gab',
    ]);
  });
});

describe('round 8: a sanction revoked with no party after it', () => {
  test('"revoked the suspension she had ordered two days before": on the actor the report is about', () => {
    expect(
      triples(
        'Gab kept working after Jane Roe, a judge, on Sunday revoked the suspension she had ordered two days before, saying the forum had complied.',
      ),
    ).toEqual([['REINSTATED', 'jane-roe', 'gab']]);
  });
});

describe('round 8: warnings and unfair treatment in other words', () => {
  test('"issued X a final warning" is a warning', () => {
    expect(triples('Reddit issued Gab a final warning on Monday.')).toEqual([['WARNED', 'reddit', 'gab']]);
  });

  test('"said ... it was held to a double standard": the speaker\'s claim against the one that sanctioned it', () => {
    expect(
      triples(
        'Reddit turned the app of Gab down in August. Gab said at the time that rival apps were allowed in while it was held to a double standard.',
      ),
    ).toEqual([
      ['REFUSED', 'reddit', 'gab'],
      ['ACCUSED', 'gab', 'reddit'],
    ]);
  });
});

describe('round 8: the object of a relative clause on an apposition', () => {
  test('"Zeddo, the account that tracks flights and that Reddit itself had removed": Reddit removed Zeddo', () => {
    expect(triples('Gab posted a link to Zeddo, the account that tracks flights and that Reddit itself had removed on Wednesday.')).toEqual(
      [['BANNED', 'reddit', 'new:Zeddo']],
    );
    expect(triples('Gab posted a link to Zeddo, the account that Reddit had removed.')).toEqual([['BANNED', 'reddit', 'new:Zeddo']]);
  });
});

describe('round 8: more of the common synonyms, by action type', () => {
  test.each([
    ['Reddit axed Gab on Monday.', ['BANNED', 'reddit', 'gab']],
    ['Reddit closed the account of Gab.', ['SUSPENDED', 'reddit', 'gab']],
    ['Reddit stripped Gab of monetization.', ['RESTRICTED', 'reddit', 'gab']],
    ['Reddit reactivated Gab.', ['REINSTATED', 'reddit', 'gab']],
    ['Gab filed suit against Reddit.', ['SUED', 'gab', 'reddit']],
    ['Reddit gave Gab an ultimatum.', ['WARNED', 'reddit', 'gab']],
  ])('%s', (text, triple) => {
    expect(triples(text)).toContainEqual(triple);
  });
});

describe('round 8: returns and delistings told by their effect', () => {
  test.each([
    ['Gab returned to Reddit in March.', ['REINSTATED', 'reddit', 'gab']],
    ['Gab is back on Reddit.', ['REINSTATED', 'reddit', 'gab']],
    ["Gab's app vanished from Reddit's store on Wednesday.", ['DELISTED', 'reddit', 'gab']],
    ["Gab is no longer available in Reddit's app store.", ['DELISTED', 'reddit', 'gab']],
  ])('%s', (text, triple) => {
    expect(triples(text)).toEqual([triple]);
  });
});
