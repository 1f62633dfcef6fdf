/** The details panel: the selected actor or action, fetched from the API. */
import type { ActionWithSources } from '../../../contract';
import type { App } from '../../app';
import { ApiError } from '../../api';
import { latestRequest } from '../../latest-request';
import type { Selection } from '../../state/types';
import { byId, fill, h } from '../../ui/dom';
import { actionDetails } from './action';
import { historySection } from '../history/panel';
import { actorDetails } from './actor';

let editHook: (a: ActionWithSources) => HTMLElement | null = () => null;

/** Lets the edit feature add its button under an action. */
export function setActionExtra(fn: (a: ActionWithSources) => HTMLElement | null): void {
  editHook = fn;
}

export function initDetails(app: App): { refresh(): void } {
  const panel = byId('details');
  let shown = '';
  const request = latestRequest();

  const show = (sel: Selection | null, force = false) => {
    const key = sel ? `${sel.kind}:${sel.id}` : '';
    if (key === shown && !force) return;
    shown = key;
    request.abort();
    if (!sel) {
      panel.removeAttribute('aria-busy');
      fill(
        panel,
        h('h2', {}, 'Details'),
        h('p', { class: 'hint' }, 'Select an actor or an action in the drawing, the table or a list to see its details and sources.'),
      );
      return;
    }
    panel.setAttribute('aria-busy', 'true');
    fill(panel, h('h2', {}, 'Details'), h('p', { class: 'loading' }, 'Loading…'));
    void request.run(
      async (signal) => {
        const [details, history] = await Promise.all([
          sel.kind === 'actor' ? actorDetails(app, sel.id, signal) : actionDetails(app, sel.id, signal, (a) => editHook(a)),
          historySection(sel.kind, sel.id, signal),
        ]);
        return [...details, ...history];
      },
      (els) => {
        panel.removeAttribute('aria-busy');
        fill(panel, ...els);
      },
      (e) => {
        panel.removeAttribute('aria-busy');
        const msg =
          e instanceof ApiError && e.status === 404
            ? `There is no ${sel.kind} “${sel.id}”.`
            : `The details could not be loaded: ${(e as Error).message}`;
        fill(panel, h('h2', {}, 'Details'), h('p', { class: 'error', role: 'alert' }, msg));
      },
    );
  };
  // After a reload (an edit, an import, other filters) the record may have changed: fetch it again.
  app.onView((s, _prev, dataChanged) => show(s.sel, dataChanged));
  show(null);
  return { refresh: () => show(app.state.sel, true) };
}
