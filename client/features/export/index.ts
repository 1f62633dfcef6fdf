/**
 * Export: PNG and SVG of the view, the API's exports of the filtered selection (JSON, GraphML,
 * GEXF, CSV, Cytoscape JSON), and the link to this exact view.
 */
import type { App } from '../../app';
import { api, toFilter } from '../../api';
import { shownElements } from '../../graph/cy';
import { hasFilters } from '../../state/reducers';
import { announce, byId, download, h } from '../../ui/dom';
import { captionLines, viewTitle, type DataStamp } from './caption';

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

/** The SVG of the view as it is now, titled and captioned; the store's counts when the server gives them. */
async function pictureSvg(app: App): Promise<string> {
  const stamp: DataStamp = {};
  try {
    const { counts } = await api.health();
    if (counts) stamp.counts = { actors: counts.actors, actions: counts.actions, sources: counts.sources };
  } catch {
    // Without the counts the caption still names the filters, what is drawn and when.
  }
  const shown = shownElements(app.cy);
  const drawn = { actors: shown.nodes('.actor').length, actions: shown.edges('.action').length };
  // Fetched on the first export: the first view does not need the SVG writer.
  const { graphSvg } = await import('./svg');
  return graphSvg(app.cy, { title: viewTitle(app), caption: captionLines(app, stamp, drawn) });
}

/** The SVG drawn on a canvas at twice its size: the PNG then has the same title, legend and caption. */
function rasterize(svgText: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
    const img = new Image();
    img.onload = () => {
      const scale = Math.min(2, 8000 / Math.max(img.width, img.height));
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(img.width * scale);
      canvas.height = Math.round(img.height * scale);
      const ctx = canvas.getContext('2d')!;
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
      URL.revokeObjectURL(url);
      resolve(canvas.toDataURL('image/png'));
    };
    img.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error('the picture could not be drawn'));
    };
    img.src = url;
  });
}

export function initExport(app: App): void {
  const png = h('button', { type: 'button', id: 'export-png' }, 'PNG image of the view');
  const svg = h('button', { type: 'button', id: 'export-svg' }, 'SVG image of the view');
  png.addEventListener('click', () => {
    void pictureSvg(app)
      .then(rasterize)
      .catch(() => app.cy.png({ full: true, scale: 2, bg: '#ffffff', maxWidth: 8000, maxHeight: 8000 }))
      .then((url) => {
        download(url, `deplatforming-graph-${stamp()}.png`);
        announce('The PNG image of the view was saved.');
      });
  });
  svg.addEventListener('click', () => {
    void pictureSvg(app).then((text) => {
      const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
      download(url, `deplatforming-graph-${stamp()}.svg`);
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      announce('The SVG image of the view was saved.');
    });
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
    // The tab, the history and a bookmark name the view shown, as the exported pictures do.
    document.title = viewTitle(app, s);
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
