/**
 * Editing, for whoever holds the API token: the token (kept in sessionStorage only), the action
 * form and the import. Opened from the header's Edit button or an action's "Change" button.
 * The form and the import (and the schemas that check them) are fetched when first opened with
 * a token: a reader who never edits never downloads them.
 */
import type { Action } from '../../../contract';
import type { App } from '../../app';
import { token } from '../../api';
import { byId, fill, h } from '../../ui/dom';
import { setActionExtra } from '../details';
import { tokenProblem } from './token-check';

interface Parts {
  form: { el: HTMLElement; load(a: Action | null): void };
  imp: HTMLElement;
}

export function initEdit(app: App): void {
  const dialog = byId<HTMLDialogElement>('edit-dialog');
  const open = byId<HTMLButtonElement>('edit-open');
  let parts: Promise<Parts> | null = null;
  const loadParts = () =>
    (parts ??= Promise.all([import('./form'), import('./import')]).then(([f, i]) => ({
      form: f.actionForm(app, () => undefined),
      imp: i.importZone(app),
    })));
  const tokenInput = h('input', { type: 'password', id: 'token', autocomplete: 'off', 'aria-describedby': 'token-error' });
  const tokenError = h('div', { class: 'field-error', id: 'token-error', role: 'alert' });
  const tokenSubmit = h('button', { type: 'submit' }, 'Use this token');
  const tokenForm = h('form', { class: 'token-form' }, h('label', { for: 'token' }, 'API token'), tokenInput, tokenSubmit, tokenError);
  const forget = h('button', { type: 'button', id: 'forget-token' }, 'Forget the token');
  const close = h('button', { type: 'button', class: 'close', 'aria-label': 'Close' }, '×');
  const body = h('div', { class: 'dialog-body' });
  dialog.append(h('div', { class: 'dialog-head' }, h('h2', { id: 'edit-title' }, 'Edit the graph'), close), body);
  dialog.setAttribute('aria-labelledby', 'edit-title');

  // An editor (a token already in this tab) gets the form fetched once the page is idle, so the
  // dialog opens at once; a reader never downloads it.
  // (Safari before 18 has no requestIdleCallback: a timer does there.)
  if (token.get()) {
    if ('requestIdleCallback' in window) requestIdleCallback(() => void loadParts(), { timeout: 5000 });
    else setTimeout(() => void loadParts(), 2000);
  }

  const render = async () => {
    if (!token.get()) {
      fill(
        body,
        h('p', {}, 'Writing needs the server’s API token. It is kept in this tab only (sessionStorage) and sent with each change.'),
        tokenForm,
      );
      return;
    }
    const { form, imp } = await loadParts();
    fill(body, h('p', { class: 'hint' }, 'Changes are written at once; the server checks every reference.'), forget, form.el, imp);
  };
  tokenForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const candidate = tokenInput.value.trim();
    if (!candidate) return;
    tokenSubmit.disabled = true;
    tokenError.textContent = 'Checking the token…';
    void tokenProblem(candidate)
      .then(async (problem) => {
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
        (await loadParts()).form.load(null);
        await render();
      })
      .finally(() => (tokenSubmit.disabled = false));
  });
  forget.addEventListener('click', () => {
    token.clear();
    void render();
  });
  close.addEventListener('click', () => dialog.close());
  const show = async (a: Action | null) => {
    if (token.get()) (await loadParts()).form.load(a);
    await render();
    if (!dialog.open) dialog.showModal();
  };
  open.addEventListener('click', () => void show(null));
  setActionExtra((a) => {
    if (!token.get()) return null;
    const b = h('button', { type: 'button', class: 'small', id: 'edit-action' }, 'Change this action');
    const { sources: _sources, ...action } = a;
    b.addEventListener('click', () => void show(action));
    return b;
  });
}
