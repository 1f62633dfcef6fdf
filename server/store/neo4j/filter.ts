/** The parameters of the Cypher prefilter (`ACTION_PASSES` in cypher.ts) for an ActionFilter. */
import neo4j, { type Integer } from 'neo4j-driver';
import { hasDateWindow, windowOf, type ActionFilter } from '../../../contract';

export type FilterParams = {
  types: string[] | null;
  statuses: string[] | null;
  windowStart: Integer | null;
  windowEnd: Integer | null;
  datedOnly: boolean;
};

export function filterParams(filter: ActionFilter, datedOnly = false): FilterParams {
  const win = hasDateWindow(filter) ? windowOf(filter) : null;
  const instant = (ms: number | undefined) => (ms === undefined || !Number.isFinite(ms) ? null : neo4j.int(ms));
  return {
    types: filter.types?.length ? [...filter.types] : null,
    statuses: filter.statuses?.length ? [...filter.statuses] : null,
    windowStart: instant(win?.start),
    windowEnd: instant(win?.end),
    datedOnly,
  };
}
