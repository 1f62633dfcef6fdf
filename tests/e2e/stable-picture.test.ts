/**
 * Issue 17's picture in a real Chromium against the seed: actors stay put across a filter and an
 * expansion, a layout only on request, pins kept in the link; parallel actions drawn as one edge
 * with a count that opens on click; no two drawn labels overlap; the legend in sight; Play in the
 * timeline's order with its date on the picture, never going back.
 */
import type { Browser, Page } from 'playwright-core';
import {
  cyPoint,
  describeBrowser,
  js,
  launch,
  openPage,
  query,
  settled,
  startServer,
  until,
  type Running,
  type Watched,
} from './support/harness';

jest.setTimeout(120_000);

type Points = Record<string, { x: number; y: number }>;

/** Model and on-screen positions of the shown actors. */
const positions = (page: Page): Promise<{ model: Points; screen: Points }> =>
  js(
    page,
    `(() => { const model = {}, screen = {};
      window.cy.nodes('.actor').filter(':visible').forEach((n) => { model[n.id()] = { ...n.position() }; screen[n.id()] = { ...n.renderedPosition() }; });
      return { model, screen }; })()`,
  );

/** The largest distance an actor present in both moved. */
function largestMove(a: Points, b: Points): number {
  let most = 0;
  for (const [id, p] of Object.entries(a)) {
    const q = b[id];
    if (q) most = Math.max(most, Math.hypot(p.x - q.x, p.y - q.y));
  }
  return most;
}

/**
 * Screen boxes of the labels Chromium draws: shown elements with a label at a size Cytoscape draws
 * at this zoom. Written from what is on the screen, not from the client's own check.
 */
const LABEL_BOXES = `(() => {
  const cy = window.cy, z = cy.zoom(), pan = cy.pan(), out = [];
  cy.elements(':visible').forEach((e) => {
    const text = e.pstyle('label').strValue;
    if (!text || e.pstyle('font-size').pfValue * z < e.pstyle('min-zoomed-font-size').pfValue) return;
    const b = e.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false, includeUnderlays: false });
    if (b.w <= 0 || b.h <= 0) return;
    out.push({ id: e.id(), node: e.isNode(), text, x1: b.x1 * z + pan.x, y1: b.y1 * z + pan.y, x2: b.x2 * z + pan.x, y2: b.y2 * z + pan.y });
  });
  return out; })()`;

interface LabelBox {
  id: string;
  node: boolean;
  text: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

describeBrowser('browser: a picture that stays put and reads at a glance', () => {
  let srv: Running;
  let browser: Browser;
  let w: Watched;
  let page: Page;
  const open = async (search = '', viewport?: { width: number; height: number }) => {
    w = await openPage(browser, `${srv.url}/${search}`, viewport);
    page = w.page;
    expect(await settled(page)).toBe('ready');
  };

  beforeAll(async () => {
    srv = await startServer();
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await srv?.close();
  });
  afterEach(async () => {
    const errors = w?.errors ?? [];
    await w?.context.close();
    expect(errors).toEqual([]);
  });

  test('a filter the server applies moves no actor, on the page or on the screen', async () => {
    await open();
    const before = await positions(page);
    await page.uncheck('#f-type-ACCUSED');
    await settled(page);
    expect((await query(page)).type).toBeDefined();
    const after = await positions(page);
    // Actors left with no action go (the court, known here only for Parler's accusations); the rest stay at their places.
    expect(Object.keys(after.model).length).toBeGreaterThan(5);
    for (const id of Object.keys(after.model)) expect(before.model[id]).toBeDefined();
    expect(largestMove(before.model, after.model)).toBeLessThan(1);
    expect(largestMove(before.screen, after.screen)).toBeLessThan(3);
    // And back again.
    await page.check('#f-type-ACCUSED');
    await settled(page);
    expect(largestMove(before.model, (await positions(page)).model)).toBeLessThan(1);
  });

  test('an expansion adds actors next to their neighbours and moves none of those drawn', async () => {
    await open('?focus=donald-trump');
    const before = await positions(page);
    expect(Object.keys(before.model).sort()).toEqual(['donald-trump', 'twitter']);
    const p = await cyPoint(page, 'twitter');
    await page.mouse.dblclick(p.x, p.y);
    await until(page, `new URLSearchParams(location.search).get('expand') === 'twitter'`);
    await settled(page);
    const after = await positions(page);
    expect(Object.keys(after.model).length).toBeGreaterThan(2);
    expect(largestMove(before.model, after.model)).toBeLessThan(1);
    // Parler is linked to Twitter: placed near it, not across the picture.
    const t = after.model.twitter!;
    const parler = after.model.parler!;
    expect(Math.hypot(parler.x - t.x, parler.y - t.y)).toBeLessThan(400);
  });

  test('a new layout only on request; a dragged actor is pinned in the link and stays there when it is opened', async () => {
    await open();
    const force = await positions(page);
    await page.selectOption('#layout-choice', 'concentric');
    await until(page, `new URLSearchParams(location.search).get('layout') === 'concentric'`);
    await settled(page);
    const rings = await positions(page);
    expect(largestMove(force.model, rings.model)).toBeGreaterThan(50);
    // Rings around the actor with most actions (Parler): every other actor at one of a few distances from it.
    const centre = rings.model.parler!;
    expect(centre).toEqual({ x: 0, y: 0 });

    const start = await cyPoint(page, 'facebook');
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move(start.x + 60, start.y + 40, { steps: 6 });
    await page.mouse.up();
    await until(page, `(new URLSearchParams(location.search).get('pin') || '').startsWith('facebook:')`);
    const dropped = (await positions(page)).model.facebook!;
    const [, x, y] = (await query(page)).pin!.split(':').map(Number);
    expect(Math.abs(x! - dropped.x)).toBeLessThanOrEqual(1);
    expect(Math.abs(y! - dropped.y)).toBeLessThanOrEqual(1);

    const link = page.url();
    await w.context.close();
    w = await openPage(browser, link);
    page = w.page;
    expect(await settled(page)).toBe('ready');
    const reopened = await positions(page);
    expect(Math.abs(reopened.model.facebook!.x - x!)).toBeLessThanOrEqual(1);
    expect(Math.abs(reopened.model.facebook!.y - y!)).toBeLessThanOrEqual(1);
    expect(reopened.model.parler).toEqual({ x: 0, y: 0 });
    expect(await page.inputValue('#layout-choice')).toBe('concentric');
  });

  test("no two drawn labels overlap in the seed view, and every actor's name is drawn", async () => {
    await open();
    await until(page, `document.getElementById('cy').dataset.labels === 'checked'`);
    const boxes = await js<LabelBox[]>(page, LABEL_BOXES);
    // Every actor's name is among them (twelve actors in the seed).
    expect(boxes.filter((b) => b.node).length).toBe(12);
    const clashes: string[] = [];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) clashes.push(`"${a.text}" and "${b.text}"`);
      }
    expect(clashes).toEqual([]);
  });

  test('parallel actions of one type draw as one edge with their count, opened by a click', async () => {
    await open();
    // Six "accused" from Parler to Amazon Web Services in the seed (a seventh goes the other way).
    const bundle = 'bundle:parler:aws:ACCUSED';
    expect(await js(page, `window.cy.getElementById('${bundle}').data('count')`)).toBe(6);
    expect(await js(page, `window.cy.getElementById('${bundle}').data('label')`)).toBe('accused ×6');
    expect(
      await js(
        page,
        `window.cy.edges('[source = "parler"][target = "aws"][type = "ACCUSED"]').filter('.action').filter(':visible').length`,
      ),
    ).toBe(0);
    expect(await js(page, `window.cy.getElementById('aws-accuses-parler-of-tos-violation').visible()`)).toBe(true);
    const p = await cyPoint(page, bundle);
    await page.mouse.click(p.x, p.y);
    await until(page, `window.cy.getElementById('${bundle}').empty()`);
    expect(await js(page, `window.cy.edges('[source = "parler"][target = "aws"][type = "ACCUSED"]').filter(':visible').length`)).toBe(6);
  });

  test('colour by action category and line style by status', async () => {
    await open();
    const look = (id: string) =>
      js<{ colour: string; style: string }>(
        page,
        `(() => { const e = window.cy.getElementById('${id}'); return { colour: e.style('line-color'), style: e.style('line-style') }; })()`,
      );
    // Banned and suspended are both sanctions: one colour now, where they were two near-alike reds.
    const banned = await look('twitter-bans-trump');
    const suspended = await look('aws-suspends-parler');
    expect(banned.colour).toBe(suspended.colour);
    // Confirmed solid; a disputed accusation (AWS of Parler) broken.
    expect(suspended.style).toBe('solid');
    expect((await look('aws-accuses-parler-of-tos-violation')).style).toBe('dashed');
  });

  test('the legend is in sight without scrolling, naming each category and status', async () => {
    await open('', { width: 1280, height: 800 });
    const box = await page.locator('#legend').boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y + box!.height).toBeLessThanOrEqual(800);
    expect(box!.y).toBeGreaterThanOrEqual(0);
    const text = await page.locator('#legend').innerText();
    for (const word of [
      'Sanctions',
      'Restorations',
      'Relationships',
      'Legal actions',
      'Claims',
      'Notices',
      'Migrations',
      'confirmed',
      'reported',
      'alleged',
      'disputed',
    ])
      expect(text).toContain(word);
  });

  test("Play steps in the timeline's order and shows its date on the picture, never going back", async () => {
    await open();
    const timelineOrder = await js<string[]>(
      page,
      `[...document.querySelectorAll('#timeline-spans [data-id]')].map((e) => e.getAttribute('data-id'))`,
    );
    await page.click('#play');
    const seen: { ids: string; start: number; text: string }[] = [];
    const end = Date.now() + 60_000;
    for (;;) {
      const now = await js<{ ids: string; start: string; text: string; hidden: boolean; playing: boolean }>(
        page,
        `(() => { const d = document.getElementById('play-date'); return { ids: d.dataset.ids || '', start: d.dataset.start || '', text: d.textContent, hidden: d.hidden, playing: document.getElementById('play').getAttribute('aria-pressed') === 'true' }; })()`,
      );
      if (!now.playing) break;
      if (!now.hidden && now.ids && seen[seen.length - 1]?.ids !== now.ids)
        seen.push({ ids: now.ids, start: Number(now.start), text: now.text });
      if (Date.now() > end) throw new Error('Play did not end');
      await new Promise((r) => setTimeout(r, 40));
    }
    expect(seen.length).toBeGreaterThan(5);
    for (const s of seen) expect(s.text).toMatch(/\d{4}/);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.start).toBeGreaterThanOrEqual(seen[i - 1]!.start);
    const played = seen.flatMap((s) => s.ids.split(','));
    expect(played).toEqual(timelineOrder.filter((id) => played.includes(id)));
    // Every dated action drawn was played.
    expect(new Set(played)).toEqual(new Set(timelineOrder));
    expect(await js(page, `document.getElementById('play-date').hidden`)).toBe(true);
  });

  test('the cascade is a mode beside the graph, reached from the switcher', async () => {
    await open();
    await page.getByRole('button', { name: 'Cascade', exact: true }).click();
    await until(page, `new URLSearchParams(location.search).get('mode') === 'cascade'`);
    await until(page, `!document.getElementById('cascade-view').hidden`);
    expect(await js(page, `document.getElementById('graph-wrap').hidden`)).toBe(true);
  });
});
