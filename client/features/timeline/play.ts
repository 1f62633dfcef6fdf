/**
 * Replays the cascade: the drawn actions disappear, then come back in the timeline's order
 * (order.ts), a span at a time, with the actors they touch. Undated actions stay as the
 * background they are. A bundle of parallel actions (graph/bundles.ts) appears with its first.
 */
import type { Core, EdgeCollection, SingularElementArgument } from 'cytoscape';
import { announce } from '../../ui/dom';
import { formatDate } from '../../ui/format';
import { sameSpan, timelineOrder, type Timed } from './order';

/** One step of a replay: the actions of one span. */
export interface PlayStep {
  date: string;
  /** Earliest instant of the span (UTC ms): never smaller than the step before's. */
  start: number;
  ids: string[];
}

export interface Player {
  playing(): boolean;
  start(onStep: (step: PlayStep) => void, onEnd: () => void): void;
  stop(): void;
}

export const STEP_MS = 650;

const timed = (e: SingularElementArgument): Timed => ({
  id: e.id(),
  start: e.data('start') as number | null | undefined,
  end: e.data('end') as number | null | undefined,
});

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
    cy.edges('.bundle').forEach((b) => {
      const members = cy.edges('.action').filter((e) => (b.data('members') as string[]).includes(e.id()));
      b.toggleClass('future', members.not('.future').empty());
      b.toggleClass('just', members.filter('.just').nonempty());
    });
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
      const sorted = edges.toArray().sort((a, b) => timelineOrder(timed(a), timed(b)));
      const steps: { date: string; first: SingularElementArgument; ids: string[]; edges: EdgeCollection }[] = [];
      for (const e of sorted) {
        const date = e.data('date') as string;
        const last = steps[steps.length - 1];
        if (last && sameSpan(timed(last.first), timed(e))) {
          last.edges = last.edges.union(e);
          last.ids.push(e.id());
        } else steps.push({ date, first: e, ids: [e.id()], edges: cy.collection().union(e) });
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
        const what = s.ids
          .map((id) => cy.getElementById(id))
          .slice(0, 2)
          .map((e) => `${nameOf(e.data('source') as string)} ${e.data('label')} ${nameOf(e.data('target') as string)}`)
          .join('; ');
        announce(`${formatDate(s.date, false)}: ${what}${s.edges.length > 2 ? ` and ${s.edges.length - 2} more` : ''}`);
        onStep({ date: s.date, start: (s.first.data('start') as number | null) ?? -8.64e15, ids: s.ids });
        timer = setTimeout(step, STEP_MS);
      };
      timer = setTimeout(step, 200);
    },
  };
}
