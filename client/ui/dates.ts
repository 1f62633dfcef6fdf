/**
 * An action's date as an element: the value as written, its zone, and marks for an approximate
 * (`~`, its span widened) or uncertain (`?`) date, so a reader never takes either for exact.
 */
import { isParsedDate } from '../../contract';
import { parseDateOnce } from './parsed-dates';
import { h } from './dom';
import { formatDate } from './format';

export function dateMarks(date: string | undefined, timezone?: string): { uncertain: boolean; approximate: boolean } {
  const p = date ? parseDateOnce(date, timezone) : null;
  return p && isParsedDate(p) ? { uncertain: p.uncertain, approximate: p.approximate } : { uncertain: false, approximate: false };
}

export function dateElement(date: string | undefined, timezone: string | undefined): HTMLSpanElement {
  if (!date) return h('span', { class: 'when undated' }, 'undated');
  const { uncertain, approximate } = dateMarks(date, timezone);
  return h(
    'span',
    { class: 'when', 'data-date': date, title: `as given: ${date}${timezone ? ` in ${timezone}` : ' (no zone: UTC)'}` },
    formatDate(date, false, false),
    approximate
      ? h('span', { class: 'date-mark approximate', title: 'approximate: the span is widened by one unit on each side' }, ' ~')
      : null,
    uncertain ? h('span', { class: 'date-mark uncertain', title: 'uncertain: the source is not sure of this date' }, ' ?') : null,
    timezone ? h('span', { class: 'zone' }, ` ${timezone}`) : null,
  );
}
