/**
 * Round 10: legal acts and agreements (courts and judges, suits, orders, contracts), each reading
 * tested on made-up sentences (none comes from a gold or held-out report).
 */
import { readerOf } from './support/reader';

const { triples } = readerOf([
  { id: 'reddit', name: 'Reddit', kind: 'platform' },
  { id: 'gab', name: 'Gab', kind: 'platform' },
  { id: 'cloudflare', name: 'Cloudflare', kind: 'company' },
  { id: 'jane-roe', name: 'Jane Roe', kind: 'person' },
  { id: 'high-court', name: 'High Court of Erewhon', kind: 'court' },
  { id: 'erewhon', name: 'Erewhon', kind: 'government' },
]);

describe('a court or judge keeping a party from acting rules on it', () => {
  test('"the court barred X from ...", "Judge Y blocked X from ...": a ruling on X, not a ban', () => {
    expect(triples('On Monday the High Court of Erewhon barred Reddit from deleting the archive.')).toEqual([
      ['RULED', 'high-court', 'reddit'],
    ]);
    expect(triples('Judge Mara Quill blocked Gab from shutting the forum.')).toEqual([['RULED', 'new:Mara Quill', 'gab']]);
    expect(triples('The tribunal prevented Cloudflare from cutting off the site.')).toEqual([]);
  });

  test('the same words from a platform stay a sanction', () => {
    expect(triples('Reddit barred Jane Roe from posting for a week.')).toEqual([['BANNED', 'reddit', 'jane-roe']]);
  });

  test('"A federal judge on Thursday stopped X from ... . Judge Y of the court ...": the judge named in the next sentence', () => {
    expect(
      triples('A federal judge on Thursday stopped Erewhon from enforcing its new law. Judge Mara Quill wrote that the law went too far.'),
    ).toEqual([['RULED', 'new:Mara Quill', 'erewhon']]);
    // With no court or judge named after, no one.
    expect(triples('A federal judge on Thursday stopped Erewhon from enforcing its new law. The ruling can be appealed.')).toEqual([]);
  });

  test('a judge keeping a platform from operating at all suspends it', () => {
    expect(triples('Judge Mara Quill blocked Gab from operating in Valdoria.')).toEqual([['SUSPENDED', 'new:Mara Quill', 'gab']]);
  });

  test('"Judge Y ordered X to ...": an order by a judge the store does not know', () => {
    expect(triples('Judge Mara Quill ordered Reddit to hand over the records.')).toEqual([['ORDERED', 'new:Mara Quill', 'reddit']]);
    expect(triples('Judge Mara Quill ordered Reddit to block Gab.')).toEqual([
      ['ORDERED', 'new:Mara Quill', 'reddit'],
      ['SUSPENDED', 'reddit', 'gab'],
    ]);
  });

  test('"a federal court in <place>": the place is no actor of the ruling, nor of a ban', () => {
    expect(triples('A federal court in Northern Valdoria barred Reddit from closing the account.')).toEqual([]);
  });

  test('"turned down X\'s request", "denied X\'s motion", "sided with X": a ruling on X', () => {
    expect(triples("Judge Mara Quill turned down Gab's request to reopen the store.")).toEqual([['RULED', 'new:Mara Quill', 'gab']]);
    expect(triples("The High Court of Erewhon denied Reddit's motion on Friday.")).toEqual([['RULED', 'high-court', 'reddit']]);
    expect(triples('The High Court of Erewhon sided with Jane Roe.')).toEqual([['RULED', 'high-court', 'jane-roe']]);
    expect(triples("The High Court of Erewhon declined to hear Gab's appeal.")).toEqual([['RULED', 'high-court', 'gab']]);
    expect(triples('Judge Mara Quill denied an injunction sought by Gab.')).toEqual([['RULED', 'new:Mara Quill', 'gab']]);
  });

  test('a company denying a request is neither a ruling nor a denial of a claim', () => {
    expect(triples("Reddit denied Gab's request for its data.")).toEqual([]);
  });

  test('"upheld his order" after a judge\'s own sanction: the ruling is on the one the judge sanctioned', () => {
    expect(triples('Judge Mara Quill suspended Gab on May 2. The High Court of Erewhon upheld the suspension in June.')).toEqual([
      ['SUSPENDED', 'new:Mara Quill', 'gab'],
      ['RULED', 'high-court', 'gab'],
    ]);
  });

  test('"blocked the ban from taking effect" after a platform\'s sanction: the ruling is on the platform', () => {
    expect(triples('Reddit banned Gab on Monday. The High Court of Erewhon blocked the ban from taking effect.')).toEqual([
      ['BANNED', 'reddit', 'gab'],
      ['RULED', 'high-court', 'reddit'],
    ]);
  });

  test('"upheld the ban" after a platform\'s sanction: the ruling is on the platform', () => {
    expect(triples('Reddit banned Jane Roe on May 2. The High Court of Erewhon upheld the ban in June.')).toEqual([
      ['BANNED', 'reddit', 'jane-roe'],
      ['RULED', 'high-court', 'reddit'],
    ]);
  });

  test('"granted an injunction against X": a ruling on X', () => {
    expect(triples('Judge Mara Quill granted a preliminary injunction against Erewhon.')).toEqual([['RULED', 'new:Mara Quill', 'erewhon']]);
  });
});

describe('suits with no defendant named answer the last sanction', () => {
  test('"X sued the same day": against the one that had cut X off', () => {
    expect(triples('Reddit removed Gab from its app directory on Monday, and Gab sued the same day.')).toEqual([
      ['DELISTED', 'reddit', 'gab'],
      ['SUED', 'gab', 'reddit'],
    ]);
  });

  test('"filed a petition asking the court to annul it", "challenged the ban in court", "went to court"', () => {
    expect(triples('Erewhon banned Gab in March. Jane Roe filed a writ petition on Friday asking the judges to annul it.')).toEqual([
      ['BANNED', 'erewhon', 'gab'],
      ['SUED', 'jane-roe', 'erewhon'],
    ]);
    expect(triples('Erewhon blocked Gab in March. Gab challenged the ban in court.')).toEqual([
      ['SUSPENDED', 'erewhon', 'gab'],
      ['SUED', 'gab', 'erewhon'],
    ]);
    expect(triples('Cloudflare dropped Gab in March. In April Gab went to court.')).toEqual([
      ['BANNED', 'cloudflare', 'gab'],
      ['SUED', 'gab', 'cloudflare'],
    ]);
  });

  test('"filed a lawsuit against X" still names its defendant', () => {
    expect(triples('Cloudflare dropped Gab in March. Gab filed a lawsuit against Reddit.')).toEqual([
      ['BANNED', 'cloudflare', 'gab'],
      ['SUED', 'gab', 'reddit'],
    ]);
  });
});

describe('orders told by their possessive', () => {
  test('"the regulator demanded their removal": an order to the one that removed them', () => {
    expect(triples('Reddit pulled Gab from its store on Friday. The Valdoria Media Authority demanded its removal, Reddit said.')).toEqual([
      ['DELISTED', 'reddit', 'gab'],
      ['ORDERED', 'new:Valdoria Media Authority', 'reddit'],
    ]);
    expect(triples('Reddit pulled Gab from its store on Friday. Jane Roe demanded its removal.')).toEqual([['DELISTED', 'reddit', 'gab']]);
  });
});

describe('agreements with the parties named after "with"', () => {
  test('"reached an agreement with X", "struck a deal with X", "signed letters of intent with A, B and C"', () => {
    expect(triples('Reddit said it had reached an agreement with Cloudflare.')).toEqual([['CONTRACTED', 'reddit', 'cloudflare']]);
    expect(triples('Gab struck a licensing deal with Reddit in May.')).toEqual([['CONTRACTED', 'gab', 'reddit']]);
    expect(triples('On Friday Reddit also signed letters of intent with Pinecone Press, Juniper Daily and Larch News.')).toEqual([
      ['CONTRACTED', 'reddit', 'new:Pinecone Press'],
      ['CONTRACTED', 'reddit', 'new:Juniper Daily'],
      ['CONTRACTED', 'reddit', 'new:Larch News'],
    ]);
  });

  test('"signed with" alone, without a word for an agreement, is none', () => {
    expect(triples('Jane Roe signed with Reddit.')).toEqual([]);
  });
});

describe('orders to a group of operators', () => {
  test('"ordered internet service providers to suspend ...": the group is one new actor ordered', () => {
    expect(triples('The Valdoria Telecoms Board ordered internet service providers to suspend access to Reddit.')).toEqual(
      expect.arrayContaining([['ORDERED', 'new:Valdoria Telecoms Board', 'new:internet service providers']]),
    );
  });

  test('"wrote to mobile operators, telling them to block ...": "them" is the group named before', () => {
    expect(triples('The Valdoria Telecoms Board wrote to mobile operators on Monday, telling them to block Gab.')).toEqual(
      expect.arrayContaining([['ORDERED', 'new:Valdoria Telecoms Board', 'new:mobile operators']]),
    );
  });

  test('a member named after the group is the one ordered, not the group', () => {
    expect(
      triples('The Valdoria Telecoms Board ordered telecom operators, Zonk Telecom among them, to block Gab.').filter(
        ([type]) => type === 'ORDERED',
      ),
    ).toEqual([['ORDERED', 'new:Valdoria Telecoms Board', 'new:Zonk Telecom']]);
  });
});

describe('dates of acts in a "when" clause', () => {
  test('"blocked X on Tuesday, when the board ordered ...": the order is dated Tuesday too', () => {
    const { run } = readerOf([{ id: 'gab', name: 'Gab', kind: 'platform' }]);
    const answer = run('Valdoria blocked Gab on Tuesday, when the Valdoria Telecoms Board ordered mobile operators to cut off Gab.');
    const order = answer.actions.find((a) => a.type === 'ORDERED');
    expect(order?.date).toBe('2021-06-08');
  });
});

describe('rulings told with "that", suits told with their charge', () => {
  test('"the judge ruled that X must ...": on X; "ruled that the ban was lawful": on the one who banned', () => {
    expect(triples('Judge Mara Quill ruled that Reddit must restore the archive.')).toEqual([['RULED', 'new:Mara Quill', 'reddit']]);
    expect(triples('Reddit banned Gab in May. Judge Mara Quill ruled that the ban was lawful.')).toEqual([
      ['BANNED', 'reddit', 'gab'],
      ['RULED', 'new:Mara Quill', 'reddit'],
    ]);
  });

  test('"filed a lawsuit accusing X of ...": X is the defendant, not the last sanction\'s author', () => {
    expect(triples('Reddit banned Gab in March. Gab filed a lawsuit accusing Cloudflare of collusion.')).toEqual([
      ['BANNED', 'reddit', 'gab'],
      ['SUED', 'gab', 'cloudflare'],
    ]);
  });
});

describe('claims on conduct and denials told as fairness', () => {
  test('"who called its conduct regrettable": a claim against the one that sanctioned', () => {
    expect(
      triples('Reddit banned Gab on Monday. The minister, Jane Roe, who called its conduct regrettable, said more was needed.'),
    ).toEqual([
      ['BANNED', 'reddit', 'gab'],
      ['ACCUSED', 'jane-roe', 'reddit'],
    ]);
  });

  test('"said it enforces its rules impartially" answers the claims against the speaker, and is nothing without one', () => {
    expect(
      triples('Reddit banned Jane Roe on Monday. Jane Roe accused Reddit of bias. Reddit said it enforces its rules impartially.'),
    ).toEqual([
      ['BANNED', 'reddit', 'jane-roe'],
      ['ACCUSED', 'jane-roe', 'reddit'],
      ['DENIED', 'reddit', 'jane-roe'],
    ]);
    expect(triples('Reddit banned Jane Roe on Monday. Reddit said it had done nothing wrong.')).toEqual([['BANNED', 'reddit', 'jane-roe']]);
  });
});

describe('a court is where a claim is made, not who makes it', () => {
  test('"filed a lawsuit in the High Court alleging that X violated ...": the claim is the plaintiff\'s, not the court\'s', () => {
    expect(
      triples(
        'Gab sues Reddit to get its account back\n\nGab filed a lawsuit in the High Court of Erewhon alleging that its suspension from Reddit violated antitrust law and breached its contract.',
      ),
    ).toEqual([
      ['SUED', 'gab', 'reddit'],
      ['ACCUSED', 'gab', 'reddit'],
    ]);
  });
});

describe('dates of suits', () => {
  test('"which was to take effect on January 1": the day a law takes effect is not carried to the suit after it', () => {
    const { run } = readerOf([
      { id: 'gab', name: 'Gab', kind: 'platform' },
      { id: 'erewhon', name: 'Erewhon', kind: 'government' },
    ]);
    const answer = run(
      'Erewhon outlawed Gab in May, when the governor signed the law, which was to take effect on January 1. Gab sued Erewhon days later.',
    );
    expect(answer.actions.find((a) => a.type === 'SUED')?.date).toBe('2021-05');
  });
});

describe('fines', () => {
  test('"fined X" by a court is an order; "X had paid fines" is no one\'s order', () => {
    expect(triples('The High Court of Erewhon fined Gab 2 million.')).toEqual([['ORDERED', 'high-court', 'gab']]);
    expect(
      triples('The High Court of Erewhon said Gab had paid fines of about 2 million and blocked the accounts of Jane Roe.').filter(
        ([type]) => type === 'ORDERED',
      ),
    ).toEqual([]);
  });
});

describe('a ruling judged', () => {
  test('"called the ruling an outrage": a claim against the judge who made it; "said the ruling was only a first step" judges nothing', () => {
    expect(
      triples('Judge Mara Quill barred Gab from deleting the archive. Jane Roe called the ruling an outrage.').filter(
        ([type]) => type === 'ACCUSED',
      ),
    ).toEqual([['ACCUSED', 'jane-roe', 'new:Mara Quill']]);
    expect(
      triples('Judge Mara Quill barred Gab from deleting the archive. Jane Roe said the ruling was only a first step.').filter(
        ([type]) => type === 'ACCUSED',
      ),
    ).toEqual([]);
  });
});

describe('other words reporters use for the same acts', () => {
  test('"ruled in X\'s favour", "a lawsuit brought by X against Y", "is taking Y to court"', () => {
    expect(triples("Reddit banned Gab in May. The High Court of Erewhon ruled in Gab's favour in June.")).toEqual([
      ['BANNED', 'reddit', 'gab'],
      ['RULED', 'high-court', 'gab'],
    ]);
    expect(triples('A lawsuit brought by Gab against Reddit was dismissed.')).toEqual([['SUED', 'gab', 'reddit']]);
    expect(triples('Gab is taking Reddit to court.')).toEqual([['SUED', 'gab', 'reddit']]);
  });

  test('"announced a partnership with X": an agreement', () => {
    expect(triples('Reddit announced a partnership with Gab.')).toEqual([['CONTRACTED', 'reddit', 'gab']]);
  });

  test('"called it censorship": a claim against the one that sanctioned; "dismissed the allegations": a denial', () => {
    expect(triples('Reddit banned Gab on Monday. Gab called it censorship.')).toEqual([
      ['BANNED', 'reddit', 'gab'],
      ['ACCUSED', 'gab', 'reddit'],
    ]);
    expect(triples('Gab accused Reddit of censorship. Reddit dismissed the allegations as baseless.')).toEqual([
      ['ACCUSED', 'gab', 'reddit'],
      ['DENIED', 'reddit', 'gab'],
    ]);
  });
});

describe('a claim against "the judge" or "the court"', () => {
  test('"claiming that the judge had threatened ...": against the judge named before; "the court": against the court', () => {
    expect(
      triples(
        'Judge Mara Quill suspended Gab on May 2. Gab shut its office in Valdoria, claiming that the judge had threatened its staff.',
      ),
    ).toEqual([
      ['SUSPENDED', 'new:Mara Quill', 'gab'],
      ['ACCUSED', 'gab', 'new:Mara Quill'],
    ]);
    expect(triples('The High Court of Erewhon fined Gab. Gab answered by claiming that the court was biased.')).toEqual([
      ['ORDERED', 'high-court', 'gab'],
      ['ACCUSED', 'gab', 'high-court'],
    ]);
  });
});
