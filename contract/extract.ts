/**
 * Proposals from a pasted report (POST /api/extract): computed from the text, never stored. A person
 * reviews each one in the browser before anything is imported, so every proposal points at the
 * words it comes from (UTF-16 offsets, as JavaScript slices strings) and says how sure it is.
 */
import { z } from 'zod';
import { ACTION_TYPE_IDS, STATUSES } from './vocabulary';

/** At most 1 MB of text, checked on the body before parsing. */
export const EXTRACT_MAX_BYTES = 1_000_000;

export const ExtractRequestSchema = z.object({
  text: z.string().min(1).describe('The report, as plain text.'),
  published: z.string().optional().describe('EDTF date the report was published; anchors relative dates such as "on Sunday".'),
});
export type ExtractRequest = z.infer<typeof ExtractRequestSchema>;

/** [start, end) in UTF-16 code units into the request's `text`. */
export const SpanSchema = z.tuple([z.number().int().min(0), z.number().int().min(0)]);
export type TextSpan = z.infer<typeof SpanSchema>;

export const ProposedActorRefSchema = z.object({
  id: z.string().nullable().describe("An existing actor's id when the name or an alias matches one; null for a new actor."),
  name: z.string(),
});
export type ProposedActorRef = z.infer<typeof ProposedActorRefSchema>;

export const ProposedActorSchema = ProposedActorRefSchema.extend({
  mentions: z.array(SpanSchema),
});
export type ProposedActor = z.infer<typeof ProposedActorSchema>;

export const ProposedActionSchema = z.object({
  key: z.string().describe('Names this proposal within the answer (p1, p2, ...), so others can respond to it.'),
  type: z.enum(ACTION_TYPE_IDS),
  from: ProposedActorRefSchema,
  to: ProposedActorRefSchema,
  date: z.string().nullable().describe('EDTF date or interval; null when the text gives none.'),
  status: z.enum(STATUSES),
  claimedBy: z.array(ProposedActorRefSchema),
  respondsTo: z.array(z.string()).describe('Keys of other proposals in this answer that this one responds to.'),
  evidence: z.array(SpanSchema),
  confidence: z.number().min(0).max(1),
});
export type ProposedAction = z.infer<typeof ProposedActionSchema>;

export const ExtractAnswerSchema = z.object({
  actors: z.array(ProposedActorSchema),
  actions: z.array(ProposedActionSchema),
});
export type ExtractAnswer = z.infer<typeof ExtractAnswerSchema>;
