/**
 * client/graph/cytoscape-internals.ts wraps Cytoscape's canvas renderer, which its typings do not
 * describe. The renderer needs a DOM and a canvas, which node has not, so this checks what can be
 * checked here: the pinned version, the renderer's prototype `render`, and that the library still
 * builds `data.canvases`. The drawing itself is exercised in Chromium by tests/e2e/large-graph.test.ts.
 */
import fs from 'node:fs';
import cytoscape from 'cytoscape';
import { CYTOSCAPE_INTERNALS_VERSION, rendererInternals } from '../../client/graph/cytoscape-internals';
import { installedVersion, pinMessage } from './installed';

describe(`Cytoscape renderer internals (written for cytoscape ${CYTOSCAPE_INTERNALS_VERSION})`, () => {
  test('the installed Cytoscape is the version the reach was written for', () => {
    const installed = installedVersion('cytoscape');
    if (installed !== CYTOSCAPE_INTERNALS_VERSION) {
      throw new Error(pinMessage('cytoscape', CYTOSCAPE_INTERNALS_VERSION, installed, 'client/graph/cytoscape-internals.ts'));
    }
  });

  test('the canvas renderer still has the render method and layer canvases the wrapper uses', () => {
    const registered = (cytoscape as unknown as (kind: string, name: string) => { prototype?: Record<string, unknown> } | undefined)(
      'renderer',
      'canvas',
    );
    const version = installedVersion('cytoscape');
    if (typeof registered?.prototype?.render !== 'function')
      throw new Error(`cytoscape ${version}: the canvas renderer has no prototype render()`);
    const code = fs.readFileSync(require.resolve('cytoscape'), 'utf8');
    if (!/canvases:\s*new Array\(/.test(code) || !code.includes('data.canvases[')) {
      throw new Error(`cytoscape ${version}: the canvas renderer no longer keeps its layer canvases in data.canvases`);
    }
  });

  test('a headless instance has no canvases, and the wrapper answers null rather than failing', () => {
    const cy = cytoscape({ headless: true, elements: [{ data: { id: 'a' } }] });
    expect(rendererInternals(cy)).toBeNull();
    cy.destroy();
  });
});
