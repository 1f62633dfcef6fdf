/**
 * The table view: the drawn actions as rows, sortable by column, navigable by keyboard (arrows,
 * Home/End, Enter for details). The accessible alternative to the drawing.
 */
import type { EdgeData } from '../../../contract';
import type { App } from '../../app';
import { select } from '../../state/reducers';
import type { ViewState } from '../../state/types';
import { byId, fill, h } from '../../ui/dom';
import { dateElement } from '../../ui/dates';
import { plural } from '../../ui/format';
import { categoryLabel, episodeTitle } from '../../vocabulary';
import type { ModeView } from '../mode-view';
import { SORT_COLUMNS, type SortColumn } from './mode';
import { sortBy } from './reducers';

const HEADERS: Record<SortColumn, string> = {
  date: 'Date',
  category: 'Category',
  type: 'Action',
  from: 'From',
  to: 'To',
  status: 'Status',
  episode: 'Episode',
  summary: 'Summary',
};

/** Timeline order of the instant spans: earliest start, then earliest end (an open end is unbounded), undated last. */
function byTime(a: EdgeData, b: EdgeData): number {
  const da = a.date !== undefined;
  const db = b.date !== undefined;
  if (!da || !db) return da === db ? 0 : da ? -1 : 1;
  const sa = a.start ?? -Infinity;
  const sb = b.start ?? -Infinity;
  if (sa !== sb) return sa < sb ? -1 : 1;
  const ea = a.end ?? Infinity;
  const eb = b.end ?? Infinity;
  return ea === eb ? 0 : ea < eb ? -1 : 1;
}

const episodesText = (e: EdgeData) => (e.episodes ?? []).map(episodeTitle).join('; ');
const PAGE = 500;

function rowsOf(app: App, s: ViewState): EdgeData[] {
  const shown = (id: string) => app.actorShown(app.graph.nodes.get(id)?.layer, s.layers);
  const rows = [...app.graph.edges.values()].filter((e) => shown(e.source) && shown(e.target));
  const text = (e: EdgeData, col: SortColumn): string =>
    col === 'category'
      ? categoryLabel(e.category)
      : col === 'episode'
        ? episodesText(e)
        : col === 'type'
          ? e.label
          : col === 'from'
            ? app.nameOf(e.source)
            : col === 'to'
              ? app.nameOf(e.target)
              : col === 'status'
                ? e.status
                : (e.summary ?? '');
  const { sort } = s.modes.table;
  const cmp = (a: EdgeData, b: EdgeData) =>
    sort.col === 'date' ? byTime(a, b) : text(a, sort.col).localeCompare(text(b, sort.col), 'en', { sensitivity: 'base' });
  const dir = sort.dir === 'asc' ? 1 : -1;
  // Undated actions go after the dated ones both ways: reversing them too put them first on a
  // descending sort, ahead of the most recent actions a person sorts that way to see.
  const undatedLast = (a: EdgeData, b: EdgeData) => Number(a.date === undefined) - Number(b.date === undefined);
  return rows.sort((a, b) => (sort.col === 'date' ? undatedLast(a, b) : 0) || dir * cmp(a, b) || byTime(a, b) || (a.id < b.id ? -1 : 1));
}

/**
 * A cell cut to two lines (the whole text in its title and to screen readers), so that a long
 * episode title or summary does not make one row fill a quarter of the screen.
 */
function clamped(text: string, attrs: Record<string, string> = {}): HTMLTableCellElement {
  return h('td', attrs, h('div', { class: 'clamp', title: text }, text));
}

export function view(app: App): ModeView {
  const root = byId('table-view');
  let limit = PAGE;

  const moveFocus = (row: HTMLTableRowElement | null | undefined) => {
    if (!row) return;
    root.querySelectorAll('tr[tabindex="0"]').forEach((r) => r.setAttribute('tabindex', '-1'));
    row.setAttribute('tabindex', '0');
    row.focus();
  };

  const render = (s: ViewState) => {
    const rows = rowsOf(app, s);
    const { sort } = s.modes.table;
    const head = h(
      'tr',
      {},
      ...SORT_COLUMNS.map((col) => {
        const sorted = sort.col === col;
        const b = h(
          'button',
          { type: 'button', class: 'sort', 'data-col': col },
          HEADERS[col],
          h('span', { 'aria-hidden': 'true' }, sorted ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''),
        );
        b.addEventListener('click', () => app.store.update((st) => sortBy(st, col)));
        return h('th', { scope: 'col', 'aria-sort': sorted ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none' }, b);
      }),
    );
    const selected = s.sel?.kind === 'action' ? s.sel.id : null;
    const body = h('tbody');
    rows.slice(0, limit).forEach((e, i) => {
      const tr = h(
        'tr',
        { tabindex: (selected ? e.id === selected : i === 0) ? 0 : -1, 'data-id': e.id, 'aria-selected': String(e.id === selected) },
        h('td', { class: 'date-cell' }, h('div', { class: 'clamp' }, dateElement(e.date, e.timezone))),
        h('td', { 'data-col': 'category' }, categoryLabel(e.category)),
        clamped(e.label),
        clamped(app.nameOf(e.source), { class: 'party' }),
        clamped(app.nameOf(e.target), { class: 'party' }),
        h('td', {}, h('span', { class: `status status-${e.status}` }, e.status)),
        clamped(episodesText(e), { 'data-col': 'episode' }),
        clamped(e.summary ?? '', { class: 'summary' }),
      );
      tr.addEventListener('click', () => {
        moveFocus(tr);
        app.store.update((st) => select(st, { kind: 'action', id: e.id }));
      });
      body.append(tr);
    });
    if (!body.querySelector('tr[tabindex="0"]')) body.firstElementChild?.setAttribute('tabindex', '0');
    body.addEventListener('keydown', (ev) => {
      const tr = (ev.target as HTMLElement).closest('tr');
      if (!tr) return;
      const go: Record<string, () => Element | null | undefined> = {
        ArrowDown: () => tr.nextElementSibling,
        ArrowUp: () => tr.previousElementSibling,
        Home: () => body.firstElementChild,
        End: () => body.lastElementChild,
        PageDown: () => body.children[Math.min(body.children.length - 1, [...body.children].indexOf(tr) + 10)],
        PageUp: () => body.children[Math.max(0, [...body.children].indexOf(tr) - 10)],
      };
      if (go[ev.key]) {
        ev.preventDefault();
        moveFocus(go[ev.key]!() as HTMLTableRowElement);
      } else if (ev.key === 'Enter' || ev.key === ' ') {
        ev.preventDefault();
        const id = tr.dataset.id!;
        app.store.update((st) => select(st, { kind: 'action', id }));
      }
    });
    const more = rows.length > limit ? h('button', { type: 'button' }, `Show ${Math.min(PAGE, rows.length - limit)} more rows`) : null;
    more?.addEventListener('click', () => {
      limit += PAGE;
      render(app.state);
    });
    const hadFocus = root.contains(document.activeElement) ? (document.activeElement as HTMLElement).closest('tr')?.dataset.id : undefined;
    fill(
      root,
      rows.length
        ? h(
            'table',
            { class: 'actions-table', 'aria-describedby': 'table-help' },
            h('caption', {}, `${plural(rows.length, 'action')}${rows.length > limit ? `, first ${limit} shown` : ''}`),
            h('thead', {}, head),
            body,
          )
        : h('p', { class: 'empty' }, 'No action matches these filters.'),
      h(
        'p',
        { id: 'table-help', class: 'hint' },
        'Up and down arrows move between rows; Enter shows the details of an action. Click a column heading to sort.',
      ),
      more,
    );
    if (hadFocus) moveFocus(root.querySelector<HTMLTableRowElement>(`tr[data-id="${CSS.escape(hadFocus)}"]`));
  };

  return {
    show(s, prev) {
      if (prev === null) {
        limit = PAGE;
        root.hidden = false;
        byId('graph-wrap').hidden = true;
        fill(
          byId('tool-panel'),
          h('h2', {}, 'Table'),
          h('p', { class: 'hint' }, 'The actions of the current view, with the same filters as the drawing.'),
        );
      }
      render(s);
    },
    hide() {
      root.hidden = true;
      byId('graph-wrap').hidden = false;
      fill(root);
      fill(byId('tool-panel'));
      app.cy.resize();
    },
  };
}
