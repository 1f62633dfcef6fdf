/**
 * The legend, kept over the drawing so it stays in sight while the filters scroll: line colour by
 * action category, line style by status, a bundle's count, then (folded) shape by actor kind and
 * colour by layer.
 */
import { CATEGORIES, CATEGORY_LABELS } from '../../../contract';
import { DISPUTED_LABEL, NO_LAYER_COLOUR, STATUS_LOOKS, categoryColour, kindShape, layerColour } from '../../graph/palette';
import { shapeElement } from '../../graph/shapes';
import { byId, h, s } from '../../ui/dom';
import { vocabulary } from '../../vocabulary';

function swatch(...children: SVGElement[]): SVGSVGElement {
  return s('svg', { width: 30, height: 16, viewBox: '0 0 30 16', 'aria-hidden': 'true', focusable: 'false' }, ...children);
}

function line(colour: string, width: number, pattern: number[]): SVGElement {
  return s('line', { x1: 2, y1: 8, x2: 28, y2: 8, stroke: colour, 'stroke-width': width, 'stroke-dasharray': pattern.join(' ') });
}

function entry(sw: SVGSVGElement, text: string): HTMLLIElement {
  return h('li', {}, sw, h('span', {}, text));
}

export function initLegend(): void {
  const v = vocabulary();
  const categories = h(
    'ul',
    { class: 'legend-list', id: 'legend-categories' },
    ...CATEGORIES.map((c) => {
      // Which types a category holds, for the reader who knows the types by name.
      const types = v.types.filter((t) => t.category === c).map((t) => t.label);
      const li = entry(swatch(line(categoryColour(c), 3, [])), CATEGORY_LABELS[c]);
      li.title = types.join(', ');
      li.append(h('span', { class: 'visually-hidden' }, `: ${types.join(', ')}`));
      return li;
    }),
  );
  const statuses = h(
    'ul',
    { class: 'legend-list', id: 'legend-statuses' },
    ...v.statuses.map((st) => {
      const look = STATUS_LOOKS[st] ?? STATUS_LOOKS.reported;
      return entry(swatch(line(st === 'disputed' ? DISPUTED_LABEL : '#444', look.width, look.pattern)), `${st} (${look.note})`);
    }),
    h('li', {}, h('span', { class: 'legend-count', 'aria-hidden': 'true' }, '×7'), h('span', {}, 'parallel actions: click to open')),
  );
  const kinds = h(
    'ul',
    { class: 'legend-list' },
    ...v.actorKinds.map((k) =>
      entry(swatch(shapeElement(kindShape(k), 15, 8, 14, 13, { fill: '#9e9e9e', stroke: '#555', 'stroke-width': 1 })), k),
    ),
  );
  const layers = h(
    'ul',
    { class: 'legend-list' },
    ...v.layers.map((l) => entry(swatch(s('circle', { cx: 15, cy: 8, r: 6.5, fill: layerColour(l.id) })), l.label)),
    entry(swatch(s('circle', { cx: 15, cy: 8, r: 6.5, fill: NO_LAYER_COLOUR })), 'No layer'),
  );
  const root = byId('legend');
  root.append(
    h(
      'details',
      { open: true },
      h('summary', {}, h('h2', { class: 'inline' }, 'Legend')),
      h('div', { class: 'legend-row' }, h('h3', {}, 'Actions by category'), categories),
      h('div', { class: 'legend-row' }, h('h3', {}, 'Line by status'), statuses),
      h(
        'details',
        { class: 'legend-actors' },
        h('summary', {}, 'Actors: shape and colour'),
        h(
          'div',
          { class: 'legend-cols' },
          h('div', {}, h('h3', {}, 'Shape by kind'), kinds),
          h('div', {}, h('h3', {}, 'Colour by layer'), layers),
        ),
      ),
    ),
  );
  // Under the drawing rather than under the filters, where it scrolled out of sight.
  root.classList.add('legend-under');
  byId('graph-wrap').after(root);
}
