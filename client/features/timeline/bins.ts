/** Binning of dated actions into days, months or years for the timeline histogram. */
import { isParsedDate, type ParsedDate } from '../../../contract';
import { parseDateOnce } from '../../ui/parsed-dates';

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

/** Where the histogram places a date: its local span (wall-clock ms), with its precision. */
export interface Placed {
  start: number;
  end: number;
  precision: ParsedDate['precision'];
}

/**
 * A date as the histogram places it: on the local days it means in its zone (a date-time on the
 * calendar day of its own offset: 10 Jan 23:59 −08:00 is 10 Jan), as the server's local-day
 * windows read it. An open end takes the bounded one.
 */
export function binParse(text: string, zone?: string): Placed | null {
  const p = parseDateOnce(text, zone);
  if (!isParsedDate(p)) return null;
  const { start, end } = p.local;
  const s = Number.isFinite(start) ? start : end;
  const e = Number.isFinite(end) ? end : start;
  return { start: s, end: e, precision: p.precision };
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

/** Bins for the dates given (no date: undated); a date less precise than the unit is "imprecise". */
export function binDates(dates: { date?: string; timezone?: string }[]): Bins {
  const parsed = dates.map((d) => (d.date ? binParse(d.date, d.timezone) : null));
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
