/**
 * The one place API answers become Cytoscape elements: actors are nodes (class `actor`), actions
 * are edges (class `action`, edge id = action id). Several answers (a focus and its expansions)
 * merge into one graph.
 */
import type { ElementDefinition } from 'cytoscape';
import type { EdgeData, GraphAnswer, NodeData } from '../../contract';

export interface GraphData {
  nodes: Map<string, NodeData>;
  edges: Map<string, EdgeData>;
  truncated: boolean;
}

export function emptyGraph(): GraphData {
  return { nodes: new Map(), edges: new Map(), truncated: false };
}

/** Merges answers; an element present in several keeps the first copy. */
export function mergeAnswers(answers: GraphAnswer[], into: GraphData = emptyGraph()): GraphData {
  for (const a of answers) {
    for (const n of a.elements.nodes) if (!into.nodes.has(n.data.id)) into.nodes.set(n.data.id, n.data);
    for (const e of a.elements.edges) if (!into.edges.has(e.data.id)) into.edges.set(e.data.id, e.data);
    into.truncated ||= a.truncated;
  }
  // An edge needs both of its ends.
  for (const [id, e] of into.edges) if (!into.nodes.has(e.source) || !into.nodes.has(e.target)) into.edges.delete(id);
  return into;
}

/** Number of actions each actor takes part in, within this graph. */
export function degrees(g: GraphData): Map<string, number> {
  const deg = new Map<string, number>();
  for (const e of g.edges.values()) {
    deg.set(e.source, (deg.get(e.source) ?? 0) + 1);
    deg.set(e.target, (deg.get(e.target) ?? 0) + 1);
  }
  return deg;
}

/** Node size in the drawing (the stylesheet maps `deg` the same way). */
export function nodeSize(deg: number): number {
  const t = Math.min(1, Math.max(0, (deg - 1) / 11));
  return 26 + t * 38;
}

/** Above this many elements, edge labels are left out and node labels shown only when zoomed in. */
export const LARGE_ABOVE = 2000;

export function toElements(g: GraphData): ElementDefinition[] {
  const deg = degrees(g);
  const out: ElementDefinition[] = [];
  const big = g.nodes.size + g.edges.size > LARGE_ABOVE ? ' big far' : '';
  for (const n of g.nodes.values()) {
    out.push({ group: 'nodes', data: { ...n, deg: deg.get(n.id) ?? 0 }, classes: `actor${big}` });
  }
  for (const e of g.edges.values()) {
    out.push({ group: 'edges', data: { ...e }, classes: `action${big}` });
  }
  return out;
}
