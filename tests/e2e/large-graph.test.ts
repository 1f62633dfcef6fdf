/**
 * A large graph (above 2,000 elements) is drawn for speed: straight edges that keep their arrows,
 * no actor labels until zoomed in to full size, and while the view moves the last picture is
 * moved with it, then drawn afresh once the view is still.
 */
import type { Browser } from 'playwright-core';
import { TOKEN, describeBrowser, js, launch, openPage, settled, startServer, until, type Running } from './support/harness';
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
});
