/**
 * The layouts a person can ask for besides force (fcose, layout.ts): concentric rings around the
 * focus, rows by stack layer, columns by time. Pure functions of the graph, so one graph always
 * gets one picture.
 */
import { LAYERS } from '../../contract';
import type { GraphData } from './adapter';
import { degrees } from './adapter';
import type { Positions } from './fcose-run';
import type { LayoutChoice } from '../modes/graph/mode';

export const LAYOUT_LABELS: Record<LayoutChoice, string> = {
  force: 'Force (related actors close)',
  concentric: 'Rings around the focus',
  layer: 'Rows by stack layer',
  time: 'Left to right by first action',
};

/** Room each actor takes on a ring or in a row, its label included. */
const SLOT = 150;
const RING = 190;
const ROW = 170;

function neighbours(g: GraphData): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>([...g.nodes.keys()].map((id) => [id, new Set<string>()]));
  for (const e of g.edges.values()) {
    out.get(e.source)?.add(e.target);
    out.get(e.target)?.add(e.source);
  }
  return out;
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Rings by distance from `centre` (else the actor with most actions); unreached actors on the outer ring. */
export function concentric(g: GraphData, centre: string | null): Positions {
  const ids = [...g.nodes.keys()].sort(byId);
  if (!ids.length) return {};
  const deg = degrees(g);
  const start = centre && g.nodes.has(centre) ? centre : ids.reduce((a, b) => ((deg.get(b) ?? 0) > (deg.get(a) ?? 0) ? b : a));
  const near = neighbours(g);
  const dist = new Map<string, number>([[start, 0]]);
  const queue = [start];
  while (queue.length) {
    const id = queue.shift()!;
    for (const n of [...(near.get(id) ?? [])].sort(byId))
      if (!dist.has(n)) {
        dist.set(n, dist.get(id)! + 1);
        queue.push(n);
      }
  }
  const outer = Math.max(0, ...dist.values()) + 1;
  const rings = new Map<number, string[]>();
  for (const id of ids) {
    const d = dist.get(id) ?? outer;
    rings.set(d, [...(rings.get(d) ?? []), id]);
  }
  const pos: Positions = {};
  for (const [d, members] of rings) {
    if (d === 0) {
      pos[members[0]!] = { x: 0, y: 0 };
      continue;
    }
    const r = Math.max(d * RING, (members.length * SLOT) / (2 * Math.PI));
    members.forEach((id, i) => {
      const a = -Math.PI / 2 + (2 * Math.PI * i) / members.length;
      pos[id] = { x: Math.round(r * Math.cos(a)), y: Math.round(r * Math.sin(a)) };
    });
  }
  return pos;
}

/** One row per stack layer, in the vocabulary's order (actors without a layer last), by name in a row. */
export function byLayer(g: GraphData): Positions {
  const rows = new Map<string, { id: string; name: string }[]>();
  for (const n of g.nodes.values()) {
    const layer = n.layer ?? 'none';
    rows.set(layer, [...(rows.get(layer) ?? []), { id: n.id, name: n.label }]);
  }
  const order = [...LAYERS, 'none'].filter((l) => rows.has(l));
  const pos: Positions = {};
  order.forEach((layer, r) => {
    const row = rows.get(layer)!.sort((a, b) => a.name.localeCompare(b.name) || byId(a.id, b.id));
    row.forEach((a, i) => (pos[a.id] = { x: Math.round((i - (row.length - 1) / 2) * SLOT), y: r * ROW }));
  });
  return pos;
}

/**
 * Actors left to right by the earliest instant of their first dated action (undated at the right
 * end), staggered over four rows so that neighbours' labels do not meet.
 */
export function byTime(g: GraphData): Positions {
  const first = new Map<string, number>();
  for (const e of g.edges.values()) {
    if (e.start === undefined) continue;
    const t = e.start ?? -Infinity;
    for (const id of [e.source, e.target]) first.set(id, Math.min(first.get(id) ?? Infinity, t));
  }
  const ids = [...g.nodes.keys()].sort((a, b) => (first.get(a) ?? Infinity) - (first.get(b) ?? Infinity) || byId(a, b));
  const pos: Positions = {};
  ids.forEach((id, i) => (pos[id] = { x: i * (SLOT * 0.75), y: (i % 4) * 110 }));
  return pos;
}
