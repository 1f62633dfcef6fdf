/**
 * Editing, for whoever holds the API token: the token (kept in sessionStorage only), the action
 * form and the import. Opened from the header's Edit button or an action's "Change" button.
 */
import type { Action } from '../../../contract';
import type { App } from '../../app';
import { token } from '../../api';
import { byId, fill, h } from '../../ui/dom';
import { setActionExtra } from '../details';
import { actionForm } from './form';
import { importZone } from './import';
import { tokenProblem } from './token-check';

export function initEdit(app: App): void {
  const dialog = byId<HTMLDialogElement>('edit-dialog');
  const open = byId<HTMLButtonElement>('edit-open');
  const form = actionForm(app, () => undefined);
  const imp = importZone(app);
  const tokenInput = h('input', { type: 'password', id: 'token', autocomplete: 'off', 'aria-describedby': 'token-error' });
  const tokenError = h('div', { class: 'field-error', id: 'token-error', role: 'alert' });
  const tokenSubmit = h('button', { type: 'submit' }, 'Use this token');
  const tokenForm = h('form', { class: 'token-form' }, h('label', { for: 'token' }, 'API token'), tokenInput, tokenSubmit, tokenError);
  const forget = h('button', { type: 'button', id: 'forget-token' }, 'Forget the token');
  const close = h('button', { type: 'button', class: 'close', 'aria-label': 'Close' }, '×');
  const body = h('div', { class: 'dialog-body' });
  dialog.append(h('div', { class: 'dialog-head' }, h('h2', { id: 'edit-title' }, 'Edit the graph'), close), body);
  dialog.setAttribute('aria-labelledby', 'edit-title');

  const render = () => {
    if (!token.get()) {
      fill(
        body,
        h('p', {}, 'Writing needs the server’s API token. It is kept in this tab only (sessionStorage) and sent with each change.'),
        tokenForm,
      );
      return;
    }
    fill(body, h('p', { class: 'hint' }, 'Changes are written at once; the server checks every reference.'), forget, form.el, imp);
  };
  tokenForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const candidate = tokenInput.value.trim();
    if (!candidate) return;
    tokenSubmit.disabled = true;
    tokenError.textContent = 'Checking the token…';
    void tokenProblem(candidate)
      .then((problem) => {
        if (problem) {
          // The typed token stays, so a slip can be corrected rather than typed again.
          tokenInput.setAttribute('aria-invalid', 'true');
          tokenError.textContent = problem;
          tokenInput.focus();
          return;
        }
        tokenInput.removeAttribute('aria-invalid');
        tokenError.textContent = '';
        token.set(candidate);
        tokenInput.value = '';
        form.load(null);
        render();
      })
      .finally(() => (tokenSubmit.disabled = false));
  });
  forget.addEventListener('click', () => {
    token.clear();
    render();
  });
  close.addEventListener('click', () => dialog.close());
  const show = (a: Action | null) => {
    form.load(a);
    render();
    if (!dialog.open) dialog.showModal();
  };
  open.addEventListener('click', () => show(null));
  setActionExtra((a) => {
    if (!token.get()) return null;
    const b = h('button', { type: 'button', class: 'small', id: 'edit-action' }, 'Change this action');
    const { sources: _sources, ...action } = a;
    b.addEventListener('click', () => show(action));
    return b;
  });
}
