/**
 * The interchange v2 records as zod schemas (v1's action and document kept for reading v1
 * documents, which convert-v1.ts turns into v2): the one definition that the seed loader, the stores,
 * the API and the browser validate against and take their types from.
 */
import { z } from 'zod';
import { isParsedDate, isValidZone, mustParseDate, parseDate } from './dates';
import {
  ACTION_TYPE_IDS,
  ACTION_TYPES,
  ACTOR_KINDS,
  ID_PATTERN,
  INTERCHANGE_FORMAT,
  INTERCHANGE_FORMAT_V1,
  LAYERS,
  SOURCE_KINDS,
  STANCES,
  STATUSES,
  TERM_CATEGORIES,
  TERMS,
  WIKIDATA_PATTERN,
} from './vocabulary';

export const IdSchema = z
  .string()
  .regex(ID_PATTERN, 'must be a slug: lowercase letters, digits and "-", 1 to 64 chars, not starting with "-"');

export const DateSchema = z.string().superRefine((value, ctx) => {
  const parsed = parseDate(value);
  if (!isParsedDate(parsed)) ctx.addIssue({ code: 'custom', message: parsed.error });
});

export const TimezoneSchema = z.string().refine(isValidZone, 'must be an IANA time zone name such as "America/Los_Angeles" or "UTC"');

/** ISO 3166-1 alpha-2 ("BR"), ISO 3166-2 ("US-CA"), or "EU" (reserved for the European Union). */
export const REGION_PATTERN = /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/;
export const ScopeSchema = z.union([
  z.literal('global'),
  z
    .array(z.string().regex(REGION_PATTERN, 'must be an ISO 3166-1 alpha-2 or ISO 3166-2 code such as "BR" or "US-CA"'))
    .min(1, 'lists at least one region (or is "global")')
    .max(300),
]);

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

export const CitationSchema = z.strictObject({
  source: IdSchema,
  stance: z.enum(STANCES),
  locator: z.string().min(1).max(200).optional(),
  quote: z.string().min(1).max(500).optional(),
});

export const TriggerSchema = z.strictObject({
  text: z.string().min(1).max(500),
  wikidata: z.string().regex(WIKIDATA_PATTERN, 'must look like Q123').optional(),
});

export const EpisodeSchema = z.strictObject({
  id: IdSchema,
  title: z.string().min(1).max(200),
  summary: z.string().min(1).max(2000),
  date: DateSchema.optional(),
  timezone: TimezoneSchema.optional(),
  trigger: TriggerSchema.optional(),
});

/** Ids listed once each: a repeat is named at its index. */
function uniqueIds(ids: readonly string[] | undefined, field: string, ctx: z.RefinementCtx, what = 'id'): void {
  const seen = new Set<string>();
  ids?.forEach((id, i) => {
    if (seen.has(id)) ctx.addIssue({ code: 'custom', path: [field, i], message: `lists ${what} "${id}" twice` });
    seen.add(id);
  });
}

export const ActionSchema = z
  .strictObject({
    id: IdSchema,
    type: z.enum(ACTION_TYPE_IDS),
    from: IdSchema,
    to: IdSchema,
    date: DateSchema.optional(),
    timezone: TimezoneSchema.optional(),
    status: z.enum(STATUSES),
    claimedBy: z.array(IdSchema).max(100).optional(),
    disputedBy: z.array(IdSchema).max(100).optional(),
    respondsTo: z.array(IdSchema).max(100).optional(),
    episodes: z.array(IdSchema).max(20).optional(),
    scope: ScopeSchema.optional(),
    term: z.enum(TERMS).optional(),
    reason: z.string().min(1).max(1000).optional(),
    summary: z.string().min(1).max(1000),
    citations: z.array(CitationSchema).min(1, 'at least one citation is required').max(100),
    details: z.record(z.string().min(1).max(100), DetailValueSchema).optional(),
  })
  .superRefine((a, ctx) => {
    if (a.from === a.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'may not equal "from"' });
    if (a.date !== undefined && a.timezone !== undefined && isValidZone(a.timezone)) {
      // Valid alone, a date may still be refused read in the zone (an interval whose ends cross).
      const p = parseDate(a.date, a.timezone);
      if (!isParsedDate(p) && isParsedDate(parseDate(a.date))) ctx.addIssue({ code: 'custom', path: ['date'], message: p.error });
    }
    if (a.status === 'confirmed' && a.citations.length && !a.citations.some((c) => c.stance === 'states')) {
      ctx.addIssue({
        code: 'custom',
        path: ['citations'],
        message: 'status "confirmed" needs a citation with stance "states" (a source that states the fact itself)',
      });
    }
    if ((a.status === 'alleged' || a.status === 'disputed') && !a.claimedBy?.length) {
      ctx.addIssue({ code: 'custom', path: ['claimedBy'], message: `is required (non-empty) for status "${a.status}"` });
    }
    if (a.status === 'disputed' && !a.disputedBy?.length) {
      ctx.addIssue({ code: 'custom', path: ['disputedBy'], message: 'is required (non-empty) for status "disputed"' });
    }
    if (a.term !== undefined && !TERM_CATEGORIES.includes(ACTION_TYPES[a.type].category)) {
      ctx.addIssue({
        code: 'custom',
        path: ['term'],
        message: `is only for sanctions and notices; "${a.type}" is a ${ACTION_TYPES[a.type].category}`,
      });
    }
    a.respondsTo?.forEach((id, i) => {
      if (id === a.id) ctx.addIssue({ code: 'custom', path: ['respondsTo', i], message: 'an action may not respond to itself' });
    });
    uniqueIds(a.respondsTo, 'respondsTo', ctx, 'action');
    uniqueIds(a.episodes, 'episodes', ctx, 'episode');
    const cited = new Map<string, number>();
    a.citations.forEach((c, i) => {
      const first = cited.get(c.source);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['citations', i, 'source'],
          message: `cites source "${c.source}" again (also citations[${first}])`,
        });
      } else cited.set(c.source, i);
    });
  });

export const InterchangeSchema = z.strictObject({
  format: z.literal(INTERCHANGE_FORMAT),
  timezone: TimezoneSchema.optional(),
  actors: z.array(ActorSchema).optional(),
  sources: z.array(SourceSchema).optional(),
  episodes: z.array(EpisodeSchema).optional(),
  actions: z.array(ActionSchema).optional(),
});

/** An action of interchange v1, read only to convert it (convert-v1.ts). */
export const ActionV1Schema = z
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

export const InterchangeV1Schema = z.strictObject({
  format: z.literal(INTERCHANGE_FORMAT_V1),
  actors: z.array(ActorSchema).optional(),
  sources: z.array(SourceSchema).optional(),
  actions: z.array(ActionV1Schema).optional(),
});

export type Actor = z.infer<typeof ActorSchema>;
export type Source = z.infer<typeof SourceSchema>;
export type Episode = z.infer<typeof EpisodeSchema>;
export type Citation = z.infer<typeof CitationSchema>;
export type Scope = z.infer<typeof ScopeSchema>;
export type Action = z.infer<typeof ActionSchema>;
export type InterchangeDocument = z.infer<typeof InterchangeSchema>;
export type ActionV1 = z.infer<typeof ActionV1Schema>;
export type InterchangeDocumentV1 = z.infer<typeof InterchangeV1Schema>;
export type DetailValue = z.infer<typeof DetailValueSchema>;
