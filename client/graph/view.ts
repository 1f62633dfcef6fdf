/** The graph mode: the fcose drawing of the loaded graph. */
import type { ModeView } from '../app';
import { byId, fill, h } from '../ui/dom';
import { applyPositions, fitView } from './cy';

export const graphView: ModeView = {
  show(app, _s, prev, dataChanged) {
    if (prev !== null) return;
    fill(
      byId('tool-panel'),
      h('h2', {}, 'Graph'),
      h('p', { class: 'hint' }, 'Click an actor or an action for its details. Double-click an actor to add its neighbours. Drag to move, scroll to zoom.'),
    );
    // A new graph was put in at these positions already: setting them again would only mark
    // every element as moved before the first picture.
    if (dataChanged) fitView();
    else void applyPositions(app.fcose, true).then(() => fitView(undefined, true));
  },
  hide() {
    fill(byId('tool-panel'));
  },
};
