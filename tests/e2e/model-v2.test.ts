/**
 * Model v2 in the browser, against the real server and the seed: the cascade of Parler, the
 * evidence behind an action and the actions that answer it, the new filters, and dates shown as
 * spans with their zone and their uncertainty. Facts are those of the seed's articles, worked out
 * by hand: Google removed the app on Friday 8 January 2021 and Apple on Saturday 9 January (Pacific);
 * AWS gave notice on the evening of Saturday 9 January and cut Parler off at 23:59 PST on Sunday
 * 10 January; Parler's suit answers both.
 */
import type { Page } from 'playwright-core';
import { apiGet, browserSuite, describeBrowser, js, query, screenshot, settled, until } from './support/harness';

jest.setTimeout(90_000);

describeBrowser('browser: model v2', () => {
  const app = browserSuite();
  let page: Page;
  const open = async (search = '') => {
    ({ page } = await app.openReady(search));
  };
  const texts = (selector: string) =>
    js<string[]>(page, `[...document.querySelectorAll(${JSON.stringify(selector)})].map((e) => e.textContent.trim())`);
  const attrs = (selector: string, name: string) =>
    js<string[]>(page, `[...document.querySelectorAll(${JSON.stringify(selector)})].map((e) => e.getAttribute(${JSON.stringify(name)}))`);

  test('the cascade of Parler: app stores first, then cloud hosting, the cut-off after the notice, the suit answering both', async () => {
    await open('?mode=cascade&target=parler');
    await until(page, `document.querySelector('#cascade-svg') !== null`);
    // One lane per layer, in the order first reached, and the suit (against AWS, not Parler) in its own lane.
    expect(await attrs('#cascade-svg g.lane', 'data-layer')).toEqual(['app-store', 'cloud-hosting', 'linked']);
    expect(await texts('#cascade-svg .lane-label')).toEqual(['App stores', 'Cloud hosting', 'Linked actions']);

    // The notice (Saturday evening) ends before the cut-off (Sunday 23:59) begins: drawn to its left, listed before it.
    const x = async (id: string) => ({
      x1: Number((await attrs(`#cascade-svg .cascade-mark[data-id="${id}"]`, 'data-x1'))[0]),
      x2: Number((await attrs(`#cascade-svg .cascade-mark[data-id="${id}"]`, 'data-x2'))[0]),
    });
    const notice = await x('aws-notifies-parler');
    const cutOff = await x('aws-suspends-parler');
    expect(cutOff.x1).toBeGreaterThan(notice.x2);
    const order = await attrs('#cascade-list li', 'data-id');
    expect(order.indexOf('aws-notifies-parler')).toBeGreaterThanOrEqual(0);
    expect(order.indexOf('aws-suspends-parler')).toBeGreaterThan(order.indexOf('aws-notifies-parler'));
    expect(order.slice(0, 2)).toEqual(['google-delists-parler', 'apple-delists-parler']);
    expect(await attrs('#cascade-list li[data-id="aws-suspends-parler"]', 'data-order')).toEqual(['certain']);
    // The removals span a day each: bars, not points; the cut-off is one minute: a point-sized mark.
    expect(await js(page, `document.querySelector('.cascade-mark[data-id="apple-delists-parler"]').classList.contains('span')`)).toBe(true);
    expect(await js(page, `document.querySelector('.cascade-mark[data-id="aws-suspends-parler"]').classList.contains('point')`)).toBe(true);

    // Response links from the notice and from the cut-off to the suit.
    expect((await attrs('#cascade-svg .response-link[data-to="parler-sues-aws"]', 'data-from')).sort()).toEqual([
      'aws-notifies-parler',
      'aws-suspends-parler',
    ]);

    // Summary: Google's removal (from 00:00 PST on 8 January) to the cut-off (23:59 PST on 10 January) is 71 h 59 min.
    const summary = await page.locator('#cascade-summary').textContent();
    expect(summary).toContain('2 d 23 h 59 min');
    expect(summary).toContain('App stores → Cloud hosting');
    expect(summary).toMatch(/last: Amazon Web Services suspended Parler/);
    await screenshot(page, 'cascade-parler');

    // A mark opens the action's details.
    await page.locator('#cascade-svg .cascade-mark[data-id="aws-suspends-parler"]').click();
    await until(page, `new URLSearchParams(location.search).get('sel') === 'action:aws-suspends-parler'`);
    expect(await query(page)).toMatchObject({ mode: 'cascade', target: 'parler' });
  });

  test('the cascade defaults to the focused actor', async () => {
    await open('?focus=parler');
    await page.locator('#modes button[data-mode="cascade"]').click();
    await until(page, `document.querySelector('#cascade-svg') !== null`);
    await settled(page);
    expect(await page.locator('#cascade-view h2').textContent()).toBe('Cascade against Parler');
    expect(await page.inputValue('#cascade-target')).toBe('Parler');
  });

  test("an action's details: citations with locator, stance and quote; scope, term and reason; response links both ways", async () => {
    await open('?sel=action:aws-suspends-parler');
    await until(page, `document.querySelector('#details .citation') !== null`);
    const cite = (source: string, part: string) => page.locator(`#details .citation[data-source="${source}"] ${part}`).textContent();
    // 003 states the cut-off in its own voice, at paragraphs 2 and 8, with a short quote; 000 only reports Parler's account.
    expect(await cite('src-003-parler-seeks-aws-reinstatement', '.locator')).toBe('paras. 2, 8');
    expect(await cite('src-003-parler-seeks-aws-reinstatement', '.stance')).toBe('states it');
    expect(await cite('src-003-parler-seeks-aws-reinstatement', '.quote')).toContain('AWS cut off Parler servers on Sunday');
    expect(await cite('src-000-parler-sues-aws', '.stance')).toBe('reports a claim');
    expect(await page.locator('#details [data-field="scope"]').textContent()).toBe('global');
    expect(await page.locator('#details [data-field="term"]').textContent()).toBe('indefinite');
    expect(await page.locator('#details [data-field="reason"]').textContent()).toMatch(/violence/);
    // The date as given, with its zone.
    const date = await page.locator('#details [data-field="date"]').textContent();
    expect(date).toContain('10 Jan 2021 23:59');
    expect(date).toContain('America/Los_Angeles');

    // The suit answers the cut-off: a link to it, and from it back.
    const answeredBy = page.locator('#details [data-field="responses"] button[data-action="parler-sues-aws"]');
    expect(await answeredBy.count()).toBe(1);
    await answeredBy.click();
    await until(page, `document.querySelector('#details [data-field="respondsTo"]') !== null`);
    expect(await query(page)).toMatchObject({ sel: 'action:parler-sues-aws' });
    expect((await attrs('#details [data-field="respondsTo"] button', 'data-action')).sort()).toEqual([
      'aws-notifies-parler',
      'aws-suspends-parler',
    ]);
    // Amazon's denial answers the suit.
    expect(await attrs('#details [data-field="responses"] button', 'data-action')).toContain('amazon-denies-parler-claims');
    await page.locator('#details [data-field="respondsTo"] button[data-action="aws-notifies-parler"]').click();
    await until(page, `new URLSearchParams(location.search).get('sel') === 'action:aws-notifies-parler'`);
    await until(page, `document.querySelector('#details h2')?.textContent.includes('warned')`);
  });

  test('chains from Donald Trump say how each step follows the one before', async () => {
    await open('?mode=chain&chain=donald-trump');
    await until(page, `document.querySelector('.chains li.current .steps li') !== null`);
    const steps = await texts('.chains li.current .steps li');
    const orders = await attrs('.chains li.current .steps li', 'data-order');
    // Twitter's ban comes first; Parler's new users certainly follow it (their move answers the ban).
    expect(steps[0]).toMatch(/Twitter banned Donald Trump/);
    expect(orders[0]).toBe('first');
    expect(steps[1]).toMatch(/Twitter users moved to Parler/);
    expect(orders[1]).toBe('certain');
    for (const [i, o] of orders.slice(1).entries()) {
      expect(['certain', 'possible']).toContain(o);
      expect(steps[i + 1]!.includes('possibly after the step before')).toBe(o === 'possible');
    }
  });

  test('the filter panel lists the vocabulary the server answers', async () => {
    await open();
    const vocab = await apiGet<{
      categories: { id: string; label: string }[];
      layers: { id: string; label: string }[];
      statuses: string[];
    }>(app.url, '/api/vocabulary');
    expect(await attrs('[data-filter="category"]', 'value')).toEqual(vocab.categories.map((c) => c.id));
    expect(await texts('[data-filter="category"] + label')).toEqual(vocab.categories.map((c) => c.label));
    expect(await attrs('[data-filter="status"]', 'value')).toEqual(vocab.statuses);
    expect(await texts('[data-filter="layer"] + label')).toEqual([...vocab.layers.map((l) => l.label), 'No layer']);
  });

  test('a category filter narrows the timeline and the drawing, and is kept in the URL', async () => {
    await open();
    const spans = () => attrs('#timeline-spans rect', 'data-id');
    const before = await spans();
    expect(before).toContain('parler-accuses-aws-of-antitrust-conspiracy');
    expect(before).toContain('aws-suspends-parler');
    await page.uncheck('#f-category-claim');
    await settled(page);
    expect((await query(page)).category?.split(',')).not.toContain('claim');
    const after = await spans();
    expect(after).not.toContain('parler-accuses-aws-of-antitrust-conspiracy');
    expect(after).not.toContain('amazon-denies-parler-claims');
    expect(after).toContain('aws-suspends-parler');
    expect(after.length).toBeLessThan(before.length);
    expect(await js(page, `window.cy.edges('[category = "claim"]').length`)).toBe(0);

    // Only sanctions, from a link: the Twitter ban, the two removals and the cut-off, none of the notices or claims.
    await page.goto(`${app.url}/?category=sanction`);
    await settled(page);
    expect((await spans()).sort()).toEqual(['apple-delists-parler', 'aws-suspends-parler', 'google-delists-parler', 'twitter-bans-trump']);
    expect(await page.isChecked('#f-category-sanction')).toBe(true);
    expect(await page.isChecked('#f-category-notice')).toBe(false);
  });

  test('a window on 10 January holds the AWS cut-off in local days, not in UTC days', async () => {
    // 23:59 PST on 10 January is 07:59 UTC on the 11th.
    await open('?from=2021-01-10&to=2021-01-10');
    expect(await js(page, `window.cy.getElementById('aws-suspends-parler').nonempty()`)).toBe(true);
    await page.fill('#f-tz', 'UTC');
    await page.press('#f-tz', 'Enter');
    await settled(page);
    expect(await query(page)).toMatchObject({ from: '2021-01-10', to: '2021-01-10', tz: 'UTC' });
    expect(await js(page, `window.cy.getElementById('aws-suspends-parler').nonempty()`)).toBe(false);
    // A name that is not a zone is refused in place, not sent.
    await page.fill('#f-tz', 'Pacific Time');
    await page.press('#f-tz', 'Enter');
    expect(await page.locator('#f-tz-error').textContent()).toContain('not an IANA time zone');
    expect((await query(page)).tz).toBe('UTC');
  });

  test('claimedBy, disputedBy and episode filters come from the panel and the URL', async () => {
    await open('?claimedBy=parler&disputedBy=amazon');
    // What Parler alleged and Amazon denied: the four disputed counts of the complaint.
    const ids = (await js<string[]>(page, `window.cy.edges('.action').map((e) => e.id())`)).sort();
    expect(ids).toEqual([
      'parler-accuses-aws-of-antitrust-conspiracy',
      'parler-accuses-aws-of-breach-of-contract',
      'parler-accuses-aws-of-political-animus',
      'parler-accuses-aws-of-tortious-interference',
    ]);
    expect(await texts('#f-claimedBy-chosen .chip')).toEqual(['Parler ×']);
    await page.locator('#f-disputedBy-chosen .chip').click();
    await settled(page);
    expect((await query(page)).disputedBy).toBeUndefined();
    expect((await js<number>(page, `window.cy.edges('.action').length`)) > ids.length).toBe(true);

    await page.goto(`${app.url}/`);
    await settled(page);
    await page.selectOption('#f-episode', 'parler-2021');
    await settled(page);
    expect((await query(page)).episode).toBe('parler-2021');
    // The relationships with no episode (who owns or competes with whom) are left out.
    expect(await js(page, `window.cy.edges('.action').filter((e) => !(e.data('episodes') || []).includes('parler-2021')).length`)).toBe(0);
    expect(await js(page, `window.cy.getElementById('amazon-owns-aws').nonempty()`)).toBe(false);
  });

  test('the table shows each date as given with its zone, category and episode, and marks approximate and uncertain dates', async () => {
    await app.store.importDocument({
      format: 'deplatforming-graph/v2',
      actions: [
        {
          id: 'e2e-approximate-restriction',
          type: 'RESTRICTED',
          from: 'twitter',
          to: 'parler',
          date: '2021-02~',
          status: 'reported',
          summary: 'A test action whose month is only approximately known.',
          citations: [{ source: 'src-001-parler-sues-amazon-political', stance: 'states' }],
        },
        {
          id: 'e2e-uncertain-refusal',
          type: 'REFUSED',
          from: 'apple',
          to: 'parler',
          date: '2021-02-03?',
          timezone: 'Europe/Paris',
          status: 'reported',
          summary: 'A test action whose day the source is unsure of.',
          citations: [{ source: 'src-001-parler-sues-amazon-political', stance: 'states' }],
        },
      ],
    });
    await open('?mode=table');
    const row = (id: string) => page.locator(`#table-view tr[data-id="${id}"]`);
    const cutOff = await row('aws-suspends-parler').locator('td').allTextContents();
    expect(cutOff[0]).toContain('10 Jan 2021 23:59');
    expect(cutOff[0]).toContain('America/Los_Angeles');
    expect(cutOff[1]).toBe('Sanctions');
    expect(cutOff[6]).toBe('Parler loses its app stores and its host');
    expect(await row('apple-delists-parler').locator('.when').textContent()).toMatch(/^\s*9 Jan 2021/);
    expect(await row('e2e-approximate-restriction').locator('.date-mark.approximate').count()).toBe(1);
    expect(await row('e2e-uncertain-refusal').locator('.date-mark.uncertain').count()).toBe(1);
    expect(await row('e2e-uncertain-refusal').locator('.zone').textContent()).toContain('Europe/Paris');
    // On the timeline too: the approximate month is faded, the uncertain day dashed.
    await page.locator('#modes button[data-mode="graph"]').click();
    await settled(page);
    expect(
      await js(
        page,
        `document.querySelector('#timeline-spans rect[data-id="e2e-approximate-restriction"]').classList.contains('approximate')`,
      ),
    ).toBe(true);
    expect(
      await js(page, `document.querySelector('#timeline-spans rect[data-id="e2e-uncertain-refusal"]').classList.contains('uncertain')`),
    ).toBe(true);
  });
});
