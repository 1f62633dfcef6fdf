/** Binning of dated actions into days, months or years for the timeline histogram. */
import { isParsedDate, parseDate, type ParsedDate } from '../../../contract';

export type Unit = 'day' | 'month' | 'year';

export interface Bin {
  start: number;
  end: number;
  /** The bin as an interchange date (YYYY-MM-DD, YYYY-MM, YYYY). */
  text: string;
  precise: number;
  imprecise: number;
}

export interface Bins {
  unit: Unit;
  bins: Bin[];
  undated: number;
}

const DAY = 86_400_000;

function floorTo(ms: number, unit: Unit): number {
  const d = new Date(ms);
  if (unit === 'day') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  if (unit === 'month') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  return Date.UTC(d.getUTCFullYear(), 0, 1);
}

function next(ms: number, unit: Unit): number {
  const d = new Date(ms);
  if (unit === 'day') return ms + DAY;
  if (unit === 'month') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  return Date.UTC(d.getUTCFullYear() + 1, 0, 1);
}

/**
 * A date as the histogram places it: a date-time counts on the calendar day it was written in
 * (10 Jan 23:59 −08:00 is 10 Jan), not on its UTC day.
 */
export function binParse(text: string): ParsedDate | null {
  const p = parseDate(text);
  if (!isParsedDate(p)) return null;
  return p.precision === 'datetime' ? { ...p, start: Date.parse(`${text.slice(0, 10)}T00:00:00Z`) } : p;
}

function countBins(from: number, to: number, unit: Unit): number {
  let n = 0;
  for (let t = from; t <= to; t = next(t, unit)) n++;
  return n;
}

export function binText(ms: number, unit: Unit): string {
  const iso = new Date(ms).toISOString();
  return unit === 'day' ? iso.slice(0, 10) : unit === 'month' ? iso.slice(0, 7) : iso.slice(0, 4);
}

/** Bins for the dates given (undefined: undated); a date less precise than the unit is "imprecise". */
export function binDates(dates: (string | undefined)[]): Bins {
  const parsed = dates.map((d) => (d ? binParse(d) : null));
  const dated = parsed.filter((p): p is NonNullable<typeof p> => p !== null);
  const undated = parsed.length - dated.length;
  if (dated.length === 0) return { unit: 'day', bins: [], undated };
  const min = Math.min(...dated.map((p) => p.start));
  const max = Math.max(...dated.map((p) => p.start));
  const days = (max - min) / DAY;
  const unit: Unit = days <= 120 ? 'day' : days <= 365 * 6 ? 'month' : 'year';
  const bins: Bin[] = [];
  // A short span is widened so that a single date does not fill the whole strip.
  const MIN_BINS = { day: 14, month: 6, year: 5 }[unit];
  let first = floorTo(min, unit);
  let last = max;
  for (let n = countBins(first, last, unit), before = true; n < MIN_BINS; n++, before = !before) {
    if (before) first = floorTo(first - 1, unit);
    else last = next(floorTo(last, unit), unit);
  }
  for (let t = first; t <= last; t = next(t, unit))
    bins.push({ start: t, end: next(t, unit) - 1, text: binText(t, unit), precise: 0, imprecise: 0 });
  const rank = { year: 3, month: 2, day: 1, datetime: 0 } as const;
  const unitRank = { year: 3, month: 2, day: 1 } as const;
  for (const p of dated) {
    const i = bins.findIndex((b) => p.start >= b.start && p.start <= b.end);
    const bin = bins[i];
    if (!bin) continue;
    if (rank[p.precision] > unitRank[unit]) bin.imprecise++;
    else bin.precise++;
  }
  return { unit, bins, undated };
}
