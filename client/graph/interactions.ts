/** Pointer input on the drawing: tap selects, double-tap expands, tap on the background clears. */
import type cytoscape from 'cytoscape';
import type { ViewStore } from '../state/store';
import { expand, focusOn, select, shownFocus } from '../state/reducers';
import { onCy } from './cy';

export function bindInteractions(store: ViewStore): void {
  onCy((cy) => {
    cy.on('tap', 'node.actor', (e) =>
      store.update((s) => select(s, { kind: 'actor', id: (e.target as cytoscape.SingularElementArgument).id() })),
    );
    cy.on('tap', 'edge.action', (e) =>
      store.update((s) => select(s, { kind: 'action', id: (e.target as cytoscape.SingularElementArgument).id() })),
    );
    cy.on('tap', (e) => {
      if (e.target === cy && store.get().sel) store.update((s) => select(s, null));
    });
    cy.on('dbltap', 'node.actor', (e) => {
      const id = (e.target as cytoscape.SingularElementArgument).id();
      store.update((s) => (shownFocus(s) === null ? focusOn(s, id) : expand(s, id)));
    });
    const container = cy.container();
    cy.on('mouseover', 'node.actor, edge.action', () => container?.classList.add('pointing'));
    cy.on('mouseout', 'node.actor, edge.action', () => container?.classList.remove('pointing'));
  });
}
