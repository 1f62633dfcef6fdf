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
  EpisodeSchema,
  EpisodeWithActionsSchema,
  ErrorBodySchema,
  GraphAnswerSchema,
  HealthSchema,
  ImportResultSchema,
  InterchangeSchema,
  InterchangeV1Schema,
  pageAnswerOf,
  PathsAnswerSchema,
  SourceSchema,
  SourceWithActionsSchema,
  StatsSchema,
  VocabularySchema,
} from '../../contract';

/** The named schemas of the OpenAPI document (components.schemas); a private registry, not zod's global one. */
export const apiSchemas = z.registry<{ id: string; description?: string; pattern?: string }>();

/** Registers a schema under a component name (extra JSON Schema keywords optional) and returns it unchanged. */
export function named<T extends z.ZodType>(schema: T, id: string, extra: { description?: string; pattern?: string } = {}): T {
  apiSchemas.add(schema, { id, ...extra });
  return schema;
}

/** The shapes the parser accepts, for clients; the parser (contract/dates.ts) also checks the calendar. */
const EDTF_DAY = '\\d{2}[\\dX]{2}(-(\\d{2}|XX)(-(\\d{2}|XX))?)?[?~%]?';
const EDTF_TIME = '\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,3})?)?(Z|[+-]\\d{2}:\\d{2})?';
const EDTF_ONE = `(${EDTF_TIME}|${EDTF_DAY})`;
const EDTF_PATTERN = `^(${EDTF_ONE}|(${EDTF_ONE}|\\.\\.)?/(${EDTF_ONE}|\\.\\.)?)$`;

named(DateSchema, 'Date', {
  description:
    'EDTF (level 1 subset) with the precision the source gives: YYYY, YYYY-MM, YYYY-MM-DD, a date-time with or without an ' +
    'offset (2021-01-10T23:59-08:00), unspecified digits (2021-01-XX), qualifiers ? ~ %, intervals a/b with open (..) ' +
    'or unknown (empty) ends. Calendar values are local days in the action zone (UTC when none). Ordered by the ' +
    'earliest instant it can mean, then the latest.',
  pattern: EDTF_PATTERN,
});

export const Actor = named(ActorSchema, 'Actor');
export const Source = named(SourceSchema, 'Source');
export const Episode = named(EpisodeSchema, 'Episode');
export const Action = named(ActionSchema, 'Action');
named(InterchangeSchema, 'InterchangeDocument');
named(InterchangeV1Schema, 'InterchangeDocumentV1', { description: 'Interchange v1, still read: converted to v2 on import.' });
/** What POST /api/import takes: a v2 document, or a v1 one (converted), told apart by `format`. */
export const ImportBody = z.discriminatedUnion('format', [InterchangeSchema, InterchangeV1Schema]);
named(CountsSchema, 'Counts');

export const ActorWithDegree = named(ActorWithDegreeSchema, 'ActorWithDegree');
export const ActorDetail = named(ActorDetailSchema, 'ActorDetail');
export const ActionWithSources = named(ActionWithSourcesSchema, 'ActionWithSources');
export const SourceWithActions = named(SourceWithActionsSchema, 'SourceWithActions');
export const EpisodeWithActions = named(EpisodeWithActionsSchema, 'EpisodeWithActions');
export const VocabularyAnswer = named(VocabularySchema, 'Vocabulary');

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
