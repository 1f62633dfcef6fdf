/**
 * Issue 17 in the browser: served compressed and cached as a production app, no silent surprises
 * (dates, token, search, depth, expansion, the form after a save), readable tables and exports,
 * sources one click away. Against the real server, the built client and the seed.
 */
import { XMLParser } from 'fast-xml-parser';
import type { Page } from 'playwright-core';
import { cyPoint, browserSuite, describeBrowser, js, query, screenshot, settled, TOKEN, until, type Watched } from './support/harness';

jest.setTimeout(90_000);

/** The seed's six undated actions (graph-seed/seed.json: the ones with no `date`). */
const UNDATED = [
  'aws-hosts-twitter',
  'amazon-owns-aws',
  'microsoft-azure-competes-with-aws',
  'google-cloud-platform-competes-with-aws',
  'parler-competes-with-twitter',
  'parler-competes-with-facebook',
];

/** A parsed <text>: a string or number alone, or an object whose '#text' holds it (when it has attributes). */
function textOf(t: unknown): string {
  const v = t && typeof t === 'object' ? (t as { '#text'?: unknown })['#text'] : t;
  return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
}

describeBrowser('browser: served as a production app, and nothing changes silently', () => {
  const app = browserSuite({ apiToken: TOKEN });
  let w: Watched;
  let page: Page;
  const open = async (search = '') => {
    w = await app.openReady(search);
    page = w.page;
  };

  test('the page, its scripts and the API answers come compressed; hashed files are immutable, the page is revalidated', async () => {
    await open();
    // What Chromium itself was sent for the page's own requests.
    const entries = await js<{ name: string; enc: number; dec: number }[]>(
      page,
      `performance.getEntriesByType('resource').map((e) => ({ name: e.name, enc: e.encodedBodySize, dec: e.decodedBodySize }))`,
    );
    const script = entries.find((e) => /\/assets\/vendor-[^/]+\.js$/.test(e.name));
    expect(script).toBeDefined();
    expect(script!.enc).toBeLessThan(script!.dec / 2);
    const graph = entries.find((e) => e.name.includes('/api/graph'));
    expect(graph!.enc).toBeLessThan(graph!.dec / 2);

    const html = await fetch(`${app.url}/`, { headers: { 'Accept-Encoding': 'br, gzip' } });
    expect(html.headers.get('content-encoding')).toBe('br');
    expect(html.headers.get('cache-control')).toBe('no-cache');
    const scriptPath = new URL(script!.name).pathname;
    const js1 = await fetch(app.url + scriptPath, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(js1.headers.get('content-encoding')).toBe('gzip');
    expect(js1.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const api = await fetch(`${app.url}/api/graph`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(api.headers.get('content-encoding')).toBe('gzip');
    expect(api.headers.get('vary')).toMatch(/Accept-Encoding/i);
  });

  test('a From after To is said, the typed dates stay, and the window is left as it was', async () => {
    await open();
    await page.fill('#f-from', '2021-02-01');
    await page.fill('#f-to', '2021-01-09');
    await page.press('#f-to', 'Enter');
    await until(page, `document.getElementById('f-to-error').textContent !== ''`);
    expect(await page.locator('#f-to-error').textContent()).toContain('before');
    expect(await page.getAttribute('#f-to', 'aria-invalid')).toBe('true');
    expect(await page.inputValue('#f-from')).toBe('2021-02-01');
    expect(await page.inputValue('#f-to')).toBe('2021-01-09');
    // From alone was applied when focus left it; the reversed To is not.
    const q = await query(page);
    expect(q.from).toBe('2021-02-01');
    expect(q.to).toBeUndefined();
    await screenshot(page, 'dates-reversed');
    // Put right, it is applied.
    await page.fill('#f-to', '2021-03-01');
    await page.press('#f-to', 'Enter');
    await settled(page);
    expect(await query(page)).toMatchObject({ from: '2021-02-01', to: '2021-03-01' });
  });

  test('a wrong token is refused when entered, kept to be corrected; the right one opens the form', async () => {
    await open();
    await page.click('#edit-open');
    await page.fill('#token', 'not-the-token');
    await page.press('#token', 'Enter');
    await until(page, `/does not accept/.test(document.getElementById('token-error').textContent)`);
    expect(await js(page, `sessionStorage.getItem('dg.apiToken')`)).toBeNull();
    expect(await page.inputValue('#token')).toBe('not-the-token');
    expect(await page.locator('#a-id').count()).toBe(0);
    await screenshot(page, 'token-refused');
    await page.fill('#token', TOKEN);
    await page.press('#token', 'Enter');
    await page.locator('#a-id').waitFor();
    expect(await js(page, `sessionStorage.getItem('dg.apiToken')`)).toBe(TOKEN);
    w.errors.length = 0; // the browser logs the refused check (401) itself
  });

  test('after a save the form is empty, and says what was saved', async () => {
    await open();
    await js(page, `sessionStorage.setItem('dg.apiToken', ${JSON.stringify(TOKEN)})`);
    await page.click('#edit-open');
    await page.fill('#a-id', 'gab-hosts-itself');
    await page.selectOption('#a-type', 'HOSTED');
    await page.fill('#a-from', 'aws');
    await page.fill('#a-to', 'parler');
    await page.fill('#a-date', '2021-01');
    await page.fill('#a-summary', 'A test action written by the browser test.');
    await page.click('#add-citation');
    await page.fill('.citation-row input[name=source]', 'src-000-parler-sues-aws');
    await page.click('.action-form button[type=submit]');
    await until(page, `/Saved/.test(document.getElementById('action-errors').textContent)`, 20_000);
    expect(await page.locator('#action-errors').textContent()).toContain('gab-hosts-itself');
    for (const id of ['#a-id', '#a-from', '#a-to', '#a-date', '#a-summary'])
      expect({ id, value: await page.inputValue(id) }).toEqual({ id, value: '' });
    expect(await page.locator('.citation-row').count()).toBe(0);
  });

  test('a new search starts at depth 1, and "show the whole graph" empties the search box', async () => {
    await open('?focus=aws&depth=2');
    await page.fill('#search-input', 'Parler');
    await page.locator('#search-input-list [role=option]').first().waitFor();
    await page.keyboard.press('Enter');
    await settled(page);
    const q = await query(page);
    expect(q.focus).toBe('parler');
    expect(q.depth).toBeUndefined();
    expect(await page.inputValue('#depth')).toBe('1');
    await page.click('#focus-bar button.link');
    await settled(page);
    expect((await query(page)).focus).toBeUndefined();
    expect(await page.inputValue('#search-input')).toBe('');
  });

  test('the "no actor matches" note is shown whole', async () => {
    await open();
    await page.fill('#search-input', 'zzzz nobody by this name');
    await until(page, `/No actor matches/.test(document.querySelector('#search .picker-note').textContent)`);
    const fits = await js<{ note: { w: number; sw: number; h: number; sh: number } }>(
      page,
      `(() => { const n = document.querySelector('#search .picker-note'); return { note: { w: n.clientWidth, sw: n.scrollWidth, h: n.clientHeight, sh: n.scrollHeight } }; })()`,
    );
    expect(fits.note.sw).toBeLessThanOrEqual(fits.note.w);
    expect(fits.note.sh).toBeLessThanOrEqual(fits.note.h);
    await screenshot(page, 'no-actor-matches');
  });

  test('an expansion that adds nothing says so', async () => {
    // Twitter's neighbourhood already holds every neighbour of Donald Trump (his one link is Twitter).
    await open('?focus=twitter');
    const p = await cyPoint(page, 'donald-trump');
    await page.mouse.dblclick(p.x, p.y);
    await until(page, `new URLSearchParams(location.search).get('expand') === 'donald-trump'`);
    await settled(page);
    await until(page, `document.getElementById('expand-note') !== null`);
    expect(await page.locator('#expand-note').textContent()).toContain('added nothing');
    expect(await page.locator('#live').textContent()).toContain('added nothing');
  });

  test('the table puts undated actions last whichever way the date is sorted, and shows many rows a screen', async () => {
    await open('?mode=table');
    const order = () => page.locator('.actions-table tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id') ?? ''));
    const asc = await order();
    expect(asc.length).toBeGreaterThan(UNDATED.length);
    for (const id of UNDATED) expect(asc.indexOf(id)).toBeGreaterThanOrEqual(asc.length - 6);
    await page.click('.actions-table th button[data-col=date]');
    await settled(page);
    expect((await query(page)).sort).toBe('-date');
    const desc = await order();
    for (const id of UNDATED) expect(desc.indexOf(id)).toBeGreaterThanOrEqual(desc.length - 6);
    expect(desc[0]).not.toBe(asc[0]);
    // At 1440×900, a dozen rows or more are in view at once.
    const inView = await js<number>(
      page,
      `(() => { const v = document.getElementById('table-view').getBoundingClientRect();
        return [...document.querySelectorAll('.actions-table tbody tr')].filter((r) => { const b = r.getBoundingClientRect(); return b.top >= v.top && b.bottom <= v.bottom; }).length; })()`,
    );
    expect(inView).toBeGreaterThanOrEqual(12);
    await screenshot(page, 'table-dense');
  });

  test('details show each source with publisher, date and link, and notes in words', async () => {
    await open('?sel=action:apple-delists-parler');
    await until(page, `document.querySelector('#details .citation') !== null`);
    const sources = await page.locator('#details .citation').evaluateAll((lis) =>
      lis.map((li) => ({
        link: li.querySelector('a')?.getAttribute('href') ?? null,
        publisher: li.querySelector('.source-publisher')?.textContent ?? null,
        date: li.querySelector('.source-date')?.textContent ?? null,
      })),
    );
    expect(sources.length).toBeGreaterThan(0);
    for (const s of sources) {
      expect(s.link).toMatch(/^https?:\/\//);
      expect(s.publisher).toBeTruthy();
      expect(s.date).toBeTruthy();
    }
    const keys = await page.locator('#details dl.notes dt').allTextContents();
    expect(keys).toContain('Date note');
    expect(keys).toContain('Reason per 001');
    for (const k of keys) expect(k).not.toMatch(/[a-z][A-Z]/);
  });

  test('the exported SVG has the current title, a legend, a caption with the filters and data, and whole names', async () => {
    await open('?focus=aws&status=confirmed,reported');
    const title = await js<string>(page, 'document.title');
    expect(title).toContain('neighbourhood of Amazon Web Services');
    await page.click('#export-menu summary');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-svg')]);
    const chunks: Buffer[] = [];
    for await (const c of await download.createReadStream()) chunks.push(Buffer.from(c as Buffer));
    const svg = Buffer.concat(chunks).toString('utf8');

    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
    const doc = parser.parse(svg) as { svg: Record<string, unknown> };
    const texts: string[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (!node || typeof node !== 'object') return;
      for (const [k, v] of Object.entries(node)) {
        if (k === 'text') for (const t of [v].flat()) texts.push(textOf(t));
        else walk(v);
      }
    };
    walk(doc.svg);
    expect(texts).toContain(title);
    expect(texts).toContain('Legend');
    expect(texts).toContain('Actions: colour by type');
    expect(texts.some((t) => t.startsWith('Filters:') && t.includes('status confirmed, reported'))).toBe(true);
    expect(texts.some((t) => /^Drawn: \d+ actors, \d+ actions · data: \d+ actors/.test(t))).toBe(true);
    const longest = 'United States District Court for the Western District of Washington';
    const names = await js<string[]>(page, `window.cy.nodes('.actor').filter(':visible').map((n) => n.data('label'))`);
    for (const n of names) expect(texts).toContain(n);

    // Laid out by the browser's own fonts, every text lies inside the picture.
    const outside = await js<string[]>(
      page,
      `(() => {
        const el = new DOMParser().parseFromString(${JSON.stringify(svg)}, 'image/svg+xml').documentElement;
        document.body.append(el);
        const [x, y, w, h] = el.getAttribute('viewBox').split(' ').map(Number);
        const out = [...el.querySelectorAll('text')]
          .filter((t) => { const b = t.getBBox(); return b.x < x - 0.5 || b.y < y - 0.5 || b.x + b.width > x + w + 0.5 || b.y + b.height > y + h + 0.5; })
          .map((t) => t.textContent);
        el.remove();
        return out;
      })()`,
    );
    expect(outside).toEqual([]);
    if (names.includes(longest)) expect(texts).toContain(longest);
  });
});
