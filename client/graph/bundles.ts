/**
 * Parallel actions of one type between the same two actors drawn as one edge with their count
 * ("accused ×7"): seven identical arcs between two actors said less than one and crowded out every
 * label near them. The actions stay in the graph, hidden (class `bundled`), so selection, the
 * details and the timeline still see each one; a click on the bundle draws them again.
 */
import type { Core, EdgeSingular, ElementDefinition } from 'cytoscape';
import { STATUSES } from '../../contract';

const PREFIX = 'bundle:';

/** What makes actions parallel: same ends, same direction, same type. */
export function bundleKey(e: EdgeSingular): string {
  return `${e.data('source') as string}:${e.data('target') as string}:${e.data('type') as string}`;
}

export const bundleId = (key: string): string => PREFIX + key;

/**
 * Draws each group of two or more parallel shown actions as one edge, except the groups in
 * `expanded`. Actions filtered out do not count; bundles from an earlier call are replaced.
 */
export function applyBundles(cy: Core, expanded: ReadonlySet<string>): void {
  cy.batch(() => {
    cy.edges('.bundle').remove();
    cy.edges('.bundled').removeClass('bundled');
    if (cy.edges('.big').nonempty()) return;
    const groups = new Map<string, EdgeSingular[]>();
    cy.edges('.action')
      .not('.filtered, .offview')
      .forEach((e) => {
        const key = bundleKey(e);
        const list = groups.get(key);
        if (list) list.push(e);
        else groups.set(key, [e]);
      });
    const added: ElementDefinition[] = [];
    for (const [key, members] of groups) {
      if (members.length < 2 || expanded.has(key)) continue;
      const first = members[0]!;
      // The bundle's line says how well supported its best-supported action is.
      const status = STATUSES.find((st) => members.some((m) => m.data('status') === st)) ?? 'reported';
      added.push({
        group: 'edges',
        data: {
          id: bundleId(key),
          source: first.data('source') as string,
          target: first.data('target') as string,
          type: first.data('type') as string,
          category: first.data('category') as string,
          status,
          count: members.length,
          members: members.map((m) => m.id()),
          label: `${first.data('label') as string} ×${members.length}`,
        },
        classes: 'bundle',
      });
      for (const m of members) m.addClass('bundled');
    }
    cy.add(added);
  });
}

/** Takes the bundles away and shows every action (for the modes that draw actions one by one). */
export function clearBundles(cy: Core): void {
  cy.batch(() => {
    cy.edges('.bundle').remove();
    cy.edges('.bundled').removeClass('bundled');
  });
}

/** The key of the bundle an action is drawn in, or null when it is drawn on its own. */
export function bundleOf(cy: Core, actionId: string): string | null {
  const e = cy.getElementById(actionId);
  return e.nonempty() && e.isEdge() && e.hasClass('bundled') ? bundleKey(e) : null;
}

/** The bundle key of a bundle edge's id. */
export function keyOfBundle(id: string): string | null {
  return id.startsWith(PREFIX) ? id.slice(PREFIX.length) : null;
}
