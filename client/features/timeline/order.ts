/**
 * The one order of dated actions, shared by the span strip and by Play: earliest instant first,
 * then earliest end, then id. Play used to sort by instants and the strip by local days, so a
 * late-evening date-time west of UTC could play after a day it is drawn before.
 */
export interface Timed {
  id: string;
  start?: number | null;
  end?: number | null;
}

export function timelineOrder(a: Timed, b: Timed): number {
  const sa = a.start ?? -Infinity;
  const sb = b.start ?? -Infinity;
  if (sa !== sb) return sa < sb ? -1 : 1;
  const ea = a.end ?? Infinity;
  const eb = b.end ?? Infinity;
  if (ea !== eb) return ea < eb ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Whether two actions share one span (Play shows them in one step). */
export const sameSpan = (a: Timed, b: Timed): boolean =>
  (a.start ?? -Infinity) === (b.start ?? -Infinity) && (a.end ?? Infinity) === (b.end ?? Infinity);
