/** The stack mode's view: actors in rows by layer, x by first action date or by name. */
import type { App } from '../../app';
import { applyPositions, fitView } from '../../graph/cy';
import type { ViewState } from '../../state/types';
import { byId, fill, h } from '../../ui/dom';
import type { ModeView } from '../mode-view';
import { stackLayout } from './layout';
import type { StackX } from './mode';
import { setStackX } from './reducers';

/** Actor labels are 12 px at zoom 1: below this zoom they shrink under about 11 px. */
const READABLE_ZOOM = 0.92;

/**
 * A stack with many dates is far wider than the view, and fitting it whole shrank its labels to
 * about 6 px. The zoom is kept where they can be read, showing the start of the rows (their
 * layer names at the left); the rest is a pan away.
 */
function keepLabelsReadable(app: App): void {
  const cy = app.cy;
  if (cy.zoom() >= READABLE_ZOOM) return;
  const bb = cy.elements(':visible').boundingBox({});
  cy.zoom(READABLE_ZOOM);
  cy.pan({
    x: 12 - bb.x1 * READABLE_ZOOM,
    y: Math.max(12 - bb.y1 * READABLE_ZOOM, (cy.height() - bb.h * READABLE_ZOOM) / 2 - bb.y1 * READABLE_ZOOM),
  });
}

export function view(app: App): ModeView {
  let drawnKey = '';
  const radios = new Map<StackX, HTMLInputElement>();
  const group = h('fieldset', { class: 'radios' }, h('legend', {}, 'Order actors in each row by'));
  for (const [value, label] of [
    ['date', 'date of their first action'],
    ['name', 'name'],
  ] as [StackX, string][]) {
    const r = h('input', { type: 'radio', name: 'stack-x', id: `stack-x-${value}`, value });
    r.addEventListener('change', () => r.checked && app.store.update((s) => setStackX(s, value)));
    radios.set(value, r);
    group.append(h('div', {}, r, h('label', { for: `stack-x-${value}` }, label)));
  }

  const draw = (s: ViewState, animate: boolean) => {
    const cy = app.cy;
    cy.remove('.lane, .axis');
    const { positions, decorations } = stackLayout(cy, s.modes.stack.x);
    cy.add(decorations);
    void applyPositions(positions, animate).then(() => {
      // Not animated: an animated fit would pass through the unreadable zoom and end there.
      fitView(undefined, false);
      keepLabelsReadable(app);
    });
  };

  return {
    show(s, prev) {
      if (prev === null) {
        fill(
          byId('tool-panel'),
          h('h2', {}, 'Stack'),
          h(
            'p',
            { class: 'hint' },
            'Each row is a layer of the stack. Lines that cross rows show which layer cut off which: an app store removing an app, a host suspending a platform.',
          ),
          group,
        );
      }
      for (const [v, r] of radios) r.checked = v === s.modes.stack.x;
      const key = JSON.stringify([s.modes.stack.x, s.layers]);
      if (prev === null || key !== drawnKey) {
        draw(s, prev !== null);
        drawnKey = key;
      }
    },
    hide() {
      drawnKey = '';
      app.cy.remove('.lane, .axis');
      fill(byId('tool-panel'));
    },
  };
}
