/**
 * Export: PNG and SVG of the view, the API's exports of the filtered selection (JSON, GraphML,
 * GEXF, CSV, Cytoscape JSON), and the link to this exact view.
 */
import type { App } from '../../app';
import { api, toFilter } from '../../api';
import { hasFilters, shownFocus } from '../../state/reducers';
import { byId, download, h } from '../../ui/dom';
import { graphSvg } from './svg';

const FORMATS = [
  ['json', 'Interchange JSON', {}],
  ['graphml', 'GraphML', {}],
  ['gexf', 'GEXF (Gephi, with the timeline)', {}],
  ['csv', 'CSV of the actions', {}],
  ['csv', 'CSV of the actors', { part: 'actors' }],
  ['cyjs', 'Cytoscape JSON', {}],
] as const;

function stamp(): string {
  return new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-');
}

export function viewTitle(app: App): string {
  const focus = shownFocus(app.state);
  return `Deplatforming graph — ${focus ? `neighbourhood of ${app.nameOf(focus)}` : 'whole graph'} · ${location.href}`;
}

export function initExport(app: App): void {
  const png = h('button', { type: 'button', id: 'export-png' }, 'PNG image of the view');
  const svg = h('button', { type: 'button', id: 'export-svg' }, 'SVG image of the view');
  png.addEventListener('click', () => {
    const url = app.cy.png({ full: true, scale: 2, bg: '#ffffff', maxWidth: 8000, maxHeight: 8000 });
    download(url, `deplatforming-graph-${stamp()}.png`);
  });
  svg.addEventListener('click', () => {
    const blob = new Blob([graphSvg(app.cy, viewTitle(app))], { type: 'image/svg+xml' });
    const url = URL.createObjectURL(blob);
    download(url, `deplatforming-graph-${stamp()}.svg`);
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  });
  const links = h('ul', { class: 'export-links' });
  const link = h('input', { type: 'text', readonly: true, id: 'view-link', 'aria-label': 'Link to this view' });
  const copy = h('button', { type: 'button', id: 'copy-link' }, 'Copy the link');
  copy.addEventListener('click', () => {
    link.select();
    const done = () => (copy.textContent = 'Link copied');
    if (navigator.clipboard)
      void navigator.clipboard.writeText(link.value).then(done, () => (copy.textContent = 'Select and copy the link'));
  });
  const note = h('p', { class: 'hint' });
  const menu = h(
    'details',
    { class: 'menu', id: 'export-menu' },
    h('summary', {}, 'Export'),
    h(
      'div',
      { class: 'menu-body' },
      h('h2', { class: 'small-heading' }, 'This view'),
      h('div', { class: 'buttons' }, png, svg),
      h('div', { class: 'link-row' }, link, copy),
      h('h2', { class: 'small-heading' }, 'The data'),
      note,
      links,
    ),
  );
  byId('export').append(menu);
  app.onView((s) => {
    link.value = location.href;
    copy.textContent = 'Copy the link';
    const f = toFilter(s);
    links.replaceChildren(
      ...FORMATS.map(([format, label, extra]) =>
        h('li', {}, h('a', { href: api.exportUrl(format, f, extra), download: '', 'data-format': format }, label)),
      ),
    );
    const filtered = hasFilters({ ...s, layers: [] });
    note.textContent = `${filtered ? 'The actions that pass the filters' : 'Every action'}, the actors they touch and their sources${s.focus ? ' (the whole selection, not only the neighbourhood shown)' : ''}${s.layers.length ? '; the layer filter applies to the drawing only' : ''}.`;
  });
}
