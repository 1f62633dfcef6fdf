/** Dates shown with the precision they were given in, and other labels. */
import { isParsedDate, type DatePrecision } from '../../contract';
import { parseDateOnce } from './parsed-dates';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SHORT = MONTHS.map((m) => m.slice(0, 3));

const PRECISION_NAME: Record<DatePrecision, string> = { year: 'year', month: 'month', day: 'day', datetime: 'time' };

const DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;

/** One end of a value, with its qualifier (`~`, `?`, `%`) kept as a mark after it. */
function formatEnd(raw: string, marks: boolean): string {
  if (raw === '') return 'unknown';
  if (raw === '..') return 'open';
  const mark = /[?~%]$/.test(raw) ? raw.slice(-1) : '';
  const v = mark ? raw.slice(0, -1) : raw;
  let out = v;
  if (/^\d{4}$/.test(v)) out = v;
  else if (/^\d{4}-\d{2}$/.test(v)) out = `${MONTHS[Number(v.slice(5, 7)) - 1] ?? v.slice(5, 7)} ${v.slice(0, 4)}`;
  else if (/^\d{4}-\d{2}-\d{2}$/.test(v)) out = `${Number(v.slice(8, 10))} ${SHORT[Number(v.slice(5, 7)) - 1]} ${v.slice(0, 4)}`;
  else {
    const m = DATETIME.exec(v);
    if (m) {
      const zone = m[6] === undefined ? '' : m[6] === 'Z' ? ' UTC' : ` UTC${m[6].replace('-', '\u2212')}`;
      out = `${Number(m[3])} ${SHORT[Number(m[2]) - 1]} ${m[1]} ${m[4]}${m[5] ?? ''}${zone}`;
    }
  }
  return marks ? out + mark : out;
}

/**
 * "2021 (year)", "January 2021 (month)", "8 Jan 2021 (day)", "10 Jan 2021 23:59 UTC−08:00",
 * "9 Jan 2021 – 10 Jan 2021": the value as written, never moved to another zone or made more
 * precise than the source; an interval's ends as given (open or unknown), qualifiers kept.
 */
export function formatDate(text: string | undefined, withPrecision = true, marks = true): string {
  if (!text) return 'undated';
  const p = parseDateOnce(text);
  if (!isParsedDate(p)) return text;
  const tag = withPrecision ? ` (${PRECISION_NAME[p.precision]})` : '';
  if (p.interval) {
    const [a = '', b = ''] = text.split('/');
    return `${formatEnd(a, marks)} – ${formatEnd(b, marks)}${tag}`;
  }
  return `${formatEnd(text, marks)}${p.precision === 'datetime' ? '' : tag}`;
}

/** The date as shown with its zone: "9 Jan 2021 – 10 Jan 2021 (America/Los_Angeles)". */
export function formatWhen(date: string | undefined, timezone: string | undefined): string {
  if (!date) return 'undated';
  return `${formatDate(date, false)}${timezone ? ` (${timezone})` : ''}`;
}

/** "1 d 23 h 59 min", "7 h", "under a minute": a length of time to the minute. */
export function formatDuration(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  if (minutes === 0) return 'under a minute';
  const d = Math.floor(minutes / 1440);
  const hr = Math.floor((minutes % 1440) / 60);
  const min = minutes % 60;
  return [d ? `${d} d` : '', hr ? `${hr} h` : '', min ? `${min} min` : ''].filter(Boolean).join(' ');
}

/** A short form for axes and lists: "8 Jan 2021", "Jan 2021", "2021". */
export function shortDate(text: string | undefined): string {
  return formatDate(text, false);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}
