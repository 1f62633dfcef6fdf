/**
 * The filters shared by the timeline, the graph, paths, chains and exports, and the timeline
 * order. Both stores apply them through these functions so their answers agree.
 */
import { compareDates, mustParseDate, type ParsedDate } from './dates';
import type { Action } from './schemas';
import type { ActionType, Status } from './vocabulary';

export interface ActionFilter {
  types?: ActionType[];
  statuses?: Status[];
  /** Window start (a date of the interchange format); keeps actions whose span reaches it. */
  from?: string;
  /** Window end (a date of the interchange format); keeps actions whose span starts by its end. */
  to?: string;
}

export function hasDateWindow(f: ActionFilter): boolean {
  return f.from !== undefined || f.to !== undefined;
}

export function isEmptyFilter(f: ActionFilter): boolean {
  return !f.types?.length && !f.statuses?.length && !hasDateWindow(f);
}

/** Earliest and latest instants of an action: from its date to its endDate (or its date's end). */
export function actionSpan(a: Pick<Action, 'date' | 'endDate'>): { start: number; end: number } | null {
  if (a.date === undefined) return null;
  const start = cachedParse(a.date);
  const end = a.endDate !== undefined ? cachedParse(a.endDate) : start;
  return { start: start.start, end: Math.max(end.end, start.end) };
}

/** The window as instants: [earliest instant of `from`, latest instant of `to`]. */
export function windowOf(f: ActionFilter): { start: number; end: number } {
  return {
    start: f.from !== undefined ? mustParseDate(f.from).start : -Infinity,
    end: f.to !== undefined ? mustParseDate(f.to).end : Infinity,
  };
}

/** A predicate for the filter, with the window parsed once. */
export function actionPredicate(f: ActionFilter): (a: Action) => boolean {
  const types = f.types?.length ? new Set<string>(f.types) : null;
  const statuses = f.statuses?.length ? new Set<string>(f.statuses) : null;
  const win = hasDateWindow(f) ? windowOf(f) : null;
  return (a) => {
    if (types && !types.has(a.type)) return false;
    if (statuses && !statuses.has(a.status)) return false;
    if (win) {
      const span = actionSpan(a);
      if (!span || span.end < win.start || span.start > win.end) return false;
    }
    return true;
  };
}

/** Timeline order: by date (earliest instant, then the more precise first), then id; undated last. */
export function compareActions(a: Action, b: Action): number {
  return compareActionDates(a.date, b.date) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

const parsedCache = new Map<string, ParsedDate>();
function cachedParse(text: string): ParsedDate {
  let p = parsedCache.get(text);
  if (!p) {
    p = mustParseDate(text);
    if (parsedCache.size > 100_000) parsedCache.clear();
    parsedCache.set(text, p);
  }
  return p;
}

export function compareActionDates(a: string | undefined, b: string | undefined): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  return compareDates(cachedParse(a), cachedParse(b));
}

/**
 * Sorts in place into timeline order (as compareActions), parsing each date once rather than at
 * every comparison: for thousands of actions the comparisons' date lookups were most of the cost.
 */
export function sortTimeline<T extends Action>(actions: T[]): T[] {
  const keyed = actions.map((a) => ({ a, d: a.date === undefined ? null : cachedParse(a.date) }));
  keyed.sort((x, y) => {
    if (x.d === null || y.d === null) {
      if (x.d !== y.d) return x.d === null ? 1 : -1;
    } else {
      const c = compareDates(x.d, y.d);
      if (c) return c;
    }
    return x.a.id < y.a.id ? -1 : x.a.id > y.a.id ? 1 : 0;
  });
  for (let i = 0; i < keyed.length; i++) actions[i] = keyed[i]!.a;
  return actions;
}
