/**
 * The filter panel: action types, statuses, layers and the date window. Type, status and dates
 * go to the API; layers filter the drawn actors here. A group with every box ticked is "all".
 */
import {
  ACTION_TYPES,
  ACTION_TYPE_IDS,
  LAYERS,
  LAYER_LABELS,
  STATUSES,
  compareDateTexts,
  isParsedDate,
  parseDate,
} from '../../../contract';
import type { App } from '../../app';
import { clearFilters, setLayers, setStatuses, setTypes, setWindow } from '../../state/reducers';
import type { LayerChoice, ViewState } from '../../state/types';
import { announce, byId, h } from '../../ui/dom';

interface Group<T extends string> {
  name: string;
  values: readonly T[];
  label: (v: T) => string;
  get: (s: ViewState) => T[];
  set: (s: ViewState, v: T[]) => ViewState;
}

const LAYER_CHOICES: LayerChoice[] = [...LAYERS, 'none'];

function checkboxGroup<T extends string>(app: App, g: Group<T>): { el: HTMLElement; sync: (s: ViewState) => void } {
  const boxes = new Map<T, HTMLInputElement>();
  const list = h('div', { class: 'checks' });
  for (const v of g.values) {
    const id = `f-${g.name}-${v}`;
    const box = h('input', { type: 'checkbox', id, value: v, 'data-filter': g.name });
    box.addEventListener('change', () => {
      let chosen = g.values.filter((x) => boxes.get(x)!.checked);
      if (chosen.length === 0) {
        box.checked = true;
        announce('At least one must stay ticked.');
        return;
      }
      if (chosen.length === g.values.length) chosen = [];
      app.store.update((s) => g.set(s, chosen));
    });
    boxes.set(v, box);
    list.append(h('div', { class: 'check' }, box, h('label', { for: id }, g.label(v))));
  }
  const all = h('button', { type: 'button', class: 'link small' }, 'all');
  all.addEventListener('click', () => app.store.update((s) => g.set(s, [])));
  const fieldset = h(
    'fieldset',
    { class: 'filter-group' },
    h('legend', {}, g.name === 'type' ? 'Action types' : g.name === 'status' ? 'Status' : 'Layers', ' ', all),
    list,
  );
  return {
    el: fieldset,
    sync: (s) => {
      const chosen = g.get(s);
      for (const [v, box] of boxes) box.checked = chosen.length === 0 || chosen.includes(v);
      all.hidden = chosen.length === 0;
    },
  };
}

function dateField(id: string, label: string): { wrap: HTMLElement; input: HTMLInputElement; error: HTMLElement } {
  const error = h('div', { class: 'field-error', id: `${id}-error`, 'aria-live': 'polite' });
  const input = h('input', {
    id,
    type: 'text',
    inputmode: 'numeric',
    placeholder: 'YYYY, YYYY-MM or YYYY-MM-DD',
    'aria-describedby': `${id}-error`,
    size: 12,
  });
  return { wrap: h('div', { class: 'date-field' }, h('label', { for: id }, label), input, error), input, error };
}

export function initFilters(app: App): void {
  const groups = [
    checkboxGroup(app, { name: 'type', values: ACTION_TYPE_IDS, label: (t) => ACTION_TYPES[t].label, get: (s) => s.types, set: setTypes }),
    checkboxGroup(app, { name: 'status', values: STATUSES, label: (v) => v, get: (s) => s.statuses, set: setStatuses }),
    checkboxGroup(app, {
      name: 'layer',
      values: LAYER_CHOICES,
      label: (v) => (v === 'none' ? 'No layer' : LAYER_LABELS[v]),
      get: (s) => s.layers,
      set: setLayers,
    }),
  ];
  const from = dateField('f-from', 'From');
  const to = dateField('f-to', 'To');
  const applyDates = () => {
    const read = (f: typeof from): string | null | undefined => {
      const v = f.input.value.trim();
      if (!v) return null;
      const p = parseDate(v);
      const ok = isParsedDate(p);
      f.input.setAttribute('aria-invalid', String(!ok));
      f.error.textContent = ok ? '' : p.error;
      return ok ? v : undefined;
    };
    const a = read(from);
    const b = read(to);
    if (a === undefined || b === undefined) return;
    from.input.removeAttribute('aria-invalid');
    to.input.removeAttribute('aria-invalid');
    app.store.update((s) => (s.from === a && s.to === b ? s : setWindow(s, a, b, compareDateTexts)));
  };
  for (const f of [from, to]) {
    f.input.addEventListener('change', applyDates);
    f.input.addEventListener('keydown', (e) => e.key === 'Enter' && applyDates());
  }
  const clear = h('button', { type: 'button', id: 'clear-filters' }, 'Clear all filters');
  clear.addEventListener('click', () => app.store.update(clearFilters));
  byId('filter-panel').append(
    h('h2', {}, 'Filters'),
    groups[0]!.el,
    groups[1]!.el,
    groups[2]!.el,
    h('fieldset', { class: 'filter-group' }, h('legend', {}, 'Dates'), h('div', { class: 'dates' }, from.wrap, to.wrap)),
    clear,
  );
  app.onState((s) => {
    for (const g of groups) g.sync(s);
    if (document.activeElement !== from.input) from.input.value = s.from ?? '';
    if (document.activeElement !== to.input) to.input.value = s.to ?? '';
    from.error.textContent = '';
    to.error.textContent = '';
    clear.disabled = !(s.types.length || s.statuses.length || s.layers.length || s.from || s.to);
  });
}
