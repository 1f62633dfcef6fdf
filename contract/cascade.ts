/** The cascade against one actor: what was done to it, layer by layer, in timeline order. */
import { z } from 'zod';
import { ActionSchema } from './schemas';
import { StepOrderSchema } from './traversals';
import { LAYERS } from './vocabulary';

export const CascadeEntrySchema = z.object({
  action: ActionSchema,
  layer: z.enum(LAYERS).nullable().describe('The layer of the actor that acted; null when it has none.'),
  sinceFirstMs: z
    .number()
    .nullable()
    .describe("From the first entry's earliest instant to this one's, in ms; null when either is undated."),
  order: StepOrderSchema.nullable().describe('How this entry follows the one before it (null on the first).'),
  respondsTo: z.array(z.string()).describe('Ids of the actions this one responds to.'),
  responses: z.array(z.string()).describe('Ids of the actions that respond to this one, in timeline order.'),
});
export type CascadeEntry = z.infer<typeof CascadeEntrySchema>;

export const CascadeSummarySchema = z.object({
  firstSanction: z.string().nullable().describe('Id of the first dated sanction in timeline order; null when there is none.'),
  lastSanction: z.string().nullable().describe('Id of the last dated sanction in timeline order; null when there is none.'),
  spanMs: z
    .number()
    .nullable()
    .describe("From the first sanction's earliest instant to the last one's, in ms; null when either is undated."),
  layers: z.array(z.enum(LAYERS)).describe('The layers whose actors sanctioned the target, in the order first reached.'),
});
export type CascadeSummary = z.infer<typeof CascadeSummarySchema>;

export const CascadeAnswerSchema = z.object({
  target: z.string(),
  entries: z.array(CascadeEntrySchema),
  summary: CascadeSummarySchema,
  linked: z
    .array(ActionSchema)
    .describe('The actions named by the entries (respondsTo, responses) that are not entries themselves, in timeline order.'),
});
export type CascadeAnswer = z.infer<typeof CascadeAnswerSchema>;
