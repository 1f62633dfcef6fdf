/**
 * The contract's order and precedence functions and the EDTF values of v2, checked against
 * instants worked out by hand (Los Angeles is UTC-8 in January, UTC-7 in July).
 */
import {
  actionTime,
  convertActionV1,
  datePrecedence,
  isParsedDate,
  parseDate,
  precedence,
  respectResponses,
  responseReach,
  sortTimeline,
  type Action,
  type ParsedDate,
} from '../../contract';
import { action } from '../contract/fixtures';

const LA = 'America/Los_Angeles';
const utc = (iso: string) => Date.parse(iso);

function ok(text: string, zone?: string): ParsedDate {
  const p = parseDate(text, zone);
  if (!isParsedDate(p)) throw new Error(`expected "${text}" to parse, got: ${p.error}`);
  return p;
}

describe('EDTF values as spans', () => {
  test('a calendar day is the local day of the zone', () => {
    const d = ok('2021-01-11', LA);
    expect([d.start, d.end]).toEqual([utc('2021-01-11T08:00:00Z'), utc('2021-01-12T07:59:59.999Z')]);
    expect([d.local.start, d.local.end]).toEqual([utc('2021-01-11T00:00:00Z'), utc('2021-01-11T23:59:59.999Z')]);
    // Summer time: 8 July starts at 07:00 UTC.
    expect(ok('2021-07-08', LA).start).toBe(utc('2021-07-08T07:00:00Z'));
  });

  test('a date-time with an offset is that instant, read locally in the zone or in its own offset', () => {
    const inLa = ok('2021-01-10T23:59-08:00', LA);
    expect(inLa.start).toBe(utc('2021-01-11T07:59:00Z'));
    expect(inLa.local.start).toBe(utc('2021-01-10T23:59:00Z'));
    // Named in Tokyo, the same instant is 16:59 on the 11th.
    expect(ok('2021-01-10T23:59-08:00', 'Asia/Tokyo').local.start).toBe(utc('2021-01-11T16:59:00Z'));
    // No zone: its own offset.
    expect(ok('2021-01-10T23:59-08:00').local.start).toBe(utc('2021-01-10T23:59:00Z'));
  });

  test('approximate widens by one unit each side; uncertain only flags', () => {
    const approx = ok('2021-01-10~');
    expect([approx.start, approx.end]).toEqual([utc('2021-01-09T00:00:00Z'), utc('2021-01-11T23:59:59.999Z')]);
    expect(approx).toMatchObject({ approximate: true, uncertain: false, precision: 'day' });
    const month = ok('2021-01~');
    expect([month.start, month.end]).toEqual([utc('2020-12-01T00:00:00Z'), utc('2021-02-28T23:59:59.999Z')]);
    const year = ok('2021%');
    expect([year.start, year.end]).toEqual([utc('2020-01-01T00:00:00Z'), utc('2022-12-31T23:59:59.999Z')]);
    expect(year).toMatchObject({ approximate: true, uncertain: true });
    const unsure = ok('2021-01-10?');
    expect([unsure.start, unsure.end]).toEqual([utc('2021-01-10T00:00:00Z'), utc('2021-01-10T23:59:59.999Z')]);
    expect(unsure).toMatchObject({ approximate: false, uncertain: true });
  });

  test('unspecified digits cover what they could be', () => {
    const xx = ok('2021-01-XX');
    expect([xx.start, xx.end, xx.precision]).toEqual([utc('2021-01-01T00:00:00Z'), utc('2021-01-31T23:59:59.999Z'), 'month']);
    const decade = ok('202X');
    expect([decade.start, decade.end]).toEqual([utc('2020-01-01T00:00:00Z'), utc('2029-12-31T23:59:59.999Z')]);
  });

  test('intervals, with open and unknown ends unbounded', () => {
    const weekend = ok('2021-01-09/2021-01-10', LA);
    expect([weekend.start, weekend.end]).toEqual([utc('2021-01-09T08:00:00Z'), utc('2021-01-11T07:59:59.999Z')]);
    expect(weekend.interval).toBe(true);
    expect(ok('2021-01-11/..').end).toBe(Infinity);
    expect(ok('../2021-01-11').start).toBe(-Infinity);
    // The parser reads an unknown start as 1970; it is unbounded here.
    expect(ok('/2021-01-10').start).toBe(-Infinity);
    expect(ok('2021-01-10/').end).toBe(Infinity);
    expect(isParsedDate(parseDate('2021-01-12/2021-01-10'))).toBe(false);
    expect(isParsedDate(parseDate('../..'))).toBe(false);
    expect(isParsedDate(parseDate('2021-21'))).toBe(false); // a season
    expect(isParsedDate(parseDate('2021-01-10', 'Mars/Olympus'))).toBe(false);
  });
});

describe('timeline order', () => {
  const order = (actions: Action[]) => sortTimeline(actions.slice()).map((a) => a.id);

  test('the Parler case: the Pacific cut-off before the Pacific day after it; a month by its first instant', () => {
    const cutoff = action('cutoff', 'SUSPENDED', 'aws', 'parler', '2021-01-10T23:59-08:00', { timezone: LA });
    const suit = action('suit', 'SUED', 'parler', 'aws', '2021-01-11', { timezone: LA });
    const month = action('month', 'DELISTED', 'apple', 'parler', '2021-01', { timezone: LA });
    // 07:59 UTC on the 11th, 08:00 UTC on the 11th, 08:00 UTC on the 1st.
    expect(order([suit, cutoff, month])).toEqual(['month', 'cutoff', 'suit']);
  });

  test('equal starts: the earlier end first, then the id; undated last', () => {
    const a = action('b-day', 'BANNED', 'x', 'y', '2021-01-01');
    const b = action('a-month', 'BANNED', 'x', 'y', '2021-01');
    const c = action('c-day', 'BANNED', 'x', 'y', '2021-01-01');
    const d = action('a-undated', 'BANNED', 'x', 'y');
    expect(order([d, b, c, a])).toEqual(['b-day', 'c-day', 'a-month', 'a-undated']);
  });

  test('a response is never before its target, and otherwise everything keeps its key place', () => {
    // Keys: denial (month: from 1 Jan) < ban (8 Jan) < suit (11 Jan) < ruling (21 Jan).
    const denial = action('denial', 'DENIED', 'aws', 'parler', '2021-01', { respondsTo: ['suit'] });
    const ban = action('ban', 'BANNED', 'twitter', 'trump', '2021-01-08');
    const suit = action('suit', 'SUED', 'parler', 'aws', '2021-01-11');
    const ruling = action('ruling', 'RULED', 'court', 'parler', '2021-01-21', { respondsTo: ['suit'] });
    // Of what is ready, the first in key order goes next: ban, suit, then denial before ruling.
    expect(order([ruling, suit, denial, ban])).toEqual(['ban', 'suit', 'denial', 'ruling']);
    // Without the target in the list, the link does not move anything.
    expect(order([ruling, denial, ban])).toEqual(['denial', 'ban', 'ruling']);
  });

  test('respectResponses returns a list without links as it was', () => {
    const list = [action('b', 'BANNED', 'x', 'y', '2021-02'), action('a', 'BANNED', 'x', 'y', '2021-01')];
    expect(respectResponses(list.slice()).map((a) => a.id)).toEqual(['b', 'a']);
  });
});

describe('precedence', () => {
  const day = (id: string, date?: string, extra: Partial<Action> = {}) => action(id, 'BANNED', 'x', 'y', date, extra);

  test('by dates: certain when one ends before the other begins, impossible the other way, else possible', () => {
    expect(precedence(day('a', '2021-01-08'), day('b', '2021-01-09'))).toBe('certain');
    expect(precedence(day('a', '2021-01-09'), day('b', '2021-01-08'))).toBe('impossible');
    expect(precedence(day('a', '2021-01'), day('b', '2021-01-09'))).toBe('possible');
    expect(precedence(day('a', '2021-01-09'), day('b', '2021-01-09'))).toBe('possible');
    expect(precedence(day('a'), day('b', '2021-01-09'))).toBe('possible');
    // The Pacific cut-off (07:59 UTC on the 11th) and the Pacific day of the 11th (from 08:00 UTC).
    expect(precedence(day('a', '2021-01-10T23:59-08:00', { timezone: LA }), day('b', '2021-01-11', { timezone: LA }))).toBe('certain');
    // Read as a UTC day, the 11th contains the cut-off.
    expect(precedence(day('a', '2021-01-10T23:59-08:00'), day('b', '2021-01-11'))).toBe('possible');
    expect(datePrecedence({ start: 0, end: 10 }, { start: 10, end: 20 })).toBe('possible');
    expect(datePrecedence({ start: 0, end: 9 }, { start: 10, end: 20 })).toBe('certain');
  });

  test('response links decide where the dates overlap, also through a chain of responses', () => {
    const accusation = day('accusation', '2021-01');
    const denial = day('denial', '2021-01', { respondsTo: ['accusation'] });
    const reply = day('reply', '2021-01', { respondsTo: ['denial'] });
    expect(precedence(accusation, denial)).toBe('certain');
    expect(precedence(denial, accusation)).toBe('impossible');
    const reach = responseReach([accusation, denial, reply]);
    expect(precedence(accusation, reply, reach)).toBe('certain');
    expect(precedence(reply, accusation, reach)).toBe('impossible');
    // Without the links in between, only the dates speak.
    expect(precedence(accusation, reply)).toBe('possible');
  });
});

describe('v1 actions converted', () => {
  test('date and endDate become an interval; sources become citations by status', () => {
    const base = { type: 'HOSTED', from: 'a', to: 'b', summary: 's' } as const;
    expect(
      convertActionV1({ ...base, id: 'x', status: 'confirmed', date: '2019', endDate: '2021-01-10', sourceIds: ['s1', 's2'] }),
    ).toEqual({
      ...base,
      id: 'x',
      status: 'confirmed',
      date: '2019/2021-01-10',
      citations: [
        { source: 's1', stance: 'states' },
        { source: 's2', stance: 'states' },
      ],
    });
    const claim = convertActionV1({ ...base, id: 'y', status: 'disputed', claimedBy: ['a'], disputedBy: ['b'], sourceIds: ['s1'] });
    expect(claim.citations).toEqual([{ source: 's1', stance: 'reports-claim' }]);
    expect(claim).not.toHaveProperty('date');
    expect(actionTime(convertActionV1({ ...base, id: 'z', status: 'reported', endDate: '2021-01-10', sourceIds: ['s1'] }))?.start).toBe(
      -Infinity,
    );
  });
});
