/**
 * The contract's schemas under their names in the OpenAPI document (components.schemas). Requests
 * are validated with the same schemas, so what is documented is what is checked and answered.
 */
import { z } from 'zod';
import {
  ActionSchema,
  ActionWithSourcesSchema,
  ActorDetailSchema,
  ActorSchema,
  ActorWithDegreeSchema,
  CascadeAnswerSchema,
  ChainsAnswerSchema,
  CountsSchema,
  DateSchema,
  ErrorBodySchema,
  GraphAnswerSchema,
  HealthSchema,
  ImportResultSchema,
  InterchangeSchema,
  pageAnswerOf,
  PathsAnswerSchema,
  SourceSchema,
  SourceWithActionsSchema,
  StatsSchema,
} from '../../contract';

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
named(CountsSchema, 'Counts');

export const ActorWithDegree = named(ActorWithDegreeSchema, 'ActorWithDegree');
export const ActorDetail = named(ActorDetailSchema, 'ActorDetail');
export const ActionWithSources = named(ActionWithSourcesSchema, 'ActionWithSources');
export const SourceWithActions = named(SourceWithActionsSchema, 'SourceWithActions');

/** A page of `item` under its own component name (ActorPage, ActionPage, SourcePage). */
export function pageOf(item: z.ZodType, id: string) {
  return named(pageAnswerOf(item), id);
}

export const HealthAnswer = named(HealthSchema, 'Health');
export const GraphAnswer = named(GraphAnswerSchema, 'Graph');
export const PathsAnswer = named(PathsAnswerSchema, 'Paths');
export const ChainsAnswer = named(ChainsAnswerSchema, 'Chains');
export const StatsAnswer = named(StatsSchema, 'Stats');
export const ImportAnswer = named(ImportResultSchema, 'ImportResult');
/** Every error answer; openapi.ts refers to it by this name. */
named(ErrorBodySchema, 'Error');
export const CascadeAnswer = named(CascadeAnswerSchema, 'Cascade');
