/** Dates shown with the precision they were given in, and other labels. */
import { parseDate, isParsedDate, type DatePrecision } from '../../contract';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SHORT = MONTHS.map((m) => m.slice(0, 3));

const PRECISION_NAME: Record<DatePrecision, string> = { year: 'year', month: 'month', day: 'day', datetime: 'time' };

/**
 * "2021 (year)", "January 2021 (month)", "8 Jan 2021 (day)", "10 Jan 2021 23:59 UTC−08:00":
 * the value as written, never moved to another zone or made more precise than the source.
 */
export function formatDate(text: string | undefined, withPrecision = true): string {
  if (!text) return 'undated';
  const p = parseDate(text);
  if (!isParsedDate(p)) return text;
  const y = text.slice(0, 4);
  const mo = Number(text.slice(5, 7));
  const d = Number(text.slice(8, 10));
  const tag = withPrecision ? ` (${PRECISION_NAME[p.precision]})` : '';
  switch (p.precision) {
    case 'year':
      return `${y}${tag}`;
    case 'month':
      return `${MONTHS[mo - 1]} ${y}${tag}`;
    case 'day':
      return `${d} ${SHORT[mo - 1]} ${y}${tag}`;
    case 'datetime': {
      const time = text.slice(11, 16);
      const zone = text.slice(text.search(/(Z|[+-]\d{2}:\d{2})$/));
      const utc = zone === 'Z' ? 'UTC' : `UTC${zone.replace('-', '\u2212')}`;
      return `${d} ${SHORT[mo - 1]} ${y} ${time} ${utc}`;
    }
  }
}

/** A short form for axes and lists: "8 Jan 2021", "Jan 2021", "2021". */
export function shortDate(text: string | undefined): string {
  return formatDate(text, false);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}
