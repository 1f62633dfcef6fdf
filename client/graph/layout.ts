/**
 * Graph layouts. fcose runs in a worker (quality "draft" above DRAFT_ABOVE actors) so a large
 * graph never freezes the page; the positions come back and are applied in one batch.
 */
import type { GraphData } from './adapter';
import { degrees, nodeSize } from './adapter';
import type { LayoutRequest, Positions } from './fcose-run';

export const DRAFT_ABOVE = 1000;

let worker: Worker | null | undefined;
let jobs = 0;
const pending = new Map<number, { resolve: (p: Positions) => void; reject: (e: Error) => void }>();

function getWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<{ job: number; positions?: Positions; error?: string }>) => {
      const p = pending.get(e.data.job);
      if (!p) return;
      pending.delete(e.data.job);
      if (e.data.positions) p.resolve(e.data.positions);
      else p.reject(new Error(e.data.error ?? 'layout failed'));
    };
    worker.onerror = () => {
      for (const p of pending.values()) p.reject(new Error('the layout worker stopped'));
      pending.clear();
      worker = null;
    };
  } catch {
    worker = null;
  }
  return worker;
}

/** A stable number from the graph's content, so one graph always gets one layout. */
function seedOf(ids: string[]): number {
  let h = 2166136261;
  for (const id of ids) for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return h >>> 0;
}

export function layoutRequest(g: GraphData): LayoutRequest {
  const deg = degrees(g);
  const ids = [...g.nodes.keys()].sort();
  const nodes = ids.map((id) => {
    const size = nodeSize(deg.get(id) ?? 0);
    const label = g.nodes.get(id)?.label ?? id;
    return { id, w: Math.max(size, Math.min(130, label.length * 6.5)), h: size + 22 };
  });
  const pairs = new Set<string>();
  const edges: [string, string][] = [];
  for (const e of [...g.edges.values()].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const key = e.source < e.target ? `${e.source}\u0000${e.target}` : `${e.target}\u0000${e.source}`;
    if (pairs.has(key)) continue;
    pairs.add(key);
    edges.push([e.source, e.target]);
  }
  return { nodes, edges, quality: nodes.length > DRAFT_ABOVE ? 'draft' : 'default', seed: seedOf(ids) };
}

/**
 * Actors with no action in the graph are set out in a grid under the rest: fcose spends most of
 * its time packing thousands of one-node components, and a grid reads better anyway.
 */
function placeIsolated(req: LayoutRequest, positions: Positions, isolated: LayoutRequest['nodes']): Positions {
  if (!isolated.length) return positions;
  let x1 = Infinity,
    x2 = -Infinity,
    y2 = -Infinity;
  for (const n of req.nodes) {
    const p = positions[n.id];
    if (!p) continue;
    x1 = Math.min(x1, p.x - n.w / 2);
    x2 = Math.max(x2, p.x + n.w / 2);
    y2 = Math.max(y2, p.y + n.h / 2);
  }
  if (!Number.isFinite(x1)) [x1, x2, y2] = [0, 0, -80];
  const cell = 140;
  const cols = Math.max(1, Math.max(Math.round((x2 - x1) / cell), Math.ceil(Math.sqrt(isolated.length * 2))));
  isolated.forEach((n, i) => (positions[n.id] = { x: x1 + (i % cols) * cell + cell / 2, y: y2 + 80 + Math.floor(i / cols) * 70 }));
  return positions;
}

export async function fcosePositions(g: GraphData): Promise<Positions> {
  const full = layoutRequest(g);
  const linked = new Set(full.edges.flat());
  const isolated = full.nodes.filter((n) => !linked.has(n.id));
  const req: LayoutRequest = { ...full, nodes: full.nodes.filter((n) => linked.has(n.id)) };
  req.quality = req.nodes.length > DRAFT_ABOVE ? 'draft' : 'default';
  return placeIsolated(req, await connectedPositions(req), isolated);
}

async function connectedPositions(req: LayoutRequest): Promise<Positions> {
  if (req.nodes.length === 0) return {};
  const w = getWorker();
  if (w) {
    const job = ++jobs;
    try {
      return await new Promise<Positions>((resolve, reject) => {
        pending.set(job, { resolve, reject });
        w.postMessage({ ...req, job });
      });
    } catch {
      /* fall through to the page */
    }
  }
  const { runFcose } = await import('./fcose-run');
  await new Promise((r) => requestAnimationFrame(() => r(null)));
  return runFcose(req);
}
