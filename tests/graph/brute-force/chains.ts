/**
 * Time-respecting chains by brute force over the raw action list (api-v1, "Time-respecting
 * chains"): every sequence of distinct dated passing actions whose first involves the actor, each
 * sharing an actor with the one before and not beginning before it began; kept when nothing can
 * be added at its end or it has maxLength actions; longest first, then earliest first (action by
 * action in interchange date order, then id), at most `limit`.
 */
import type { Action } from '../../../contract';
import { compareDateValues, meaning } from './dates';

const shares = (a: Action, b: Action) => a.from === b.from || a.from === b.to || a.to === b.from || a.to === b.to;

function earlierFirst(x: Action[], y: Action[]): number {
  for (let i = 0; i < x.length; i++) {
    const c = compareDateValues(x[i]!.date!, y[i]!.date!) || (x[i]!.id < y[i]!.id ? -1 : x[i]!.id > y[i]!.id ? 1 : 0);
    if (c !== 0) return c;
  }
  return 0;
}

export function bruteForceChains(passing: Action[], actor: string, maxLength: number, limit: number): string[][] {
  const dated = passing.filter((a) => a.date !== undefined);
  const found: Action[][] = [];
  const walk = (chain: Action[]) => {
    const last = chain[chain.length - 1]!;
    const next = dated.filter((a) => !chain.includes(a) && shares(a, last) && meaning(a.date!).first >= meaning(last.date!).first);
    if (chain.length === maxLength || next.length === 0) {
      if (chain.length >= 2) found.push(chain);
      return;
    }
    for (const a of next) walk([...chain, a]);
  };
  for (const first of dated) if (first.from === actor || first.to === actor) walk([first]);
  found.sort((x, y) => y.length - x.length || earlierFirst(x, y));
  return found.slice(0, limit).map((c) => c.map((a) => a.id));
}
