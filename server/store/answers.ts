/**
 * Ordering, paging and truncation rules that both stores apply to what they found, so the two
 * answer every query identically.
 */
import {
  normalizeText,
  prepareQuery,
  rankOf,
  searchKey,
  type Action,
  type Actor,
  type ActorWithDegree,
  type Page,
  type PageRequest,
  type Source,
} from '../../contract';
import { buildActionGraph, cappedPart } from '../graph';
import type { Subgraph } from './types';

export function page<T>(all: readonly T[], req: PageRequest): Page<T> {
  return { items: all.slice(req.offset, req.offset + req.limit), total: all.length };
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Actors matching `q` best first (then by name, then id); without `q`, by name then id. */
export function rankActors<T extends Actor>(actors: Iterable<T>, q: string | undefined): T[] {
  // The query once per request; each actor's key once per record (contract/search.ts).
  const query = q ? prepareQuery(q) : '';
  const ranked: { actor: T; rank: number; name: string }[] = [];
  for (const actor of actors) {
    const key = searchKey(actor);
    const rank = rankOf(key, query);
    if (rank !== null) ranked.push({ actor, rank, name: key.name });
  }
  ranked.sort((a, b) => a.rank - b.rank || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || byId(a.actor, b.actor));
  return ranked.map((r) => r.actor);
}

/** A source's title, publisher and author, normalized once per record (records are replaced, never changed). */
const sourceTexts = new WeakMap<Source, string[]>();
function sourceText(s: Source): string[] {
  let texts = sourceTexts.get(s);
  if (!texts) sourceTexts.set(s, (texts = [s.title, s.publisher ?? '', s.author ?? ''].map(normalizeText)));
  return texts;
}

/** Sources whose title, publisher or author contains `q` (normalized, bounded), by id. */
export function filterSources(sources: Iterable<Source>, q: string | undefined): Source[] {
  const needle = q ? prepareQuery(q) : '';
  const out = [...sources].filter((s) => !needle || sourceText(s).some((t) => t.includes(needle)));
  return out.sort(byId);
}

export function sortById<T extends { id: string }>(records: T[]): T[] {
  return records.sort(byId);
}

/**
 * Caps a subgraph at `maxElements` with the rule of cappedPart (server/graph): actors in priority
 * order (the order given, or by degree for `'degree'`), each with its actions to actors already
 * kept. Actors keep the order given and actions the timeline order.
 */
export function capSubgraph(
  actors: ActorWithDegree[],
  actions: Action[],
  maxElements: number,
  priority: 'given' | 'degree' = 'given',
): Subgraph {
  const ranked = priority === 'degree' ? [...actors].sort((a, b) => b.degree - a.degree || byId(a, b)) : actors;
  const part = cappedPart(
    buildActionGraph(actors, actions),
    ranked.map((a) => a.id),
    () => true,
    maxElements,
  );
  const kept = new Set(part.actors);
  return { actors: actors.filter((a) => kept.has(a.id)), actions: part.actions, truncated: part.truncated };
}

/** Actor ids an export must carry for its actions to import: both ends, claimants and disputants. */
export function actorsReferencedBy(actions: Iterable<Action>): Set<string> {
  const ids = new Set<string>();
  for (const a of actions) {
    ids.add(a.from);
    ids.add(a.to);
    a.claimedBy?.forEach((id) => ids.add(id));
    a.disputedBy?.forEach((id) => ids.add(id));
  }
  return ids;
}
