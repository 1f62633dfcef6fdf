/**
 * Search (header combobox) and the focus bar: which neighbourhood is shown, at what depth, and
 * the way back to the whole graph.
 */
import type { App } from '../../app';
import { clearFocus, focusOn, setDepth, shownFocus } from '../../state/reducers';
import type { Depth } from '../../state/types';
import { actorPicker } from '../../ui/actor-picker';
import { byId, fill, h } from '../../ui/dom';

export function initSearch(app: App): void {
  const picker = actorPicker({
    id: 'search-input',
    label: 'Find an actor',
    placeholder: 'Find an actor (name or alias)…',
    showLabel: false,
    onPick: (a) => {
      app.names.set(a.id, a.name);
      app.store.update((s) => focusOn(s, a.id));
    },
  });
  byId('search').append(picker.root);

  const bar = byId('focus-bar');
  app.onView((s) => {
    const focus = shownFocus(s);
    if (!focus) {
      const count = app.cy.nodes('.actor').not('.filtered').length;
      fill(
        bar,
        h('span', { class: 'focus-text' }, `Whole graph · ${count} actors, ${app.cy.edges('.action').not('.filtered').length} actions`),
      );
      if (app.graph.truncated) bar.append(h('span', { class: 'warning' }, ' · truncated by the server: narrow with filters or search'));
      return;
    }
    const depth = h('select', { id: 'depth', 'aria-label': 'Depth of the neighbourhood' });
    for (const d of [1, 2, 3]) depth.append(h('option', { value: d, selected: d === s.depth }, `depth ${d}`));
    depth.addEventListener('change', () => app.store.update((st) => setDepth(st, Number(depth.value) as Depth)));
    const whole = h('button', { type: 'button', class: 'link' }, 'Show the whole graph');
    whole.addEventListener('click', () => app.store.update(clearFocus));
    fill(
      bar,
      h('span', { class: 'focus-text' }, 'Neighbourhood of ', h('strong', {}, app.nameOf(focus))),
      ' ',
      depth,
      s.expand.length ? h('span', { class: 'focus-text' }, ` + ${s.expand.length} expanded`) : null,
      ' ',
      whole,
      app.graph.truncated ? h('span', { class: 'warning' }, ' · truncated by the server') : null,
    );
  });
}
