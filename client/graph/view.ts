/** The graph mode: the fcose drawing of the loaded graph. */
import type { App, ModeView } from '../app';
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
    void applyPositions(app.fcose, !dataChanged).then(() => fitView(undefined, !dataChanged));
  },
  hide() {
    fill(byId('tool-panel'));
  },
};
