/**
 * Dates in a report as EDTF: absolute dates as written, relative ones ("on Sunday", "last
 * evening", "this weekend") resolved against the report's publication date into a day or an
 * interval, and dates relative to another date ("two days earlier", "the next day") resolved
 * against the date read before them. Without a publication date only dates that name their year,
 * and dates relative to those, are kept. When the publication date is itself an interval, a
 * relative date is resolved against both ends and the answer spans both readings, so it still
 * holds the true day.
 */
import * as chrono from 'chrono-node';
import rules from './rules/dates.json';
import type { Sentence } from './text';

const DAY = 86_400_000;

interface Phrase {
  re: RegExp;
  days?: number;
  unit?: string;
}

interface Shift {
  re: RegExp;
  shift?: number;
  per?: number;
  unit?: string;
  inSentence?: boolean;
}

const PHRASES: Phrase[] = rules.phrases.map((p) => ({ re: new RegExp(p.pattern, 'giu'), days: p.days, unit: p.unit }));
const SHIFTS: Shift[] = rules.relative.phrases.map((p) => ({
  re: new RegExp(p.pattern, 'giu'),
  shift: p.shift,
  per: p.per,
  unit: p.unit,
  inSentence: p.inSentence,
}));
const NUMBERS: Record<string, number> = rules.relative.numbers;
const IGNORE = new RegExp(rules.ignore.pattern, 'iu');
const YEARS = new RegExp(rules.years.pattern, 'giu');
const LIMIT = new RegExp(rules.limits.pattern, 'iu');
const AHEAD = new RegExp(rules.ahead.pattern, 'iu');
const SAID = new RegExp(rules.said.pattern, 'iu');
const DESCRIBED = new RegExp(rules.described.pattern, 'diu');
const NOT_BEFORE = new Set(rules.described.notBefore);
const FLASHBACK = new RegExp(rules.flashback.pattern, 'iu');
const QUOTE_LEAD = rules.quotations.leadDays * DAY;
const QUOTE_MAX = rules.quotations.maxChars;

/** A found date: where it is written and what it means as [first day, last day] (UTC ms at midnight) plus its precision. */
export interface FoundDate {
  start: number;
  end: number;
  first: number;
  last: number;
  precision: 'day' | 'month' | 'year';
  /** A weekday read forward, the first such day on or after publication: the reading for an announced act ("would suspend ... effective Sunday"). */
  ahead?: { first: number; last: number };
  /** A limit or the day something takes effect ("until Friday", "effective Sunday"): not the day of an act told before it. */
  limit?: boolean;
  /** In a clause told in the past perfect ("had been taken down in August"): a look back, not carried on. */
  flashback?: boolean;
  /** Written right after a saying verb ("said on Sunday"): the day of the saying, not one an announced act takes effect. */
  said?: boolean;
  /** Not read from the text but from the act's tense ("has banned": the days before publication). */
  guessed?: boolean;
  /** Dates the act told after it ("a day after Google removed the app"), not the one before; not carried on. */
  leads?: boolean;
  /**
   * Written after a participle describing a noun ("..., the law signed on April 11"): how many characters before the
   * date the participle starts. The date is that noun's, not an act's told before it, and is not carried on.
   */
  describes?: number;
}

/** A date relative to the one read before it, not yet resolved. */
interface Pending {
  start: number;
  end: number;
  shift: number;
  /** 'month' or 'year': the whole unit that holds the date before ("that month"). */
  unit?: string;
  /** Relative to a date before it in its own sentence only ("on Saturday, a day after Google removed it"). */
  inSentence?: boolean;
}

/** The publication date's first and last day (UTC midnights), or null when not given or unbounded. */
export interface Anchor {
  first: number;
  last: number;
}

const weekday = (ms: number) => new Date(ms).getUTCDay();

// The first month (0-based) of each season, three months long; winter starts in December of the year before.
const SEASONS: Record<string, number> = { spring: 2, summer: 5, autumn: 8, fall: 8, winter: 11 };

/** The last `season` that ended before `day`. */
function lastSeason(season: string, day: number): [number, number] {
  const m = SEASONS[season.toLowerCase()]!;
  for (let y = new Date(day).getUTCFullYear(); ; y--) {
    const first = Date.UTC(y, m - (m === 11 ? 12 : 0), 1);
    const last = Date.UTC(y, m + 3 - (m === 11 ? 12 : 0), 1) - DAY;
    if (last < day) return [first, last];
  }
}

function relativeSpan(p: Phrase, day: number, m: RegExpMatchArray): [number, number] | null {
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
    case 'previous-season':
      return lastSeason(m[1]!, day);
    default:
      return null;
  }
}

interface Span {
  first: number;
  last: number;
  precision: FoundDate['precision'];
  /** For a weekday named alone: which one, and the first such day on or after the anchor day. */
  weekday?: number;
  ahead?: number;
}

function chronoSpan(r: chrono.ParsedResult, day: number | null): Span | null {
  const known = r.start;
  const year = known.isCertain('year');
  const month = known.isCertain('month');
  const dayKnown = known.isCertain('day');
  if (day === null && !year) return null;
  if (IGNORE.test(r.text.trim())) return null;
  const y = known.get('year')!;
  const m = known.get('month')!;
  if (dayKnown) {
    const d = Date.UTC(y, m - 1, known.get('day')!);
    return { first: d, last: d, precision: 'day' };
  }
  if (!month && known.isCertain('weekday')) {
    // A weekday alone: the last such day on or before publication (reports tell what happened).
    const wd = known.get('weekday')!;
    const d = day! - ((weekday(day!) - wd + 7) % 7) * DAY;
    return { first: d, last: d, precision: 'day', weekday: wd, ahead: day! + ((wd - weekday(day!) + 7) % 7) * DAY };
  }
  if (month) {
    // A month without its year ("suspended in August") is the latest such month not after
    // publication: reports tell what has happened, so a month still to come is last year's.
    const year =
      !known.isCertain('year') && day !== null
        ? new Date(day).getUTCFullYear() - (Date.UTC(new Date(day).getUTCFullYear(), m - 1, 1) > day ? 1 : 0)
        : y;
    return { first: Date.UTC(year, m - 1, 1), last: Date.UTC(year, m, 1) - DAY, precision: 'month' };
  }
  if (year) return { first: Date.UTC(y, 0, 1), last: Date.UTC(y + 1, 0, 1) - DAY, precision: 'year' };
  return null;
}

// chrono-node is the costliest step: sentences with no digit and no calendar word are not given to it.
const DATEISH =
  /\d|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|yesterday|today|tonight|\bago\b|\b(?:week|month|year|night|evening|morning|afternoon|summer|winter|spring|autumn)|\blast fall\b/iu;
// The phrases relative to another date all name a unit of time.
const SHIFTISH = /\b(?:day|night|evening|morning|afternoon|week|month|year)s?\b/iu;

/**
 * Every date written in `text` (a sentence), with offsets relative to `text`, and the dates
 * relative to another date, left pending. `pins` maps a weekday to the day the report names it
 * with ("Sunday, January 10"): a bare "Sunday" whose readings span that day is that day.
 */
function scan(text: string, anchor: Anchor | null, pins: Map<number, number>): Array<FoundDate | Pending> {
  const dateish = DATEISH.test(text);
  if (!dateish && !SHIFTISH.test(text)) return [];
  const days = anchor ? [...new Set([anchor.first, anchor.last])] : [null];
  const out: Array<FoundDate | Pending> = [];
  const covered: Array<[number, number]> = [];
  for (const p of SHIFTS) {
    p.re.lastIndex = 0;
    for (const m of text.matchAll(p.re)) {
      const n = p.per === undefined ? (p.shift ?? 0) : (Number(m[1]) || NUMBERS[m[1]!.toLowerCase()] || 0) * p.per;
      out.push({ start: m.index, end: m.index + m[0].length, shift: n, unit: p.unit, inSentence: p.inSentence });
      covered.push([m.index, m.index + m[0].length]);
    }
  }
  for (const p of PHRASES) {
    if (!anchor || !dateish) break;
    p.re.lastIndex = 0;
    for (const m of text.matchAll(p.re)) {
      if (covered.some(([a, b]) => m.index < b && m.index + m[0].length > a)) continue;
      const spans = days.map((d) => relativeSpan(p, d!, m)).filter((s): s is [number, number] => s !== null);
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
  const readings = !dateish
    ? []
    : days.map((d) => chrono.parse(text, { instant: new Date((d ?? Date.UTC(2000, 0, 1)) + DAY / 2), timezone: 0 }));
  readings[0]?.forEach((r, i) => {
    const end = r.index + r.text.length;
    if (covered.some(([a, b]) => r.index < b && end > a)) return;
    const spans: Span[] = [];
    for (let k = 0; k < days.length; k++) {
      const rk = readings[k]![i];
      if (!rk) return;
      const s = chronoSpan(rk, days[k]!);
      if (!s) return;
      spans.push(s);
    }
    const before = text.slice(Math.max(0, r.index - 30), r.index);
    const found: FoundDate = { start: r.index, end, ...merge(spans.map((s) => [s.first, s.last])), precision: spans[0]!.precision };
    const wd = spans[0]!.weekday;
    if (wd !== undefined) {
      const ahead = merge(spans.map((s) => [s.ahead!, s.ahead!]));
      if (AHEAD.test(before) || /^(?:next|this coming)\b/iu.test(r.text)) Object.assign(found, ahead);
      else {
        found.ahead = ahead;
        // The report names this weekday's date elsewhere: a bare mention whose readings span it is that day.
        const pin = pins.get(wd);
        if (pin !== undefined && pin >= found.first && pin <= found.last) found.first = found.last = pin;
      }
    }
    if (LIMIT.test(before)) found.limit = true;
    if (SAID.test(before)) found.said = true;
    const lead = text.slice(Math.max(0, r.index - 60), r.index);
    const dm = DESCRIBED.exec(lead);
    if (dm?.indices?.[2] && !NOT_BEFORE.has(dm[1]!.toLowerCase())) found.describes = lead.length - dm.indices[2][0];
    out.push(found);
  });
  for (const d of out) {
    // The clause of the date: from the last comma, semicolon or colon before it.
    const head = text.slice(0, d.start);
    const from = Math.max(head.lastIndexOf(','), head.lastIndexOf(';'), head.lastIndexOf(':'));
    if (!('shift' in d) && FLASHBACK.test(head.slice(from + 1))) d.flashback = true;
  }
  return out.sort((a, b) => a.start - b.start);
}

function merge(spans: Array<[number, number]>): { first: number; last: number } {
  return { first: Math.min(...spans.map((s) => s[0])), last: Math.max(...spans.map((s) => s[1])) };
}

/** A date relative to `base`: moved by whole days, or widened to the month or year that holds it. */
function shifted(base: FoundDate, d: Pending): Pick<FoundDate, 'first' | 'last' | 'precision'> {
  const b = new Date(base.first);
  if (d.unit === 'month')
    return {
      first: Date.UTC(b.getUTCFullYear(), b.getUTCMonth(), 1),
      last: Date.UTC(b.getUTCFullYear(), b.getUTCMonth() + 1, 1) - DAY,
      precision: 'month',
    };
  if (d.unit === 'year')
    return { first: Date.UTC(b.getUTCFullYear(), 0, 1), last: Date.UTC(b.getUTCFullYear() + 1, 0, 1) - DAY, precision: 'year' };
  return { first: base.first + d.shift * DAY, last: base.last + d.shift * DAY, precision: 'day' };
}

const WEEKDAY_DATE =
  /\b(sun|mon|tues|wednes|thurs|fri|satur)day,?\s+(?:the\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b/giu;
const WEEKDAYS = ['sun', 'mon', 'tues', 'wednes', 'thurs', 'fri', 'satur'];
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * Weekdays the report names with their date ("Sunday, January 10th"), read as that year or the
 * one before, whichever makes the weekday right; a weekday named with two different dates is
 * not pinned.
 */
function pinnedWeekdays(text: string, anchor: Anchor | null): Map<number, number> {
  const pins = new Map<number, number>();
  const clash = new Set<number>();
  if (!anchor) return pins;
  const y = new Date(anchor.last).getUTCFullYear();
  for (const m of text.matchAll(WEEKDAY_DATE)) {
    const wd = WEEKDAYS.indexOf(m[1]!.toLowerCase());
    const month = MONTHS.indexOf(m[2]!.toLowerCase());
    const day = [y, y - 1].map((yy) => Date.UTC(yy, month, Number(m[3]))).find((d) => weekday(d) === wd);
    if (day === undefined) continue;
    if (pins.has(wd) && pins.get(wd) !== day) clash.add(wd);
    pins.set(wd, day);
  }
  for (const wd of clash) pins.delete(wd);
  return pins;
}

/**
 * Quotations in the text as [open, close] offsets: curly marks pair by shape (a paragraph
 * reopened with a mark inside a quotation stays in it), straight marks pair within a line. A
 * mark not closed within QUOTE_MAX characters opens nothing. Linear in the text's length.
 */
function quotations(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let close = -1;
  for (let i = text.indexOf('“'); i >= 0;) {
    if (close < i) close = text.indexOf('”', i);
    if (close < 0) break;
    if (close - i <= QUOTE_MAX) {
      out.push([i, close]);
      i = text.indexOf('“', close);
    } else i = text.indexOf('“', i + 1);
  }
  for (const m of text.matchAll(/"([^"\n]*)"/gu)) if (m[0].length <= QUOTE_MAX) out.push([m.index, m.index + m[0].length - 1]);
  return out.sort((a, b) => a[0] - b[0]);
}

// How many sentences back a date relative to another date looks for that date.
const SHIFT_REACH = 3;

/**
 * The dates of each sentence of one report, with offsets into the report, read once each. A
 * date inside a quotation is resolved against the quotation's possible dates; a date relative to
 * another is resolved against the last date read before it.
 */
export class DateReader {
  private readonly index = new Map<Sentence, number>();
  private readonly memo = new Map<number, FoundDate[]>();
  private readonly raw = new Map<number, Array<FoundDate | Pending>>();
  private readonly quotes: Array<[number, number]>;
  private readonly pins: Map<number, number>;
  private readonly quoteAnchor: Anchor | null;

  constructor(
    private readonly text: string,
    private readonly sents: Sentence[],
    private readonly anchor: Anchor | null,
  ) {
    sents.forEach((s, i) => this.index.set(s, i));
    this.quotes = quotations(text);
    this.pins = pinnedWeekdays(text, anchor);
    this.quoteAnchor = anchor && { first: anchor.first - QUOTE_LEAD, last: anchor.last };
  }

  of(s: Sentence): FoundDate[] {
    return this.at(this.index.get(s)!, 0);
  }

  /** `depth` counts the look-backs that led here: past SHIFT_REACH a relative date with nothing before it in its sentence is left unread, and the answer is not kept. */
  private at(si: number, depth: number): FoundDate[] {
    const had = this.memo.get(si);
    if (had) return had;
    const s = this.sents[si]!;
    const out: FoundDate[] = [];
    let partial = false;
    for (const d of this.scanned(si)) {
      const at = { start: d.start + s.start, end: d.end + s.start };
      if (!('shift' in d)) {
        out.push({ ...d, ...at });
        continue;
      }
      let base = out.filter((x) => !x.limit).pop() ?? null;
      if (!base && d.inSentence) continue;
      if (!base && depth >= SHIFT_REACH) partial = true;
      else base ??= this.before(si, depth);
      if (base) out.push({ ...at, ...shifted(base, d), ...(d.inSentence ? { leads: true } : {}) });
    }
    if (!partial) this.memo.set(si, out);
    return out;
  }

  /** Sentence `si`'s dates as written, offsets relative to it, relative ones pending; read once. */
  private scanned(si: number): Array<FoundDate | Pending> {
    const had = this.raw.get(si);
    if (had) return had;
    const s = this.sents[si]!;
    const sentence = this.text.slice(s.start, s.end);
    const inQuote = this.quotesOver(s).map(([a, b]) => [a - s.start, b - s.start] as const);
    const plain = scan(sentence, this.anchor, this.pins);
    // A quotation may be older than the report: its dates are read against its own, wider, anchor.
    const quoted = inQuote.length ? scan(sentence, this.quoteAnchor, this.pins) : [];
    const isQuoted = (d: { start: number }) => inQuote.some(([a, b]) => d.start > a && d.start < b);
    const all = [...plain.filter((d) => !isQuoted(d)), ...quoted.filter(isQuoted)].sort((a, b) => a.start - b.start);
    this.raw.set(si, all);
    return all;
  }

  /** The quotations that overlap sentence `s`: found by binary search, since the text may hold many. */
  private quotesOver(s: Sentence): Array<[number, number]> {
    let lo = 0;
    let hi = this.quotes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.quotes[mid]![0] < s.end) lo = mid + 1;
      else hi = mid;
    }
    const out: Array<[number, number]> = [];
    for (let k = lo - 1; k >= 0 && this.quotes[k]![0] >= s.start - QUOTE_MAX; k--)
      if (this.quotes[k]![1] > s.start) out.push(this.quotes[k]!);
    return out;
  }

  /** The last date written in the few sentences before sentence `si`, limits left out. */
  private before(si: number, depth: number): FoundDate | null {
    for (let j = si - 1; j >= Math.max(0, si - SHIFT_REACH); j--) {
      const d = this.at(j, depth + 1).filter((x) => !x.limit);
      if (d.length) return d[d.length - 1]!;
    }
    return null;
  }
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
