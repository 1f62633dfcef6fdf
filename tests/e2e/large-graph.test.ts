/**
 * A large graph (above 2,000 elements) is drawn for speed: straight edges that keep their arrows,
 * no actor labels until zoomed in to full size, and while the view moves the last picture is
 * moved with it, then drawn afresh once the view is still. It goes in a few hundred elements a
 * frame; a view chosen meanwhile replaces the half-drawn graph.
 */
import type { Browser } from 'playwright-core';
import { TOKEN, apiGet, describeBrowser, js, launch, openPage, settled, startServer, until, type Running } from './support/harness';
import { syntheticDocument } from './support/synthetic';

jest.setTimeout(180_000);

const CANVAS_TRANSFORMS = `[...document.querySelectorAll('#cy canvas')].map((c) => c.style.transform)`;

describeBrowser('browser: a large graph', () => {
  let browser: Browser;
  let srv: Running;

  beforeAll(async () => {
    browser = await launch();
    srv = await startServer({ seed: false, apiToken: TOKEN });
    const res = await fetch(`${srv.url}/api/import`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify(syntheticDocument(1500, 2500)),
    });
    expect(res.status).toBe(200);
  });
  afterAll(async () => {
    await srv?.close();
    await browser?.close();
  });

  test('edges are straight with arrows, labels wait for zooming in, and the picture follows the wheel', async () => {
    const { page, context, errors } = await openPage(browser, `${srv.url}/`);
    try {
      expect(await settled(page, 120_000)).toBe('ready');
      expect(await js<number>(page, `window.cy.elements().length`)).toBeGreaterThan(2000);
      const edge = await js<{ curve: string; arrow: string; label: string }>(
        page,
        `(() => { const e = window.cy.edges('.action').first();
        return { curve: e.style('curve-style'), arrow: e.style('target-arrow-shape'), label: e.style('label') }; })()`,
      );
      expect(edge).toEqual({ curve: 'straight', arrow: 'triangle', label: '' });
      const zoom0 = await js<number>(page, 'window.cy.zoom()');
      expect(zoom0).toBeLessThan(1);
      expect(await js<string>(page, `window.cy.nodes('.actor').first().style('label')`)).toBe('');

      // Zoom in with the wheel over the middle of the drawing, past full size.
      await page.mouse.move(720, 450);
      await page.mouse.wheel(0, -400);
      await until(page, `${CANVAS_TRANSFORMS}.some((t) => t.includes('scale'))`, 5_000);
      // Once still, the graph is drawn again at the new zoom and the canvases are back in place.
      await until(page, `${CANVAS_TRANSFORMS}.every((t) => t === '')`, 30_000);
      expect(await js<number>(page, 'window.cy.zoom()')).toBeGreaterThan(zoom0);
      // At full size the actors' names come back.
      await js(page, `window.cy.zoom({ level: 1.2, renderedPosition: { x: 720, y: 450 } })`);
      await until(page, `window.cy.nodes('.actor').first().style('label') !== ''`, 10_000);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('a view chosen while the graph is still going in replaces it: only the new view is drawn', async () => {
    const { page, context, errors } = await openPage(browser, `${srv.url}/`);
    try {
      // Some elements in, not all: the whole graph is 1,500 actors and 2,500 actions.
      await until(page, `window.cy && window.cy.elements().length > 0 && window.cy.elements().length < 4000`, 120_000);
      await js(page, `(() => { history.pushState(null, '', '/?focus=syn-0'); dispatchEvent(new PopStateEvent('popstate')); })()`);
      expect(await settled(page, 120_000)).toBe('ready');
      const answer = await apiGet<{ elements: { nodes: { data: { id: string } }[]; edges: unknown[] } }>(
        srv.url,
        '/api/graph?focus=syn-0&depth=1',
      );
      const want = answer.elements.nodes.map((n) => n.data.id).sort();
      expect(want.length).toBeLessThan(200);
      expect((await js<string[]>(page, `window.cy.nodes('.actor').map((n) => n.id())`)).sort()).toEqual(want);
      expect(await js<number>(page, `window.cy.edges('.action').length`)).toBe(answer.elements.edges.length);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
