/**
 * The loading, empty and error states of the view, shown over the drawing and mirrored in
 * body[data-state] (loading | layout | ready | empty | error) for tests and styles.
 */
import { byId, fill, h } from './dom';

export type ViewStatus = 'loading' | 'layout' | 'ready' | 'empty' | 'error';

export interface StatusAction {
  label: string;
  run: () => void;
}

export function setStatus(status: ViewStatus, message = '', action?: StatusAction, details: string[] = []): void {
  document.body.dataset.state = status;
  const overlay = byId('overlay');
  if (status === 'ready') {
    overlay.hidden = true;
    fill(overlay);
    return;
  }
  overlay.hidden = false;
  overlay.className = `overlay overlay-${status}`;
  const busy = status === 'loading' || status === 'layout';
  overlay.setAttribute('aria-busy', String(busy));
  fill(
    overlay,
    h(
      'div',
      { class: 'overlay-box', role: status === 'error' ? 'alert' : 'status' },
      busy ? h('div', { class: 'spinner', 'aria-hidden': 'true' }) : null,
      h('p', { class: 'overlay-message' }, message),
      details.length ? h('ul', { class: 'error-details' }, ...details.map((d) => h('li', {}, d))) : null,
      action ? actionButton(action) : null,
    ),
  );
}

function actionButton(action: StatusAction): HTMLButtonElement {
  const b = h('button', { type: 'button', class: 'primary' }, action.label);
  b.addEventListener('click', action.run);
  return b;
}
