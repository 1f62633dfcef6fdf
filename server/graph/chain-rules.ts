/**
 * The rules chains and cascades run under, built from a request: its filter, the categories
 * followed and the contract's spans, timeline order and precedence. Both stores build them here,
 * so their answers agree.
 */
import {
  actionPredicate,
  actionSpan,
  categoryOf,
  precedence,
  type ActionFilter,
  type Category,
  type Chain,
  type ChainOptions,
  type Action,
  reachThrough,
  type LinksOf,
} from '../../contract';
import type { CascadeRules } from './cascade';
import type { ChainRules, FoundStep } from './chains';

/** What chains follow unless asked otherwise: not claims or relationships (response links are followed too). */
export const DEFAULT_CHAIN_CATEGORIES: readonly Category[] = ['sanction', 'notice', 'restoration', 'migration', 'legal'];

/**
 * `linksOf` gives every response link the store holds (both stores give all of them, so reach
 * through actions the search never fetched counts too); `passes` is the store's own predicate for
 * the filter where it has one (a `layers` filter needs the actors' layers).
 */
export function chainRules(
  filter: ActionFilter,
  options: ChainOptions = {},
  linksOf?: LinksOf,
  passes: (a: Action) => boolean = actionPredicate(filter),
): ChainRules {
  const followed = new Set<string>(options.categories ?? DEFAULT_CHAIN_CATEGORIES);
  const reach = linksOf ? reachThrough(linksOf) : undefined;
  return {
    passes,
    follows: (a) => followed.has(categoryOf(a.type)),
    span: actionSpan,
    precedence: (a, b) => precedence(a, b, reach),
    responds: (b, a) => !!b.respondsTo?.includes(a.id),
    certainOnly: options.certainOnly ?? false,
  };
}

/** The answer's chain: its steps, and one action per step for clients that list actions. */
export function chainOfSteps(steps: readonly FoundStep[]): Chain {
  return { actions: steps.map((s) => s.actions[0]!), steps: steps.map((s) => ({ ...s, actions: [...s.actions] })) };
}

export function cascadeRules(linksOf?: LinksOf): CascadeRules {
  const reach = linksOf ? reachThrough(linksOf) : undefined;
  return {
    span: actionSpan,
    precedence: (a, b) => precedence(a, b, reach),
    category: (a) => categoryOf(a.type),
    respondsTo: (a) => a.respondsTo ?? [],
  };
}
