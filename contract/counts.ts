/** Counting answers: record counts, the statistics and what an import did. */
import { z } from 'zod';
import { ACTION_TYPE_IDS, ACTOR_KINDS, STATUSES } from './vocabulary';

export const CountsSchema = z.object({ actors: z.number().int(), sources: z.number().int(), actions: z.number().int() });
export type Counts = z.infer<typeof CountsSchema>;

/** A count per value of a vocabulary; values with no record are left out. */
export function countsBy<const V extends readonly [string, ...string[]]>(values: V) {
  return z.partialRecord(z.enum(values), z.number().int());
}

export const RankedActorSchema = z.object({ id: z.string(), name: z.string(), value: z.number() });

export const StatsSchema = z.object({
  counts: CountsSchema,
  actionsByType: countsBy(ACTION_TYPE_IDS),
  actionsByStatus: countsBy(STATUSES),
  actorsByKind: countsBy(ACTOR_KINDS),
  topByDegree: z.array(RankedActorSchema),
  topByBetweenness: z.array(RankedActorSchema),
});
export type Stats = z.infer<typeof StatsSchema>;

export const ImportResultSchema = z.object({ created: CountsSchema, updated: CountsSchema, unchanged: CountsSchema });
export type ImportResult = z.infer<typeof ImportResultSchema>;
