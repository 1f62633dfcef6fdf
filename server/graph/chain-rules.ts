/**
 * The rules chains run under, built from a request: its filter, the categories followed and the
 * contract's spans and precedence. Both stores build them here, so their chains agree.
 */
import { actionPredicate, actionSpan, compareActions, type Action, type ActionFilter, type Chain, type ChainOptions } from '../../contract';
import type { CascadeRules } from './cascade';
import type { ChainRules, FoundStep, Precedence } from './chains';

function precedenceOfSpans(a: Action, b: Action): Precedence {
  const x = actionSpan(a);
  const y = actionSpan(b);
  if (!x || !y) return 'possible';
  if (x.end < y.start) return 'certain';
  if (y.end < x.start) return 'impossible';
  return 'possible';
}

export function chainRules(filter: ActionFilter, options: ChainOptions = {}): ChainRules {
  return {
    passes: actionPredicate(filter),
    follows: () => true,
    span: actionSpan,
    precedence: precedenceOfSpans,
    compare: compareActions,
    responds: () => false,
    certainOnly: options.certainOnly ?? false,
  };
}

/** The answer's chain: its steps, and one action per step for clients that list actions. */
export function chainOfSteps(steps: readonly FoundStep[]): Chain {
  return { actions: steps.map((s) => s.actions[0]!), steps: steps.map((s) => ({ ...s, actions: [...s.actions] })) };
}

/** Categories of today's types, until the contract's vocabulary gives them. */
const CATEGORY_OF: Record<string, string> = { BANNED: 'sanction', SUSPENDED: 'sanction', DELISTED: 'sanction', REINSTATED: 'restoration' };

export function cascadeRules(): CascadeRules {
  return {
    span: actionSpan,
    precedence: precedenceOfSpans,
    category: (a) => CATEGORY_OF[a.type] ?? 'other',
    respondsTo: () => [],
  };
}
