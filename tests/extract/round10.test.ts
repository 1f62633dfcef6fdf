/**
 * Round 10 (lead): ownership told after the thing owned, and what "the company" may stand for;
 * each reading tested on made-up sentences (none comes from a gold or held-out report).
 */
import { readerOf } from './support/reader';

const { run, triples } = readerOf([
  { id: 'reddit', name: 'Reddit', kind: 'platform' },
  { id: 'gab', name: 'Gab', kind: 'platform' },
  { id: 'vimeo', name: 'Vimeo', kind: 'platform' },
  { id: 'google', name: 'Google', kind: 'company' },
  { id: 'jane-roe', name: 'Jane Roe', kind: 'person' },
  { id: 'high-court', name: 'High Court of Ruritania', kind: 'court' },
]);

describe('ownership after the thing owned', () => {
  test('"both A and B, which it owns": "it" is the sentence\'s acting actor, and it owns the name before the comma', () => {
    expect(triples('Reddit said that the Pinecone Club had been thrown off both Reddit and Vimeo, which it owns.')).toContainEqual([
      'OWNS',
      'reddit',
      'vimeo',
    ]);
  });

  test('"the company, which Y has owned": the reference stands for the company named before, an auxiliary may come between', () => {
    expect(triples('Reddit suspended Gab in May. The company, which Jane Roe has owned since 2019, said it would appeal.')).toContainEqual([
      'OWNS',
      'jane-roe',
      'gab',
    ]);
  });

  test('"X, which belongs to Y", "X, part of Y," and "X belongs to Y" all read Y as the owner', () => {
    expect(triples('The video app Zinger, which belongs to Pinecone Studios, was banned by Reddit.')).toContainEqual([
      'OWNS',
      'new:Pinecone Studios',
      'new:Zinger',
    ]);
    expect(triples('Vimeo, part of Pinecone Studios, banned Gab.')).toContainEqual(['OWNS', 'new:Pinecone Studios', 'vimeo']);
    expect(triples('Reddit banned Gab. Gab belongs to Jane Roe.')).toContainEqual(['OWNS', 'jane-roe', 'gab']);
  });

  test('a relative clause without an owning verb or link proposes no owner', () => {
    const found = triples('Reddit banned Gab, which it accused of hosting threats, and Vimeo, part of the same wave.');
    expect(found.filter((t) => t[0] === 'OWNS')).toEqual([]);
  });

  test('"it" for a person is no owner: "Jane Roe said Gab, which it owns ..." names no owner', () => {
    expect(triples('Jane Roe said that Vimeo, which it owns, was cut off.').filter((t) => t[0] === 'OWNS')).toEqual([]);
  });
});

describe('what "the company" stands for', () => {
  test('"the company" is never a court the store knows, though the court was named last', () => {
    const found = triples('The High Court of Ruritania fined Gab in May. Reddit banned the company on Friday.');
    expect(found).toContainEqual(['BANNED', 'reddit', 'gab']);
    expect(found).not.toContainEqual(['BANNED', 'reddit', 'high-court']);
  });
});

describe('restorations told without the one who restores', () => {
  test('"X returned", "X was back online", "X can post again": the restorer is who had cut X off', () => {
    for (const back of ['Gab returned on Friday.', 'Gab was back online on Friday.', 'Gab can post again.', 'Gab became available again.'])
      expect(triples(`Reddit blocked Gab in May. ${back}`)).toEqual([
        ['SUSPENDED', 'reddit', 'gab'],
        ['REINSTATED', 'reddit', 'gab'],
      ]);
  });

  test('"X returned, a week after Y blocked it": the sanction may come later in the sentence', () => {
    expect(triples('Gab returned on Friday, a week after Reddit blocked it.')).toContainEqual(['REINSTATED', 'reddit', 'gab']);
  });

  test('a return with no sanction before it, or back at a new address, is no restoration', () => {
    expect(triples('Jane Roe returned on Friday.')).toEqual([]);
    expect(triples('Reddit blocked Gab in May. Within a day Gab was back online at a new address.')).toEqual([
      ['SUSPENDED', 'reddit', 'gab'],
    ]);
  });

  test('"the ban on X was lifted", "access to X was restored": the one named inside the words', () => {
    expect(triples('Reddit blocked Gab and Vimeo in May. The ban on Gab was lifted on Friday.')).toContainEqual([
      'REINSTATED',
      'reddit',
      'gab',
    ]);
    expect(triples('Reddit blocked Gab and Vimeo in May. Access to Vimeo was restored on Friday.')).toContainEqual([
      'REINSTATED',
      'reddit',
      'vimeo',
    ]);
  });

  test('"the block was lifted" and "Y ended the block": the ones the last sanction cut off', () => {
    expect(triples('Reddit blocked Gab and Vimeo in May, but the block was lifted a week later.')).toEqual([
      ['SUSPENDED', 'reddit', 'gab'],
      ['SUSPENDED', 'reddit', 'vimeo'],
      ['REINSTATED', 'reddit', 'gab'],
      ['REINSTATED', 'reddit', 'vimeo'],
    ]);
    expect(triples('Reddit blocked Gab in May. On Friday Reddit ended the block.')).toContainEqual(['REINSTATED', 'reddit', 'gab']);
  });

  test('"said it would no longer restrict X\'s account": decided, so a restoration', () => {
    expect(triples("Reddit said on Friday that it would no longer restrict Gab's account.")).toEqual([['REINSTATED', 'reddit', 'gab']]);
  });
});

describe('dates of two acts in one clause', () => {
  test('"blocked X in May and unblocked it on Friday": each act has the date written after it', () => {
    const dated = run('Reddit blocked Gab in May and unblocked it on Friday.').actions.map((a) => [a.type, a.date]);
    expect(dated).toEqual([
      ['SUSPENDED', '2021-05'],
      ['REINSTATED', '2021-06-04'],
    ]);
  });

  test('a date after a saying verb stays the saying\'s: "X, which hosted Y, said over the weekend it would ... on Monday"', () => {
    const dated = run('Gab, which hosted Vimeo, had said over the weekend that it would end its hosting on Monday morning.').actions;
    expect(dated.find((a) => a.type === 'WARNED')?.date).toBe('2021-06-05/2021-06-06');
  });
});

describe('a list named before', () => {
  test('"restored them", "blocked them": "them" is the whole list named last, not its first name', () => {
    expect(
      triples('Reddit blocked Gab, Vimeo and Zonk on Monday. It restored them on Friday.').filter((t) => t[0] === 'REINSTATED'),
    ).toEqual([
      ['REINSTATED', 'reddit', 'new:Zonk'],
      ['REINSTATED', 'reddit', 'vimeo'],
      ['REINSTATED', 'reddit', 'gab'],
    ]);
    expect(triples('Gab and Vimeo returned on Friday, a week after Reddit blocked them.')).toEqual(
      expect.arrayContaining([
        ['REINSTATED', 'reddit', 'gab'],
        ['REINSTATED', 'reddit', 'vimeo'],
        ['SUSPENDED', 'reddit', 'gab'],
        ['SUSPENDED', 'reddit', 'vimeo'],
      ]),
    );
  });

  test('"them" after a name written alone is not a list', () => {
    expect(triples('Reddit blocked Gab on Monday. It restored them on Friday.')).not.toContainEqual(['REINSTATED', 'reddit', 'vimeo']);
  });
});

describe('a sanction said to reach further', () => {
  test('"the ban, imposed without warning, also caught X": the last sanction\'s actor acts on X', () => {
    expect(triples('Reddit blocked Gab on Monday. The ban, imposed without warning, also caught Vimeo.')).toEqual([
      ['SUSPENDED', 'reddit', 'gab'],
      ['SUSPENDED', 'reddit', 'vimeo'],
    ]);
    expect(triples('Reddit blocked Gab on Monday. The block also hit Vimeo.')).toContainEqual(['SUSPENDED', 'reddit', 'vimeo']);
  });
});

describe('an act told again of another actor', () => {
  test('"Google did the same that evening": the last sanction again, by the new actor, on the same target', () => {
    expect(triples('Reddit removed Gab on Thursday. Google did the same that evening.')).toEqual([
      ['BANNED', 'reddit', 'gab'],
      ['BANNED', 'google', 'gab'],
    ]);
  });

  test('"followed suit in June": every target of the act repeated, dated by the words after the phrase', () => {
    const acts = run('Reddit banned Gab and Vimeo in May, and Google followed suit in June.').actions;
    expect(acts.map((a) => [a.type, a.from.id, a.to.id, a.date])).toEqual([
      ['BANNED', 'reddit', 'gab', '2021-05'],
      ['BANNED', 'reddit', 'vimeo', '2021-05'],
      ['BANNED', 'google', 'gab', '2021-06'],
      ['BANNED', 'google', 'vimeo', '2021-06'],
    ]);
  });

  test('", and so did Google": the actor after the words', () => {
    expect(triples('Reddit banned Gab in May, and so did Google.')).toContainEqual(['BANNED', 'google', 'gab']);
  });

  test('a claim or a suit is not repeated, and nothing is repeated when no act came before', () => {
    expect(triples('Jane Roe sued Gab in May. Google did the same.')).toEqual([['SUED', 'jane-roe', 'gab']]);
    expect(triples('Google followed suit.')).toEqual([]);
  });
});

describe('a passive sanction told as one more of the same', () => {
  test('"were also taken out of the store": with no agent named, the last sanction\'s actor, not the one who demanded it', () => {
    const text =
      'Reddit pulled Gab from its store on Thursday. The Pinecone Board demanded the removal, Reddit said. Vimeo was also taken out of the store.';
    expect(triples(text)).toContainEqual(['DELISTED', 'reddit', 'vimeo']);
    expect(triples(text)).not.toContainEqual(['DELISTED', 'new:Pinecone Board', 'vimeo']);
  });

  test('with no date of its own, it is dated by the sanction it adds to, not by the sentences around it', () => {
    const text =
      'Reddit pulled Gab from its store on Thursday. The Pinecone Board demanded it, Reddit said on Friday. Vimeo was also taken out of the store.';
    expect(run(text).actions.map((a) => [a.to.id, a.date])).toEqual([
      ['gab', '2021-06-03'],
      ['vimeo', '2021-06-03'],
    ]);
  });

  test('"was banned too"; an agent named after "by" is still the agent', () => {
    expect(triples('Reddit banned Gab on Monday. Vimeo was banned too.')).toContainEqual(['BANNED', 'reddit', 'vimeo']);
    expect(triples('Reddit banned Gab on Monday. Vimeo was also banned by Google.')).toContainEqual(['BANNED', 'google', 'vimeo']);
  });
});

describe('a new name opening a sentence', () => {
  test('"Zonk was also banned", "Zinger, which ..., was banned by": an auxiliary before the verb still makes the first word a name', () => {
    expect(triples('Reddit banned Gab on Monday. Zonk was also banned.')).toContainEqual(['BANNED', 'reddit', 'new:Zonk']);
    expect(triples('Zinger, which belongs to Pinecone Studios, was banned by Reddit.')).toEqual([
      ['OWNS', 'new:Pinecone Studios', 'new:Zinger'],
      ['BANNED', 'reddit', 'new:Zinger'],
    ]);
  });

  test('a plural or a word of the language opening a sentence is no name: "Officials were banned by Reddit"', () => {
    expect(triples('Officials were banned by Reddit.')).toEqual([]);
    expect(triples('Yesterday was banned by Reddit.')).toEqual([]);
  });
});

describe("more of a reporter's words for the same acts", () => {
  test.each([
    ['Reddit slowed access to Gab on Monday.', 'RESTRICTED'],
    ["Reddit put a warning label on Gab's posts on Monday.", 'RESTRICTED'],
    ['Reddit geo-blocked Gab on Monday.', 'RESTRICTED'],
    ["Reddit refused to restore Gab's account on Monday.", 'REFUSED'],
    ['Reddit reversed its decision on Gab on Monday.', 'REINSTATED'],
    ['Reddit allowed Gab to return on Monday.', 'REINSTATED'],
    ["Reddit unlocked Gab's account on Monday.", 'REINSTATED'],
    ['Reddit ended its contract with Gab on Monday.', 'SUSPENDED'],
    ['Reddit bought Gab in 2019.', 'OWNS'],
  ])('%s', (text, type) => {
    expect(triples(text)).toEqual([[type, 'reddit', 'gab']]);
  });
});

describe('a list with an article inside it', () => {
  test('"The pages of A, B, the C and D returned": every name of the list returns', () => {
    const back = triples('The pages of Zorvo, Seven, the XTV and KBN returned on Friday, a week after Reddit blocked them.')
      .filter((t) => t[0] === 'REINSTATED')
      .map((t) => t[2])
      .sort();
    expect(back).toEqual(['new:KBN', 'new:Seven', 'new:XTV', 'new:Zorvo']);
  });
});

describe('an act dated by weeks from another', () => {
  test('"X returned on Friday, a week after Y blocked it": the block is seven days before that Friday', () => {
    const acts = run('Gab returned on Friday, a week after Reddit blocked it.').actions;
    expect(acts.map((a) => [a.type, a.date])).toEqual([
      ['REINSTATED', '2021-06-04'],
      ['SUSPENDED', '2021-05-28'],
    ]);
  });
});

describe('a purchase is of a company, not of what users buy', () => {
  test('"Gab let players buy its coins ... the cut that Reddit takes": no ownership', () => {
    expect(
      triples('Gab let players buy its coins straight from Gab, sidestepping the cut that Reddit takes.').filter((t) => t[0] === 'OWNS'),
    ).toEqual([]);
  });
});
