/**
 * The dataset's history: every write is one change with a number, an author, a time, an optional
 * message and the records it changed (before and after). The change number is the dataset's
 * version; exports and /api/health carry it.
 */
import { z } from 'zod';

export const RECORD_KINDS = ['actor', 'source', 'episode', 'action'] as const;
export type HistoryRecordKind = (typeof RECORD_KINDS)[number];

/** How long a change message may be; longer is refused rather than cut. */
export const CHANGE_MESSAGE_MAX = 500;
/** The largest page of GET /api/history. */
export const HISTORY_PAGE_MAX = 100;
/** Of a change touching many records (an import), the API shows this many with before and after. */
export const HISTORY_RECORDS_SHOWN = 50;

export const ChangedRecordSchema = z.object({
  kind: z.enum(RECORD_KINDS),
  id: z.string(),
  op: z.enum(['created', 'replaced', 'deleted']),
  /** The record as stored before the change; null when it was created. */
  before: z.record(z.string(), z.unknown()).nullable(),
  /** The record as stored after the change; null when it was deleted. */
  after: z.record(z.string(), z.unknown()).nullable(),
});
export type ChangedRecord = z.infer<typeof ChangedRecordSchema>;

export const ChangeSchema = z.object({
  change: z.number().int().positive(),
  at: z.string().describe('When the change was made (ISO 8601, UTC).'),
  who: z.string().describe('The name of the key that made it ("system" for the seed and other server-side writes).'),
  message: z.string().optional(),
  kind: z.enum(['write', 'import']),
  records: z
    .array(ChangedRecordSchema)
    .describe(`At most ${HISTORY_RECORDS_SHOWN} of the records changed; recordCount says how many there were.`),
  recordCount: z.number().int().nonnegative(),
});
export type Change = z.infer<typeof ChangeSchema>;

export const HistoryPageSchema = z.object({
  items: z.array(ChangeSchema),
  /** Pass as `cursor` for the next (older) page; absent on the last page. */
  next: z.string().optional(),
  /** The dataset's change number when the page was read. */
  change: z.number().int().nonnegative(),
});
export type HistoryPage = z.infer<typeof HistoryPageSchema>;
