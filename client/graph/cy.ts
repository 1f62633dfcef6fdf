/**
 * Creates and owns the Cytoscape instance (`window.cy`). Above WEBGL_ABOVE elements it uses
 * Cytoscape's WebGL renderer where the browser has WebGL 2; the instance is made again when a
 * graph crosses that line, and every binder registered with onCy() is run on the new one.
 */
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { stylesheet } from './style';
import type { Positions } from './fcose-run';
import { LARGE_ABOVE } from './adapter';
import { moveDrawingOnViewport } from './viewport-texture';

export const WEBGL_ABOVE = 2000;

declare global {
  interface Window {
    cy: Core;
  }
}

let cy: Core | null = null;
let container: HTMLElement | null = null;
let webgl = false;
/** Whether the graph drawn is large enough to move its last drawing while panning (viewport-texture.ts). */
let large = false;
let forgetDrawing: () => void = () => undefined;
const binders: ((cy: Core) => void)[] = [];

const hasWebGL2 = (() => {
  let known: boolean | undefined;
  return () => {
    if (known === undefined) {
      try {
        known = !!document.createElement('canvas').getContext('webgl2');
      } catch {
        known = false;
      }
    }
    return known;
  };
})();

/**
 * Zoom under which the labels of a large graph are hidden. A large graph fits the window well
 * under it, where thousands of labels would overlap unreadably and drawing them (a texture each)
 * cost seconds before the first picture.
 */
export const FAR_ZOOM = 1;

/** Hides or shows the labels of a large graph as the zoom crosses FAR_ZOOM. */
function bindLabelLevel(c: Core): void {
  let queued = false;
  const update = () => {
    queued = false;
    const big = c.nodes('.big');
    if (big.empty()) return;
    const want = c.zoom() < FAR_ZOOM;
    // Toggling to the same class still restyles every node.
    if (big.first().hasClass('far') === want) return;
    c.batch(() => big.toggleClass('far', want));
  };
  c.on('zoom add', () => {
    if (!queued) {
      queued = true;
      requestAnimationFrame(update);
    }
  });
}

function create(useWebGL: boolean): Core {
  if (!container) throw new Error('initCy() first');
  const instance = cytoscape({
    container,
    style: stylesheet(),
    minZoom: 0.05,
    maxZoom: 4,
    wheelSensitivity: 0.3,
    boxSelectionEnabled: false,
    selectionType: 'single',
    pixelRatio: 'auto',
    hideEdgesOnViewport: false,
    textureOnViewport: false,
    ...(useWebGL ? { renderer: { name: 'canvas', webgl: true } } : {}),
  } as cytoscape.CytoscapeOptions);
  webgl = useWebGL;
  forgetDrawing = moveDrawingOnViewport(instance, () => large);
  bindLabelLevel(instance);
  cy = instance;
  window.cy = instance;
  for (const bind of binders) bind(instance);
  return instance;
}

export function initCy(el: HTMLElement): Core {
  container = el;
  return create(false);
}

export function getCy(): Core {
  if (!cy) throw new Error('initCy() first');
  return cy;
}

/** Runs `bind` on the current instance and on every later one. */
export function onCy(bind: (cy: Core) => void): void {
  binders.push(bind);
  if (cy) bind(cy);
}

/** Puts a new graph in, with its positions, in one batch; makes the instance again if needed. */
export function replaceElements(elements: ElementDefinition[], positions: Positions): Core {
  const wantWebGL = elements.length > WEBGL_ABOVE && hasWebGL2();
  let c = getCy();
  if (wantWebGL !== webgl) {
    c.destroy();
    c = create(wantWebGL);
  }
  large = elements.length > LARGE_ABOVE;
  forgetDrawing();
  c.batch(() => {
    c.elements().remove();
    c.add(
      elements.map((e) => {
        const p = e.group === 'nodes' ? positions[e.data.id as string] : undefined;
        return p ? { ...e, position: { ...p } } : e;
      }),
    );
  });
  return c;
}

/** Moves actors to positions, animating when the graph is small enough. */
export function applyPositions(positions: Positions, animate: boolean): Promise<void> {
  const c = getCy();
  const nodes = c.nodes('.actor');
  if (!animate || nodes.length > 300) {
    c.batch(() => nodes.forEach((n) => void (positions[n.id()] && n.position(positions[n.id()]!))));
    return Promise.resolve();
  }
  return c
    .layout({
      name: 'preset',
      positions: (n: cytoscape.NodeSingular) => positions[n.id()] ?? n.position(),
      animate: true,
      animationDuration: 350,
      fit: false,
    } as cytoscape.LayoutOptions)
    .run()
    .promiseOn('layoutstop')
    .then(() => undefined);
}

/** What is drawn: classes only, so no style is computed (`:visible` would be, slowly, on big graphs). */
export function shownElements(c: Core = getCy()): cytoscape.CollectionReturnValue {
  return c.elements().not('.filtered, .future, .offview');
}

/** Fitting never zooms in past this: a small graph stays at a readable size. */
export const MAX_FIT_ZOOM = 1.4;

/**
 * Bounds from node positions only, with a margin for the node and its label: no style needs to be
 * computed, which on thousands of elements would stall the page before the first frame.
 */
export function quickBounds(eles: cytoscape.Collection | cytoscape.NodeCollection): {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  w: number;
  h: number;
} {
  let x1 = Infinity,
    y1 = Infinity,
    x2 = -Infinity,
    y2 = -Infinity;
  eles.nodes().forEach((n) => {
    const p = n.position();
    const lane = n.hasClass('lane');
    const hw = lane ? Number(n.data('w')) / 2 + 120 : 45;
    const hh = lane ? Number(n.data('h')) / 2 : 40;
    const below = lane ? hh : 85; // labels hang under the nodes, up to four lines
    x1 = Math.min(x1, p.x - hw);
    x2 = Math.max(x2, p.x + hw);
    y1 = Math.min(y1, p.y - hh);
    y2 = Math.max(y2, p.y + below);
  });
  if (!Number.isFinite(x1)) return { x1: 0, y1: 0, x2: 0, y2: 0, w: 0, h: 0 };
  return { x1, y1, x2, y2, w: x2 - x1, h: y2 - y1 };
}

/** Fits the view to the shown elements (or `eles`), with room around them for labels. */
export function fitView(eles?: cytoscape.CollectionReturnValue, animate = false): void {
  const c = getCy();
  const target = eles && eles.nonempty() ? eles : shownElements(c);
  if (target.empty()) return;
  c.stop(true, true);
  const bb = quickBounds(target);
  const pad = 20;
  const w = Math.max(1, c.width() - 2 * pad);
  const h = Math.max(1, c.height() - 2 * pad);
  const zoom = Math.max(c.minZoom(), Math.min(MAX_FIT_ZOOM, w / Math.max(1, bb.w), h / Math.max(1, bb.h)));
  const pan = { x: c.width() / 2 - (zoom * (bb.x1 + bb.x2)) / 2, y: c.height() / 2 - (zoom * (bb.y1 + bb.y2)) / 2 };
  if (animate && target.length < 600) c.animate({ zoom, pan, duration: 300 });
  else c.viewport({ zoom, pan });
}
