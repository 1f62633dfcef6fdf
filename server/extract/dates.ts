/**
 * Dates in a sentence as EDTF: absolute dates as written, relative ones ("on Sunday", "last
 * evening", "this weekend") resolved against the report's publication date into a day or an
 * interval. Without a publication date only dates that name their year are kept. When the
 * publication date is itself an interval, a relative date is resolved against both ends and the
 * answer spans both readings, so it still holds the true day.
 */
import * as chrono from 'chrono-node';
import rules from './rules/dates.json';

const DAY = 86_400_000;

interface Phrase {
  re: RegExp;
  days?: number;
  unit?: string;
}

const PHRASES: Phrase[] = rules.phrases.map((p) => ({ re: new RegExp(p.pattern, 'giu'), days: p.days, unit: p.unit }));
const IGNORE = new RegExp(rules.ignore.pattern, 'iu');
const YEARS = new RegExp(rules.years.pattern, 'giu');

/** A found date: where it is written and what it means as [first day, last day] (UTC ms at midnight) plus its precision. */
export interface FoundDate {
  start: number;
  end: number;
  first: number;
  last: number;
  precision: 'day' | 'month' | 'year';
}

/** The publication date's first and last day (UTC midnights), or null when not given or unbounded. */
export interface Anchor {
  first: number;
  last: number;
}

const weekday = (ms: number) => new Date(ms).getUTCDay();

function relativeSpan(p: Phrase, day: number): [number, number] | null {
  if (p.days !== undefined) return [day + p.days * DAY, day + p.days * DAY];
  const wd = weekday(day);
  switch (p.unit) {
    case 'weekend': {
      // Saturday or Sunday: that weekend; otherwise the one just past.
      const sat = wd === 6 ? day : wd === 0 ? day - DAY : day - (wd + 1) * DAY;
      return [sat, sat + DAY];
    }
    case 'previous-week': {
      const monday = day - ((wd + 6) % 7) * DAY;
      return [monday - 7 * DAY, monday - DAY];
    }
    case 'this-week-so-far': {
      const monday = day - ((wd + 6) % 7) * DAY;
      return [monday, day];
    }
    case 'previous-month': {
      const d = new Date(day);
      const first = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1);
      return [first, Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) - DAY];
    }
    default:
      return null;
  }
}

function chronoSpan(r: chrono.ParsedResult, day: number | null): FoundDate['precision'] | [number, number, FoundDate['precision']] | null {
  const known = r.start;
  const year = known.isCertain('year');
  const month = known.isCertain('month');
  const dayKnown = known.isCertain('day');
  if (day === null && !year) return null;
  if (IGNORE.test(r.text.trim())) return null;
  const y = known.get('year')!;
  const m = known.get('month')!;
  if (dayKnown || (!month && known.isCertain('weekday'))) {
    let d: number;
    if (!dayKnown) {
      // A weekday alone: the last such day on or before publication (reports tell what happened).
      const wd = known.get('weekday')!;
      d = day! - ((weekday(day!) - wd + 7) % 7) * DAY;
    } else {
      d = Date.UTC(y, m - 1, known.get('day')!);
    }
    return [d, d, 'day'];
  }
  if (month) {
    // A month without its year ("suspended in August") is the latest such month not after
    // publication: reports tell what has happened, so a month still to come is last year's.
    const year =
      !known.isCertain('year') && day !== null
        ? new Date(day).getUTCFullYear() - (Date.UTC(new Date(day).getUTCFullYear(), m - 1, 1) > day ? 1 : 0)
        : y;
    return [Date.UTC(year, m - 1, 1), Date.UTC(year, m, 1) - DAY, 'month'];
  }
  if (year) return [Date.UTC(y, 0, 1), Date.UTC(y + 1, 0, 1) - DAY, 'year'];
  return null;
}

// chrono-node is the costliest step: sentences with no digit and no calendar word are not given to it.
const DATEISH =
  /\d|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|yesterday|today|tonight|\bago\b|\b(?:week|month|year|night|evening|morning|afternoon)/iu;

/** Every date written in `text` (a sentence), with offsets relative to `text`. */
export function findDates(text: string, anchor: Anchor | null): FoundDate[] {
  if (!DATEISH.test(text)) return [];
  const days = anchor ? [...new Set([anchor.first, anchor.last])] : [null];
  const out: FoundDate[] = [];
  const covered: Array<[number, number]> = [];
  for (const p of PHRASES) {
    if (!anchor) break;
    p.re.lastIndex = 0;
    for (const m of text.matchAll(p.re)) {
      const spans = days.map((d) => relativeSpan(p, d!)).filter((s): s is [number, number] => s !== null);
      if (!spans.length) continue;
      out.push({ start: m.index, end: m.index + m[0].length, ...merge(spans), precision: 'day' });
      covered.push([m.index, m.index + m[0].length]);
    }
  }
  for (const m of text.matchAll(YEARS)) {
    const y = Number(m[1]);
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      first: Date.UTC(y, 0, 1),
      last: Date.UTC(y + 1, 0, 1) - DAY,
      precision: 'year',
    });
    covered.push([m.index, m.index + m[0].length]);
  }
  const readings = days.map((d) => chrono.parse(text, { instant: new Date((d ?? Date.UTC(2000, 0, 1)) + DAY / 2), timezone: 0 }));
  readings[0]!.forEach((r, i) => {
    const end = r.index + r.text.length;
    if (covered.some(([a, b]) => r.index < b && end > a)) return;
    const spans: Array<[number, number]> = [];
    let precision: FoundDate['precision'] = 'day';
    for (let k = 0; k < days.length; k++) {
      const rk = readings[k]![i];
      if (!rk) return;
      const s = chronoSpan(rk, days[k]!);
      if (!s || typeof s === 'string') return;
      spans.push([s[0], s[1]]);
      precision = s[2];
    }
    out.push({ start: r.index, end, ...merge(spans), precision });
  });
  return out.sort((a, b) => a.start - b.start);
}

function merge(spans: Array<[number, number]>): { first: number; last: number } {
  return { first: Math.min(...spans.map((s) => s[0])), last: Math.max(...spans.map((s) => s[1])) };
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** EDTF for a found date: a day, a month, a year, or an interval of days. */
export function edtf(d: Pick<FoundDate, 'first' | 'last' | 'precision'>): string {
  if (d.precision === 'year' && iso(d.first).endsWith('-01-01')) {
    const y = iso(d.first).slice(0, 4);
    if (iso(d.last) === `${y}-12-31`) return y;
  }
  if (d.precision === 'month') {
    const m = iso(d.first).slice(0, 7);
    if (iso(d.last).slice(0, 7) === m) return m;
  }
  return d.first === d.last ? iso(d.first) : `${iso(d.first)}/${iso(d.last)}`;
}

/** Adds `days` to a found date (a deadline "24 hours" after a notice). */
export function later(d: FoundDate, days: number): Pick<FoundDate, 'first' | 'last' | 'precision'> {
  return { first: d.first, last: d.last + days * DAY, precision: 'day' };
}
