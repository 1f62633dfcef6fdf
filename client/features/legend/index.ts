/** The legend: shape by actor kind, colour by layer, line colour by action type, line style by status. */
import { DISPUTED_LABEL, NO_LAYER_COLOUR, STATUS_LOOKS, kindShape, layerColour, typeColour } from '../../graph/palette';
import { shapeElement } from '../../graph/shapes';
import { byId, h, s } from '../../ui/dom';
import { vocabulary } from '../../vocabulary';

function swatch(...children: SVGElement[]): SVGSVGElement {
  return s('svg', { width: 30, height: 16, viewBox: '0 0 30 16', 'aria-hidden': 'true', focusable: 'false' }, ...children);
}

function line(colour: string, width: number, dash: string): SVGElement {
  return s('line', { x1: 2, y1: 8, x2: 28, y2: 8, stroke: colour, 'stroke-width': width, 'stroke-dasharray': dash });
}

const DASH = { solid: '', dashed: '6 3', dotted: '2 3' } as const;

function entry(sw: SVGSVGElement, text: string): HTMLLIElement {
  return h('li', {}, sw, h('span', {}, text));
}

export function initLegend(): void {
  const v = vocabulary();
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
  const types = h('ul', { class: 'legend-list' }, ...v.types.map((t) => entry(swatch(line(typeColour(t.id), 3, '')), t.label)));
  const statuses = h(
    'ul',
    { class: 'legend-list' },
    ...v.statuses.map((st) => {
      const look = STATUS_LOOKS[st] ?? STATUS_LOOKS.reported;
      return entry(swatch(line(st === 'disputed' ? DISPUTED_LABEL : '#444', look.width, DASH[look.dash])), `${st} (${look.note})`);
    }),
  );
  byId('legend').append(
    h(
      'details',
      { open: true },
      h('summary', {}, h('h2', { class: 'inline' }, 'Legend')),
      h('h3', {}, 'Actors: shape by kind'),
      kinds,
      h('h3', {}, 'Actors: colour by layer'),
      layers,
      h('h3', {}, 'Actions: colour by type'),
      types,
      h('h3', {}, 'Actions: line by status'),
      statuses,
    ),
  );
}
