/** Counting answers: record counts, the statistics and what an import did. */
import { z } from 'zod';
import { ACTION_TYPE_IDS, ACTOR_KINDS, CATEGORIES, STATUSES } from './vocabulary';

export const CountsSchema = z.object({
  actors: z.number().int(),
  sources: z.number().int(),
  episodes: z.number().int(),
  actions: z.number().int(),
});
export type Counts = z.infer<typeof CountsSchema>;

/** A count per value of a vocabulary; values with no record are left out. */
export function countsBy<const V extends readonly [string, ...string[]]>(values: V) {
  return z.partialRecord(z.enum(values), z.number().int());
}

export const RankedActorSchema = z.object({ id: z.string(), name: z.string(), value: z.number() });

/**
 * How the betweenness values were computed (method note: README, "Betweenness"), and for which
 * version of the database: while a newer value is computed, the last one is served, marked so.
 */
export const BetweennessInfoSchema = z.object({
  version: z.string().describe('The version of the database the values were computed for.'),
  current: z.boolean().describe('Whether that is the version the rest of this answer describes; false while a newer value is computed.'),
  method: z
    .enum(['exact', 'sampled'])
    .describe('exact: every actor a Brandes source; sampled: `pivots` sources, scaled by actors / pivots.'),
  actors: z.number().int(),
  pivots: z.number().int().describe('Sources the values were accumulated from (all actors when exact).'),
  errorBound: z.number().describe('Bound on |value − exact value| for every actor at once, with probability `confidence`; 0 when exact.'),
  confidence: z.number(),
});
export type BetweennessInfo = z.infer<typeof BetweennessInfoSchema>;

/** The statistics but betweenness: computed for the current version on every request (or remembered for it). */
export const StatsBaseSchema = z.object({
  counts: CountsSchema,
  actionsByType: countsBy(ACTION_TYPE_IDS),
  actionsByStatus: countsBy(STATUSES),
  actionsByCategory: countsBy(CATEGORIES),
  actorsByKind: countsBy(ACTOR_KINDS),
  categories: z.array(z.enum(CATEGORIES)).describe('The categories whose actions degree and betweenness count (sanction unless asked).'),
  topByDegree: z.array(RankedActorSchema).describe('Actors by the number of their actions of `categories` passing the filter.'),
});
export type StatsBase = z.infer<typeof StatsBaseSchema>;

export const BetweennessPartSchema = z.object({ topByBetweenness: z.array(RankedActorSchema), betweenness: BetweennessInfoSchema });
export type BetweennessPart = z.infer<typeof BetweennessPartSchema>;

export const StatsSchema = StatsBaseSchema.extend(BetweennessPartSchema.shape);
export type Stats = z.infer<typeof StatsSchema>;

export const ImportResultSchema = z.object({ created: CountsSchema, updated: CountsSchema, unchanged: CountsSchema });
export type ImportResult = z.infer<typeof ImportResultSchema>;
