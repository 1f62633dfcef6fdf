/** GET /api/cascade: the sanctions, notices and restorations against one actor, in timeline order. */
import { categoryOf, sortTimeline, type Action, type ActionFilter, type Layer } from '../../contract';
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

/**
 * The cascade through the store's own reads only, so both stores answer it alike. Responses are
 * found among the actions touching the target or an actor that acted on it (a response shares an
 * actor with what it answers: a suit by the target, a denial or reinstatement by the actor), and
 * from the store's own `responses` on an action where it gives them.
 */
export async function cascadeFor(store: GraphStore, target: string, filter: ActionFilter) {
  const wanted = new Set<string>(CASCADE_CATEGORIES);
  const entries = sortTimeline(
    (await actionsTouching(store, target, filter)).filter((a) => a.to === target && wanted.has(categoryOf(a.type))),
  );
  const acting = [...new Set(entries.map((a) => a.from))];
  const near = new Map<string, Action>();
  for (const actor of [target, ...acting]) for (const a of await actionsTouching(store, actor, {})) near.set(a.id, a);
  const rules = cascadeRules((id) => near.get(id)?.respondsTo);

  const responses = new Map<string, Set<string>>(entries.map((a) => [a.id, new Set<string>()]));
  for (const a of near.values()) for (const t of a.respondsTo ?? []) responses.get(t)?.add(a.id);
  const details = await inBatches(entries, (a) => store.getAction(a.id));
  details.forEach((d, i) => {
    for (const id of (d as { responses?: string[] } | null)?.responses ?? []) responses.get(entries[i]!.id)!.add(id);
  });

  const layers = new Map<string, Layer | undefined>();
  (await inBatches(acting, (id) => store.getActor(id))).forEach((actor, i) => layers.set(acting[i]!, actor?.layer));

  const inCascade = new Set(entries.map((a) => a.id));
  const named = new Set<string>();
  for (const a of entries) for (const id of [...rules.respondsTo(a), ...responses.get(a.id)!]) if (!inCascade.has(id)) named.add(id);
  const records = new Map<string, Action>();
  const unknown = [...named].filter((id) => !near.has(id));
  (await inBatches(unknown, (id) => store.getAction(id))).forEach((d) => {
    if (d) records.set(d.id, withoutSources(d));
  });
  for (const id of named) {
    const a = near.get(id);
    if (a) records.set(id, a);
  }
  const byTimeline = (ids: Iterable<string>) =>
    sortTimeline([...ids].map((id) => records.get(id) ?? near.get(id)).filter((a): a is Action => a !== undefined)).map((a) => a.id);
  return cascadeOf(
    target,
    entries,
    (id) => layers.get(id),
    (id) => byTimeline(responses.get(id) ?? []),
    sortTimeline([...records.values()]),
    rules,
  );
}

/** The action record of an answer that also lists its sources. */
function withoutSources(d: Action & { sources?: unknown }): Action {
  const { sources: _sources, ...action } = d;
  return action;
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
