/**
 * Replays the cascade: the drawn actions disappear, then come back in date order, a date at a
 * time, with the actors they touch. Undated actions stay as the background they are.
 */
import type { Core, EdgeCollection } from 'cytoscape';
import { compareActionDates } from '../../../contract';
import { announce } from '../../ui/dom';
import { formatDate } from '../../ui/format';

export interface Player {
  playing(): boolean;
  start(onStep: (date: string | null) => void, onEnd: () => void): void;
  stop(): void;
}

export const STEP_MS = 650;

export function player(getCy: () => Core, nameOf: (id: string) => string): Player {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let cyRef: Core | null = null;

  const clear = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    cyRef?.elements('.future, .just').removeClass('future just');
    cyRef = null;
  };

  const refreshNodes = (cy: Core) => {
    cy.nodes('.actor').forEach((n) => {
      const edges = n.connectedEdges('.action').not('.filtered, .offview');
      n.toggleClass('future', edges.nonempty() && edges.not('.future').empty());
    });
  };

  return {
    playing: () => timer !== null,
    stop: clear,
    start(onStep, onEnd) {
      clear();
      const cy = getCy();
      cyRef = cy;
      const edges = cy
        .edges('.action')
        .not('.filtered, .offview')
        .filter((e) => e.data('date') !== undefined);
      const sorted = edges
        .toArray()
        .sort((a, b) => compareActionDates(a.data('date') as string, b.data('date') as string) || (a.id() < b.id() ? -1 : 1));
      const steps: { date: string; edges: EdgeCollection }[] = [];
      for (const e of sorted) {
        const date = e.data('date') as string;
        const last = steps[steps.length - 1];
        if (last && compareActionDates(last.date, date) === 0) last.edges = last.edges.union(e);
        else steps.push({ date, edges: cy.collection().union(e) });
      }
      cy.batch(() => {
        edges.addClass('future');
        refreshNodes(cy);
      });
      let i = 0;
      const step = () => {
        const s = steps[i++];
        if (!s) {
          timer = setTimeout(() => {
            clear();
            onEnd();
          }, STEP_MS);
          return;
        }
        cy.batch(() => {
          cy.elements('.just').removeClass('just');
          s.edges.removeClass('future').addClass('just');
          refreshNodes(cy);
        });
        const what = s.edges
          .toArray()
          .slice(0, 2)
          .map((e) => `${nameOf(e.data('source') as string)} ${e.data('label')} ${nameOf(e.data('target') as string)}`)
          .join('; ');
        announce(`${formatDate(s.date, false)}: ${what}${s.edges.length > 2 ? ` and ${s.edges.length - 2} more` : ''}`);
        onStep(s.date);
        timer = setTimeout(step, STEP_MS);
      };
      timer = setTimeout(step, 200);
    },
  };
}
