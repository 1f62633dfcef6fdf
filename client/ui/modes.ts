/** The view switcher: Graph, Stack, Chains, Paths, Table. */
import type { App } from '../app';
import { setMode } from '../state/reducers';
import { MODES, MODE_LABELS } from '../state/types';
import { byId, h } from './dom';

export function initModes(app: App): void {
  const nav = byId('modes');
  const buttons = MODES.map((m) => {
    const b = h('button', { type: 'button', 'data-mode': m, 'aria-pressed': 'false' }, MODE_LABELS[m]);
    b.addEventListener('click', () => app.store.update((s) => setMode(s, m)));
    return b;
  });
  nav.append(...buttons);
  const sync = () => buttons.forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.mode === app.state.mode)));
  app.store.subscribe(sync);
  sync();
}
