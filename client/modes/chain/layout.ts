/**
 * A chain drawn left to right: actors in columns by the step where they first take part, the
 * steps numbered on their edges ("1. banned · 8 Jan 2021").
 */
import type { Core } from 'cytoscape';
import type { Positions } from '../../graph/fcose-run';
import { shortDate } from '../../ui/format';

/** Wide enough for a step's label ("2. users moved to · 8 Jan 2021 14:00 – 9 Jan 2021") between two columns. */
export const COLUMN = 235;
export const ROW = 160;

export function chainPositions(cy: Core, actions: string[]): Positions {
  const order: string[] = [];
  for (const id of actions) {
    const e = cy.getElementById(id);
    if (e.empty()) continue;
    for (const end of [e.data('source') as string, e.data('target') as string]) if (!order.includes(end)) order.push(end);
  }
  const pos: Positions = {};
  order.forEach((id, i) => (pos[id] = { x: i * COLUMN, y: (i % 2) * ROW }));
  return pos;
}

/** Marks the chain's edges with their step labels and hides everything else. */
export function markChain(cy: Core, actions: string[]): void {
  cy.batch(() => {
    clearChain(cy);
    const keep = new Set<string>();
    // Steps between the same two actors bow out further each, on alternate sides, so their
    // numbered labels do not sit on one another (steps 5 and 6 read "56." when they did).
    const between = new Map<string, number>();
    actions.forEach((id, i) => {
      const e = cy.getElementById(id);
      if (e.empty()) return;
      const [a, b] = [e.data('source') as string, e.data('target') as string];
      const pair = a < b ? `${a} ${b}` : `${b} ${a}`;
      const k = between.get(pair) ?? 0;
      between.set(pair, k + 1);
      const side = (k % 2 === 0 ? 1 : -1) * (a < b ? 1 : -1);
      e.data('cpd', side * (40 + 45 * Math.floor(k / 2)));
      e.data('step', `${i + 1}. ${e.data('label')} · ${e.data('date') ? shortDate(e.data('date') as string) : 'undated'}`);
      e.addClass('chain-step');
      keep
        .add(id)
        .add(e.data('source') as string)
        .add(e.data('target') as string);
    });
    cy.elements('.actor, .action').forEach((e) => void (keep.has(e.id()) || e.addClass('offview')));
  });
}

export function clearChain(cy: Core): void {
  cy.elements('.offview').removeClass('offview');
  cy.edges('.chain-step').removeClass('chain-step').removeData('step cpd');
}
