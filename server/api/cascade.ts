/** GET /api/cascade: the sanctions, notices and restorations against one actor, in timeline order. */
import { compareActions, type Action, type ActionFilter, type Layer } from '../../contract';
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

/** The cascade through the store's own reads only, so both stores answer it alike. */
export async function cascadeFor(store: GraphStore, target: string, filter: ActionFilter) {
  const rules = cascadeRules();
  const wanted = new Set<string>(CASCADE_CATEGORIES);
  const entries = (await actionsTouching(store, target, filter)).filter((a) => a.to === target && wanted.has(rules.category(a)));
  const details = await inBatches(entries, (a) => store.getAction(a.id));
  const responses = new Map<string, string[]>();
  entries.forEach((a, i) => responses.set(a.id, [...((details[i] as { responses?: string[] } | null)?.responses ?? [])]));
  const actors = [...new Set(entries.map((a) => a.from))];
  const layers = new Map<string, Layer | undefined>();
  (await inBatches(actors, (id) => store.getActor(id))).forEach((actor, i) => layers.set(actors[i]!, actor?.layer));
  const inCascade = new Set(entries.map((a) => a.id));
  const named = new Set<string>();
  for (const a of entries) for (const id of [...rules.respondsTo(a), ...responses.get(a.id)!]) if (!inCascade.has(id)) named.add(id);
  const linked = (await inBatches([...named], (id) => store.getAction(id)))
    .filter((a): a is NonNullable<typeof a> => a !== null)
    .map(({ sources: _sources, ...action }) => action)
    .sort(compareActions);
  return cascadeOf(
    target,
    entries,
    (id) => layers.get(id),
    (id) => responses.get(id) ?? [],
    linked,
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
