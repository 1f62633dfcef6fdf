/**
 * While a large graph is panned or zoomed, the last drawing is moved and scaled (a CSS transform
 * on the renderer's canvases) instead of drawing every element again each frame; the graph is
 * drawn afresh once the view has been still for SETTLE_MS. Cytoscape's own textureOnViewport does
 * the same for the canvas renderer, but only during pointer gestures (not wheel-less programmatic
 * moves such as the search's "show") and not at all with WebGL, where a software GL (no GPU) needs
 * seconds per frame for 20,000 edges. What is outside the last drawing stays blank until then.
 */
import type { Core } from 'cytoscape';
import { rendererInternals } from './cytoscape-internals';

/** How long the view must stay still before the graph is drawn again. */
export const SETTLE_MS = 160;

interface Viewport {
  zoom: number;
  x: number;
  y: number;
}

/**
 * Makes `cy` move its last drawing while the viewport changes, whenever `enabled()` answers true.
 * Answers a function to call when the elements are replaced: the old drawing must not be moved
 * over the new graph.
 */
export function moveDrawingOnViewport(cy: Core, enabled: () => boolean): () => void {
  const internals = rendererInternals(cy);
  if (!internals) return () => undefined;
  const { renderer: r, canvases } = internals;
  const draw = r.render.bind(r);
  let drawn: Viewport | null = null;
  let moving = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let transformed = false;

  const setTransform = (css: string) => {
    for (const c of canvases) {
      c.style.transformOrigin = '0 0';
      c.style.transform = css;
    }
    transformed = css !== '';
  };

  const settle = () => {
    timer = undefined;
    moving = false;
    if (!cy.destroyed()) cy.forceRender();
  };

  cy.on('viewport', () => {
    if (!drawn || !enabled()) return;
    moving = true;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(settle, SETTLE_MS);
  });

  r.render = (options?: unknown) => {
    if (moving && drawn && enabled()) {
      // A point drawn at p0 + z0·m is now wanted at p1 + z1·m.
      const pan = cy.pan();
      const s = cy.zoom() / drawn.zoom;
      setTransform(`translate(${pan.x - drawn.x * s}px, ${pan.y - drawn.y * s}px) scale(${s})`);
      return;
    }
    draw(options);
    const pan = cy.pan();
    drawn = { zoom: cy.zoom(), x: pan.x, y: pan.y };
    if (transformed) setTransform('');
  };

  return () => {
    drawn = null;
    moving = false;
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
}
