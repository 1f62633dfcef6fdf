/**
 * The parameters of the Cypher prefilter (`ACTION_PASSES` in cypher.ts) for an ActionFilter, and
 * the actor layers the filter's predicate reads (`actionPredicate` needs them for `layers`).
 */
import neo4j, { type Integer } from 'neo4j-driver';
import { actionPredicate, filterTypes, hasDateWindow, windowOf, type Action, type ActionFilter, type Layer } from '../../../contract';
import { ACTOR_IDS_IN_LAYERS } from './cypher';
import type { Tx } from './db';

export type FilterParams = {
  types: string[] | null;
  statuses: string[] | null;
  localFrom: Integer | null;
  localTo: Integer | null;
  instantFrom: Integer | null;
  instantTo: Integer | null;
  claimedBy: string[] | null;
  disputedBy: string[] | null;
  episodes: string[] | null;
  layers: string[] | null;
  datedOnly: boolean;
};

const list = <T extends string>(values: readonly T[] | undefined): T[] | null => (values?.length ? [...values] : null);

export function filterParams(filter: ActionFilter, datedOnly = false): FilterParams {
  const win = hasDateWindow(filter) ? windowOf(filter) : null;
  const ms = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? null : neo4j.int(v));
  const types = filterTypes(filter);
  return {
    types: types ? [...types] : null,
    statuses: list(filter.statuses),
    localFrom: win?.local ? ms(win.start) : null,
    localTo: win?.local ? ms(win.end) : null,
    instantFrom: win && !win.local ? ms(win.start) : null,
    instantTo: win && !win.local ? ms(win.end) : null,
    claimedBy: list(filter.claimedBy),
    disputedBy: list(filter.disputedBy),
    episodes: list(filter.episodes),
    layers: list(filter.layers),
    datedOnly,
  };
}

/**
 * The filter's predicate, read in this transaction: with `layers`, the layer of every actor in
 * one of them (the others answer undefined, which the predicate reads as "not in the layers").
 */
export async function predicateIn(tx: Tx, filter: ActionFilter): Promise<(a: Action) => boolean> {
  if (!filter.layers?.length) return actionPredicate(filter);
  const layers = new Map<string, Layer>();
  for (const row of await tx.run(ACTOR_IDS_IN_LAYERS, { layers: [...filter.layers] })) layers.set(row.id as string, row.layer as Layer);
  return actionPredicate(filter, (id) => layers.get(id));
}
