/**
 * The filter panel: categories, action types, statuses, layers, who claims or disputes, the
 * episode and the date window, with the values the server's vocabulary lists. All but the layers
 * go to the API; layers filter the drawn actors here. A group with every box ticked is "all".
 */
import { CATEGORIES, LAYERS, isParsedDate, isValidZone, mustParseDate, parseDate, type Category } from '../../../contract';
import type { App } from '../../app';
import {
  clearFilters,
  hasFilters,
  setCategories,
  setEpisodes,
  setLayers,
  setParties,
  setStatuses,
  setTypes,
  setWindow,
  setZone,
  type PartyFilter,
} from '../../state/reducers';
import type { LayerChoice, ViewState } from '../../state/types';
import { oneOf } from '../../state/query';
import { actorPicker } from '../../ui/actor-picker';
import { announce, byId, fill, h } from '../../ui/dom';
import { allEpisodes, episodeTitle, vocabulary } from '../../vocabulary';

interface Group<T extends string> {
  name: string;
  title: string;
  values: readonly T[];
  label: (v: T) => string;
  get: (s: ViewState) => T[];
  set: (s: ViewState, v: T[]) => ViewState;
}

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
  const fieldset = h('fieldset', { class: 'filter-group' }, h('legend', {}, g.title, ' ', all), list);
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

const PARTY_LABEL: Record<PartyFilter, string> = { claimedBy: 'Claimed by', disputedBy: 'Disputed by' };

/** Actions that any of the chosen actors claims (or disputes): an actor picker and the chosen ones as removable chips. */
function partyFilter(app: App, which: PartyFilter): { el: HTMLElement; sync: (s: ViewState) => void } {
  const chips = h('ul', { class: 'chips', id: `f-${which}-chosen`, 'aria-label': `${PARTY_LABEL[which]}: chosen actors` });
  const picker = actorPicker({
    id: `f-${which}`,
    label: PARTY_LABEL[which],
    placeholder: 'an actor',
    onPick: (a) => {
      picker.setValue('');
      app.store.update((s) => setParties(s, which, [...s[which], a.id]));
    },
  });
  let shown = '';
  return {
    el: h('div', { class: 'party-filter' }, picker.root, chips),
    sync: (s) => {
      const key = s[which].join(',');
      if (key === shown) return;
      shown = key;
      fill(chips);
      void app.ensureNames(s[which]).then(() => {
        if (app.state[which].join(',') !== key) return;
        fill(
          chips,
          ...s[which].map((id) => {
            const b = h(
              'button',
              { type: 'button', class: 'chip', 'data-actor': id, 'aria-label': `Remove ${app.nameOf(id)}` },
              `${app.nameOf(id)} ×`,
            );
            b.addEventListener('click', () =>
              app.store.update((st) =>
                setParties(
                  st,
                  which,
                  st[which].filter((x) => x !== id),
                ),
              ),
            );
            return h('li', {}, b);
          }),
        );
      });
    },
  };
}

/** One episode, or any (no filter); a link naming several keeps them until another is chosen. */
function episodePicker(app: App): { el: HTMLElement; sync: (s: ViewState) => void } {
  const select = h('select', { id: 'f-episode' });
  select.addEventListener('change', () => {
    const v = select.value;
    if (v === '*several') return;
    app.store.update((s) => setEpisodes(s, v ? [v] : []));
  });
  const options = () => [
    h('option', { value: '' }, 'Any episode (no filter)'),
    ...allEpisodes().map((e) => h('option', { value: e.id }, e.title)),
  ];
  return {
    el: h(
      'fieldset',
      { class: 'filter-group' },
      h('legend', {}, 'Episode'),
      h('label', { for: 'f-episode', class: 'visually-hidden' }, 'Episode'),
      select,
    ),
    sync: (s) => {
      const extra =
        s.episodes.length > 1
          ? [h('option', { value: '*several' }, s.episodes.map(episodeTitle).join(' or '))]
          : s.episodes.length === 1 && !allEpisodes().some((e) => e.id === s.episodes[0])
            ? [h('option', { value: s.episodes[0]! }, s.episodes[0])]
            : [];
      fill(select, ...options(), ...extra);
      select.value = s.episodes.length > 1 ? '*several' : (s.episodes[0] ?? '');
    },
  };
}

/** A few zones to pick from; any IANA name may be typed. */
const ZONES = ['UTC', 'America/Los_Angeles', 'America/New_York', 'Europe/London', 'Europe/Berlin', 'Asia/Tokyo', 'America/Sao_Paulo'];

/**
 * The zone the window is read in. Blank: each action's own local days (10 January means 10
 * January wherever the action happened); a zone: the window's days in that zone, against instants.
 */
function zoneField(app: App): { wrap: HTMLElement; sync: (s: ViewState) => void } {
  const error = h('div', { class: 'field-error', id: 'f-tz-error', 'aria-live': 'polite' });
  const input = h('input', {
    id: 'f-tz',
    type: 'text',
    list: 'f-tz-zones',
    placeholder: "each action's own",
    'aria-describedby': 'f-tz-error f-tz-hint',
    size: 18,
  });
  const apply = () => {
    const v = input.value.trim();
    const ok = v === '' || isValidZone(v);
    input.setAttribute('aria-invalid', String(!ok));
    error.textContent = ok ? '' : `"${v}" is not an IANA time zone such as UTC or America/Los_Angeles`;
    if (ok) app.store.update((s) => setZone(s, v || null));
  };
  input.addEventListener('change', apply);
  input.addEventListener('keydown', (e) => e.key === 'Enter' && apply());
  return {
    wrap: h(
      'div',
      { class: 'date-field zone-field' },
      h('label', { for: 'f-tz' }, 'Days read in zone'),
      input,
      h('datalist', { id: 'f-tz-zones' }, ...ZONES.map((z) => h('option', { value: z }))),
      h('div', { class: 'hint', id: 'f-tz-hint' }, "Blank: each action's own local days."),
      error,
    ),
    sync: (s) => {
      if (document.activeElement !== input) input.value = s.tz ?? '';
      if (document.activeElement !== input) error.textContent = '';
    },
  };
}

export function initFilters(app: App): void {
  const v = vocabulary();
  const typeLabels = new Map(v.types.map((t) => [t.id, t.label]));
  const categoryLabels = new Map(v.categories.map((c) => [c.id, c.label]));
  // The wire types ids as strings: only those the URL codec and the filters know are offered.
  const layerLabels = new Map<LayerChoice, string>(v.layers.filter((l) => oneOf(LAYERS, l.id)).map((l) => [l.id as LayerChoice, l.label]));
  layerLabels.set('none', 'No layer');
  const groups = [
    checkboxGroup(app, {
      name: 'category',
      title: 'Categories',
      values: v.categories.map((c) => c.id).filter((c): c is Category => oneOf(CATEGORIES, c)),
      label: (c) => categoryLabels.get(c) ?? c,
      get: (s) => s.categories,
      set: setCategories,
    }),
    checkboxGroup(app, {
      name: 'type',
      title: 'Action types',
      values: v.types.map((t) => t.id),
      label: (t) => typeLabels.get(t) ?? t,
      get: (s) => s.types,
      set: setTypes,
    }),
    checkboxGroup(app, { name: 'status', title: 'Status', values: v.statuses, label: (x) => x, get: (s) => s.statuses, set: setStatuses }),
    checkboxGroup(app, {
      name: 'layer',
      title: 'Layers',
      values: [...layerLabels.keys()],
      label: (l) => layerLabels.get(l) ?? l,
      get: (s) => s.layers,
      set: setLayers,
    }),
  ];
  const parties = (['claimedBy', 'disputedBy'] as const).map((which) => partyFilter(app, which));
  const episode = episodePicker(app);
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
    // Swapping the ends, or narrowing to a day, would show another window than the one typed:
    // the person is told, the text stays as typed, and the view keeps its last window.
    if (a && b && mustParseDate(a).start > mustParseDate(b).end) {
      to.input.setAttribute('aria-invalid', 'true');
      to.error.textContent = `“To” (${b}) is before “From” (${a}): change one of them; the window was not changed.`;
      announce(to.error.textContent);
      return;
    }
    from.input.removeAttribute('aria-invalid');
    to.input.removeAttribute('aria-invalid');
    // Ends that still compare the wrong way here overlap (2021-05 to 2021): both are kept as typed.
    app.store.update((s) => (s.from === a && s.to === b ? s : setWindow(s, a, b, () => 0)));
  };
  for (const f of [from, to]) {
    f.input.addEventListener('change', applyDates);
    f.input.addEventListener('keydown', (e) => e.key === 'Enter' && applyDates());
  }
  const zone = zoneField(app);
  const clear = h('button', { type: 'button', id: 'clear-filters' }, 'Clear all filters');
  clear.addEventListener('click', () => app.store.update(clearFilters));
  byId('filter-panel').append(
    h('h2', {}, 'Filters'),
    ...groups.map((g) => g.el),
    h('fieldset', { class: 'filter-group' }, h('legend', {}, 'Claims'), ...parties.map((p) => p.el)),
    episode.el,
    h('fieldset', { class: 'filter-group' }, h('legend', {}, 'Dates'), h('div', { class: 'dates' }, from.wrap, to.wrap), zone.wrap),
    clear,
  );
  app.onState((s) => {
    for (const g of [...groups, ...parties, episode]) g.sync(s);
    if (document.activeElement !== from.input) from.input.value = s.from ?? '';
    if (document.activeElement !== to.input) to.input.value = s.to ?? '';
    if (document.activeElement !== from.input && document.activeElement !== to.input) {
      from.error.textContent = '';
      to.error.textContent = '';
    }
    zone.sync(s);
    clear.disabled = !hasFilters(s);
  });
}
