/**
 * `asOf` of GET /api/export: the whole dataset as it was at a change number, or at the last change
 * made at or before a time. Only the unfiltered JSON export goes back in time, the one a release
 * freezes and a paper cites; the other formats and filters answer 400 with it.
 */
import type { InterchangeDocument } from '../../../contract';
import type { GraphStore } from '../../store/types';
import { badRequest } from '../errors';

export const CHANGE_HEADER = 'X-Dataset-Change';

export async function documentAsOf(
  store: GraphStore,
  asOf: { change: number } | { time: string },
): Promise<{ change: number; doc: InterchangeDocument }> {
  const current = await store.changeNumber();
  const change = 'change' in asOf ? asOf.change : await store.changeAt(asOf.time);
  if (change > current) {
    throw badRequest(`invalid query: asOf ${change} is after the current change ${current}`, [
      `asOf: is after the current change ${current}`,
    ]);
  }
  const start = await store.historyStart();
  // Data older than the history (a data folder from before it began) cannot be rolled back to.
  const earliest = start === null ? current : start - 1;
  if (change < earliest) {
    const what =
      'time' in asOf ? `${asOf.time} is before the history begins (change ${earliest})` : `the history begins at change ${earliest}`;
    throw badRequest(`invalid query: asOf cannot be rebuilt: ${what}`, [`asOf: ${what}`]);
  }
  return { change, doc: await store.exportAsOf(change) };
}
