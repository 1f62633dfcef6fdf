/**
 * Round 5 (dates): each rule of server/extract/dates.ts and of the date choice in assemble.ts, on
 * made-up sentences about made-up companies (none is taken from a source article or a gold
 * report). Dates are checked through extract(), as the API proposes them.
 */
import { ActorIndex, extract } from '../../server/extract';
import { anchorOf } from '../../bench/extract-score';

const index = new ActorIndex([
  { id: 'hostly', name: 'Hostly', kind: 'company' },
  { id: 'chirpnet', name: 'Chirpnet', kind: 'platform' },
  { id: 'boardly', name: 'Boardly', kind: 'platform' },
  { id: 'forumly', name: 'Forumly', kind: 'platform' },
]);
// 13 March 2024 is a Wednesday.
const run = (text: string, published: string | undefined = '2024-03-13') => extract(text, index, anchorOf(published)).actions;
const dateOf = (text: string, type: string, from: string, published?: string) => {
  const a = run(text, published).find((x) => x.type === type && x.from.id === from);
  if (!a) throw new Error(`no ${type} by ${from} in ${JSON.stringify(run(text, published).map((x) => [x.type, x.from.id]))}`);
  return a.date;
};

describe('quotations', () => {
  test('a relative date in a quotation is read against a week before publication too: the quote may be older', () => {
    expect(dateOf('Two evenings ago Hostly cut off Chirpnet.', 'SUSPENDED', 'hostly')).toBe('2024-03-11');
    expect(dateOf('The filing says: “Two evenings ago Hostly cut off Chirpnet without warning.”', 'SUSPENDED', 'hostly')).toBe(
      '2024-03-05/2024-03-11',
    );
  });
});

describe('dates relative to the date before', () => {
  test('"two days earlier", "the next day", "that month" resolve against the last date read', () => {
    const before = 'Hostly suspended Chirpnet on March 8, 2024.';
    expect(dateOf(`${before} Two days earlier Boardly had banned Chirpnet.`, 'BANNED', 'boardly')).toBe('2024-03-06');
    expect(dateOf(`${before} The next day Boardly banned Chirpnet.`, 'BANNED', 'boardly')).toBe('2024-03-09');
    expect(dateOf(`${before} Boardly banned Chirpnet that month.`, 'BANNED', 'boardly')).toBe('2024-03');
  });

  test('without a publication date, a date relative to a dated one is still read', () => {
    const text = 'Hostly suspended Chirpnet on March 8, 2024. Two days earlier Boardly had banned Chirpnet.';
    const banned = extract(text, index, null).actions.find((a) => a.type === 'BANNED');
    expect(banned?.date).toBe('2024-03-06');
  });

  test('with no date before it, a relative date gives no date rather than one read against publication', () => {
    expect(dateOf('Two days earlier Boardly had banned Chirpnet.', 'BANNED', 'boardly')).toBeNull();
  });

  test('"on Saturday, a day after Y did ...": Y’s act is the day before', () => {
    const text = 'Boardly banned Chirpnet on Saturday, a day after Hostly suspended Chirpnet.';
    expect(dateOf(text, 'BANNED', 'boardly', '2024-03-18')).toBe('2024-03-16');
    expect(dateOf(text, 'SUSPENDED', 'hostly', '2024-03-18')).toBe('2024-03-15');
  });

  test('"two days before Y did ..." names its own reference and is not read against the date before', () => {
    expect(
      dateOf('Hostly suspended Chirpnet on March 8, 2024. Two days before Boardly acted, Forumly banned Chirpnet.', 'BANNED', 'forumly'),
    ).not.toBe('2024-03-06');
  });
});

describe('weekdays', () => {
  test('against a publication week, a bare weekday spans the week; the report’s own dated weekday pins it', () => {
    const week = '2024-03-11/2024-03-17';
    expect(dateOf('Boardly banned Chirpnet on Sunday.', 'BANNED', 'boardly', week)).toBe('2024-03-10/2024-03-17');
    const pinned = 'Hostly said it would cut off Chirpnet effective Sunday, March 10. Boardly banned Chirpnet on Sunday.';
    expect(dateOf(pinned, 'BANNED', 'boardly', week)).toBe('2024-03-10');
  });

  test('a time of day and its zone keep the day as written; "late Friday", "last night" are days', () => {
    expect(dateOf('Hostly cut off Chirpnet at 11:59 PM PST on Sunday, March 10.', 'SUSPENDED', 'hostly')).toBe('2024-03-10');
    expect(dateOf('Hostly cut off Chirpnet late Friday.', 'SUSPENDED', 'hostly')).toBe('2024-03-08');
    expect(dateOf('Hostly cut off Chirpnet last night.', 'SUSPENDED', 'hostly')).toBe('2024-03-12');
    // A time with no day names no date.
    expect(dateOf('Hostly cut off Chirpnet at 6:15 p.m.', 'SUSPENDED', 'hostly')).toBeNull();
  });

  test('a weekday announced ahead ("will cut off ... effective Friday") is the next such day', () => {
    expect(dateOf('Hostly will cut off Chirpnet effective Friday.', 'SUSPENDED', 'hostly')).toBe('2024-03-15');
    expect(dateOf('Hostly cut off Chirpnet on Friday.', 'SUSPENDED', 'hostly')).toBe('2024-03-08');
  });
});

describe('dates carried from the sentence before', () => {
  test('a recent day carried to an undated act is its lower bound: the act runs to publication', () => {
    expect(dateOf('Hostly cut off Chirpnet on Monday. Boardly also banned Chirpnet.', 'BANNED', 'boardly')).toBe('2024-03-11/2024-03-13');
    // A day long before publication is carried as it is: widening it would say little.
    expect(dateOf('Hostly cut off Chirpnet on January 8, 2020. Boardly also banned Chirpnet.', 'BANNED', 'boardly')).toBe('2020-01-08');
    // Not across a paragraph.
    expect(dateOf('Hostly cut off Chirpnet on Monday.\n\nBoardly also banned Chirpnet.', 'BANNED', 'boardly')).toBeNull();
  });
});

describe('which act a date belongs to', () => {
  test('a limit ("effective Friday, March 15") is not carried to the next sentence', () => {
    const text = 'Hostly said it would cut off Chirpnet effective Friday, March 15. Boardly banned Chirpnet.';
    expect(dateOf(text, 'BANNED', 'boardly')).toBeNull();
  });

  test('a date in a past-perfect look back is not carried; the narrative’s date before it is', () => {
    const text = 'Boardly banned Chirpnet on Thursday. Hostly had warned Chirpnet in May. Forumly banned Chirpnet.';
    expect(dateOf(text, 'BANNED', 'forumly', '2024-03-09')).toBe('2024-03-07/2024-03-09');
  });

  test('a date before the saying verb dates the saying, not an act it reports as older', () => {
    expect(dateOf('A suit filed on Monday claimed that Hostly had cut off Chirpnet.', 'SUSPENDED', 'hostly')).toBeNull();
    // An announcement is dated by its saying.
    expect(dateOf('Hostly said on Monday that it would cut off Chirpnet.', 'WARNED', 'hostly')).toBe('2024-03-11');
  });

  test('an act told as older than the words reporting it is not dated by the sentence before', () => {
    const text = 'Chirpnet sued Hostly on Monday. The complaint alleges that Hostly terminated the account of Chirpnet.';
    expect(dateOf(text, 'BANNED', 'hostly')).toBeNull();
    // Told as under way when said, the act keeps the narrative's date.
    expect(dateOf('Hostly cut off Chirpnet on Monday. Chirpnet then said that it was moving to Boardly.', 'MOVED_TO', 'chirpnet')).toBe(
      '2024-03-11/2024-03-13',
    );
  });

  test('"sued X on Monday for terminating ...": the suit is Monday’s, the act it is about is not', () => {
    const text = 'Chirpnet on Monday sued Hostly for terminating the account of Chirpnet.';
    expect(dateOf(text, 'SUED', 'chirpnet')).toBe('2024-03-11');
    expect(dateOf(text, 'BANNED', 'hostly')).toBeNull();
  });

  test('a date outside the clause belongs to the act verb before it, or to all when it opens the sentence', () => {
    const own = 'Hostly had cut off Chirpnet on Thursday, and Boardly banned Chirpnet.';
    expect(dateOf(own, 'SUSPENDED', 'hostly')).toBe('2024-03-07');
    expect(dateOf(own, 'BANNED', 'boardly')).toBeNull();
    const all = 'On Thursday Hostly cut off Chirpnet, and Boardly banned Chirpnet.';
    expect(dateOf(all, 'BANNED', 'boardly')).toBe('2024-03-07');
  });

  test('durations and spans of hours are no dates', () => {
    expect(dateOf('Hostly suspended Chirpnet for several weeks.', 'SUSPENDED', 'hostly')).toBeNull();
    expect(dateOf('An hour before, Hostly suspended Chirpnet.', 'SUSPENDED', 'hostly')).toBeNull();
  });
});

describe('claims and answers', () => {
  test('a claim in a sentence naming the suit takes the suit’s date', () => {
    const text = 'Chirpnet sued Hostly on Monday.\n\nIn its lawsuit, Chirpnet claimed that Hostly acted out of spite.';
    expect(dateOf(text, 'ACCUSED', 'chirpnet')).toBe('2024-03-11');
  });

  test('an undated denial lies between the claim it answers and publication', () => {
    const text = 'On Monday Chirpnet accused Hostly of bias.\n\nHostly rejected the claims.';
    expect(dateOf(text, 'DENIED', 'hostly')).toBe('2024-03-11/2024-03-13');
  });

  test('a claim read from a present-tense saying verb ("X claims Y conspired") is being made at publication', () => {
    expect(dateOf('Chirpnet claims that Hostly conspired with Boardly.', 'ACCUSED', 'chirpnet')).toBe('2024-03-13');
    expect(dateOf('Chirpnet claimed that Hostly conspired with Boardly.', 'ACCUSED', 'chirpnet')).toBeNull();
  });
});

describe('round 6: the tense of an undated act', () => {
  test('an act told in the present perfect or as under way, undated, is news: the week before publication', () => {
    expect(dateOf('Hostly has permanently banned Chirpnet.', 'BANNED', 'hostly')).toBe('2024-03-06/2024-03-13');
    expect(dateOf('Chirpnet has been thrown off Boardly.', 'BANNED', 'boardly')).toBe('2024-03-06/2024-03-13');
    expect(dateOf('Hostly is cutting off Chirpnet.', 'SUSPENDED', 'hostly')).toBe('2024-03-06/2024-03-13');
  });

  test('an undated act in the simple past stays undated: it may be far older than the report', () => {
    expect(dateOf('Hostly banned Chirpnet.', 'BANNED', 'hostly')).toBeNull();
  });

  test('the tense only fills in: a repeat of the act dated by the text replaces the week', () => {
    expect(dateOf('Hostly has banned Chirpnet. Hostly banned Chirpnet on Monday, its spokesman said.', 'BANNED', 'hostly')).toBe(
      '2024-03-11',
    );
  });

  test('an act in the past perfect takes no date from the sentence before: it lies before that time', () => {
    expect(dateOf('Hostly suspended Chirpnet on Monday. Boardly had banned Chirpnet.', 'BANNED', 'boardly')).toBeNull();
  });

  test('in reported words the past perfect follows the saying verb, and the date before may still carry', () => {
    expect(
      dateOf('Hostly suspended Chirpnet on Monday. Forumly confirmed that Chirpnet had been banned by Boardly.', 'BANNED', 'boardly'),
    ).toBe('2024-03-11/2024-03-13');
  });
});

describe('round 6: seasons, evenings and sayings', () => {
  test('"last summer", "last winter": the last such season that ended before publication', () => {
    expect(dateOf('Last summer Hostly suspended Chirpnet.', 'SUSPENDED', 'hostly')).toBe('2023-06-01/2023-08-31');
    expect(dateOf('It was not the first time: last winter Hostly suspended Chirpnet.', 'SUSPENDED', 'hostly')).toBe(
      '2023-12-01/2024-02-29',
    );
    expect(dateOf('Last summer Hostly suspended Chirpnet.', 'SUSPENDED', 'hostly', '2024-10-02')).toBe('2024-06-01/2024-08-31');
  });

  test('"earlier in the evening" is the day of the date read before', () => {
    const text = 'Hostly suspended Chirpnet on Monday night. Earlier in the evening Boardly had banned Chirpnet.';
    expect(dateOf(text, 'BANNED', 'boardly')).toBe('2024-03-11');
  });

  test('a weekday after a saying verb dates the announcement, not a day ahead; "effective Sunday" still is ahead', () => {
    const said = 'Hostly will stop serving Chirpnet, people familiar with the decision said on Sunday.';
    expect(dateOf(said, 'SUSPENDED', 'hostly')).toBe('2024-03-10');
    expect(dateOf('Hostly will suspend Chirpnet effective Sunday.', 'SUSPENDED', 'hostly')).toBe('2024-03-17');
  });
});

describe('round 6: looks back and present states', () => {
  test('a look back in the past perfect does not keep the sentence before from dating the act', () => {
    const text =
      'On Thursday Hostly banned Chirpnet. Chirpnet, whose pages had been taken down by Boardly in August, had kept an account on Forumly; Forumly removed it as well.';
    expect(dateOf(text, 'BANNED', 'forumly')).toBe('2024-03-07/2024-03-13');
  });

  test('a restoration told as a present state ("can post on Y again") is news: the week before publication', () => {
    expect(dateOf('Chirpnet can post on Boardly again.', 'REINSTATED', 'boardly')).toBe('2024-03-06/2024-03-13');
  });
});

describe('round 6: how far a date carries', () => {
  test('an undated reaction takes the date of the third sentence before it, not of the fourth', () => {
    const near =
      'Hostly banned Chirpnet on Monday. Chirpnet had been suspended by Boardly in August. Its other accounts are not affected. Chirpnet accused Hostly of censorship.';
    expect(dateOf(near, 'ACCUSED', 'chirpnet')).toBe('2024-03-11/2024-03-13');
    const far = 'Hostly banned Chirpnet on Monday. One. Two. Three. Chirpnet accused Hostly of censorship.';
    expect(dateOf(far, 'ACCUSED', 'chirpnet')).toBeNull();
  });
});

describe('a date that describes a noun', () => {
  test('"..., the rule adopted on March 4" after an act is the rule\'s date: the act takes another date or none', () => {
    const aside = 'Chirpnet went dark when Hostly terminated its service, a loss its owners blame on the rule adopted on March 4';
    expect(dateOf(`${aside}.`, 'BANNED', 'hostly')).toBeNull();
    expect(dateOf(`Hostly suspended Chirpnet, a forum launched in January, on Friday.`, 'SUSPENDED', 'hostly')).toBe('2024-03-08');
    // Nor is it carried to the next sentence.
    expect(dateOf(`${aside}. Boardly then banned Chirpnet.`, 'BANNED', 'boardly')).toBeNull();
  });

  test('a participle after an auxiliary or "and" is a verb of its own: its date is kept', () => {
    expect(dateOf('Hostly suspended Chirpnet and banned it on March 4.', 'SUSPENDED', 'hostly')).toBe('2024-03-04');
    expect(dateOf('Chirpnet was banned on March 4 by Hostly.', 'BANNED', 'hostly')).toBe('2024-03-04');
  });
});
