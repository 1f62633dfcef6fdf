/**
 * The interchange v1 records as zod schemas: the one definition that the seed loader, the stores,
 * the API and the browser validate against and take their types from.
 */
import { z } from 'zod';
import { isParsedDate, mustParseDate, parseDate } from './dates';
import {
  ACTION_TYPE_IDS,
  ACTOR_KINDS,
  ID_PATTERN,
  INTERCHANGE_FORMAT,
  LAYERS,
  SOURCE_KINDS,
  STATUSES,
  WIKIDATA_PATTERN,
} from './vocabulary';

export const IdSchema = z
  .string()
  .regex(ID_PATTERN, 'must be a slug: lowercase letters, digits and "-", 1 to 64 chars, not starting with "-"');

export const DateSchema = z.string().superRefine((value, ctx) => {
  const parsed = parseDate(value);
  if (!isParsedDate(parsed)) ctx.addIssue({ code: 'custom', message: parsed.error });
});

const HttpUrlSchema = z
  .string()
  .max(2000)
  .superRefine((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be an absolute http: or https: URL' });
      return;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      ctx.addIssue({ code: 'custom', message: `URL scheme "${url.protocol}" is not allowed; use http: or https:` });
    }
  });

export const ActorSchema = z.strictObject({
  id: IdSchema,
  name: z.string().min(1).max(200),
  kind: z.enum(ACTOR_KINDS),
  layer: z.enum(LAYERS).optional(),
  aliases: z.array(z.string().min(1).max(200)).max(100).optional(),
  description: z.string().max(2000).optional(),
  wikidata: z.string().regex(WIKIDATA_PATTERN, 'must look like Q123').optional(),
});

export const SourceSchema = z.strictObject({
  id: IdSchema,
  title: z.string().min(1).max(500),
  publisher: z.string().min(1).max(500).optional(),
  author: z.string().min(1).max(500).optional(),
  published: DateSchema.optional(),
  url: HttpUrlSchema.optional(),
  kind: z.enum(SOURCE_KINDS).optional(),
});

/**
 * A number in `details` must come back as it was sent: JSON has no integer limit, but a double holds
 * integers exactly only up to 2^53 − 1 (12345678901234567890123 would come back 1.2345678901234568e+22),
 * and -0 comes back 0. Those are refused, naming the field; such values can be sent as strings.
 */
const DetailNumberSchema = z
  .number()
  .refine(
    (n) => !Object.is(n, -0) && (!Number.isInteger(n) || Number.isSafeInteger(n)),
    'a number here must round-trip exactly: an integer within ±9007199254740991 (2^53 − 1), and not -0; send it as a string otherwise',
  );
const DetailValueSchema = z.union([z.string().max(5000), DetailNumberSchema, z.boolean(), z.array(z.string().max(5000)).max(100)]);

export const ActionSchema = z
  .strictObject({
    id: IdSchema,
    type: z.enum(ACTION_TYPE_IDS),
    from: IdSchema,
    to: IdSchema,
    date: DateSchema.optional(),
    endDate: DateSchema.optional(),
    status: z.enum(STATUSES),
    claimedBy: z.array(IdSchema).max(100).optional(),
    disputedBy: z.array(IdSchema).max(100).optional(),
    summary: z.string().min(1).max(1000),
    sourceIds: z.array(IdSchema).min(1, 'at least one source is required').max(100),
    details: z.record(z.string().min(1).max(100), DetailValueSchema).optional(),
  })
  .superRefine((a, ctx) => {
    if (a.from === a.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'may not equal "from"' });
    if (a.endDate !== undefined && a.date !== undefined) {
      const start = parseDate(a.date);
      const end = parseDate(a.endDate);
      if (isParsedDate(start) && isParsedDate(end) && end.end < mustParseDate(a.date).start) {
        ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'is before "date"' });
      }
    }
    if ((a.status === 'alleged' || a.status === 'disputed') && !a.claimedBy?.length) {
      ctx.addIssue({ code: 'custom', path: ['claimedBy'], message: `is required (non-empty) for status "${a.status}"` });
    }
    if (a.status === 'disputed' && !a.disputedBy?.length) {
      ctx.addIssue({ code: 'custom', path: ['disputedBy'], message: 'is required (non-empty) for status "disputed"' });
    }
  });

export const InterchangeSchema = z.strictObject({
  format: z.literal(INTERCHANGE_FORMAT),
  actors: z.array(ActorSchema).optional(),
  sources: z.array(SourceSchema).optional(),
  actions: z.array(ActionSchema).optional(),
});

export type Actor = z.infer<typeof ActorSchema>;
export type Source = z.infer<typeof SourceSchema>;
export type Action = z.infer<typeof ActionSchema>;
export type InterchangeDocument = z.infer<typeof InterchangeSchema>;
export type DetailValue = z.infer<typeof DetailValueSchema>;
