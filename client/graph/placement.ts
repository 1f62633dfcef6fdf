/**
 * Keeps the picture put. Every actor keeps the place it was first given (or was dragged to) for
 * the whole visit: a filter, an edit or an expansion only adds actors, each placed near the
 * actors it is linked to, and moves none. A whole new layout is made only when there is nothing
 * to keep (the first draw, a focus far from what was drawn) or when the person asks for one.
 */
import type { GraphData } from './adapter';
import { byLayer, byTime, concentric } from './arrange';
import type { LayoutChoice } from '../modes/graph/mode';
import type { Positions } from './fcose-run';
import { fcosePositions } from './layout';

/** Where every actor seen in this visit was last placed in the graph mode. */
const remembered = new Map<string, { x: number; y: number }>();

/** Under this share of actors already placed, a new layout reads better than placing the rest one by one. */
const KEEP_SHARE = 1 / 3;
/** How far from its neighbour a new actor goes, and how close to any other it may be. */
const STEP = 140;
const CLEARANCE = 95;

export interface Placement {
  positions: Positions;
  /** True when the layout was made anew (nothing was kept): the view may be fitted again. */
  fresh: boolean;
}

export function remember(positions: Positions): void {
  for (const [id, p] of Object.entries(positions)) remembered.set(id, { x: p.x, y: p.y });
}

/** Forgets every place (before a layout asked for). */
export function forgetPlaces(): void {
  remembered.clear();
}

/** A layout of the whole graph by the choice given. */
export function layoutOf(g: GraphData, choice: LayoutChoice, focus: string | null): Promise<Positions> {
  if (choice === 'concentric') return Promise.resolve(concentric(g, focus));
  if (choice === 'layer') return Promise.resolve(byLayer(g));
  if (choice === 'time') return Promise.resolve(byTime(g));
  return fcosePositions(g);
}

/**
 * Positions for a graph: kept places for the actors seen before, the pins on top, and new actors
 * next to their neighbours; a new layout (by `choice`) when too little is known.
 */
export async function place(g: GraphData, choice: LayoutChoice, focus: string | null, pins: Positions): Promise<Placement> {
  const ids = [...g.nodes.keys()].sort();
  const known = ids.filter((id) => remembered.has(id) || pins[id]);
  let fresh = false;
  const pos: Positions = {};
  if (known.length === 0 || known.length < ids.length * KEEP_SHARE) {
    Object.assign(pos, await layoutOf(g, choice, focus));
    fresh = true;
  } else {
    for (const id of known) pos[id] = { ...(remembered.get(id) ?? pins[id]!) };
    placeNew(g, ids, pos);
  }
  for (const [id, p] of Object.entries(pins)) if (g.nodes.has(id)) pos[id] = { ...p };
  remember(pos);
  return { positions: pos, fresh };
}

/** Places the actors missing from `pos`, each next to the placed actors it is linked to, moving none. */
function placeNew(g: GraphData, ids: string[], pos: Positions): void {
  const near = new Map<string, string[]>();
  for (const e of g.edges.values()) {
    near.set(e.source, [...(near.get(e.source) ?? []), e.target]);
    near.set(e.target, [...(near.get(e.target) ?? []), e.source]);
  }
  const placed = () => Object.values(pos);
  const free = (x: number, y: number) => placed().every((p) => Math.hypot(p.x - x, p.y - y) >= CLEARANCE);
  let missing = ids.filter((id) => !pos[id]);
  // Rounds: an actor linked only to another new actor waits until that one has its place.
  while (missing.length) {
    const ready = missing.filter((id) => (near.get(id) ?? []).some((n) => pos[n]));
    if (!ready.length) break;
    for (const id of ready) {
      const anchors = (near.get(id) ?? []).filter((n) => pos[n]).map((n) => pos[n]!);
      const cx = anchors.reduce((s, p) => s + p.x, 0) / anchors.length;
      const cy = anchors.reduce((s, p) => s + p.y, 0) / anchors.length;
      pos[id] = spot(cx, cy, free);
    }
    missing = missing.filter((id) => !pos[id]);
  }
  // Linked to nothing drawn: a row under everything.
  if (missing.length) {
    const all = placed();
    const x1 = Math.min(...all.map((p) => p.x));
    const y2 = Math.max(...all.map((p) => p.y));
    missing.forEach((id, i) => (pos[id] = { x: x1 + (i % 8) * STEP, y: y2 + STEP + Math.floor(i / 8) * 80 }));
  }
}

/** The first free point on widening rings around (cx, cy), tried at twelve angles each. */
function spot(cx: number, cy: number, free: (x: number, y: number) => boolean): { x: number; y: number } {
  for (let ring = 1; ring <= 8; ring++) {
    const r = STEP * (0.6 + 0.4 * ring);
    for (let k = 0; k < 12; k++) {
      // Start below-right and turn: a new neighbour of a hub then fans out rather than stacking.
      const a = Math.PI / 4 + (k * Math.PI) / 6 + (ring % 2) * (Math.PI / 12);
      const x = Math.round(cx + r * Math.cos(a));
      const y = Math.round(cy + r * Math.sin(a));
      if (free(x, y)) return { x, y };
    }
  }
  return { x: Math.round(cx + STEP), y: Math.round(cy + STEP) };
}
