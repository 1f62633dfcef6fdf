/** The graph mode's view: the fcose drawing of the loaded graph. */
import type { App } from '../../app';
import { applyPositions, fitView } from '../../graph/cy';
import { byId, fill, h } from '../../ui/dom';
import type { ModeView } from '../mode-view';

export function view(app: App): ModeView {
  return {
    show(_s, prev, dataChanged) {
      if (prev !== null) return;
      fill(
        byId('tool-panel'),
        h('h2', {}, 'Graph'),
        h(
          'p',
          { class: 'hint' },
          'Click an actor or an action for its details. Double-click an actor to add its neighbours. Drag to move, scroll to zoom.',
        ),
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
}
