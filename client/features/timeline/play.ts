/**
 * Replays the cascade: the drawn actions disappear, then come back in date order, a date at a
 * time, with the actors they touch. Undated actions stay as the background they are.
 */
import type { Core, EdgeCollection, SingularElementArgument } from 'cytoscape';
import { announce } from '../../ui/dom';
import { formatDate } from '../../ui/format';

export interface Player {
  playing(): boolean;
  start(onStep: (date: string | null) => void, onEnd: () => void): void;
  stop(): void;
}

export const STEP_MS = 650;

/** The instant span's order (earliest start, then earliest end), as the server's timeline; 0 for the same span. */
function byInstants(a: SingularElementArgument, b: SingularElementArgument): number {
  const sa = (a.data('start') as number | null) ?? -Infinity;
  const sb = (b.data('start') as number | null) ?? -Infinity;
  if (sa !== sb) return sa < sb ? -1 : 1;
  const ea = (a.data('end') as number | null) ?? Infinity;
  const eb = (b.data('end') as number | null) ?? Infinity;
  return ea === eb ? 0 : ea < eb ? -1 : 1;
}

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
      const sorted = edges.toArray().sort((a, b) => byInstants(a, b) || (a.id() < b.id() ? -1 : 1));
      const steps: { date: string; first: SingularElementArgument; edges: EdgeCollection }[] = [];
      for (const e of sorted) {
        const date = e.data('date') as string;
        const last = steps[steps.length - 1];
        if (last && byInstants(last.first, e) === 0) last.edges = last.edges.union(e);
        else steps.push({ date, first: e, edges: cy.collection().union(e) });
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
