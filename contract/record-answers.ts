/** Records as the API answers them, with what is derived from the graph: degrees, counts, sources, citations. */
import { z } from 'zod';
import { countsBy } from './counts';
import { ActionSchema, ActorSchema, SourceSchema } from './schemas';
import { ACTION_TYPE_IDS } from './vocabulary';

export const ActorWithDegreeSchema = z.object({
  ...ActorSchema.shape,
  degree: z.number().int().describe('Number of actions the actor takes part in.'),
});
export type ActorWithDegree = z.infer<typeof ActorWithDegreeSchema>;

export const ActorDetailSchema = z.object({
  ...ActorWithDegreeSchema.shape,
  actionCounts: countsBy(ACTION_TYPE_IDS).describe('Number of its actions by type.'),
});
export type ActorDetail = z.infer<typeof ActorDetailSchema>;

export const ActionWithSourcesSchema = z.object({ ...ActionSchema.shape, sources: z.array(SourceSchema) });
export type ActionWithSources = z.infer<typeof ActionWithSourcesSchema>;

export const SourceWithActionsSchema = z.object({
  ...SourceSchema.shape,
  actions: z.array(z.string()).describe('Ids of the actions that cite it.'),
});
export type SourceWithActions = z.infer<typeof SourceWithActionsSchema>;
