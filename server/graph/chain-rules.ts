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
  type RespondsTo,
} from '../../contract';
import type { CascadeRules } from './cascade';
import type { ChainRules, FoundStep } from './chains';

/** What chains follow unless asked otherwise: not claims or relationships (response links are followed too). */
export const DEFAULT_CHAIN_CATEGORIES: readonly Category[] = ['sanction', 'notice', 'restoration', 'migration', 'legal'];

/** The response links of actions by id; undefined for an action the caller does not hold. */
export type LinksOf = (id: string) => readonly string[] | undefined;

/** Whether `later` responds to `earlier` at any remove, following links as `linksOf` gives them. */
export function reachThrough(linksOf: LinksOf): RespondsTo {
  return (later, earlier) => {
    if (later === earlier) return false;
    const seen = new Set<string>([later]);
    const stack = [later];
    while (stack.length) {
      for (const t of linksOf(stack.pop()!) ?? []) {
        if (t === earlier) return true;
        if (!seen.has(t)) {
          seen.add(t);
          stack.push(t);
        }
      }
    }
    return false;
  };
}

/**
 * `linksOf` gives the response links the store holds (all of them for the embedded store; what a
 * traversal fetched for Neo4j); `passes` is the store's own predicate for the filter where it has
 * one (a `layers` filter needs the actors' layers).
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
