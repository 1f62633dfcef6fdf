/**
 * Pictures of a few stable views of the seed compared with references (tests/e2e/pictures/,
 * support/pictures.ts): the whole graph (fcose is seeded from the graph's ids, so one graph always
 * gets one layout), the timeline strip, the chains from Twitter, the cascade of Parler, an
 * action's details and the "Add a report" panel with its proposals for a short report. A change
 * that is meant (a new colour, a seed edit) is accepted by rewriting the references:
 * `UPDATE_PICTURES=1 npx jest tests/e2e/pictures.test.ts`, then looking at the new pictures.
 */
import type { Browser, Page } from 'playwright-core';
import { TOKEN, describeBrowser, js, launch, openPage, settled, startServer, until, type Running, type Watched } from './support/harness';
import { comparePicture } from './support/pictures';

jest.setTimeout(90_000);

/**
 * Labels that would overlap are hidden shortly after the drawing changes (client/graph/labels.ts),
 * and a late fit (the timeline growing) checks them again: seen checked twice 150 ms apart.
 */
async function labelsSettled(page: Page): Promise<void> {
  const checked = `document.getElementById('cy').dataset.labels === 'checked'`;
  for (let calm = 0; calm < 2;) {
    await until(page, checked);
    await new Promise((r) => setTimeout(r, 150));
    calm = (await page.evaluate(checked)) ? calm + 1 : 0;
  }
}

/** Wide enough for the three-column layout; each picture is of one part of the page, so they stay small. */
const VIEWPORT = { width: 1280, height: 800 };

describeBrowser('browser: pictures of stable views', () => {
  let srv: Running;
  let browser: Browser;
  let w: Watched | undefined;

  const open = async (search = ''): Promise<Watched> => {
    w = await openPage(browser, `${srv.url}/${search}`, VIEWPORT);
    expect(await settled(w.page)).toBe('ready');
    // Web fonts and images done, so text is not drawn in a fallback font.
    await until(w.page, `document.fonts.status === 'loaded'`);
    await labelsSettled(w.page);
    return w;
  };

  beforeAll(async () => {
    // With a token, for the report panel; no other view reads it (the page only holds it once entered).
    srv = await startServer({ apiToken: TOKEN });
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await srv?.close();
  });
  afterEach(async () => {
    const errors = w?.errors ?? [];
    await w?.context.close();
    w = undefined;
    expect(errors).toEqual([]);
  });

  test('the whole seeded graph looks as it did', async () => {
    const { page } = await open();
    expect((await comparePicture(page.locator('#graph-wrap'), 'graph')).mismatch).toBeNull();
  });

  test('the timeline strip looks as it did', async () => {
    const { page } = await open();
    expect((await comparePicture(page.locator('#timeline'), 'timeline')).mismatch).toBeNull();
  });

  test('the chains from Twitter look as they did', async () => {
    const { page } = await open('?mode=chain&chain=twitter');
    await until(page, `document.querySelectorAll('#chain-results .steps li').length > 0`);
    await labelsSettled(page);
    expect((await comparePicture(page.locator('#graph-wrap'), 'chains-twitter')).mismatch).toBeNull();
  });

  test('the cascade of Parler looks as it did', async () => {
    const { page } = await open('?mode=cascade&target=parler');
    await until(page, `document.querySelector('#cascade-svg') !== null`);
    expect((await comparePicture(page.locator('#cascade-view'), 'cascade-parler')).mismatch).toBeNull();
  });

  test.each([
    ['the neighbourhood of AWS', '?focus=aws', 'focus-aws'],
    ['the shortest paths from Parler to Donald Trump', '?mode=paths&src=parler&dst=donald-trump', 'paths-parler-trump'],
    ['the stack view', '?mode=stack', 'stack'],
  ])('%s looks as it did', async (_name, search, picture) => {
    const { page } = await open(search);
    expect((await comparePicture(page.locator('#graph-wrap'), picture)).mismatch).toBeNull();
  });

  test('the table looks as it did', async () => {
    const { page } = await open('?mode=table');
    await until(page, `document.querySelectorAll('#table-view tbody tr').length > 0`);
    expect((await comparePicture(page.locator('#table-view'), 'table')).mismatch).toBeNull();
  });

  test("an action's details panel looks as it did", async () => {
    const { page } = await open('?sel=action:aws-suspends-parler');
    await until(page, `document.querySelector('#details [data-field=date]') !== null`);
    expect((await comparePicture(page.locator('#side'), 'details-action')).mismatch).toBeNull();
  });

  test('the report panel, with its proposals for a short report, looks as it did', async () => {
    const { page } = await open();
    await js(page, `sessionStorage.setItem('dg.apiToken', ${JSON.stringify(TOKEN)})`);
    await page.click('#report-open');
    await page.fill('#report-title', 'Two providers drop a forum');
    await page.fill('#report-publisher', 'An example newsroom');
    await page.fill('#report-published', '2018-10-29');
    await page.fill('#report-url', 'https://example.org/two-providers');
    await page.fill('#report-text', 'PayPal banned Gab on Saturday. Stripe suspended Gab on Sunday. Gab accused PayPal of censorship.');
    await page.click('#report-propose');
    // The extractor proposes one action for each of these three sentences.
    await until(page, `document.querySelectorAll('#report-rows li.proposal').length === 3`);
    // The button keeps the focus ring it got from the click; the picture is of the panel, not of where the focus is.
    await js(page, `document.activeElement?.blur()`);
    await until(page, `document.fonts.status === 'loaded'`);
    expect((await comparePicture(page.locator('#report-dialog'), 'report-panel')).mismatch).toBeNull();
  });
});
