/**
 * Dates of interchange v1: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or a date-time with an offset.
 * A value keeps the precision it was given in; ordering uses the earliest instant it can mean,
 * in UTC. Calendar dates without an offset are read as UTC days (the spec gives them no zone).
 */

export type DatePrecision = 'year' | 'month' | 'day' | 'datetime';

export interface ParsedDate {
  /** The value exactly as given. */
  text: string;
  precision: DatePrecision;
  /** Earliest instant the value can mean, ms since the epoch (UTC). */
  start: number;
  /** Latest instant the value can mean, ms since the epoch (UTC), inclusive. */
  end: number;
}

const YEAR = /^(\d{4})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})$/;

/** Lower rank sorts first among equal instants: the more precise value comes first. */
const PRECISION_RANK: Record<DatePrecision, number> = { datetime: 0, day: 1, month: 2, year: 3 };

/** Date.UTC, without its mapping of years 0-99 to 1900-1999; months and days may overflow. */
function utc(year: number, month: number, day = 1, h = 0, mi = 0, s = 0, ms = 0): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month, day);
  d.setUTCHours(h, mi, s, ms);
  return d.getTime();
}

function daysInMonth(year: number, month: number): number {
  return new Date(utc(year, month, 0)).getUTCDate();
}

function validMonth(m: number): boolean {
  return m >= 1 && m <= 12;
}

/** Parses a date of the interchange format, or returns an error message naming what is wrong. */
export function parseDate(text: string): ParsedDate | { error: string } {
  const bad = (why: string) => ({ error: `invalid date "${text}": ${why}` });
  if (typeof text !== 'string') return { error: 'a date must be a string' };
  let m: RegExpExecArray | null;
  if ((m = YEAR.exec(text))) {
    const y = Number(m[1]);
    return { text, precision: 'year', start: utc(y, 0, 1), end: utc(y + 1, 0, 1) - 1 };
  }
  if ((m = MONTH.exec(text))) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    if (!validMonth(mo)) return bad('month must be 01 to 12');
    return { text, precision: 'month', start: utc(y, mo - 1, 1), end: utc(y, mo, 1) - 1 };
  }
  if ((m = DAY.exec(text))) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    if (!validMonth(mo)) return bad('month must be 01 to 12');
    if (d < 1 || d > daysInMonth(y, mo)) return bad(`day must be 01 to ${daysInMonth(y, mo)}`);
    return { text, precision: 'day', start: utc(y, mo - 1, d), end: utc(y, mo - 1, d + 1) - 1 };
  }
  if ((m = DATETIME.exec(text))) {
    const [, ys, mos, ds, hs, mis, ss, ms, zone] = m as unknown as string[];
    const y = Number(ys);
    const mo = Number(mos);
    const d = Number(ds);
    const h = Number(hs);
    const mi = Number(mis);
    const s = ss === undefined ? 0 : Number(ss);
    const frac = ms === undefined ? 0 : Number(ms.padEnd(3, '0'));
    if (!validMonth(mo)) return bad('month must be 01 to 12');
    if (d < 1 || d > daysInMonth(y, mo)) return bad(`day must be 01 to ${daysInMonth(y, mo)}`);
    if (h > 23 || mi > 59 || s > 59) return bad('time out of range');
    let offsetMin = 0;
    if (zone !== 'Z') {
      const sign = zone!.startsWith('-') ? -1 : 1;
      const oh = Number(zone!.slice(1, 3));
      const om = Number(zone!.slice(4, 6));
      if (oh > 14 || om > 59) return bad('offset out of range');
      offsetMin = sign * (oh * 60 + om);
    }
    const instant = utc(y, mo - 1, d, h, mi, s, frac) - offsetMin * 60_000;
    // The value names one instant at the precision it was written in (minute, second or ms).
    const unit = ms !== undefined ? 1 : ss !== undefined ? 1000 : 60_000;
    return { text, precision: 'datetime', start: instant, end: instant + unit - 1 };
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text)) {
    return bad('a date-time needs an offset such as Z or -08:00');
  }
  return bad('expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm[:ss]±hh:mm');
}

export function isParsedDate(v: ParsedDate | { error: string }): v is ParsedDate {
  return (v as ParsedDate).start !== undefined;
}

/** Parses a date already validated by the schema; throws on a value that bypassed validation. */
export function mustParseDate(text: string): ParsedDate {
  const p = parseDate(text);
  if (!isParsedDate(p)) throw new Error(p.error);
  return p;
}

/** Orders two dates: earliest instant first, then the more precise value first. */
export function compareDates(a: ParsedDate, b: ParsedDate): number {
  if (a.start !== b.start) return a.start < b.start ? -1 : 1;
  return PRECISION_RANK[a.precision] - PRECISION_RANK[b.precision];
}

export function compareDateTexts(a: string, b: string): number {
  return compareDates(mustParseDate(a), mustParseDate(b));
}
