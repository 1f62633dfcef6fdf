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
import { nextFrame } from '../ui/frames';
import { bindLabels } from './labels';

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
let scheduleLabels: () => void = () => undefined;
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
  scheduleLabels = bindLabels(instance);
  cy = instance;
  window.cy = instance;
  for (const bind of binders) bind(instance);
  return instance;
}

export function initCy(el: HTMLElement): Core {
  container = el;
  // Cytoscape reads its container's size on a window resize only; the legend, the timeline and
  // the panels change it too, and a fit on a stale size cut the bottom of the graph off.
  // A view last fitted (not since panned or zoomed by the person) that the new size cuts off is
  // fitted again: the timeline grows under the drawing once its spans are in.
  new ResizeObserver(() => {
    if (!cy) return;
    const wasFitted = lastFit !== null && cy.zoom() === lastFit.zoom && cy.pan().x === lastFit.pan.x && cy.pan().y === lastFit.pan.y;
    cy.resize();
    // Only when something is now cut off: otherwise the actors keep their places on the screen.
    if (wasFitted && !cy.animated() && !contains(cy.extent(), quickBounds(shownElements(cy).nodes('.actor')))) fitView();
  }).observe(el);
  return create(false);
}

export function getCy(): Core {
  if (!cy) throw new Error('initCy() first');
  return cy;
}

/** Checks the labels for overlaps again soon (after a change Cytoscape does not announce, such as a filter). */
export function relabel(): void {
  scheduleLabels();
}

/** Runs `bind` on the current instance and on every later one. */
export function onCy(bind: (cy: Core) => void): void {
  binders.push(bind);
  if (cy) bind(cy);
}

/**
 * Elements put in per frame. Cytoscape styles and draws an element the first time it is drawn;
 * thousands at once held the page for seconds with no frame (RELIABILITY.md, findings, 8). A
 * graph up to this size still goes in at once, in one batch.
 */
export const ELEMENTS_PER_FRAME = 250;

/**
 * Puts a new graph in, with its positions; makes the instance again if needed. A large graph goes
 * in over several frames, ELEMENTS_PER_FRAME at a time (nodes come first in `elements`, so an
 * edge never arrives before its ends), with the view already fitted to where it will be, so the
 * page keeps answering and the picture grows in place. Rejects with an AbortError when `signal`
 * aborts between two frames (a newer load replaces the partial graph).
 */
export async function replaceElements(elements: ElementDefinition[], positions: Positions, signal?: AbortSignal): Promise<Core> {
  const replaced = () => new DOMException('a newer graph replaced this one', 'AbortError');
  if (signal?.aborted) throw replaced();
  const wantWebGL = elements.length > WEBGL_ABOVE && hasWebGL2();
  let c = getCy();
  if (wantWebGL !== webgl) {
    c.destroy();
    c = create(wantWebGL);
    // Setting up the WebGL renderer takes a frame of its own.
    if (elements.length > ELEMENTS_PER_FRAME) await nextFrame();
    if (signal?.aborted) throw replaced();
  }
  large = elements.length > LARGE_ABOVE;
  forgetDrawing();
  const placed = elements.map((e) => {
    const p = e.group === 'nodes' ? positions[e.data.id as string] : undefined;
    return p ? { ...e, position: { ...p } } : e;
  });
  const instance = c;
  if (placed.length <= ELEMENTS_PER_FRAME) {
    c.batch(() => {
      instance.elements().remove();
      instance.add(placed);
    });
    return c;
  }
  c.batch(() => instance.elements().remove());
  fitBox(c, pointBounds(placed.flatMap((e) => (e.position ? [e.position] : []))));
  for (let i = 0; i < placed.length; i += ELEMENTS_PER_FRAME) {
    if (i > 0) await nextFrame();
    if (signal?.aborted || c.destroyed()) throw replaced();
    c.batch(() => instance.add(placed.slice(i, i + ELEMENTS_PER_FRAME)));
  }
  return c;
}

/** Moves actors to positions, animating when the graph is small enough. */
export function applyPositions(positions: Positions, animate: boolean): Promise<void> {
  const c = getCy();
  const nodes = c.nodes('.actor');
  if (!animate || nodes.length > 300) {
    c.batch(() => nodes.forEach((n) => void (positions[n.id()] && n.position(positions[n.id()]!))));
    relabel();
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

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  w: number;
  h: number;
}

/** Room for an actor and its label around its position: labels hang under, up to four lines. */
const NODE_HALF_WIDTH = 45;
const NODE_ABOVE = 40;
const NODE_BELOW = 85;

/** Fitting never zooms in past this: a small graph stays at a readable size. */
export const MAX_FIT_ZOOM = 1.4;

/**
 * Bounds from node positions only, with a margin for the node and its label: no style needs to be
 * computed, which on thousands of elements would stall the page before the first frame.
 */
export function quickBounds(eles: cytoscape.Collection | cytoscape.NodeCollection): Box {
  let x1 = Infinity,
    y1 = Infinity,
    x2 = -Infinity,
    y2 = -Infinity;
  eles.nodes().forEach((n) => {
    const p = n.position();
    const lane = n.hasClass('lane');
    const hw = lane ? Number(n.data('w')) / 2 + 120 : NODE_HALF_WIDTH;
    const hh = lane ? Number(n.data('h')) / 2 : NODE_ABOVE;
    const below = lane ? hh : NODE_BELOW;
    x1 = Math.min(x1, p.x - hw);
    x2 = Math.max(x2, p.x + hw);
    y1 = Math.min(y1, p.y - hh);
    y2 = Math.max(y2, p.y + below);
  });
  return box(x1, y1, x2, y2);
}

/** quickBounds of actors at these positions, before they are in the graph. */
function pointBounds(points: { x: number; y: number }[]): Box {
  let x1 = Infinity,
    y1 = Infinity,
    x2 = -Infinity,
    y2 = -Infinity;
  for (const p of points) {
    x1 = Math.min(x1, p.x - NODE_HALF_WIDTH);
    x2 = Math.max(x2, p.x + NODE_HALF_WIDTH);
    y1 = Math.min(y1, p.y - NODE_ABOVE);
    y2 = Math.max(y2, p.y + NODE_BELOW);
  }
  return box(x1, y1, x2, y2);
}

function box(x1: number, y1: number, x2: number, y2: number): Box {
  if (!Number.isFinite(x1)) return { x1: 0, y1: 0, x2: 0, y2: 0, w: 0, h: 0 };
  return { x1, y1, x2, y2, w: x2 - x1, h: y2 - y1 };
}

function contains(outer: { x1: number; y1: number; x2: number; y2: number }, inner: Box): boolean {
  return inner.w === 0 || (inner.x1 >= outer.x1 && inner.x2 <= outer.x2 && inner.y1 >= outer.y1 && inner.y2 <= outer.y2);
}

/** The viewport the last fit set. */
let lastFit: { zoom: number; pan: { x: number; y: number } } | null = null;

/** The viewport that fits `bb`, with room around it. */
function fitBox(c: Core, bb: Box, animate = false): void {
  const pad = 20;
  const w = Math.max(1, c.width() - 2 * pad);
  const h = Math.max(1, c.height() - 2 * pad);
  const zoom = Math.max(c.minZoom(), Math.min(MAX_FIT_ZOOM, w / Math.max(1, bb.w), h / Math.max(1, bb.h)));
  const pan = { x: c.width() / 2 - (zoom * (bb.x1 + bb.x2)) / 2, y: c.height() / 2 - (zoom * (bb.y1 + bb.y2)) / 2 };
  if (animate) c.animate({ zoom, pan, duration: 300 });
  else c.viewport({ zoom, pan });
  // Read back: Cytoscape clamps the zoom.
  lastFit = animate ? { zoom, pan } : { zoom: c.zoom(), pan: { ...c.pan() } };
}

/** Fits the view to the shown elements (or `eles`), with room around them for labels. */
export function fitView(eles?: cytoscape.CollectionReturnValue, animate = false): void {
  const c = getCy();
  const target = eles && eles.nonempty() ? eles : shownElements(c);
  if (target.empty()) return;
  c.stop(true, true);
  fitBox(c, quickBounds(target), animate && target.length < 600);
}
