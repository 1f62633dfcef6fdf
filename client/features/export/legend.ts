/**
 * The legend an exported picture carries: only what it draws (the kinds, layers, types and
 * statuses present), so it explains the picture without the page beside it.
 */
import type { CollectionReturnValue } from 'cytoscape';
import type { Status } from '../../../contract';
import { DISPUTED_LABEL, STATUS_LOOKS, kindShape, layerColour, typeColour } from '../../graph/palette';
import { shapeElement } from '../../graph/shapes';
import { s } from '../../ui/dom';
import { layerLabel, typeLabel } from '../../vocabulary';

const DASH = { solid: '', dashed: '7 4', dotted: '2 3' } as const;
const ROW = 18;
export const LEGEND_WIDTH = 230;

const uniq = (xs: string[]) => [...new Set(xs)].sort();

/** A <g> of the legend at (x, y), and its height. */
export function svgLegend(shown: CollectionReturnValue, x: number, y: number): { g: SVGGElement; height: number } {
  const actors = shown.nodes('.actor');
  const actions = shown.edges('.action');
  const kinds = uniq(actors.map((n) => String(n.data('kind'))));
  const layers = uniq(actors.map((n) => String(n.data('layer') ?? '')));
  const types = uniq(actions.map((e) => String(e.data('type'))));
  const statuses = uniq(actions.map((e) => String(e.data('status')))) as Status[];
  const g = s('g', { class: 'legend', 'font-size': 11, fill: '#222' });
  let at = y;
  const heading = (text: string) => {
    at += ROW;
    g.append(s('text', { x, y: at, 'font-weight': 'bold', 'font-size': 12 }, text));
  };
  const line = (colour: string, width: number, dash: string) =>
    s('line', { x1: x, y1: at - 4, x2: x + 28, y2: at - 4, stroke: colour, 'stroke-width': width, 'stroke-dasharray': dash });
  g.append(s('text', { x, y: at + 4, 'font-weight': 'bold', 'font-size': 13 }, 'Legend'));
  at += 6;
  if (kinds.length) {
    heading('Actors: shape by kind');
    for (const k of kinds) {
      at += ROW;
      g.append(
        shapeElement(kindShape(k), x + 14, at - 4, 13, 12, { fill: '#9e9e9e', stroke: '#555', 'stroke-width': 1 }),
        s('text', { x: x + 36, y: at }, k),
      );
    }
  }
  if (layers.length) {
    heading('Actors: colour by layer');
    for (const l of layers) {
      at += ROW;
      g.append(
        s('circle', { cx: x + 14, cy: at - 4, r: 6, fill: layerColour(l || undefined) }),
        s('text', { x: x + 36, y: at }, layerLabel(l || null)),
      );
    }
  }
  if (types.length) {
    heading('Actions: colour by type');
    for (const t of types) {
      at += ROW;
      g.append(line(typeColour(t), 3, ''), s('text', { x: x + 36, y: at }, typeLabel(t)));
    }
  }
  if (statuses.length) {
    heading('Actions: line by status');
    for (const st of statuses) {
      const look = STATUS_LOOKS[st] ?? STATUS_LOOKS.reported;
      at += ROW;
      g.append(line(st === 'disputed' ? DISPUTED_LABEL : '#444', look.width, DASH[look.dash]), s('text', { x: x + 36, y: at }, st));
    }
  }
  return { g, height: at - y + 8 };
}
