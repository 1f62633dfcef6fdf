/** GET /api/cascade: the sanctions, notices and restorations against one actor, in timeline order. */
import { categoryOf, sortTimeline, type Action, type ActionFilter, type ActionWithSources, type Layer } from '../../contract';
import { CASCADE_CATEGORIES, cascadeOf, cascadeRules } from '../graph';
import type { GraphStore } from '../store/types';
import { mustHaveActor } from './paths';
import { filteredQuery, idParam, toActionFilter } from './query';
import { defineRoute } from './route';
import { CascadeAnswer } from './schemas';

const PAGE = 1000;
/** Record look-ups in flight at once (layers, responses, linked actions). */
const AT_ONCE = 16;

async function inBatches<T, R>(items: readonly T[], fetch: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += AT_ONCE) out.push(...(await Promise.all(items.slice(i, i + AT_ONCE).map(fetch))));
  return out;
}

/** Every passing action touching `actor`, in timeline order (the store's timeline). */
async function actionsTouching(store: GraphStore, actor: string, filter: ActionFilter): Promise<Action[]> {
  const all: Action[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.listActions({ ...filter, actor, limit: PAGE, offset });
    all.push(...page.items);
    if (page.items.length < PAGE || all.length >= page.total) return all;
  }
}

/** How many records a cascade reads to follow response links (what entries respond to, at any remove). */
const MAX_LINKED = 10_000;

/** The action record of an answer that also carries its sources, responses and time. */
function recordOf(d: ActionWithSources): Action {
  const { sources: _sources, responses: _responses, time: _time, ...action } = d;
  return action;
}

/**
 * The cascade through the store's own reads only, so both stores answer it alike: the entries
 * from the timeline, their responses from each action's answer, and the actions they respond to,
 * at any remove, read one link at a time so precedence sees every chain of responses.
 */
export async function cascadeFor(store: GraphStore, target: string, filter: ActionFilter) {
  const wanted = new Set<string>(CASCADE_CATEGORIES);
  const entries = sortTimeline(
    (await actionsTouching(store, target, filter)).filter((a) => a.to === target && wanted.has(categoryOf(a.type))),
  );
  const known = new Map<string, Action>(entries.map((a) => [a.id, a]));
  const responses = new Map<string, string[]>();
  (await inBatches(entries, (a) => store.getAction(a.id))).forEach((d, i) => responses.set(entries[i]!.id, d?.responses ?? []));

  // What the entries respond to, and what that responds to, and so on; and the responses' records.
  let wantedIds = [...new Set([...entries.flatMap((a) => a.respondsTo ?? []), ...[...responses.values()].flat()])];
  while (wantedIds.length && known.size < MAX_LINKED) {
    const missing = wantedIds.filter((id) => !known.has(id)).slice(0, MAX_LINKED - known.size);
    const found = (await inBatches(missing, (id) => store.getAction(id))).filter((d): d is ActionWithSources => d !== null);
    for (const d of found) known.set(d.id, recordOf(d));
    wantedIds = [...new Set(found.flatMap((d) => d.respondsTo ?? []))];
  }
  const rules = cascadeRules((id) => known.get(id)?.respondsTo);

  const acting = [...new Set(entries.map((a) => a.from))];
  const layers = new Map<string, Layer | undefined>();
  (await inBatches(acting, (id) => store.getActor(id))).forEach((actor, i) => layers.set(acting[i]!, actor?.layer));

  const inCascade = new Set(entries.map((a) => a.id));
  const named = new Set<string>();
  for (const a of entries) for (const id of [...(a.respondsTo ?? []), ...responses.get(a.id)!]) if (!inCascade.has(id)) named.add(id);
  const inTimeline = (ids: Iterable<string>) =>
    sortTimeline([...ids].map((id) => known.get(id)).filter((a): a is Action => a !== undefined)).map((a) => a.id);
  return cascadeOf(
    target,
    entries,
    (id) => layers.get(id),
    (id) => inTimeline(responses.get(id) ?? []),
    sortTimeline([...named].map((id) => known.get(id)).filter((a): a is Action => a !== undefined)),
    rules,
  );
}

export const cascadeRoutes = [
  defineRoute({
    method: 'get',
    path: '/cascade',
    operationId: 'getCascade',
    summary: 'The sanctions, notices and restorations against `target`, in timeline order, with the layers reached',
    description:
      'Each entry is an action against the target (category sanction, notice or restoration, passing the filters) ' +
      'with the layer of the actor that acted, the time since the first entry, whether it certainly or only possibly ' +
      'follows the entry before, and the response links both ways. The summary names the first and last sanction, ' +
      'the time between their earliest instants, and the layers that sanctioned the target in the order first reached.',
    tag: 'traversals',
    cacheable: true,
    query: filteredQuery({
      target: idParam('The actor the cascade is against.'),
    }),
    responses: {
      200: { description: 'The cascade.', schema: CascadeAnswer },
      404: { description: 'No actor has the `target` id.' },
    },
    async handle({ query }, { store }) {
      await mustHaveActor(store, query.target, 'target');
      return cascadeFor(store, query.target, toActionFilter(query));
    },
  }),
];
