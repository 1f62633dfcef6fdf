/**
 * An actor combobox (WAI-ARIA combobox with a listbox popup): suggestions from
 * GET /api/actors?q= as the user types, matched on names and aliases; arrows move, Enter picks.
 */
import { api, ApiError } from '../api';
import { normalizeText, type ActorWithDegree } from '../../contract';
import { h } from './dom';
import { latestRequest } from '../latest-request';

export interface PickerOptions {
  id: string;
  label: string;
  placeholder?: string;
  /** Label kept visible (false: visually hidden, still read). */
  showLabel?: boolean;
  onPick: (actor: { id: string; name: string }) => void;
}

export interface Picker {
  root: HTMLElement;
  input: HTMLInputElement;
  setValue(name: string): void;
}

let pickers = 0;

/** The alias that matched, when the name itself did not. */
function matchedAlias(a: ActorWithDegree, q: string): string | null {
  const nq = normalizeText(q);
  if (normalizeText(a.name).includes(nq)) return null;
  return a.aliases?.find((al) => normalizeText(al).includes(nq)) ?? null;
}

export function actorPicker(opts: PickerOptions): Picker {
  const n = ++pickers;
  const listId = `${opts.id}-list`;
  const input = h('input', {
    id: opts.id,
    type: 'text',
    role: 'combobox',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': listId,
    placeholder: opts.placeholder ?? '',
  });
  const list = h('ul', { id: listId, role: 'listbox', class: 'picker-list', hidden: true, 'aria-label': `${opts.label}: suggestions` });
  const note = h('div', { class: 'picker-note', 'aria-live': 'polite' });
  const root = h(
    'div',
    { class: 'picker' },
    h('label', { for: opts.id, class: opts.showLabel === false ? 'visually-hidden' : 'picker-label' }, opts.label),
    input,
    list,
    note,
  );
  let items: ActorWithDegree[] = [];
  let active = -1;
  const request = latestRequest();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const highlight = (i: number) => {
    active = i;
    [...list.children].forEach((li, j) => li.setAttribute('aria-selected', String(j === i)));
    if (i >= 0) {
      input.setAttribute('aria-activedescendant', `${listId}-${i}`);
      list.children[i]?.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };
  const pick = (a: ActorWithDegree) => {
    input.value = a.name;
    items = [];
    note.textContent = '';
    close();
    opts.onPick({ id: a.id, name: a.name });
  };
  const render = (q: string) => {
    list.replaceChildren(
      ...items.map((a, i) => {
        const alias = matchedAlias(a, q);
        const li = h(
          'li',
          { id: `${listId}-${i}`, role: 'option', 'aria-selected': 'false', class: 'picker-option' },
          h('span', { class: 'picker-name' }, a.name),
          h('span', { class: 'picker-meta' }, alias ? `also “${alias}” · ${a.kind}` : a.kind, ` · ${a.degree} actions`),
        );
        li.addEventListener('mousedown', (e) => e.preventDefault());
        li.addEventListener('click', () => pick(a));
        return li;
      }),
    );
    const open = items.length > 0;
    list.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
    note.textContent = q && !open ? `No actor matches “${q}”.` : open ? `${items.length} suggestions` : '';
    highlight(open ? 0 : -1);
  };
  const search = (q: string) => {
    request.abort();
    if (!q.trim()) {
      items = [];
      render('');
      return;
    }
    void request.run(
      (signal) => api.actors(q.trim(), 8, signal),
      (page) => {
        items = page.items;
        render(q);
      },
      (e) => {
        items = [];
        render(q);
        note.textContent = e instanceof ApiError ? `Search failed: ${e.message}` : 'Search failed.';
      },
    );
  };
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => search(input.value), 120);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && items.length) {
      e.preventDefault();
      if (list.hidden) render(input.value);
      highlight((active + 1) % items.length);
    } else if (e.key === 'ArrowUp' && items.length) {
      e.preventDefault();
      highlight((active - 1 + items.length) % items.length);
    } else if (e.key === 'Enter') {
      const a = items[active];
      if (a && !list.hidden) {
        e.preventDefault();
        pick(a);
      }
    } else if (e.key === 'Escape') close();
  });
  input.addEventListener('blur', () => setTimeout(close, 100));
  root.dataset.picker = String(n);
  return { root, input, setValue: (name) => void (input.value = name) };
}
