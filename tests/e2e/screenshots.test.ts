/**
 * Screenshots of the seed view and the chains view for a change's closing note (issue 17 asked
 * for before and after pictures). Not a check: it runs only when SCREENSHOTS_TO names a file
 * prefix, e.g. `SCREENSHOTS_TO=docs/screenshots/after npx jest tests/e2e/screenshots.test.ts`;
 * E2E_CLIENT_DIR points it at another build (the "before" one).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { ROOT, describeBrowser, launch, openPage, settled, startServer, until, type Running } from './support/harness';

jest.setTimeout(90_000);

const prefix = process.env.SCREENSHOTS_TO;
const maybe = prefix ? describeBrowser : describe.skip;

maybe('screenshots for the closing note', () => {
  let srv: Running;
  let browser: Browser;
  beforeAll(async () => {
    srv = await startServer();
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await srv?.close();
  });

  const views: [string, string][] = [
    ['seed', ''],
    ['chains', '?mode=chain&chain=twitter'],
  ];
  for (const [name, search] of views) {
    test(`${name} view`, async () => {
      const w = await openPage(browser, `${srv.url}/${search}`, { width: 1440, height: 900 });
      expect(await settled(w.page)).toBe('ready');
      await until(w.page, `document.fonts.status === 'loaded'`);
      // The "before" build has no label check; its pictures are taken once settled.
      await until(w.page, `document.getElementById('cy').dataset.labels !== 'pending'`);
      const file = path.resolve(ROOT, `${prefix}-${name}.png`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      await w.page.screenshot({ path: file });
      await w.context.close();
    });
  }
});
