/**
 * The attributes every file export carries for actors and actions, with their types, so GraphML,
 * GEXF, CSV and Cytoscape JSON all describe the same columns under the same names.
 */
import { actionLabel, actionTime, categoryOf, mustParseDate, type Action, type Episode } from '../../../contract';
import type { ActorWithDegree } from '../../store/types';

/** A list attribute's value is a list of strings; formats without lists flatten it (joinList). */
export type AttrValue = string | number | boolean | readonly string[] | undefined;
export type AttrType = 'string' | 'int' | 'boolean' | 'list';

export interface Attribute<T> {
  name: string;
  type: AttrType;
  value(record: T): AttrValue;
}

/** The separator of flattened lists: ids and regions never hold it. */
const LIST_SEPARATOR = '; ';

/** Lists flattened for formats without list types. */
const joinList = (list: readonly string[] | undefined): string | undefined => (list?.length ? list.join(LIST_SEPARATOR) : undefined);

/** A value as a format without lists carries it. */
export function flat(value: AttrValue): string | number | boolean | undefined {
  if (Array.isArray(value)) return joinList(value as readonly string[]);
  return value as string | number | boolean | undefined;
}

/** Lists that are empty are left out, as absent values are. */
const list = (l: readonly string[] | undefined): readonly string[] | undefined => (l?.length ? l : undefined);

export const ACTOR_ATTRIBUTES: Attribute<ActorWithDegree>[] = [
  { name: 'label', type: 'string', value: (a) => a.name },
  { name: 'kind', type: 'string', value: (a) => a.kind },
  { name: 'layer', type: 'string', value: (a) => a.layer },
  { name: 'aliases', type: 'list', value: (a) => list(a.aliases) },
  { name: 'description', type: 'string', value: (a) => a.description },
  { name: 'wikidata', type: 'string', value: (a) => a.wikidata },
  { name: 'degree', type: 'int', value: (a) => a.degree },
];

/** An instant as an xsd:dateTime in UTC (ISO 8601), whole seconds without a fraction. */
export function instant(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** A bounded end of a span as an instant; an open end (±Infinity) has none. */
const bound = (ms: number | undefined): string | undefined => (ms !== undefined && Number.isFinite(ms) ? instant(ms) : undefined);

/**
 * Interchange v2 actions. The date is given as written (EDTF, read in `timezone`, UTC when none)
 * and as the span of instants it means; citations as the cited source ids, the ids of those that
 * state the fact themselves, and the whole list (with stance, locator and quote) as JSON.
 */
export const ACTION_ATTRIBUTES: Attribute<Action>[] = [
  { name: 'label', type: 'string', value: (a) => actionLabel(a.type) },
  { name: 'actionType', type: 'string', value: (a) => a.type },
  { name: 'category', type: 'string', value: (a) => categoryOf(a.type) },
  { name: 'date', type: 'string', value: (a) => a.date },
  { name: 'timezone', type: 'string', value: (a) => a.timezone },
  { name: 'spanStart', type: 'string', value: (a) => bound(actionTime(a)?.start) },
  { name: 'spanEnd', type: 'string', value: (a) => bound(actionTime(a)?.end) },
  { name: 'precision', type: 'string', value: (a) => actionTime(a)?.precision },
  { name: 'uncertain', type: 'boolean', value: (a) => actionTime(a)?.uncertain },
  { name: 'approximate', type: 'boolean', value: (a) => actionTime(a)?.approximate },
  { name: 'dated', type: 'boolean', value: (a) => a.date !== undefined },
  { name: 'status', type: 'string', value: (a) => a.status },
  { name: 'summary', type: 'string', value: (a) => a.summary },
  { name: 'claimedBy', type: 'list', value: (a) => list(a.claimedBy) },
  { name: 'disputedBy', type: 'list', value: (a) => list(a.disputedBy) },
  { name: 'respondsTo', type: 'list', value: (a) => list(a.respondsTo) },
  { name: 'episodes', type: 'list', value: (a) => list(a.episodes) },
  // "global" becomes a list of one, so the attribute has one type in every record.
  { name: 'scope', type: 'list', value: (a) => (a.scope === undefined ? undefined : a.scope === 'global' ? ['global'] : list(a.scope)) },
  { name: 'term', type: 'string', value: (a) => a.term },
  { name: 'reason', type: 'string', value: (a) => a.reason },
  { name: 'sources', type: 'list', value: (a) => list(a.citations.map((c) => c.source)) },
  { name: 'sourcesStating', type: 'list', value: (a) => list(a.citations.filter((c) => c.stance === 'states').map((c) => c.source)) },
  { name: 'citations', type: 'string', value: (a) => JSON.stringify(a.citations) },
  { name: 'details', type: 'string', value: (a) => (a.details ? JSON.stringify(a.details) : undefined) },
];

const episodeTime = (e: Episode) => (e.date === undefined ? undefined : mustParseDate(e.date, e.timezone));

/** Episodes, where a format has a place for them (CSV `part=episodes`). */
export const EPISODE_ATTRIBUTES: Attribute<Episode>[] = [
  { name: 'title', type: 'string', value: (e) => e.title },
  { name: 'summary', type: 'string', value: (e) => e.summary },
  { name: 'date', type: 'string', value: (e) => e.date },
  { name: 'timezone', type: 'string', value: (e) => e.timezone },
  { name: 'spanStart', type: 'string', value: (e) => bound(episodeTime(e)?.start) },
  { name: 'spanEnd', type: 'string', value: (e) => bound(episodeTime(e)?.end) },
  { name: 'trigger', type: 'string', value: (e) => e.trigger?.text },
  { name: 'triggerWikidata', type: 'string', value: (e) => e.trigger?.wikidata },
];

/** The episodes named by `actions`, in the order of `all` (the store's, by id). */
export function episodesNamedBy(actions: readonly Action[], all: readonly Episode[]): Episode[] {
  const named = new Set(actions.flatMap((a) => a.episodes ?? []));
  return all.filter((e) => named.has(e.id));
}
