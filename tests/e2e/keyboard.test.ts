/**
 * The browser without a mouse: landmarks, the page's shortcuts, a way through the drawing with
 * the arrow keys and Enter (said in the live region), and axe-core clean on every view.
 */
import type { Page } from 'playwright-core';
import { axeViolations, browserSuite, describeBrowser, js, query, screenshot, settled, until } from './support/harness';

jest.setTimeout(120_000);

describeBrowser('browser: keyboard and screen readers', () => {
  const app = browserSuite();
  let page: Page;
  const open = async (search = '') => {
    ({ page } = await app.openReady(search));
  };
  const active = () => js<string>(page, `document.activeElement?.id ?? ''`);

  test('landmarks: one banner, navigation, main and the two complementary panels, each named', async () => {
    await open();
    const marks = await js<string[]>(
      page,
      `[...document.querySelectorAll('header, nav, main, aside')].map((e) => e.tagName.toLowerCase() + ':' + (e.getAttribute('aria-label') ?? ''))`,
    );
    expect(marks).toEqual(['header:', 'nav:Views', 'aside:Filters and legend', 'main:', 'aside:Tools and details']);
  });

  test('"/" goes to the search box, number keys switch views, "?" lists the shortcuts', async () => {
    await open();
    await page.keyboard.press('/');
    expect(await active()).toBe('search-input');
    // Typed in the box, a digit is text, not a shortcut.
    await page.keyboard.type('6');
    expect(await page.inputValue('#search-input')).toBe('6');
    expect((await query(page)).mode).toBeUndefined();
    await page.fill('#search-input', '');
    await js(page, 'document.activeElement.blur()');

    await page.keyboard.press('6');
    await settled(page);
    expect((await query(page)).mode).toBe('table');
    expect(await page.locator('#table-view').isVisible()).toBe(true);
    await page.keyboard.press('2');
    await settled(page);
    expect((await query(page)).mode).toBe('stack');
    await page.keyboard.press('1');
    await settled(page);
    expect((await query(page)).mode).toBeUndefined();

    await page.keyboard.press('?');
    await until(page, `document.getElementById('shortcuts-dialog')?.open === true`);
    const listed = await page.locator('#shortcuts-dialog kbd').allTextContents();
    expect(listed).toEqual(expect.arrayContaining(['/', '1', '6', '?', 'Enter']));
    await screenshot(page, 'shortcuts');
    await page.keyboard.press('Escape');
    await until(page, `document.getElementById('shortcuts-dialog').open === false`);
  });

  test('from the skip link the drawing is a few Tabs away; arrows reach an actor, said aloud, and Enter opens its details', async () => {
    await open();
    await page.keyboard.press('Tab');
    expect(await js(page, `document.activeElement.textContent`)).toBe('Skip to the view');
    await page.keyboard.press('Enter');
    let presses = 0;
    while ((await active()) !== 'cy' && presses < 6) {
      await page.keyboard.press('Tab');
      presses++;
    }
    expect(await active()).toBe('cy');

    await page.keyboard.press('ArrowRight');
    await until(page, `/Enter for details/.test(document.getElementById('live').textContent)`);
    const first = (await page.locator('#live').textContent())!;
    const names = await js<string[]>(page, `window.cy.nodes('.actor').map((n) => n.data('label'))`);
    const spoken = names.find((n) => first.startsWith(`${n},`));
    expect(spoken).toBeDefined();

    // A second arrow moves to another actor, said in turn.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    const now = (await page.locator('#live').textContent())!;
    const current = names.find((n) => now.startsWith(`${n},`)) ?? null;
    expect(current).not.toBeNull();

    await page.keyboard.press('Enter');
    await until(page, `new URLSearchParams(location.search).get('sel') !== null`);
    await settled(page);
    const sel = (await query(page)).sel!;
    const name = await js<string>(page, `window.cy.getElementById(${JSON.stringify(sel)}).data('label')`);
    expect(name).toBe(current);
    await until(page, `document.querySelector('#details h2')?.textContent === ${JSON.stringify(name)}`);

    // "]" steps onto the current actor's actions; Enter opens the action.
    await page.keyboard.press(']');
    await until(page, `/, (\\d|undated).*Enter for details/.test(document.getElementById('live').textContent)`);
    await page.keyboard.press('Enter');
    await until(page, `(new URLSearchParams(location.search).get('sel') ?? '').startsWith('action:')`);
    await screenshot(page, 'keyboard-action');
  });

  test.each([
    '',
    '?mode=cascade&target=parler',
    '?focus=aws',
    '?mode=stack',
    '?mode=chain&chain=twitter',
    '?mode=paths&src=parler&dst=donald-trump',
    '?mode=table',
    '?sel=action:apple-delists-parler',
  ])('no accessibility violations (axe-core) in the view "%s"', async (search) => {
    await open(search);
    expect(await axeViolations(page)).toEqual([]);
  });

  test('no accessibility violations (axe-core) with the shortcuts open', async () => {
    await open();
    await page.keyboard.press('?');
    await until(page, `document.getElementById('shortcuts-dialog')?.open === true`);
    expect(await axeViolations(page)).toEqual([]);
  });
});
