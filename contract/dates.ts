// The client program does not include contract/*.d.ts by its globs; the reference brings the edtf types along.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./edtf.d.ts" />
/**
 * Dates of interchange v2: the EDTF level 1 subset the spec accepts, parsed by the `edtf` package,
 * read in a time zone with luxon. Every value means an interval of instants [start, end] (ms,
 * inclusive); an open or unknown end is −∞ or +∞. A calendar value is a run of local days in the
 * zone (UTC when none is given); a date-time with an offset is that instant, one without an offset
 * is wall-clock time in the zone. `~` and `%` widen the span by one unit of its precision on each
 * side; `?` keeps it and is only flagged.
 *
 * Besides the instant span, each value has a local span: the same span read as wall-clock time
 * (in the zone, or in a date-time's own offset when no zone is given), as ms of a UTC-based clock.
 * Local-day windows compare against it.
 */
import { parse as parseEdtf, type EdtfDateNode, type EdtfIntervalNode, type EdtfNode } from 'edtf';
import { DateTime, IANAZone } from 'luxon';

/** The unit a value was written to: `datetime` covers minutes, seconds and milliseconds. */
export type DatePrecision = 'year' | 'month' | 'day' | 'datetime';

export interface Span {
  start: number;
  end: number;
}

export interface ParsedDate extends Span {
  /** The value exactly as given. */
  text: string;
  /** The precision of its first bounded end. */
  precision: DatePrecision;
  /** start/end: earliest and latest instant (UTC ms), ±Infinity for an open or unknown end. */
  /** The span read as wall-clock time in the zone (or the value's own offset). */
  local: Span;
  /** Some part is marked `?` (or `%`). */
  uncertain: boolean;
  /** Some part is marked `~` (or `%`), and its span widened for it. */
  approximate: boolean;
  /** The value is an interval `a/b`. */
  interval: boolean;
}

export const DEFAULT_ZONE = 'UTC';

export function isValidZone(zone: string): boolean {
  return typeof zone === 'string' && zone.length <= 100 && IANAZone.isValidZone(zone);
}

/** Date.UTC, without its mapping of years 0-99 to 1900-1999; months and days may overflow. */
function utc(year: number, month: number, day = 1, h = 0, mi = 0, s = 0, ms = 0): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month, day);
  d.setUTCHours(h, mi, s, ms);
  return d.getTime();
}

function daysInMonth(year: number, month0: number): number {
  return new Date(utc(year, month0 + 1, 0)).getUTCDate();
}

const YEAR_BITS = 0b1111;
const MONTH_BITS = 0b110000;
const DAY_BITS = 0b11000000;

interface EndSpan {
  instant: Span;
  local: Span;
  precision: DatePrecision;
  uncertain: boolean;
  approximate: boolean;
}

/** The instant a wall-clock time (ms of a UTC-based clock) names in `zone`; a skipped hour moves forward. */
function wallToInstant(wall: number, zone: string): number {
  if (zone === 'UTC' || !Number.isFinite(wall)) return wall;
  const d = new Date(wall);
  const t = DateTime.fromObject(
    {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
      millisecond: d.getUTCMilliseconds(),
    },
    { zone },
  );
  return t.toMillis();
}

/** The wall-clock reading (ms of a UTC-based clock) of an instant in `zone`. */
function instantToWall(instant: number, zone: string): number {
  if (zone === 'UTC' || !Number.isFinite(instant)) return instant;
  return instant + DateTime.fromMillis(instant, { zone }).offset * 60_000;
}

/** One bounded end of a value: its span, or a message saying what is wrong. */
function endSpan(node: EdtfDateNode, zone: string | undefined): EndSpan | string {
  const v = node.values;
  const unspecified = node.unspecified ?? 0;
  const y = v[0]!;
  if (!Number.isInteger(y) || y < 0 || y > 9999) return 'the year must have four digits (0000 to 9999)';
  const approximate = node.approximate === true;
  const uncertain = node.uncertain === true;
  if (v.length > 3) {
    const [, mo, d, h, mi, s, ms] = v as [number, number, number, number, number, number?, number?];
    if (d > daysInMonth(y, mo)) return `day must be 01 to ${daysInMonth(y, mo)}`;
    if (h > 23) return 'time out of range (hours 00 to 23)';
    const wall = utc(y, mo, d, h, mi, s ?? 0, ms ?? 0);
    const unit = ms !== undefined ? 1 : s !== undefined ? 1000 : 60_000;
    if (node.timeZone !== undefined) {
      const offsetMs = (node.offset ?? 0) * 60_000;
      if (Math.abs(offsetMs) > 14 * 3_600_000) return 'offset out of range';
      const instant = { start: wall - offsetMs, end: wall - offsetMs + unit - 1 };
      const local = zone
        ? { start: instantToWall(instant.start, zone), end: instantToWall(instant.start, zone) + unit - 1 }
        : { start: wall, end: wall + unit - 1 };
      return { instant, local, precision: 'datetime', uncertain, approximate };
    }
    const z = zone ?? DEFAULT_ZONE;
    const start = wallToInstant(wall, z);
    return {
      instant: { start, end: start + unit - 1 },
      local: { start: wall, end: wall + unit - 1 },
      precision: 'datetime',
      uncertain,
      approximate,
    };
  }
  const monthGiven = v.length >= 2 && !(unspecified & MONTH_BITS);
  const dayGiven = v.length >= 3 && !(unspecified & DAY_BITS);
  const precision: DatePrecision = dayGiven && monthGiven ? 'day' : monthGiven ? 'month' : 'year';
  // Unspecified year digits (202X) widen the years: X runs from 0 to 9.
  let yMin = y;
  let yMax = y;
  if (unspecified & YEAR_BITS) {
    const digits = String(y).padStart(4, '0').split('');
    yMin = Number(digits.map((c, i) => (unspecified & (1 << i) ? '0' : c)).join(''));
    yMax = Number(digits.map((c, i) => (unspecified & (1 << i) ? '9' : c)).join(''));
  }
  const w = approximate ? 1 : 0;
  let start: number;
  let end: number;
  if (precision === 'year') {
    start = utc(yMin - w, 0, 1);
    end = utc(yMax + 1 + w, 0, 1) - 1;
  } else if (precision === 'month') {
    start = utc(y, v[1]! - w, 1);
    end = utc(y, v[1]! + 1 + w, 1) - 1;
  } else {
    if (v[2]! > daysInMonth(y, v[1]!)) return `day must be 01 to ${daysInMonth(y, v[1]!)}`;
    start = utc(y, v[1]!, v[2]! - w);
    end = utc(y, v[1]!, v[2]! + 1 + w) - 1;
  }
  const z = zone ?? DEFAULT_ZONE;
  const instant = { start: wallToInstant(start, z), end: wallToInstant(end + 1, z) - 1 };
  return { instant, local: { start, end }, precision, uncertain, approximate };
}

const TIME_PART = /T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/;

const ACCEPTED =
  'expected EDTF such as 2021, 2021-01, 2021-01-10, 2021-01-10T23:59-08:00, 2021-01-XX, 2021-01-10~, 2021-01-09/2021-01-10 or 2021-01-11/..';

/**
 * Parses a date of the interchange format as read in `zone` (an IANA name; UTC when absent), or
 * returns an error message naming what is wrong. Values parsed before are answered from memory:
 * the EDTF parser takes about half a millisecond a value, so validating an import of 30,000 actions
 * held the event loop for seconds, while a graph holds few distinct dates.
 */
export function parseDate(text: string, zone?: string): ParsedDate | { error: string } {
  const key = typeof text === 'string' && text.length <= 100 ? cacheKey(text, zone) : null;
  const known = key === null ? undefined : parsedCache.get(key);
  // A copy: the caller may keep or change it, the remembered value must not change.
  if (known) return { ...known, local: { ...known.local } };
  const r = parseDateAnew(text, zone);
  if (key !== null && isParsedDate(r)) remember(key, { ...r, local: { ...r.local } });
  return r;
}

function parseDateAnew(text: string, zone?: string): ParsedDate | { error: string } {
  if (typeof text !== 'string') return { error: 'a date must be a string' };
  const bad = (why: string) => ({ error: `invalid date "${text.length > 60 ? text.slice(0, 60) + '…' : text}": ${why}` });
  if (text.length > 100) return bad('too long');
  if (zone !== undefined && !isValidZone(zone)) return bad(`unknown time zone "${zone}"`);
  // The spec writes an offset as Z or ±hh:mm; the parser would also take ±hhmm and ±hh.
  if (text.split('/').some((part) => part.includes('T') && !TIME_PART.test(part))) {
    return bad('a time is hh:mm[:ss[.sss]], with an offset written Z or ±hh:mm (or none)');
  }
  let node: EdtfNode;
  try {
    // The parser reads a fraction's digits as milliseconds (".5" as 5 ms): padded, ".5" is 500 ms.
    node = parseEdtf(
      text.replace(/(:\d{2})\.(\d{1,2})(?=$|[Z+\-/])/g, (_m, sec: string, frac: string) => `${sec}.${frac.padEnd(3, '0')}`),
      { level: 1 },
    );
  } catch {
    return bad(ACCEPTED);
  }
  if (node.type === 'Date') {
    const e = endSpan(node as EdtfDateNode, zone);
    if (typeof e === 'string') return bad(e);
    return {
      text,
      ...e.instant,
      local: e.local,
      precision: e.precision,
      uncertain: e.uncertain,
      approximate: e.approximate,
      interval: false,
    };
  }
  if (node.type === 'Interval') {
    const [lo, hi] = (node as EdtfIntervalNode).values;
    // An open end (`..`) comes as ±Infinity, an unknown one as null: both are unbounded.
    const a = lo !== null && typeof lo === 'object' ? endSpan(lo, zone) : null;
    const b = hi !== null && typeof hi === 'object' ? endSpan(hi, zone) : null;
    if (typeof a === 'string') return bad(`start: ${a}`);
    if (typeof b === 'string') return bad(`end: ${b}`);
    if (!a && !b) return bad('an interval needs at least one bounded end');
    if (a && b && b.instant.end < a.instant.start) return bad('the end is before the start');
    return {
      text,
      start: a ? a.instant.start : -Infinity,
      end: b ? b.instant.end : Infinity,
      local: { start: a ? a.local.start : -Infinity, end: b ? b.local.end : Infinity },
      precision: (a ?? b)!.precision,
      uncertain: !!(a?.uncertain || b?.uncertain),
      approximate: !!(a?.approximate || b?.approximate),
      interval: true,
    };
  }
  return bad(`${node.type.toLowerCase()} values are not accepted; ${ACCEPTED}`);
}

export function isParsedDate(v: ParsedDate | { error: string }): v is ParsedDate {
  return (v as ParsedDate).start !== undefined;
}

const parsedCache = new Map<string, ParsedDate>();

function cacheKey(text: string, zone: string | undefined): string {
  return zone === undefined ? text : `${zone}\u0000${text}`;
}

function remember(key: string, p: ParsedDate): void {
  if (parsedCache.size > 100_000) parsedCache.clear();
  parsedCache.set(key, p);
}

/** Parses a date already validated by the schema (remembered); throws on a value that bypassed validation. */
export function mustParseDate(text: string, zone?: string): ParsedDate {
  const key = cacheKey(text, zone);
  let p = parsedCache.get(key);
  if (!p) {
    const r = parseDateAnew(text, zone);
    if (!isParsedDate(r)) throw new Error(r.error);
    remember(key, (p = r));
  }
  return p;
}

/** Orders two dates: earliest instant first, then earliest latest instant. */
export function compareDates(a: Span, b: Span): number {
  if (a.start !== b.start) return a.start < b.start ? -1 : 1;
  if (a.end !== b.end) return a.end < b.end ? -1 : 1;
  return 0;
}

export function compareDateTexts(a: string, b: string): number {
  return compareDates(mustParseDate(a), mustParseDate(b));
}

/** A span as JSON carries it: an unbounded end is null. */
export function spanJson(s: Span): { start: number | null; end: number | null } {
  return { start: Number.isFinite(s.start) ? s.start : null, end: Number.isFinite(s.end) ? s.end : null };
}
