/** The paths mode's view: pick two actors, see every shortest path between them highlighted (GET /api/paths). */
import type { Path } from '../../../contract';
import type { App } from '../../app';
import { api, ApiError, toFilter } from '../../api';
import { fitView } from '../../graph/cy';
import { latestRequest } from '../../latest-request';
import type { ViewState } from '../../state/types';
import { actorPicker } from '../../ui/actor-picker';
import { announce, byId, fill, h } from '../../ui/dom';
import { plural } from '../../ui/format';
import type { ModeView } from '../mode-view';
import { setPathEnds } from './reducers';
import { filterKey } from '../../state/reducers';

function highlight(app: App, paths: Path[]): void {
  const cy = app.cy;
  cy.batch(() => {
    cy.elements().removeClass('hl faded');
    if (!paths.length) return;
    const ids = new Set(paths.flatMap((p) => [...p.actors, ...p.actions]));
    cy.elements('.actor, .action').forEach((e) => void e.addClass(ids.has(e.id()) ? 'hl' : 'faded'));
  });
  fitView(cy.elements('.hl'), true);
}

function pathLine(app: App, p: Path): HTMLElement {
  const line = h('span', { class: 'path-steps' });
  p.actors.forEach((id, i) => {
    line.append(h('strong', {}, app.nameOf(id)));
    const actionId = p.actions[i];
    if (actionId === undefined) return;
    const e = app.cy.getElementById(actionId);
    const forward = e.nonempty() ? e.data('source') === id : true;
    const label = e.nonempty() ? (e.data('label') as string) : actionId;
    line.append(h('span', { class: 'path-edge' }, forward ? ` —${label}→ ` : ` ←${label}— `));
  });
  return line;
}

export function view(app: App): ModeView {
  let key = '';
  let paths: Path[] = [];
  const request = latestRequest();
  const results = h('div', { id: 'path-results', 'aria-live': 'polite' });
  const ends = (s: ViewState) => s.modes.paths;
  const src = actorPicker({
    id: 'path-src',
    label: 'From actor',
    onPick: (a) => app.store.update((s) => setPathEnds(s, a.id, ends(s).dst)),
  });
  const dst = actorPicker({ id: 'path-dst', label: 'To actor', onPick: (a) => app.store.update((s) => setPathEnds(s, ends(s).src, a.id)) });
  const swap = h('button', { type: 'button' }, 'Swap');
  swap.addEventListener('click', () => app.store.update((s) => setPathEnds(s, ends(s).dst, ends(s).src)));

  const renderResults = (s: ViewState) => {
    const { src: from, dst: to } = ends(s);
    if (!from || !to) {
      fill(results, h('p', { class: 'hint' }, 'Choose two actors to see every shortest path between them.'));
      return;
    }
    if (!paths.length) {
      fill(
        results,
        h('p', { class: 'empty' }, `No path joins ${app.nameOf(from)} and ${app.nameOf(to)} within 4 actions under these filters.`),
      );
      return;
    }
    const list = h('ol', { class: 'paths' });
    paths.forEach((p) => {
      const b = h('button', { type: 'button', class: 'link' }, 'show only this one');
      b.addEventListener('click', () => highlight(app, [p]));
      list.append(h('li', {}, pathLine(app, p), ' ', b));
    });
    const all = h('button', { type: 'button', class: 'small' }, 'Show all paths');
    all.addEventListener('click', () => highlight(app, paths));
    fill(results, h('p', {}, `${plural(paths.length, 'shortest path')} of ${plural(paths[0]!.actions.length, 'action')}:`), list, all);
  };

  return {
    show(s, prev) {
      if (prev === null) {
        fill(byId('tool-panel'), h('h2', {}, 'Paths'), h('div', { class: 'pickers' }, src.root, dst.root, swap), results);
      }
      const { src: from, dst: to } = ends(s);
      src.setValue(from ? app.nameOf(from) : '');
      dst.setValue(to ? app.nameOf(to) : '');
      const k = JSON.stringify([from, to, filterKey(s)]);
      if (k === key && prev !== null) return;
      key = k;
      paths = [];
      request.abort();
      app.cy.elements().removeClass('hl faded');
      if (!from || !to) return renderResults(s);
      fill(results, h('p', { class: 'loading' }, 'Finding paths…'));
      void request.run(
        async (signal) => {
          const answer = await api.paths(from, to, toFilter(s), 4, signal);
          await app.ensureNames(answer.paths.flatMap((p) => p.actors).concat([from, to]));
          return answer.paths;
        },
        (found) => {
          paths = found;
          src.setValue(app.nameOf(from));
          dst.setValue(app.nameOf(to));
          highlight(app, paths);
          renderResults(s);
          announce(paths.length ? `${plural(paths.length, 'path')} found.` : 'No path found.');
        },
        (e) => fill(results, h('p', { class: 'error', role: 'alert' }, e instanceof ApiError ? e.message : String(e))),
      );
    },
    hide() {
      request.abort();
      key = '';
      app.cy.elements().removeClass('hl faded');
      fill(byId('tool-panel'));
    },
  };
}
