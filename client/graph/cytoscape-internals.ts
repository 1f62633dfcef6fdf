/**
 * The one reach into Cytoscape's renderer, which its typings do not describe: the canvas renderer's
 * `render` method and its layer canvases. Written against the version below;
 * tests/internals/cytoscape.test.ts fails, naming it, when the installed Cytoscape differs or the
 * renderer's members are gone.
 */
import type { Core } from 'cytoscape';

/** The Cytoscape release this module was written and checked against. */
export const CYTOSCAPE_INTERNALS_VERSION = '3.34.4';

/** A layer canvas, as far as it is used: its CSS transform (typed without the DOM, so node tests can load this module). */
export interface LayerCanvas {
  style: { transform: string; transformOrigin: string };
}

/** What the viewport texture needs of the renderer: a render method to wrap, and the canvases it draws on. */
export interface RendererInternals {
  renderer: { render(options?: unknown): void };
  canvases: LayerCanvas[];
}

/** `cy`'s renderer and its canvases, or null when there are none (headless) or they are kept some other way. */
export function rendererInternals(cy: Core): RendererInternals | null {
  const renderer = (cy as unknown as { renderer?(): { render?: unknown; data?: { canvases?: LayerCanvas[] } } | undefined }).renderer?.();
  const canvases = renderer?.data?.canvases;
  if (!renderer || typeof renderer.render !== 'function' || !Array.isArray(canvases) || canvases.length === 0) return null;
  return { renderer: renderer as RendererInternals['renderer'], canvases };
}
