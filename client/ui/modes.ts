/** The view switcher: a button for each registered mode. */
import type { App } from '../app';
import { MODES } from '../modes/registry';
import { setMode } from '../state/reducers';
import { byId, h } from './dom';

export function initModes(app: App): void {
  const nav = byId('modes');
  const buttons = MODES.map((m) => {
    const b = h('button', { type: 'button', 'data-mode': m.id, 'aria-pressed': 'false' }, m.label);
    b.addEventListener('click', () => app.store.update((s) => setMode(s, m.id)));
    return b;
  });
  nav.append(...buttons);
  const sync = () => buttons.forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.mode === app.state.mode)));
  app.store.subscribe(sync);
  sync();
}
