/**
 * The shared filters of api-v1 for the oracles: types and statuses, and a date window that keeps
 * an action whose span (its date to its endDate, or its date's own end) touches the window; an
 * undated action has no span, so any window drops it.
 */
import type { Action, ActionFilter } from '../../../contract';
import { meaning } from './dates';

export function passesFilter(a: Action, f: ActionFilter): boolean {
  if (f.types?.length && !f.types.includes(a.type)) return false;
  if (f.statuses?.length && !f.statuses.includes(a.status)) return false;
  if (f.from === undefined && f.to === undefined) return true;
  if (a.date === undefined) return false;
  // An interval a/b (v1's date and endDate) runs from a's first instant to b's last.
  const [first, last = first] = a.date.split('/') as [string, string?];
  const spanFirst = meaning(first).first;
  const spanLast = Math.max(meaning(first).last, meaning(last).last);
  if (f.from !== undefined && spanLast < meaning(f.from).first) return false;
  if (f.to !== undefined && spanFirst > meaning(f.to).last) return false;
  return true;
}
