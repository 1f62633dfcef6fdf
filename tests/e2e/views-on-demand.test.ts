/**
 * The views other than the graph are fetched when their mode is first shown (client/modes/views.ts),
 * in a real Chromium against the seed: the bare address fetches none of them, a slow one says it is
 * loading, and one that cannot be fetched says so and can be tried again.
 */
import type { Browser, Page, Request } from 'playwright-core';
import { describeBrowser, js, launch, openPage, settled, startServer, until, type Running, type Watched } from './support/harness';

jest.setTimeout(120_000);

const MODE_CHUNK = /\/assets\/mode-([a-z]+)-[^/]+\.js$/;

describeBrowser('browser: views fetched on demand', () => {
  let srv: Running;
  let browser: Browser;
  let w: Watched | null = null;

  beforeAll(async () => {
    srv = await startServer();
    browser = await launch();
  });
  afterEach(async () => {
    await w?.context.close();
    w = null;
  });
  afterAll(async () => {
    await browser?.close();
    await srv?.close();
  });

  /** Opens a page that records which mode chunks it fetched, in order. */
  const open = async (search = '') => {
    w = await openPage(browser, `${srv.url}/${search}`);
    expect(await settled(w.page)).toBe('ready');
    return w.page;
  };
  const fetchedModes = (page: Page): string[] => {
    const seen: string[] = [];
    page.on('request', (r: Request) => {
      const m = MODE_CHUNK.exec(new URL(r.url()).pathname);
      if (m) seen.push(m[1]!);
    });
    return seen;
  };
  const overlay = (page: Page) => js<string>(page, `document.querySelector('#overlay:not([hidden])')?.textContent ?? ''`);

  test('the bare address fetches no other view; a mode fetches its own once, and its view is drawn', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const seen = fetchedModes(page);
    await page.goto(`${srv.url}/`);
    await until(page, `document.body.dataset.state === 'ready'`, 30_000);
    expect(seen).toEqual([]);
    await page.click('[data-mode=table]');
    await until(page, `document.querySelectorAll('#table-view tbody tr').length > 0`);
    expect(seen).toEqual(['table']);
    await page.click('[data-mode=graph]');
    await until(page, `window.__metrics.shownMode === 'graph'`);
    await page.click('[data-mode=table]');
    await until(page, `window.__metrics.shownMode === 'table' && document.body.dataset.state === 'ready'`);
    expect(seen).toEqual(['table']);
    await context.close();
  });

  test('a link to a mode draws that mode, fetching its view at start', async () => {
    const page = await open('?mode=chain&chain=twitter');
    expect(await js(page, `window.__metrics.shownMode`)).toBe('chain');
    expect(await js<number>(page, `document.querySelectorAll('#chain-results li').length`)).toBeGreaterThan(0);
    expect(w!.errors).toEqual([]);
  });

  test('a slow view says it is loading, then draws', async () => {
    const page = await open();
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    await page.route(/\/assets\/mode-stack-[^/]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.click('[data-mode=stack]');
    await until(page, `document.body.dataset.state === 'loading'`);
    expect(await overlay(page)).toContain('Loading the Stack view');
    expect(await js(page, `document.querySelector('#overlay [role=status]') !== null`)).toBe(true);
    release();
    expect(await settled(page)).toBe('ready');
    expect(await js(page, `window.__metrics.shownMode`)).toBe('stack');
    expect(await overlay(page)).toBe('');
  });

  test('a view that cannot be fetched says which and why, and "Try again" fetches it again', async () => {
    const page = await open();
    let fail = true;
    await page.route(/\/assets\/mode-paths-[^/]+\.js$/, (route) => (fail ? route.abort('internetdisconnected') : route.continue()));
    await page.click('[data-mode=paths]');
    expect(await settled(page)).toBe('error');
    const alert = await js<string>(page, `document.querySelector('#overlay [role=alert]')?.textContent ?? ''`);
    expect(alert).toContain('The Paths view could not be loaded');
    expect(alert).toContain('Check the connection, then try again.');
    // The switcher shows what was asked for, and the link keeps it, so a reload asks again.
    expect(await js(page, `document.querySelector('[data-mode=paths]').getAttribute('aria-pressed')`)).toBe('true');
    expect(new URL(page.url()).searchParams.get('mode')).toBe('paths');
    fail = false;
    await page.click('#overlay button:text("Try again")');
    expect(await settled(page)).toBe('ready');
    expect(await js(page, `window.__metrics.shownMode`)).toBe('paths');
    expect(await js<string>(page, `document.body.textContent`)).toContain('Choose two actors to see every shortest path between them.');
  });
});
