/**
 * The one reach into graphology's private state: its node map (`_nodes`), whose records hold each
 * node's adjacency as plain objects. Written against the version below;
 * tests/internals/graphology.test.ts fails, naming it, when the installed graphology differs or the
 * map is gone, so an upgrade is checked here before it silently slows the graph down.
 */
import type Graph from 'graphology';

/** The graphology release this module was written and checked against. */
export const GRAPHOLOGY_INTERNALS_VERSION = '0.26.0';

/**
 * The node's outgoing and incoming adjacency objects (neighbour id → edges), or none when this
 * graphology keeps them some other way.
 */
export function adjacencyObjects(g: Graph, node: string): Record<string, unknown>[] {
  const record = (g as unknown as { _nodes?: Map<string, Record<string, unknown>> })._nodes?.get(node);
  const out: Record<string, unknown>[] = [];
  for (const key of ['out', 'in']) {
    const adjacency = record?.[key];
    if (adjacency && typeof adjacency === 'object') out.push(adjacency as Record<string, unknown>);
  }
  return out;
}
