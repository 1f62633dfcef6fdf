/** The health answer: which store serves the graph and whether it answers. */
import { z } from 'zod';
import { CountsSchema } from './counts';
import { ApiErrorSchema } from './errors';

export const STORE_KINDS = ['embedded', 'neo4j'] as const;
export type StoreKind = (typeof STORE_KINDS)[number];

export const HealthSchema = z.object({
  status: z.enum(['ok', 'unavailable']),
  store: z.enum(STORE_KINDS),
  counts: CountsSchema.optional(),
  change: z.number().int().nonnegative().optional().describe('The change number: the dataset version, raised by every write.'),
  contentHash: z
    .string()
    .optional()
    .describe('SHA-256 (hex) of the unfiltered JSON export at `change`; absent while it is being computed for a large graph.'),
  error: ApiErrorSchema.optional().describe('With status "unavailable": why the store does not answer.'),
});
export type Health = z.infer<typeof HealthSchema>;
