/**
 * The graph mode's view: the loaded graph where its actors were placed (graph/placement.ts),
 * parallel actions drawn as one edge (graph/bundles.ts), a layout made again only on request.
 */
import type cytoscape from 'cytoscape';
import type { App } from '../../app';
import { LAYOUT_LABELS } from '../../graph/arrange';
import { applyBundles, bundleOf, clearBundles, keyOfBundle } from '../../graph/bundles';
import { applyPositions, fitView, getCy, onCy, quickBounds, relabel, shownElements } from '../../graph/cy';
import { forgetPlaces, layoutOf, remember } from '../../graph/placement';
import { shownFocus } from '../../state/reducers';
import type { ViewState } from '../../state/types';
import { announce, byId, fill, h } from '../../ui/dom';
import type { ModeView } from '../mode-view';
import { LAYOUTS, type LayoutChoice } from './mode';
import { clearPins, openBundle, pinActor, setLayout } from './reducers';

export function view(app: App): ModeView {
  let active = false;

  const choice = h('select', { id: 'layout-choice' }, ...LAYOUTS.map((l) => h('option', { value: l }, LAYOUT_LABELS[l])));
  choice.addEventListener('change', () => app.store.update((s) => setLayout(s, choice.value as LayoutChoice)));
  const again = h('button', { type: 'button', id: 'relayout' }, 'Lay out again');
  again.addEventListener('click', () => {
    app.store.update(clearPins, { replace: true });
    void relayout(app.state);
  });

  /**
   * Draws the bundles, but those opened (kept in the link) and the one holding the selected action,
   * which stays open once the selection moves on, as if clicked: the link says so too.
   */
  const bundle = (s: ViewState) => {
    const open = new Set(s.modes.graph.open);
    applyBundles(getCy(), open);
    const selKey = selectedInBundle(s);
    if (!selKey) return;
    open.add(selKey);
    applyBundles(getCy(), open);
    queueMicrotask(() => app.store.update((st) => openBundle(st, selKey), { replace: true }));
  };

  /** A new layout of the whole graph by the choice in the view; every kept place is let go. */
  const relayout = async (s: ViewState) => {
    const positions = await layoutOf(app.graph, s.modes.graph.layout, shownFocus(s));
    if (!active) return;
    forgetPlaces();
    remember(positions);
    app.fcose = positions;
    await applyPositions(positions, true);
    fitView(undefined, true);
    relabel();
  };

  onCy((cy) => {
    cy.on('tap', 'edge.bundle', (e) => {
      const key = keyOfBundle((e.target as cytoscape.EdgeSingular).id());
      if (!key) return;
      const n = Number((e.target as cytoscape.EdgeSingular).data('count'));
      // Drawn by show(), which the change of state calls at once.
      app.store.update((s) => openBundle(s, key), { replace: true });
      announce(`${n} parallel actions drawn one by one.`);
    });
    // A dragged actor stays where it was let go: in this visit's places and as a pin in the link.
    cy.on('dragfree', 'node.actor', (e) => {
      if (!active) return;
      const n = e.target as cytoscape.NodeSingular;
      const p = { ...n.position() };
      app.fcose = { ...app.fcose, [n.id()]: p };
      remember({ [n.id()]: p });
      app.store.update((s) => pinActor(s, n.id(), p), { replace: true });
    });
  });

  const showPanel = (s: ViewState) => {
    choice.value = s.modes.graph.layout;
    const pinned = Object.keys(s.modes.graph.pins).length;
    fill(
      byId('tool-panel'),
      h('h2', {}, 'Graph'),
      h(
        'p',
        { class: 'hint' },
        'Click an actor or an action for its details; a count on a line (“accused ×7”) opens its actions. Double-click an actor to add its neighbours. Drag to move, scroll to zoom. Actors stay where they are when filters change.',
      ),
      h('div', { class: 'layout-tools' }, h('label', { for: 'layout-choice' }, 'Layout'), choice, again),
      pinned ? h('p', { class: 'hint', id: 'pin-note' }, `${pinned} actor${pinned === 1 ? '' : 's'} pinned where you dropped them.`) : '',
    );
  };

  return {
    show(s, prev, dataChanged) {
      active = true;
      if (prev === null) {
        showPanel(s);
        bundle(s);
        if (dataChanged) {
          // Kept places stay in view as they were; only a new layout, or nothing left in view, refits.
          if (app.freshLayout || !inView()) fitView();
          relabel();
        } else {
          // Back from another mode, which moved the actors.
          void applyPositions(app.fcose, true).then(() => {
            fitView(undefined, true);
            relabel();
          });
        }
        return;
      }
      if (prev.modes.graph.layout !== s.modes.graph.layout) void relayout(s);
      if (Object.keys(prev.modes.graph.pins).length !== Object.keys(s.modes.graph.pins).length) showPanel(s);
      if (selectedInBundle(s) || prev.layers !== s.layers || prev.modes.graph.open !== s.modes.graph.open) bundle(s);
      relabel();
    },
    hide() {
      active = false;
      clearBundles(getCy());
      fill(byId('tool-panel'));
    },
  };
}

/** The key of the bundle the selected action is drawn in, so that it opens and the selection shows. */
function selectedInBundle(s: ViewState): string | null {
  return s.sel?.kind === 'action' ? bundleOf(getCy(), s.sel.id) : null;
}

/** Whether some shown actor is inside the viewport. */
function inView(): boolean {
  const cy = getCy();
  const vis = shownElements(cy).nodes('.actor');
  if (vis.empty()) return true;
  const ext = cy.extent();
  const bb = quickBounds(vis);
  return !(bb.x2 < ext.x1 || bb.x1 > ext.x2 || bb.y2 < ext.y1 || bb.y1 > ext.y2);
}
