/**
 * Schemas of what the API answers, built on the domain schemas; used to document the answers in
 * the OpenAPI document (requests are validated with the domain schemas themselves).
 */
import { z } from 'zod';
import {
  ACTION_TYPE_IDS, ACTOR_KINDS, ActionSchema, DateSchema, ActorSchema, InterchangeSchema, SourceSchema, STATUSES,
} from '../../contract';
import { ERROR_CODES } from './errors';

/** The named schemas of the OpenAPI document (components.schemas); a private registry, not zod's global one. */
export const apiSchemas = z.registry<{ id: string; description?: string; pattern?: string }>();

/** Registers a schema under a component name (extra JSON Schema keywords optional) and returns it unchanged. */
export function named<T extends z.ZodType>(schema: T, id: string, extra: { description?: string; pattern?: string } = {}): T {
  apiSchemas.add(schema, { id, ...extra });
  return schema;
}

named(DateSchema, 'Date', {
  description:
    'ISO 8601 with the precision the source gives: YYYY, YYYY-MM, YYYY-MM-DD, or a date-time with an offset ' +
    '(2021-01-10T23:59:00-08:00). Ordered by the earliest instant it can mean, in UTC.',
  pattern: '^\\d{4}(-\\d{2}(-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,3})?)?(Z|[+-]\\d{2}:\\d{2}))?)?)?$',
});

export const Actor = named(ActorSchema, 'Actor');
export const Source = named(SourceSchema, 'Source');
export const Action = named(ActionSchema, 'Action');
export const Interchange = named(InterchangeSchema, 'InterchangeDocument');

const counts = z.object({ actors: z.number().int(), sources: z.number().int(), actions: z.number().int() });
export const Counts = named(counts, 'Counts');

const byType = z.partialRecord(z.enum(ACTION_TYPE_IDS), z.number().int());

export const ActorWithDegree = named(
  z.object({ ...ActorSchema.shape, degree: z.number().int().describe('Number of actions the actor takes part in.') }),
  'ActorWithDegree',
);
export const ActorDetail = named(
  z.object({ ...ActorSchema.shape, degree: z.number().int(), actionCounts: byType.describe('Number of its actions by type.') }),
  'ActorDetail',
);
export const ActionWithSources = named(z.object({ ...ActionSchema.shape, sources: z.array(SourceSchema) }), 'ActionWithSources');
export const SourceWithActions = named(
  z.object({ ...SourceSchema.shape, actions: z.array(z.string()).describe('Ids of the actions that cite it.') }),
  'SourceWithActions',
);

export function pageOf(item: z.ZodType, id: string) {
  return named(z.object({ items: z.array(item), total: z.number().int(), limit: z.number().int(), offset: z.number().int() }), id);
}

export const HealthAnswer = named(
  z.object({
    status: z.enum(['ok', 'unavailable']),
    store: z.enum(['embedded', 'neo4j']),
    counts: counts.optional(),
  }),
  'Health',
);

const nodeData = z.object({
  id: z.string(),
  label: z.string().describe('The actor name.'),
  kind: z.enum(ACTOR_KINDS),
  layer: z.string().optional(),
  degree: z.number().int(),
  aliases: z.array(z.string()).optional(),
});
const edgeData = z.object({
  id: z.string().describe('The action id.'),
  source: z.string().describe('The acting actor (`from`).'),
  target: z.string().describe('The actor acted upon (`to`).'),
  type: z.enum(ACTION_TYPE_IDS),
  label: z.string().describe('The vocabulary label of the type.'),
  date: z.string().optional(),
  endDate: z.string().optional(),
  status: z.enum(STATUSES),
  summary: z.string(),
});
export const GraphAnswer = named(
  z.object({
    elements: z.object({ nodes: z.array(z.object({ data: nodeData })), edges: z.array(z.object({ data: edgeData })) }),
    truncated: z.boolean().describe('True when the answer was cut at 5,000 elements.'),
  }),
  'Graph',
);

export const PathsAnswer = named(
  z.object({ paths: z.array(z.object({ actors: z.array(z.string()), actions: z.array(z.string()) })) }),
  'Paths',
);

export const ChainsAnswer = named(
  z.object({
    chains: z.array(z.object({ actions: z.array(z.string()) })),
    truncated: z.boolean().describe('True when the search stopped at its work bound before seeing every chain.'),
  }),
  'Chains',
);

const ranked = z.array(z.object({ id: z.string(), name: z.string(), value: z.number() }));
export const StatsAnswer = named(
  z.object({
    counts,
    actionsByType: byType,
    actionsByStatus: z.partialRecord(z.enum(STATUSES), z.number().int()),
    actorsByKind: z.partialRecord(z.enum(ACTOR_KINDS), z.number().int()),
    topByDegree: ranked,
    topByBetweenness: ranked,
  }),
  'Stats',
);

export const ImportAnswer = named(z.object({ created: counts, updated: counts, unchanged: counts }), 'ImportResult');

export const ErrorBody = named(
  z.object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string().describe('What was wrong, naming the parameter or field.'),
      details: z.array(z.string()).describe('Each problem as `path: message`, or the ids in a conflict.'),
    }),
  }),
  'Error',
);
