/** Records as the API answers them, with what is derived from the graph: degrees, counts, sources, citations. */
import { z } from 'zod';
import { countsBy } from './counts';
import { ActionSchema, ActorSchema, EpisodeSchema, SourceSchema } from './schemas';
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

/** What an action's date means, derived (never sent by clients); an open end is null. */
export const ActionTimeSchema = z.object({
  start: z.number().nullable().describe('Earliest instant (UTC ms).'),
  end: z.number().nullable().describe('Latest instant (UTC ms, inclusive).'),
  localStart: z.number().nullable().describe('The span read as wall-clock time in the action zone (ms of a UTC-based clock).'),
  localEnd: z.number().nullable(),
  precision: z.enum(['year', 'month', 'day', 'datetime']),
  uncertain: z.boolean(),
  approximate: z.boolean(),
});

export const ActionWithSourcesSchema = z.object({
  ...ActionSchema.shape,
  sources: z.array(SourceSchema).describe('The cited sources, in citation order.'),
  responses: z.array(z.string()).describe('Ids of the actions that respond to this one (the reverse of respondsTo).'),
  time: ActionTimeSchema.nullable().describe('The instant and local spans of its date; null when undated.'),
});
export type ActionWithSources = z.infer<typeof ActionWithSourcesSchema>;

export const SourceWithActionsSchema = z.object({
  ...SourceSchema.shape,
  actions: z.array(z.string()).describe('Ids of the actions that cite it.'),
});
export type SourceWithActions = z.infer<typeof SourceWithActionsSchema>;

export const EpisodeWithActionsSchema = z.object({
  ...EpisodeSchema.shape,
  actions: z.array(z.string()).describe('Ids of the actions in it.'),
});
export type EpisodeWithActions = z.infer<typeof EpisodeWithActionsSchema>;
