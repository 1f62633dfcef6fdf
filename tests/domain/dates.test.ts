/** Dates of interchange v2 (EDTF), the timeline order and the date-window filter (no store involved). */
import { actionPredicate, compareActions, compareDateTexts, isParsedDate, parseDate, type Action, type ParsedDate } from '../../contract';
import { action } from '../contract/fixtures';

function ok(text: string): ParsedDate {
  const p = parseDate(text);
  if (!isParsedDate(p)) throw new Error(`expected "${text}" to parse, got: ${p.error}`);
  return p;
}

const utc = (iso: string) => Date.parse(iso);

describe('parseDate: accepted forms', () => {
  test('a year means the whole UTC year', () => {
    const d = ok('2021');
    expect(d).toMatchObject({ text: '2021', precision: 'year' });
    expect(d.start).toBe(utc('2021-01-01T00:00:00Z'));
    expect(d.end).toBe(utc('2022-01-01T00:00:00Z') - 1);
  });

  test('a month means the whole UTC month', () => {
    const d = ok('2021-02');
    expect(d).toMatchObject({ text: '2021-02', precision: 'month' });
    expect(d.start).toBe(utc('2021-02-01T00:00:00Z'));
    expect(d.end).toBe(utc('2021-03-01T00:00:00Z') - 1);
  });

  test('a day means the whole UTC day', () => {
    const d = ok('2021-01-10');
    expect(d).toMatchObject({ text: '2021-01-10', precision: 'day' });
    expect(d.start).toBe(utc('2021-01-10T00:00:00Z'));
    expect(d.end).toBe(utc('2021-01-11T00:00:00Z') - 1);
  });

  test('a date-time with a negative offset is the instant in UTC, text and offset kept', () => {
    const d = ok('2021-01-10T23:59:00-08:00');
    expect(d.precision).toBe('datetime');
    expect(d.text).toBe('2021-01-10T23:59:00-08:00');
    expect(d.start).toBe(utc('2021-01-11T07:59:00Z'));
  });

  test('a date-time with a positive offset and without seconds', () => {
    expect(ok('2021-01-11T09:30+05:30').start).toBe(utc('2021-01-11T04:00:00Z'));
  });

  test('Z, seconds and milliseconds', () => {
    expect(ok('2021-01-10T12:00Z').start).toBe(utc('2021-01-10T12:00:00Z'));
    expect(ok('2021-01-10T12:00:30Z').start).toBe(utc('2021-01-10T12:00:30Z'));
    expect(ok('2021-01-10T12:00:30.250Z').start).toBe(utc('2021-01-10T12:00:30.250Z'));
    expect(ok('2021-01-10T12:00:30.5Z').start).toBe(utc('2021-01-10T12:00:30.500Z'));
    expect(ok('2021-01-10T12:00:30.007+01:00').start).toBe(utc('2021-01-10T11:00:30.007Z'));
  });

  test('the largest offsets still allowed: -12:00 and +14:00', () => {
    expect(ok('2021-01-01T00:00-12:00').start).toBe(utc('2021-01-01T12:00:00Z'));
    expect(ok('2021-01-01T00:00+14:00').start).toBe(utc('2020-12-31T10:00:00Z'));
  });

  test('leap years: 29 February exists in 2020 and 2000, not in 2021 or 1900', () => {
    expect(ok('2020-02-29').precision).toBe('day');
    expect(ok('2000-02-29').precision).toBe('day');
    expect(ok('2020-02-29T12:00Z').precision).toBe('datetime');
    expect(isParsedDate(parseDate('2021-02-29'))).toBe(false);
    expect(isParsedDate(parseDate('1900-02-29'))).toBe(false);
    expect(isParsedDate(parseDate('2021-02-29T12:00Z'))).toBe(false);
  });

  test('the precision is kept as given', () => {
    expect(['2021', '2021-01', '2021-01-01', '2021-01-01T00:00:00Z'].map((t) => ok(t).precision)).toEqual([
      'year',
      'month',
      'day',
      'datetime',
    ]);
  });
});

describe('parseDate: refused forms', () => {
  test.each([
    ['Jan 10'],
    ['2021-13-01'],
    ['2021-00'],
    ['2021-02-30'],
    ['2021-04-31'],
    ['2021-01-00'],
    ['2021-1-5'],
    ['2021-01-5'],
    ['21'],
    ['202'],
    ['20210110'],
    ['2021-01-10T24:00Z'],
    ['2021-01-10T23:60Z'],
    ['2021-01-10T23:59:60Z'],
    ['2021-01-10T23:59:00+15:00'],
    ['2021-01-10T23:59:00-08:60'],
    ['2021-01-10 23:59Z'],
    ['2021-01-10T23:59:00-0800'],
    [' 2021'],
    ['2021 '],
    [''],
  ])('%j is an error that quotes the value', (text) => {
    const p = parseDate(text);
    expect(isParsedDate(p)).toBe(false);
    expect((p as { error: string }).error).toContain(`"${text}"`);
  });

  test('a date-time without an offset is wall-clock time in the zone (UTC when none is given)', () => {
    expect(ok('2021-01-10T23:59').start).toBe(utc('2021-01-10T23:59:00Z'));
    const p = parseDate('2021-01-10T23:59', 'America/Los_Angeles');
    if (!isParsedDate(p)) throw new Error(p.error);
    // Pacific standard time in January is UTC-8.
    expect(p.start).toBe(utc('2021-01-11T07:59:00Z'));
    expect(p.local.start).toBe(utc('2021-01-10T23:59:00Z'));
  });
});

describe('date ordering', () => {
  test('a year before 100 is not read as 19xx: "0050" is refused, or sorts before "1949"', () => {
    for (const text of ['0050', '0050-06', '0050-06-01', '0050-06-01T00:00Z']) {
      const p = parseDate(text);
      if (isParsedDate(p)) {
        expect(p.start).toBeLessThan(utc('1000-01-01T00:00:00Z'));
        expect(compareDateTexts(text, '1949')).toBeLessThan(0);
      }
    }
  });
  const order = (texts: string[]) => [...texts].sort(compareDateTexts);

  test('a date-time with an offset sorts by its UTC instant: after the next UTC day begins, before the day after', () => {
    expect(order(['2021-01-12', '2021-01-10T23:59:00-08:00', '2021-01-11'])).toEqual([
      '2021-01-11',
      '2021-01-10T23:59:00-08:00',
      '2021-01-12',
    ]);
    expect(compareDateTexts('2021-01-10T23:59:00-08:00', '2021-01-11')).toBeGreaterThan(0);
    expect(compareDateTexts('2021-01-10T23:59:00-08:00', '2021-01-12')).toBeLessThan(0);
  });

  test('the same instant written with two offsets compares equal', () => {
    expect(compareDateTexts('2021-01-10T23:59:00-08:00', '2021-01-11T07:59:00Z')).toBe(0);
  });

  test('equal earliest instants: the more precise value first', () => {
    expect(order(['2021', '2021-01', '2021-01-01T00:00:00Z', '2021-01-01'])).toEqual([
      '2021-01-01T00:00:00Z',
      '2021-01-01',
      '2021-01',
      '2021',
    ]);
  });

  test('the earliest instant decides before precision does', () => {
    // 2020-12-31T23:00-05:00 is 2021-01-01T04:00Z: after the first instant of 2021.
    expect(order(['2020-12-31T23:00:00-05:00', '2021', '2020-12', '2020-12-31'])).toEqual([
      '2020-12',
      '2020-12-31',
      '2021',
      '2020-12-31T23:00:00-05:00',
    ]);
  });

  test('milliseconds order within a second', () => {
    expect(order(['2021-01-01T00:00:00.100Z', '2021-01-01T00:00:00.020Z', '2021-01-01T00:00:00Z'])).toEqual([
      '2021-01-01T00:00:00Z',
      '2021-01-01T00:00:00.020Z',
      '2021-01-01T00:00:00.100Z',
    ]);
  });
});

describe('compareActions: the timeline order', () => {
  test('by date, then id; undated last and among themselves by id', () => {
    const actions: Action[] = [
      action('a-undated', 'BANNED', 'x', 'y'),
      action('b-late', 'BANNED', 'x', 'y', '2021-01-12'),
      action('c-offset', 'BANNED', 'x', 'y', '2021-01-10T23:59:00-08:00'),
      action('d-day', 'BANNED', 'x', 'y', '2021-01-11'),
      action('e-year', 'BANNED', 'x', 'y', '2021'),
      action('f-month', 'BANNED', 'x', 'y', '2021-01'),
      action('g-same', 'BANNED', 'x', 'y', '2021-01-05'),
      action('a-same', 'BANNED', 'x', 'y', '2021-01-05'),
      action('0-undated', 'BANNED', 'x', 'y'),
      action('z-first', 'BANNED', 'x', 'y', '2020'),
    ];
    expect(actions.sort(compareActions).map((a) => a.id)).toEqual([
      'z-first',
      'f-month',
      'e-year',
      'a-same',
      'g-same',
      'd-day',
      'c-offset',
      'b-late',
      '0-undated',
      'a-undated',
    ]);
  });
});

describe('actionPredicate: the date window', () => {
  const keeps = (filter: Parameters<typeof actionPredicate>[0], a: Action) => actionPredicate(filter)(a);

  test('an action inside the window is kept; one wholly before or after is not', () => {
    const w = { from: '2021-01-05', to: '2021-01-10' };
    expect(keeps(w, action('in', 'BANNED', 'x', 'y', '2021-01-07'))).toBe(true);
    expect(keeps(w, action('before', 'BANNED', 'x', 'y', '2021-01-04'))).toBe(false);
    expect(keeps(w, action('after', 'BANNED', 'x', 'y', '2021-01-11'))).toBe(false);
  });

  test('the window bounds are inclusive of their whole precision', () => {
    expect(keeps({ to: '2021-01' }, action('last-day', 'BANNED', 'x', 'y', '2021-01-31'))).toBe(true);
    expect(keeps({ to: '2021-01' }, action('last-minute', 'BANNED', 'x', 'y', '2021-01-31T23:59Z'))).toBe(true);
    expect(keeps({ to: '2021-01' }, action('next-month', 'BANNED', 'x', 'y', '2021-02-01'))).toBe(false);
    expect(keeps({ to: '2021-01-10' }, action('same-day', 'BANNED', 'x', 'y', '2021-01-10T20:00Z'))).toBe(true);
    expect(keeps({ from: '2021-01-10' }, action('same-day-early', 'BANNED', 'x', 'y', '2021-01-10T00:00Z'))).toBe(true);
    expect(keeps({ from: '2021' }, action('dec-2020', 'BANNED', 'x', 'y', '2020-12-31T23:59Z'))).toBe(false);
  });

  test('an action whose span touches the window is kept (a coarse date, an interval)', () => {
    const w = { from: '2021-01-10', to: '2021-01-10' };
    expect(keeps(w, action('month', 'BANNED', 'x', 'y', '2021-01'))).toBe(true);
    expect(keeps(w, action('year', 'BANNED', 'x', 'y', '2021'))).toBe(true);
    expect(keeps(w, action('span', 'HOSTED', 'x', 'y', '2019-05/2022-03-01'))).toBe(true);
    expect(keeps(w, action('ends-on-day', 'HOSTED', 'x', 'y', '2019-05/2021-01-10T23:00Z'))).toBe(true);
    expect(keeps(w, action('ended-before', 'HOSTED', 'x', 'y', '2019-05/2021-01-09'))).toBe(false);
    expect(keeps(w, action('starts-after', 'HOSTED', 'x', 'y', '2021-01-11/2021-02'))).toBe(false);
  });

  test('without a zone, a date-time is on the local day of its own offset; with tz=UTC, on the UTC day', () => {
    const a = action('offset', 'SUSPENDED', 'x', 'y', '2021-01-10T23:59:00-08:00');
    // 23:59 at -08:00 is 10 January on the wall clock where it happened, and 07:59 on 11 January in UTC.
    expect(keeps({ from: '2021-01-10', to: '2021-01-10' }, a)).toBe(true);
    expect(keeps({ from: '2021-01-11', to: '2021-01-11' }, a)).toBe(false);
    expect(keeps({ from: '2021-01-11', to: '2021-01-11', tz: 'UTC' }, a)).toBe(true);
    expect(keeps({ to: '2021-01-10', tz: 'UTC' }, a)).toBe(false);
  });

  test('undated actions are left out once a window is set, and kept without one', () => {
    const undated = action('undated', 'HOSTED', 'x', 'y');
    expect(keeps({ from: '2000' }, undated)).toBe(false);
    expect(keeps({ to: '2100' }, undated)).toBe(false);
    expect(keeps({}, undated)).toBe(true);
    expect(keeps({ types: ['HOSTED'] }, undated)).toBe(true);
  });

  test('type and status filters combine with the window', () => {
    const a = action('a', 'BANNED', 'x', 'y', '2021-01-10', { status: 'reported' });
    expect(keeps({ types: ['BANNED', 'SUED'] }, a)).toBe(true);
    expect(keeps({ types: ['SUED'] }, a)).toBe(false);
    expect(keeps({ statuses: ['reported'] }, a)).toBe(true);
    expect(keeps({ statuses: ['confirmed', 'alleged'] }, a)).toBe(false);
    expect(keeps({ types: ['BANNED'], statuses: ['reported'], from: '2021-01-11' }, a)).toBe(false);
    expect(keeps({ types: [], statuses: [] }, a)).toBe(true);
  });
});
