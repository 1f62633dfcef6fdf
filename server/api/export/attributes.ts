/**
 * The attributes every file export carries for actors and actions, with their types, so GraphML,
 * GEXF, CSV and Cytoscape JSON all describe the same columns under the same names.
 */
import { actionLabel, type Action } from '../../../contract';
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

export const ACTION_ATTRIBUTES: Attribute<Action>[] = [
  { name: 'label', type: 'string', value: (a) => actionLabel(a.type) },
  { name: 'actionType', type: 'string', value: (a) => a.type },
  { name: 'date', type: 'string', value: (a) => a.date },
  { name: 'endDate', type: 'string', value: (a) => a.endDate },
  { name: 'dated', type: 'boolean', value: (a) => a.date !== undefined },
  { name: 'status', type: 'string', value: (a) => a.status },
  { name: 'summary', type: 'string', value: (a) => a.summary },
  { name: 'claimedBy', type: 'list', value: (a) => list(a.claimedBy) },
  { name: 'disputedBy', type: 'list', value: (a) => list(a.disputedBy) },
  { name: 'sourceIds', type: 'list', value: (a) => list(a.sourceIds) },
  { name: 'details', type: 'string', value: (a) => (a.details ? JSON.stringify(a.details) : undefined) },
];
