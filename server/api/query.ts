/**
 * Query and path parameter schemas shared by the routes: paging, the shared action filters and
 * bounded integers. Query values arrive as strings; every bound is checked, never clamped. Each
 * schema also carries the JSON Schema that documents it (see paramJsonSchema).
 */
import { z } from 'zod';
import {
  ACTION_TYPE_IDS,
  ACTOR_KINDS,
  CATEGORIES,
  isValidZone,
  ID_PATTERN,
  IdSchema,
  LAYERS,
  STATUSES,
  isParsedDate,
  parseDate,
  type ActionFilter,
  type ActionType,
  type Category,
  type Layer,
  type Status,
} from '../../contract';

/** JSON Schemas of parameters whose zod form (strings transformed) would document them poorly. */
const documented = new WeakMap<z.ZodType, Record<string, unknown>>();

function withDoc<T extends z.ZodType>(schema: T, json: Record<string, unknown>): T {
  documented.set(schema, json);
  return schema;
}

/** The JSON Schema (2020-12) of one parameter, for the OpenAPI document. */
export function paramJsonSchema(schema: z.ZodType): Record<string, unknown> {
  const doc = documented.get(schema);
  if (doc) return doc;
  const { $schema: _drop, ...json } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return json;
}

const INTEGER = /^-?\d{1,16}$/;

/** An integer parameter within [min, max]; `fallback` when absent. */
export function intParam(min: number, max: number, fallback: number, description: string) {
  const schema = z
    .string()
    .transform((text, ctx) => {
      const n = INTEGER.test(text) ? Number(text) : NaN;
      if (!Number.isSafeInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `must be an integer from ${min} to ${max}, got "${text.slice(0, 40)}"` });
        return z.NEVER;
      }
      return n;
    })
    .optional()
    .default(fallback);
  return withDoc(schema, { type: 'integer', minimum: min, maximum: max, default: fallback, description });
}

/** A comma-separated list of values from a vocabulary, e.g. `type=BANNED,SUED`. */
function listParam<T extends string>(values: readonly T[], what: string, description: string) {
  const allowed = new Set<string>(values);
  const schema = z
    .string()
    .transform((text, ctx) => {
      const items = text.split(',').map((s) => s.trim());
      const bad = items.filter((s) => !allowed.has(s));
      if (bad.length) {
        ctx.addIssue({
          code: 'custom',
          message: `${bad.map((b) => (b === '' ? 'an empty item' : `unknown ${what} "${b.slice(0, 40)}"`)).join(', ')}; expected a comma-separated list of ${values.join(', ')}`,
        });
        return z.NEVER;
      }
      return [...new Set(items)] as T[];
    })
    .optional();
  const alt = values.map((v) => v.replace(/[-]/g, '\\-')).join('|');
  return withDoc(schema, { type: 'string', pattern: `^(${alt})(,(${alt}))*$`, description });
}

/** A comma-separated list of ids, e.g. `claimedBy=parler,aws`. */
function idListParam(description: string) {
  const schema = z
    .string()
    .transform((text, ctx) => {
      const items = text.split(',').map((s) => s.trim());
      const bad = items.filter((s) => !ID_PATTERN.test(s));
      if (bad.length || items.length > 100) {
        ctx.addIssue({
          code: 'custom',
          message: bad.length
            ? `${bad.map((b) => (b === '' ? 'an empty item' : `"${b.slice(0, 40)}" is not an id`)).join(', ')}; expected a comma-separated list of ids`
            : 'at most 100 ids',
        });
        return z.NEVER;
      }
      return [...new Set(items)];
    })
    .optional();
  const id = ID_PATTERN.source.replace(/^\^|\$$/g, '');
  return withDoc(schema, { type: 'string', pattern: `^${id}(,${id})*$`, description });
}

/** A window bound: a calendar year, month or day (the window is whole local days). */
const WindowDateSchema = z.string().superRefine((text, ctx) => {
  const parsed = parseDate(text);
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(text)) {
    ctx.addIssue({ code: 'custom', message: `"${text.slice(0, 40)}" is not a year, month or day (YYYY, YYYY-MM or YYYY-MM-DD)` });
  } else if (!isParsedDate(parsed)) ctx.addIssue({ code: 'custom', message: parsed.error });
});

function dateParam(description: string) {
  return withDoc(WindowDateSchema.optional(), {
    type: 'string',
    pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$',
    description: `${description} EDTF: a year, month or day (YYYY, YYYY-MM, YYYY-MM-DD); read as local days of each action's own zone, or in \`tz\` when given.`,
    examples: ['2021', '2021-01', '2021-01-10'],
  });
}

const tzParam = withDoc(
  z.string().max(100).refine(isValidZone, 'must be an IANA time zone name such as "America/Los_Angeles" or "UTC"').optional(),
  {
    type: 'string',
    description:
      'An IANA time zone: the window (`from`, `to`) is read in this zone and compared with instants, instead of as local days of each action.',
    examples: ['UTC', 'America/Los_Angeles'],
  },
);

/** A required or optional actor id in the query. */
export const idParam = (description: string) => withDoc(IdSchema.clone(), { type: 'string', pattern: ID_PATTERN.source, description });
export const optionalIdParam = (description: string) =>
  withDoc(IdSchema.optional(), { type: 'string', pattern: ID_PATTERN.source, description });

export const pageShape = {
  limit: intParam(1, 1000, 100, 'How many items to answer, 1 to 1,000.'),
  offset: intParam(0, Number.MAX_SAFE_INTEGER, 0, 'How many items to skip.'),
};

export const filterShape = {
  type: listParam<ActionType>(ACTION_TYPE_IDS, 'action type', 'Action types to keep, comma-separated.'),
  status: listParam<Status>(STATUSES, 'status', 'Statuses to keep, comma-separated.'),
  from: dateParam('Window start: keeps actions whose span reaches it.'),
  to: dateParam('Window end: keeps actions that begin by its end.'),
  tz: tzParam,
  claimedBy: idListParam('Actor ids, comma-separated: keeps actions any of them claims.'),
  disputedBy: idListParam('Actor ids, comma-separated: keeps actions any of them disputes.'),
  category: listParam<Category>(CATEGORIES, 'category', 'Action categories to keep, comma-separated.'),
  layer: listParam<Layer>(LAYERS, 'layer', 'Layers, comma-separated: keeps actions where either end is an actor of one of them.'),
  episode: idListParam('Episode ids, comma-separated: keeps actions in any of them.'),
};

export const searchParam = withDoc(z.string().max(200).optional(), {
  type: 'string',
  maxLength: 200,
  description: 'Text to search for, case- and accent-insensitive.',
});

export const kindParam = z.enum(ACTOR_KINDS).optional();
export const layerParam = z.enum(LAYERS).optional();

/** Rejects a window whose start is after its end: `from` after `to` is a 400, not an empty answer. */
export function checkWindow(q: { from?: unknown; to?: unknown; tz?: unknown }, ctx: z.RefinementCtx): void {
  if (typeof q.from !== 'string' || typeof q.to !== 'string') return;
  const zone = typeof q.tz === 'string' && isValidZone(q.tz) ? q.tz : undefined;
  const from = parseDate(q.from, zone);
  const to = parseDate(q.to, zone);
  if (isParsedDate(from) && isParsedDate(to) && from.start > to.end) {
    ctx.addIssue({ code: 'custom', path: ['from'], message: `"${q.from}" is after "to" ("${q.to}")` });
  }
}

/** A strict query object with the filters and the window check. */
export function filteredQuery<S extends z.ZodRawShape>(shape: S) {
  return z.strictObject({ ...filterShape, ...shape }).superRefine((q, ctx) => checkWindow(q, ctx));
}

export function toActionFilter(q: {
  type?: ActionType[];
  status?: Status[];
  from?: string;
  to?: string;
  tz?: string;
  claimedBy?: string[];
  disputedBy?: string[];
  category?: Category[];
  layer?: Layer[];
  episode?: string[];
}): ActionFilter {
  const filter: ActionFilter = {};
  if (q.type) filter.types = q.type;
  if (q.status) filter.statuses = q.status;
  if (q.from !== undefined) filter.from = q.from;
  if (q.to !== undefined) filter.to = q.to;
  if (q.tz !== undefined) filter.tz = q.tz;
  if (q.claimedBy) filter.claimedBy = q.claimedBy;
  if (q.disputedBy) filter.disputedBy = q.disputedBy;
  if (q.category) filter.categories = q.category;
  if (q.layer) filter.layers = q.layer;
  if (q.episode) filter.episodes = q.episode;
  return filter;
}

export const idPathParams = z.strictObject({
  id: withDoc(IdSchema.clone(), { type: 'string', pattern: ID_PATTERN.source, description: 'The record id (a slug).' }),
});

/** A query that takes no parameters at all: any given is unknown, so a 400. */
export const noQuery = z.strictObject({});
