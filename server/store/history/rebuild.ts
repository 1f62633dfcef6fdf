/**
 * The dataset as it was at an earlier change: today's whole export with the changes since rolled
 * back, newest first, each record put back as it was before (or dropped where it was created).
 * Ordered as the stores order an unfiltered export (ids; timeline with responses after their
 * targets), so the bytes equal those of the export taken then.
 */
import { INTERCHANGE_FORMAT, sortTimeline, type HistoryRecordKind, type InterchangeDocument } from '../../../contract';
import { sortById } from '../answers';
import type { HistoryEntry } from './entry';

type Keyed = { id: string };

export function rollBack(now: InterchangeDocument, newestFirst: Iterable<HistoryEntry>): InterchangeDocument {
  const maps: Record<HistoryRecordKind, Map<string, Keyed>> = {
    actor: new Map((now.actors ?? []).map((r) => [r.id, r])),
    source: new Map((now.sources ?? []).map((r) => [r.id, r])),
    episode: new Map((now.episodes ?? []).map((r) => [r.id, r])),
    action: new Map((now.actions ?? []).map((r) => [r.id, r])),
  };
  for (const entry of newestFirst) {
    // Within a change a record appears once, but undo in reverse all the same.
    for (let i = entry.records.length - 1; i >= 0; i--) {
      const r = entry.records[i]!;
      if (r.before === null) maps[r.kind].delete(r.id);
      else maps[r.kind].set(r.id, r.before as unknown as Keyed);
    }
  }
  const all = <T>(kind: HistoryRecordKind) => [...maps[kind].values()] as unknown as T[];
  return {
    format: INTERCHANGE_FORMAT,
    actors: sortById(all<NonNullable<InterchangeDocument['actors']>[number]>('actor')),
    sources: sortById(all<NonNullable<InterchangeDocument['sources']>[number]>('source')),
    episodes: sortById(all<NonNullable<InterchangeDocument['episodes']>[number]>('episode')),
    actions: sortTimeline(all<NonNullable<InterchangeDocument['actions']>[number]>('action')),
  };
}
