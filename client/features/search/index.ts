/**
 * Search (header combobox) and the focus bar: which neighbourhood is shown, at what depth, and
 * the way back to the whole graph. A new search starts at depth 1 and "show the whole graph"
 * empties the box, so neither the old name nor the old depth is carried into what comes next;
 * an expansion that draws nothing new says so in the bar.
 */
import type { App } from '../../app';
import { clearFocus, focusOn, setDepth, shownFocus } from '../../state/reducers';
import type { Depth } from '../../state/types';
import { actorPicker } from '../../ui/actor-picker';
import { announce, byId, fill, h } from '../../ui/dom';

export function initSearch(app: App): void {
  const picker = actorPicker({
    id: 'search-input',
    label: 'Find an actor',
    placeholder: 'Find an actor (name or alias)…',
    showLabel: false,
    onPick: (a) => {
      app.names.set(a.id, a.name);
      app.store.update((s) => setDepth(focusOn(s, a.id), 1));
    },
  });
  byId('search').append(picker.root);
  let focused: string | null = shownFocus(app.state);
  app.onState((s) => {
    const now = shownFocus(s);
    if (focused !== null && now === null && document.activeElement !== picker.input) picker.setValue('');
    focused = now;
  });

  // What was drawn before the last expansion, to tell whether it added anything.
  let before: { focus: string | null; expand: string[]; actors: Set<string> } = { focus: null, expand: [], actors: new Set() };
  let emptyExpansion: string | null = null;

  const bar = byId('focus-bar');
  app.onView((s, _prev, dataChanged) => {
    if (dataChanged) {
      const added = s.expand.find((x) => !before.expand.includes(x));
      const actors = new Set(app.cy.nodes('.actor').map((n) => n.id()));
      emptyExpansion = added && s.focus === before.focus && [...actors].every((id) => before.actors.has(id)) ? added : null;
      if (emptyExpansion) announce(`Expanding ${app.nameOf(emptyExpansion)} added nothing: all its neighbours are already drawn.`);
      before = { focus: s.focus, expand: s.expand, actors };
    }
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
      emptyExpansion
        ? h(
            'span',
            { class: 'focus-note', id: 'expand-note' },
            ` · expanding ${app.nameOf(emptyExpansion)} added nothing: all its neighbours are already drawn`,
          )
        : null,
      ' ',
      whole,
      app.graph.truncated ? h('span', { class: 'warning' }, ' · truncated by the server') : null,
    );
  });
}
