/**
 * Tiny builders for hand-made graphs. Every expected answer in the contract suite is worked out by
 * hand from graphs built with these, never copied from a store's output.
 */
import {
  INTERCHANGE_FORMAT,
  type Action,
  type ActionType,
  type Actor,
  type Citation,
  type Episode,
  type InterchangeDocument,
  type Source,
  type Status,
} from '../../contract';
import type { GraphStore } from '../../server/store/types';
import type { StoreFactory } from '../support/stores';

/** The source every action built by `action()` cites unless told otherwise. */
export const SRC = 'src';

export function actor(id: string, extra: Partial<Actor> = {}): Actor {
  return { id, name: `Actor ${id}`, kind: 'company', ...extra };
}

export function source(id: string, extra: Partial<Source> = {}): Source {
  return { id, title: `Source ${id}`, ...extra };
}

export function episode(id: string, extra: Partial<Episode> = {}): Episode {
  return { id, title: `Episode ${id}`, summary: `What happened in ${id}`, ...extra };
}

/** Citations of the sources, with the stance the status needs (a claim's sources report it). */
export function cite(sources: readonly string[], status: Status = 'confirmed'): Citation[] {
  const stance = status === 'alleged' || status === 'disputed' ? 'reports-claim' : 'states';
  return sources.map((source) => ({ source, stance }));
}

/** `sources`: shorthand for citations of those source ids (cite()). */
export type ActionExtra = Partial<Action> & { sources?: string[] };

/** A confirmed action citing SRC; `date` left out when undefined (an undated action). */
export function action(id: string, type: ActionType, from: string, to: string, date?: string, extra: ActionExtra = {}): Action {
  const { sources, ...rest } = extra;
  const status = rest.status ?? 'confirmed';
  const a: Action = { id, type, from, to, status, summary: `${from} ${type} ${to}`, citations: cite(sources ?? [SRC], status), ...rest };
  if (date !== undefined) a.date = date;
  return a;
}

/**
 * An interchange document. Actors may be given as ids; SRC is added to the sources when an action
 * cites it and it is not given.
 */
export function doc(
  parts: { actors?: Array<Actor | string>; sources?: Source[]; episodes?: Episode[]; actions?: Action[]; timezone?: string } = {},
): InterchangeDocument {
  const actors = (parts.actors ?? []).map((a) => (typeof a === 'string' ? actor(a) : a));
  const sources = [...(parts.sources ?? [])];
  const actions = parts.actions ?? [];
  if (actions.some((a) => a.citations.some((c) => c.source === SRC)) && !sources.some((s) => s.id === SRC)) sources.push(source(SRC));
  return {
    format: INTERCHANGE_FORMAT,
    ...(parts.timezone !== undefined && { timezone: parts.timezone }),
    actors,
    sources,
    ...(parts.episodes !== undefined && { episodes: parts.episodes }),
    actions,
  };
}

/** Opens an empty store of the factory's kind and imports `document` into it. */
export async function storeWith(factory: StoreFactory, document: InterchangeDocument): Promise<GraphStore> {
  const store = await factory.open();
  await store.importDocument(document);
  return store;
}

/** A deep copy, so a test keeps its own version of what it wrote. */
export function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export const ids = (records: ReadonlyArray<{ id: string }>): string[] => records.map((r) => r.id);

/** A page request big enough for every hand-made graph. */
export const ALL = { limit: 1000, offset: 0 } as const;
