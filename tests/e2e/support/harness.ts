/**
 * End-to-end harness: the real server in-process (createApp with an embedded store in a temp
 * dir, seeded), the built browser from dist/client, and Debian's Chromium driven by
 * playwright-core. Without dist/client or Chromium the suites are skipped with a message, or fail
 * in CI (tests/support/needs.ts).
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Server } from 'node:http';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { loadSeed } from '../../../graph-seed/seed';
import { createApp } from '../../../server/app';
import { readConfig } from '../../../server/config';
import { silentLogger } from '../../../server/logger';
import { EmbeddedStore } from '../../../server/store/embedded';
import type { GraphStore } from '../../../server/store/types';
import { describeWith, onPath } from '../../support/needs';
import { tempDir } from '../../support/stores';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const CLIENT_DIR = process.env.E2E_CLIENT_DIR || path.join(ROOT, 'dist', 'client');
/** CHROMIUM_PATH, else Chromium wherever the system put it (Debian: chromium; Ubuntu and others: chromium-browser). */
export const CHROMIUM = process.env.CHROMIUM_PATH || onPath('chromium', 'chromium-browser') || '/usr/bin/chromium';
export const ARTIFACTS = path.join(ROOT, 'tests', 'artifacts');
export const TOKEN = 'e2e-secret-token';

/** `describe` when the built client and Chromium are here; otherwise skipped with a message (failed in CI). */
export function describeBrowser(title: string, body: () => void): void {
  if (!fs.existsSync(path.join(CLIENT_DIR, 'index.html'))) {
    describeWith('build', 'dist/client/index.html is missing: run `npx vite build` first', title, body);
  } else if (!fs.existsSync(CHROMIUM)) {
    const where = process.env.CHROMIUM_PATH
      ? `no Chromium at CHROMIUM_PATH=${process.env.CHROMIUM_PATH}`
      : 'no Chromium on PATH (chromium, chromium-browser) nor at /usr/bin/chromium';
    describeWith('chromium', `${where}: install it (apt-get install chromium) or set CHROMIUM_PATH`, title, body);
  } else {
    describe(title, body);
  }
}

export interface Running {
  url: string;
  store: GraphStore;
  close(): Promise<void>;
}

export async function startServer(opts: { seed?: boolean; apiToken?: string } = {}): Promise<Running> {
  const dir = tempDir('dg-e2e-');
  const store = await EmbeddedStore.open({ dataDir: dir, logger: silentLogger() });
  if (opts.seed !== false) await loadSeed(store);
  const config = { ...readConfig({}), dataDir: dir, apiToken: opts.apiToken };
  const app = createApp({ store, config, logger: silentLogger(), clientDir: CLIENT_DIR, writeRateLimitPerMinute: 10_000 });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    store,
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface Watched {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions seen so far. */
  errors: string[];
}

/** Counts the page's fetches in flight, so a test can wait for the page to be idle instead of sleeping. */
export const FETCH_WATCH = `(() => { window.__fetches = 0; const f = window.fetch.bind(window);
  window.fetch = (...args) => { window.__fetches++; return f(...args).finally(() => { window.__fetches--; }); }; })();`;

/** Nothing loading and nothing moving: no fetch in flight, no animation of the viewport or of an element. */
const IDLE = `window.__fetches === 0 && (!window.cy || (!window.cy.animated() && window.cy.elements().filter((e) => e.animated()).length === 0))`;

export async function openPage(browser: Browser, url: string, viewport = { width: 1440, height: 900 }): Promise<Watched> {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  await context.addInitScript(FETCH_WATCH);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  await page.goto(url);
  return { context, page, errors };
}

/**
 * Waits until the view has settled: loaded, laid out and drawn (or empty, or an error), then idle
 * (animations done, the details fetch answered), seen idle twice 100 ms apart so a fetch that a
 * finished animation starts is waited for too. Needs FETCH_WATCH in the page (openPage adds it).
 */
export async function settled(page: Page, timeout = 30_000): Promise<string> {
  await until(page, "['ready', 'empty', 'error'].includes(document.body.dataset.state)", timeout);
  for (let calm = 0; calm < 2;) {
    await until(page, IDLE, timeout);
    calm = (await page.evaluate(`new Promise((r) => setTimeout(() => r(${IDLE}), 100))`)) ? calm + 1 : 0;
  }
  return js<string>(page, "document.body.dataset.state || ''");
}

/** Evaluates an expression in the page (kept as text: the test tsconfig has no DOM types). */
export function js<T>(page: Page, expression: string): Promise<T> {
  return page.evaluate<T>(expression);
}

/**
 * Polls an expression until it is truthy. (page.waitForFunction evaluates its text with eval,
 * which the server's CSP forbids; page.evaluate goes through the debugger and is not blocked.)
 */
export async function until(page: Page, expression: string, timeout = 15_000): Promise<void> {
  const end = Date.now() + timeout;
  for (;;) {
    if (await page.evaluate(expression).catch(() => false)) return;
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for: ${expression}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** The query of the page's URL as an object. */
export async function query(page: Page): Promise<Record<string, string>> {
  return Object.fromEntries(new URL(page.url()).searchParams.entries());
}

/** Page coordinates of an element of the drawing (node centre, or edge midpoint). */
export async function cyPoint(page: Page, id: string): Promise<{ x: number; y: number }> {
  return js(
    page,
    `(() => { const e = window.cy.getElementById(${JSON.stringify(id)}); const r = window.cy.container().getBoundingClientRect();
      const p = e.isNode() ? e.renderedPosition() : e.renderedMidpoint(); return { x: r.left + p.x, y: r.top + p.y }; })()`,
  );
}

/** Counts of the drawn elements: actors and actions, and those shown (not filtered out). */
export async function drawn(page: Page): Promise<{ nodes: number; edges: number; shownNodes: number; shownEdges: number }> {
  return js(
    page,
    `({ nodes: window.cy.nodes('.actor').length, edges: window.cy.edges('.action').length,
        shownNodes: window.cy.nodes('.actor').filter(':visible').length, shownEdges: window.cy.edges('.action').filter(':visible').length })`,
  );
}

/** GET an API path from the test process. */
export async function apiGet<T>(base: string, p: string): Promise<T> {
  const res = await fetch(base + p);
  if (!res.ok) throw new Error(`GET ${p}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** A browser suite's server and the pages its tests open (see browserSuite). */
export interface BrowserSuite {
  /** The server's address, once beforeAll has started it. */
  readonly url: string;
  readonly store: GraphStore;
  /** Opens the app at `url + '/' + search` in a context of its own, watched; closed and checked after the test. */
  open(search?: string): Promise<Watched>;
  /** The same, once the view has settled; the test fails unless it settled drawn ('ready'). */
  openReady(search?: string): Promise<Watched>;
}

/**
 * Registers a suite's hooks: one server (seeded unless told otherwise) and one Chromium for all its
 * tests; after each test every page it opened is closed, and the test fails if any of them logged
 * a console error or threw. A test that expects an error logs it on purpose and clears `errors`.
 */
export function browserSuite(server: { seed?: boolean; apiToken?: string } = {}): BrowserSuite {
  let srv: Running | undefined;
  let browser: Browser | undefined;
  let opened: Watched[] = [];
  const running = (): { srv: Running; browser: Browser } => {
    if (!srv || !browser) throw new Error('browserSuite: the server and Chromium start in beforeAll; use them inside a test');
    return { srv, browser };
  };
  beforeAll(async () => {
    srv = await startServer(server);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await srv?.close();
  });
  afterEach(async () => {
    const pages = opened;
    opened = [];
    await Promise.all(pages.map((w) => w.context.close()));
    expect(pages.flatMap((w) => w.errors)).toEqual([]);
  });
  const open = async (search = ''): Promise<Watched> => {
    const { srv, browser } = running();
    const w = await openPage(browser, `${srv.url}/${search}`);
    opened.push(w);
    return w;
  };
  return {
    get url() {
      return running().srv.url;
    },
    get store() {
      return running().srv.store;
    },
    open,
    async openReady(search = '') {
      const w = await open(search);
      expect(await settled(w.page)).toBe('ready');
      return w;
    },
  };
}

/** What the tests keep of an axe-core violation: enough to name the rule and the elements. */
export interface AxeViolation {
  id: string;
  impact: string;
  nodes: { target: string[] }[];
}

let axeSource: string | undefined;

/**
 * Runs axe-core in the page, over the whole document or the element `within` selects, and returns
 * its violations: all of them, or with `seriousOnly` those whose impact is serious or critical.
 */
export async function axeViolations(page: Page, opts: { within?: string; seriousOnly?: boolean } = {}): Promise<AxeViolation[]> {
  axeSource ??= fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource); // not a <script> tag: the CSP refuses inline scripts, as it should
  // A selector that matches nothing makes axe throw, rather than check nothing.
  const context = opts.within === undefined ? 'document' : JSON.stringify(opts.within);
  const all = await js<AxeViolation[]>(
    page,
    `window.axe.run(${context}, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => ({ target: n.target })) })))`,
  );
  return opts.seriousOnly ? all.filter((v) => v.impact === 'serious' || v.impact === 'critical') : all;
}
