/**
 * The "Add a report" dialog, opened from the header. Writing needs the API token, which the Edit
 * dialog takes; without it the dialog says so and offers to open Edit.
 */
import type { App } from '../../app';
import { token } from '../../api';
import { byId, fill, h } from '../../ui/dom';
import type { reportPanel } from './panel';

export function initReport(app: App): void {
  const dialog = byId<HTMLDialogElement>('report-dialog');
  const open = byId<HTMLButtonElement>('report-open');
  const close = h('button', { type: 'button', class: 'close', 'aria-label': 'Close' }, '×');
  const body = h('div', { class: 'dialog-body' });
  dialog.append(h('div', { class: 'dialog-head' }, h('h2', { id: 'report-dialog-title' }, 'Add a report'), close), body);
  dialog.setAttribute('aria-labelledby', 'report-dialog-title');
  // Fetched on first use (the panel and its vocabulary are not part of the first view) and built
  // once, so closing and reopening the dialog keeps a review in progress.
  let panel: Promise<ReturnType<typeof reportPanel>> | null = null;
  const thePanel = () => (panel ??= import('./panel').then((m) => m.reportPanel(app, () => dialog.close())));
  const toEdit = h('button', { type: 'button', id: 'report-need-token' }, 'Enter the token (Edit)');
  toEdit.addEventListener('click', () => {
    dialog.close();
    byId('edit-open').click();
  });
  const render = async () => {
    if (token.get()) fill(body, (await thePanel()).el);
    else fill(body, h('p', {}, 'Adding a report writes to the graph, which needs the server’s API token.'), toEdit);
  };
  open.addEventListener('click', () => {
    void render().then(() => {
      if (!dialog.open) dialog.showModal();
    });
  });
  close.addEventListener('click', () => dialog.close());
}
