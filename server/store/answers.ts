/**
 * Ordering, paging and truncation rules that both stores apply to what they found, so the two
 * answer every query identically.
 */
import { compareActions, matchRank, normalizeText, type Action, type Actor, type Source } from '../domain';
import type { ActorWithDegree, Page, PageRequest, Subgraph } from './types';

export function page<T>(all: readonly T[], req: PageRequest): Page<T> {
  return { items: all.slice(req.offset, req.offset + req.limit), total: all.length };
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Actors matching `q` best first (then by name, then id); without `q`, by name then id. */
export function rankActors<T extends Actor>(actors: Iterable<T>, q: string | undefined): T[] {
  const ranked: { actor: T; rank: number; name: string }[] = [];
  for (const actor of actors) {
    const rank = q ? matchRank(actor, q) : 0;
    if (rank !== null) ranked.push({ actor, rank, name: normalizeText(actor.name) });
  }
  ranked.sort((a, b) => a.rank - b.rank || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || byId(a.actor, b.actor));
  return ranked.map((r) => r.actor);
}

/** Sources whose title, publisher or author contains `q` (normalized), by id. */
export function filterSources(sources: Iterable<Source>, q: string | undefined): Source[] {
  const needle = q ? normalizeText(q) : '';
  const out = [...sources].filter(
    (s) => !needle || [s.title, s.publisher ?? '', s.author ?? ''].some((t) => normalizeText(t).includes(needle)),
  );
  return out.sort(byId);
}

export function sortActions(actions: Action[]): Action[] {
  return actions.sort(compareActions);
}

export function sortById<T extends { id: string }>(records: T[]): T[] {
  return records.sort(byId);
}

/**
 * Caps a subgraph at `maxElements`. Under the cap it is returned whole. Over it, actors are taken
 * in priority order (the order given, e.g. by distance from a focus, or by degree for `'degree'`),
 * each with the actions linking it to actors already kept, so the answer stays a connected
 * picture of the most important part rather than a list of isolated nodes. Actors keep the order
 * given and actions the timeline order.
 */
export function capSubgraph(
  actors: ActorWithDegree[],
  actions: Action[],
  maxElements: number,
  priority: 'given' | 'degree' = 'given',
): Subgraph {
  if (actors.length + actions.length <= maxElements) return { actors, actions: sortActions(actions), truncated: false };
  const ranked = priority === 'degree' ? [...actors].sort((a, b) => b.degree - a.degree || byId(a, b)) : actors;
  const byActor = new Map<string, Action[]>();
  for (const a of sortActions([...actions])) {
    for (const end of [a.from, a.to]) {
      let list = byActor.get(end);
      if (!list) byActor.set(end, (list = []));
      list.push(a);
    }
  }
  const kept = new Set<string>();
  const keptActions = new Set<Action>();
  let used = 0;
  for (const actor of ranked) {
    if (used >= maxElements) break;
    kept.add(actor.id);
    used++;
    for (const a of byActor.get(actor.id) ?? []) {
      if (used >= maxElements) break;
      if (kept.has(a.from) && kept.has(a.to) && !keptActions.has(a)) {
        keptActions.add(a);
        used++;
      }
    }
  }
  return {
    actors: actors.filter((a) => kept.has(a.id)),
    actions: sortActions([...keptActions]),
    truncated: true,
  };
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
