/**
 * Runs fcose on a headless Cytoscape, in the layout worker (or on the page where workers are
 * missing). Math.random is seeded for the run, so the same graph always gets the same picture:
 * a shared link shows what its sender saw.
 */
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';

cytoscape.use(fcose);

export interface LayoutNode {
  id: string;
  w: number;
  h: number;
}

export interface LayoutRequest {
  nodes: LayoutNode[];
  edges: [string, string][];
  quality: 'draft' | 'default';
  seed: number;
}

export type Positions = Record<string, { x: number; y: number }>;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function runFcose(req: LayoutRequest): Positions {
  const elements: cytoscape.ElementDefinition[] = [
    ...req.nodes.map((n) => ({ group: 'nodes' as const, data: { id: n.id, w: n.w, h: n.h } })),
    ...req.edges.map(([s, t], i) => ({ group: 'edges' as const, data: { id: `e${i}`, source: s, target: t } })),
  ];
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    elements,
    style: [{ selector: 'node', style: { width: 'data(w)', height: 'data(h)' } }],
  });
  const random = Math.random;
  Math.random = mulberry32(req.seed);
  try {
    if (req.nodes.length > 1) {
      cy.layout({
        name: 'fcose',
        quality: req.quality,
        randomize: true,
        animate: false,
        fit: false,
        nodeDimensionsIncludeLabels: false,
        idealEdgeLength: 120,
        nodeRepulsion: 12000,
        nodeSeparation: 100,
        edgeElasticity: 0.45,
        gravity: 0.3,
        numIter: req.quality === 'draft' ? 1200 : 2500,
        tile: true,
        tilingPaddingVertical: 30,
        tilingPaddingHorizontal: 30,
      } as cytoscape.LayoutOptions).run();
    }
  } finally {
    Math.random = random;
  }
  const out: Positions = {};
  cy.nodes().forEach((n) => {
    const p = n.position();
    out[n.id()] = { x: Math.round(p.x * 10) / 10, y: Math.round(p.y * 10) / 10 };
  });
  cy.destroy();
  return out;
}
