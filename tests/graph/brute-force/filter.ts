/**
 * The shared filters for the oracles: types and statuses, and a date window of local days (v2)
 * that keeps an action whose span, read on the wall clock where it happened, touches the window;
 * an undated action has no span, so any window drops it.
 */
import type { Action, ActionFilter } from '../../../contract';
import { localMeaning, meaning } from './dates';

export function passesFilter(a: Action, f: ActionFilter): boolean {
  if (f.types?.length && !f.types.includes(a.type)) return false;
  if (f.statuses?.length && !f.statuses.includes(a.status)) return false;
  if (f.from === undefined && f.to === undefined) return true;
  if (a.date === undefined) return false;
  // v2: the window is local days, compared with the action's span read on its own wall clock.
  const { first: spanFirst, last: spanLast } = localMeaning(a.date);
  if (f.from !== undefined && spanLast < meaning(f.from).first) return false;
  if (f.to !== undefined && spanFirst > meaning(f.to).last) return false;
  return true;
}
