/**
 * The attributes every file export carries for actors and actions, with their types, so GraphML,
 * GEXF, CSV and Cytoscape JSON all describe the same columns.
 */
import { actionLabel, type Action } from '../../../contract';
import type { ActorWithDegree } from '../../store/types';

export type AttrValue = string | number | boolean | undefined;
export type AttrType = 'string' | 'int' | 'boolean';

export interface Attribute<T> {
  name: string;
  type: AttrType;
  value(record: T): AttrValue;
}

/** Lists flattened for formats without list types. */
export const joinList = (list: readonly string[] | undefined): string | undefined => (list?.length ? list.join('; ') : undefined);

export const ACTOR_ATTRIBUTES: Attribute<ActorWithDegree>[] = [
  { name: 'label', type: 'string', value: (a) => a.name },
  { name: 'kind', type: 'string', value: (a) => a.kind },
  { name: 'layer', type: 'string', value: (a) => a.layer },
  { name: 'aliases', type: 'string', value: (a) => joinList(a.aliases) },
  { name: 'description', type: 'string', value: (a) => a.description },
  { name: 'wikidata', type: 'string', value: (a) => a.wikidata },
  { name: 'degree', type: 'int', value: (a) => a.degree },
];

export const ACTION_ATTRIBUTES: Attribute<Action>[] = [
  { name: 'label', type: 'string', value: (a) => actionLabel(a.type) },
  { name: 'actionType', type: 'string', value: (a) => a.type },
  { name: 'date', type: 'string', value: (a) => a.date },
  { name: 'timezone', type: 'string', value: (a) => a.timezone },
  { name: 'dated', type: 'boolean', value: (a) => a.date !== undefined },
  { name: 'status', type: 'string', value: (a) => a.status },
  { name: 'summary', type: 'string', value: (a) => a.summary },
  { name: 'claimedBy', type: 'string', value: (a) => joinList(a.claimedBy) },
  { name: 'disputedBy', type: 'string', value: (a) => joinList(a.disputedBy) },
  { name: 'sources', type: 'string', value: (a) => joinList(a.citations.map((c) => c.source)) },
  { name: 'details', type: 'string', value: (a) => (a.details ? JSON.stringify(a.details) : undefined) },
];
