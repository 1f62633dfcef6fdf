/**
 * An SVG of what is drawn, made from Cytoscape's positions and the same palette as the canvas,
 * with the view's title above, a legend of what it draws beside it and a caption below.
 */
import type { Core } from 'cytoscape';
import { DISPUTED_LABEL, STATUS_LOOKS, kindShape, layerColour, typeColour } from '../../graph/palette';
import { shapeElement } from '../../graph/shapes';
import { shownElements } from '../../graph/cy';
import { nodeSize } from '../../graph/adapter';
import { s } from '../../ui/dom';
import type { Status } from '../../../contract';
import { LEGEND_WIDTH, svgLegend } from './legend';
import { xmlChars } from './xml-chars';

const FONT = 'system-ui, -apple-system, Segoe UI, Roboto, sans-serif';

/** A generous width for text in the sans-serif fonts of FONT: wider than most, so nothing is cut. */
const textWidth = (text: string, size: number) => text.length * size * 0.62;

const ACTOR_FONT = 12;
const TITLE_FONT = 15;
const CAPTION_FONT = 11;

interface PictureText {
  title: string;
  caption: string[];
}

/** The drawing's box, widened so that every actor's whole name (one line, as the SVG writes it) is inside. */
function drawingBox(shown: ReturnType<typeof shownElements>): { x1: number; y1: number; x2: number; y2: number } {
  const bb = shown.boundingBox({});
  const box = { x1: bb.x1, y1: bb.y1, x2: bb.x2, y2: bb.y2 };
  shown.nodes('.actor').forEach((n) => {
    const p = n.position();
    const half = textWidth(String(n.data('label')), ACTOR_FONT) / 2 + 4;
    const size = nodeSize(Number(n.data('deg')));
    box.x1 = Math.min(box.x1, p.x - half);
    box.x2 = Math.max(box.x2, p.x + half);
    box.y2 = Math.max(box.y2, p.y + size / 2 + 22);
  });
  shown.nodes('.lane').forEach((n) => {
    const p = n.position();
    box.x1 = Math.min(box.x1, p.x - Number(n.data('w')) / 2 - 16 - textWidth(String(n.data('label')), 14));
  });
  return box;
}

export function graphSvg(cy: Core, text: PictureText): string {
  const { title, caption } = text;
  const shown = shownElements(cy);
  const bb = drawingBox(shown);
  const pad = 30;
  const legendX = bb.x2 + pad;
  const legend = svgLegend(shown, legendX, bb.y1);
  const x0 = bb.x1 - pad;
  const y0 = bb.y1 - pad - TITLE_FONT - 14;
  const captionWidth = Math.max(...caption.map((l) => textWidth(l, CAPTION_FONT)), textWidth(title, TITLE_FONT));
  const w = Math.max(100, legendX + LEGEND_WIDTH - x0, captionWidth + 24);
  const drawnBottom = Math.max(bb.y2, bb.y1 + legend.height);
  const captionTop = drawnBottom + pad;
  const hgt = Math.max(100, captionTop - y0 + caption.length * (CAPTION_FONT + 5) + 14);
  const svg = s('svg', {
    xmlns: 'http://www.w3.org/2000/svg',
    viewBox: `${x0} ${y0} ${w} ${hgt}`,
    width: Math.round(w),
    height: Math.round(hgt),
    'font-family': FONT,
  });
  svg.append(s('title', {}, title), s('rect', { x: x0, y: y0, width: w, height: hgt, fill: '#ffffff' }));
  const defs = s('defs');
  const markers = new Set<string>();
  const marker = (colour: string) => {
    const id = `arrow-${colour.slice(1)}`;
    if (!markers.has(id)) {
      markers.add(id);
      defs.append(
        s(
          'marker',
          { id, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 5, markerHeight: 5, orient: 'auto-start-reverse' },
          s('path', { d: 'M0,0 L10,5 L0,10 z', fill: colour }),
        ),
      );
    }
    return `url(#${id})`;
  };
  svg.append(defs);
  shown.nodes('.lane').forEach((n) => {
    const p = n.position();
    const lw = Number(n.data('w'));
    const lh = Number(n.data('h'));
    svg.append(
      s('rect', { x: p.x - lw / 2, y: p.y - lh / 2, width: lw, height: lh, fill: String(n.data('colour')), 'fill-opacity': 0.1 }),
      s(
        'text',
        { x: p.x - lw / 2 - 8, y: p.y + 5, 'text-anchor': 'end', 'font-size': 14, 'font-weight': 'bold', fill: '#333' },
        String(n.data('label')),
      ),
    );
  });
  shown.nodes('.axis').forEach((n) => {
    const p = n.position();
    svg.append(s('text', { x: p.x, y: p.y + 14, 'text-anchor': 'middle', 'font-size': 11, fill: '#555' }, String(n.data('label'))));
  });
  const labels = s('g', { 'font-size': 9, 'text-anchor': 'middle' });
  // A bundle is drawn as the one line the canvas shows; its hidden members have no endpoints.
  shown
    .edges('.action, .bundle')
    .not('.bundled')
    .forEach((e) => {
      const a = e.sourceEndpoint();
      const b = e.targetEndpoint();
      const cps = e.controlPoints?.() ?? [];
      const colour = typeColour(String(e.data('type')));
      const look = STATUS_LOOKS[e.data('status') as Status] ?? STATUS_LOOKS.reported;
      const d = cps.length === 1 ? `M${a.x},${a.y} Q${cps[0]!.x},${cps[0]!.y} ${b.x},${b.y}` : `M${a.x},${a.y} L${b.x},${b.y}`;
      svg.append(
        s('path', {
          d,
          fill: 'none',
          stroke: colour,
          'stroke-width': look.width,
          'stroke-dasharray': look.pattern.join(' '),
          'marker-end': marker(colour),
        }),
      );
      const m = e.midpoint();
      const text = String(e.data('step') ?? e.data('label'));
      labels.append(
        s(
          'text',
          {
            x: m.x,
            y: m.y + 3,
            fill: e.data('status') === 'disputed' ? DISPUTED_LABEL : '#333',
            stroke: '#fff',
            'stroke-width': 3,
            'paint-order': 'stroke',
          },
          text,
        ),
      );
    });
  shown.nodes('.actor').forEach((n) => {
    const p = n.position();
    const size = nodeSize(Number(n.data('deg')));
    svg.append(
      shapeElement(kindShape(String(n.data('kind'))), p.x, p.y, size, size, {
        fill: layerColour(n.data('layer') as string | undefined),
        stroke: '#ffffff',
        'stroke-width': 1.5,
      }),
    );
    svg.append(
      s(
        'text',
        {
          x: p.x,
          y: p.y + size / 2 + 15,
          'text-anchor': 'middle',
          'font-size': ACTOR_FONT,
          fill: '#1a1a1a',
          stroke: '#fff',
          'stroke-width': 3,
          'paint-order': 'stroke',
        },
        String(n.data('label')),
      ),
    );
  });
  svg.append(labels);
  svg.append(legend.g);
  svg.append(
    s('text', { x: x0 + 12, y: y0 + 22, 'font-size': TITLE_FONT, 'font-weight': 'bold', fill: '#1a1a1a', class: 'picture-title' }, title),
  );
  svg.append(
    s(
      'g',
      { class: 'caption', 'font-size': CAPTION_FONT, fill: '#333' },
      ...caption.map((line, i) => s('text', { x: x0 + 12, y: captionTop + (i + 1) * (CAPTION_FONT + 5) }, line)),
    ),
  );
  // Characters XML forbids (from labels: U+0000 and the like) are dropped, or the file would not parse.
  return `<?xml version="1.0" encoding="UTF-8"?>\n${xmlChars(new XMLSerializer().serializeToString(svg))}`;
}
