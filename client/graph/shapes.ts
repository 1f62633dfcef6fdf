/** The node shapes as SVG, for the legend and the SVG export (approximations of Cytoscape's). */
import { s } from '../ui/dom';

function ngon(sides: number, rotation: number): number[] {
  const pts: number[] = [];
  for (let i = 0; i < sides; i++) {
    const a = rotation + (i * 2 * Math.PI) / sides;
    pts.push(Math.cos(a), Math.sin(a));
  }
  // Stretch to fill the unit square, as Cytoscape does.
  const xs = pts.filter((_, i) => i % 2 === 0);
  const ys = pts.filter((_, i) => i % 2 === 1);
  const sx = 2 / (Math.max(...xs) - Math.min(...xs));
  const sy = 2 / (Math.max(...ys) - Math.min(...ys));
  const cx = (Math.max(...xs) + Math.min(...xs)) / 2;
  const cy = (Math.max(...ys) + Math.min(...ys)) / 2;
  return pts.map((v, i) => (i % 2 === 0 ? (v - cx) * sx : (v - cy) * sy));
}

const UNIT: Record<string, number[]> = {
  'round-tag': [-1, -1, 0.5, -1, 1, 0, 0.5, 1, -1, 1],
  diamond: [0, -1, 1, 0, 0, 1, -1, 0],
  rhomboid: [-1, -1, 0.333, -1, 1, 1, -0.333, 1],
  pentagon: ngon(5, -Math.PI / 2),
  octagon: ngon(8, Math.PI / 8),
  hexagon: ngon(6, 0),
  'round-triangle': ngon(3, -Math.PI / 2),
};

/** An SVG element drawing `shape` centred on (x, y), w by h. */
export function shapeElement(
  shape: string,
  x: number,
  y: number,
  w: number,
  hgt: number,
  attrs: Record<string, string | number>,
): SVGElement {
  if (shape === 'ellipse') return s('ellipse', { cx: x, cy: y, rx: w / 2, ry: hgt / 2, ...attrs });
  if (shape === 'round-rectangle' || shape === 'rectangle') {
    const r = shape === 'rectangle' ? 0 : Math.min(w, hgt) / 4;
    return s('rect', { x: x - w / 2, y: y - hgt / 2, width: w, height: hgt, rx: r, ry: r, ...attrs });
  }
  const unit = UNIT[shape] ?? UNIT.hexagon!;
  const points: string[] = [];
  for (let i = 0; i < unit.length; i += 2)
    points.push(`${(x + (unit[i]! * w) / 2).toFixed(1)},${(y + (unit[i + 1]! * hgt) / 2).toFixed(1)}`);
  return s('polygon', { points: points.join(' '), ...attrs });
}
