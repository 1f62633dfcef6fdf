/**
 * Round 12 (references): plural references to actors named before ("both companies", "the three
 * services", "each of them", "they"), things owned by an actor as the object ("the club's channel",
 * "Jo Roe's stream") and "its activities" after a sanction. Every sentence is made up.
 */
import { readerOf } from './support/reader';

const { triples } = readerOf([
  { id: 'twitter', name: 'Twitter', kind: 'platform' },
  { id: 'reddit', name: 'Reddit', kind: 'platform' },
  { id: 'gab', name: 'Gab', kind: 'platform' },
  { id: 'jane-roe', name: 'Jane Roe', kind: 'person' },
  { id: 'ruritania', name: 'Ruritania', kind: 'government' },
]);

const on = (list: string[][], type: string, from: string) => list.filter((t) => t[0] === type && t[1] === from).map((t) => t[2]);

describe('plural references stand for the list named before', () => {
  test('"sued both companies": each of the two named before', () => {
    expect(on(triples('Vimeo and Reddit hosted the clip for weeks. On Monday Gab sued both companies.'), 'SUED', 'gab')).toEqual([
      'new:Vimeo',
      'reddit',
    ]);
  });

  test('"blocked the three services", "banned all three": a list of three', () => {
    const three = ['twitter', 'reddit', 'new:Vimeo'];
    expect(
      on(triples('Twitter, Reddit and Vimeo carried the stream. Gab blocked the three services on Friday.'), 'SUSPENDED', 'gab'),
    ).toEqual(three);
    expect(on(triples('Twitter, Reddit and Vimeo kept the page up. Gab banned all three in May.'), 'BANNED', 'gab')).toEqual(three);
  });

  test('"both of them", "each of them", "them" a sentence later', () => {
    expect(on(triples('Twitter and Reddit carried the stream. Gab banned both of them on Friday.'), 'BANNED', 'gab')).toEqual([
      'twitter',
      'reddit',
    ]);
    expect(
      on(triples('Twitter and Reddit hosted the forum. Jane Roe praised it. Gab suspended each of them in June.'), 'SUSPENDED', 'gab'),
    ).toEqual(['twitter', 'reddit']);
    const later = triples(
      'Twitter and Reddit were told to remove the clip. Jane Roe, who posted it, complained on Monday. Gab later threatened them with fines.',
    );
    expect(on(later, 'WARNED', 'gab')).toEqual(['twitter', 'reddit']);
  });

  test('with a count and no list: the last actors named, as many as it says', () => {
    expect(on(triples('Vimeo removed the video on Monday. Reddit followed on Tuesday. Gab later sued both firms.'), 'SUED', 'gab')).toEqual(
      ['new:Vimeo', 'reddit'],
    );
  });

  test('"both companies" with no list passes over a government named between', () => {
    const found = triples(
      'Twitter removed the clip on Monday. Ruritania praised the move. Reddit followed on Tuesday. Jane Roe later sued both companies.',
    );
    expect(on(found, 'SUED', 'jane-roe')).toEqual(['twitter', 'reddit']);
  });

  test('as the subject: "Both companies banned ...", "The two platforms suspended ...", "They ...", "they were banned by"', () => {
    expect(on(triples('Twitter and Vimeo received the notice. Both companies banned Jane Roe the next day.'), 'BANNED', 'twitter')).toEqual(
      ['jane-roe'],
    );
    expect(
      on(triples('Twitter and Vimeo received the notice. Both companies banned Jane Roe the next day.'), 'BANNED', 'new:Vimeo'),
    ).toEqual(['jane-roe']);
    const two = triples('Reddit and Vimeo were told to act. The two platforms suspended Jane Roe on Monday.');
    expect(two).toEqual(
      expect.arrayContaining([
        ['SUSPENDED', 'reddit', 'jane-roe'],
        ['SUSPENDED', 'new:Vimeo', 'jane-roe'],
      ]),
    );
    const they = triples('Twitter and Reddit carried the clip. They suspended Jane Roe on Monday.');
    expect(they).toEqual(
      expect.arrayContaining([
        ['SUSPENDED', 'twitter', 'jane-roe'],
        ['SUSPENDED', 'reddit', 'jane-roe'],
      ]),
    );
    expect(on(triples('Twitter and Reddit carried the stream. Later they were banned by Gab.'), 'BANNED', 'gab')).toEqual([
      'twitter',
      'reddit',
    ]);
  });

  test('as the passive subject: "Both companies were banned by", "Each of them was banned by"', () => {
    expect(on(triples('Twitter and Reddit hosted the clip. Both companies were banned by Gab on Monday.'), 'BANNED', 'gab')).toEqual([
      'twitter',
      'reddit',
    ]);
    expect(on(triples('Twitter and Reddit hosted the clip. Each of them was banned by Gab on Monday.'), 'BANNED', 'gab')).toEqual([
      'twitter',
      'reddit',
    ]);
  });

  test('a count that disagrees stands for no one; after "on" a plural is where, not whom', () => {
    expect(triples('Twitter and Reddit carried the stream. Gab banned the three services.')).toEqual([]);
    expect(triples('Twitter and Reddit grew. Gab said it banned Jane Roe on both platforms.')).toEqual([['BANNED', 'gab', 'jane-roe']]);
  });
});

describe('a thing owned by an actor, as the object, is an act on its owner', () => {
  test('"the university\'s event page", "the university\'s livestream": the university named before', () => {
    const found = triples(
      "Jane Roe spoke at Fenwick State University on Monday. Reddit removed the university's event page, and Gab cut the university's livestream.",
    );
    expect(found).toEqual([
      ['BANNED', 'reddit', 'new:Fenwick State University'],
      ['BANNED', 'gab', 'new:Fenwick State University'],
    ]);
  });

  test('"the party\'s page", "the group\'s channel", "the forum\'s page": the actor the noun stands for, not the person of the report', () => {
    expect(triples("Jane Roe leads the Fenwick Party. On Monday Reddit took down the party's page.")).toEqual([
      ['SUSPENDED', 'reddit', 'new:Fenwick Party'],
    ]);
    expect(triples("Jane Roe joined Zonkers in May. Twitter banned the group's channel on Monday.")).toEqual([
      ['BANNED', 'twitter', 'new:Zonkers'],
    ]);
    expect(
      triples("Jane Roe runs Zonkers, the forum for gamers. Twitter banned her in May. Gab removed the forum's page on Monday."),
    ).toContainEqual(['BANNED', 'gab', 'new:Zonkers']);
  });

  test('"Jo Roe\'s stream", "her livestream": the person', () => {
    expect(triples("Reddit cut Jane Roe's stream on Monday.")).toEqual([['BANNED', 'reddit', 'jane-roe']]);
    expect(triples('Jane Roe spoke on Monday. Reddit cut her livestream after an hour.')).toEqual([['BANNED', 'reddit', 'jane-roe']]);
  });

  test('"its activities", "its operations", "deleted its page": the actor named last that is not the one acting', () => {
    expect(triples('Twitter fined Gab on Monday and banned its activities in the country.')).toContainEqual(['BANNED', 'twitter', 'gab']);
    expect(triples('Twitter fined Gab on Monday. Reddit later suspended its operations.')).toEqual([['SUSPENDED', 'reddit', 'gab']]);
    expect(triples('Twitter banned Zonkers in May. Reddit then deleted its page.')).toContainEqual(['BANNED', 'reddit', 'new:Zonkers']);
  });

  test('"its" is never a person: with only a person and the actor acting named before, no one', () => {
    expect(triples('Jane Roe praised Reddit. Reddit then removed its page.')).toEqual([]);
  });
});
