/**
 * Editing with a token (form and import), and data that tries to be HTML: names, summaries and
 * titles are shown as text, never run.
 */
import { TOKEN, apiGet, browserSuite, describeBrowser, js, query, screenshot, settled, until, type Watched } from './support/harness';

jest.setTimeout(90_000);

const XSS = '<img src=x onerror=window.__xss=1>';

const xssDocument = {
  format: 'deplatforming-graph/v1',
  actors: [
    {
      id: 'xss-actor',
      name: XSS,
      kind: 'group',
      aliases: ['<script>window.__xss=2</script>'],
      description: '<b onmouseover="window.__xss=3">bold?</b>',
    },
  ],
  sources: [{ id: 'xss-src', title: '<img src=y onerror=window.__xss=4>', url: 'https://example.org/report?q=<c>' }],
  actions: [
    {
      id: 'xss-action',
      type: 'ACCUSED',
      from: 'xss-actor',
      to: 'parler',
      date: '2021-01-12',
      status: 'alleged',
      claimedBy: ['xss-actor'],
      summary: '<img src=z onerror=window.__xss=5> accuses Parler',
      sourceIds: ['xss-src'],
    },
  ],
};

describeBrowser('browser: editing and untrusted text', () => {
  const app = browserSuite({ apiToken: TOKEN });
  let w: Watched;

  test('an actor whose name is an XSS payload is shown as text and runs nothing', async () => {
    const res = await fetch(`${app.url}/api/import`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify(xssDocument),
    });
    expect(res.status).toBe(200);
    const { page } = await app.openReady('?focus=xss-actor&sel=xss-actor');
    await until(page, `document.querySelector('#details h2')?.textContent === ${JSON.stringify(XSS)}`);
    expect(await js(page, `window.cy.getElementById('xss-actor').data('label')`)).toBe(XSS);
    expect(await page.locator('#details').textContent()).toContain('<script>window.__xss=2</script>');
    expect(await page.locator('#focus-bar').textContent()).toContain(XSS);

    await page.fill('#search-input', '<img');
    await page.locator('#search-input-list [role=option]').first().waitFor();
    expect(await page.locator('#search-input-list').textContent()).toContain(XSS);

    await page.goto(`${app.url}/?focus=xss-actor&mode=table&sel=action:xss-action`);
    await settled(page);
    await until(page, `document.querySelectorAll('#details .sources a').length === 1`);
    expect(await page.locator('.actions-table').textContent()).toContain('<img src=z onerror=window.__xss=5>');
    expect(await page.locator('#details .sources a').textContent()).toBe('<img src=y onerror=window.__xss=4>');
    expect(await page.getAttribute('#details .sources a', 'href')).toMatch(/^https:\/\/example\.org\/report\?q=/);
    expect(await page.getAttribute('#details .sources a', 'rel')).toBe('noopener noreferrer');
    await screenshot(page, 'xss-as-text');

    await page.goto(`${app.url}/?focus=xss-actor`);
    await settled(page);
    await page.click('#export-menu summary');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-svg')]);
    const chunks: Buffer[] = [];
    for await (const c of await download.createReadStream()) chunks.push(Buffer.from(c as Buffer));
    const svg = Buffer.concat(chunks).toString('utf8');
    expect(svg).toContain('&lt;img src=x onerror=window.__xss=1&gt;');
    expect(svg).not.toContain('<img');

    expect(await js(page, `document.querySelectorAll('img, script:not([src])').length`)).toBe(0);
    expect(await js(page, `typeof window.__xss`)).toBe('undefined');
  });

  test('with the token, an action is added with a new source, then changed; errors show in place', async () => {
    w = await app.open();
    const page = w.page;
    await settled(page);
    await page.click('#edit-open');
    await page.fill('#token', TOKEN);
    await page.press('#token', 'Enter');
    // Kept once the server has said it accepts it.
    await until(page, `sessionStorage.getItem('dg.apiToken') !== null`);
    expect(await js(page, `sessionStorage.getItem('dg.apiToken')`)).toBe(TOKEN);
    expect(await js(page, `Object.keys(localStorage).length`)).toBe(0);

    // Checked here first: a disputed action needs claimants and disputants.
    await page.fill('#a-id', 'google-reinstates-parler');
    await page.selectOption('#a-type', 'REINSTATED');
    await page.fill('#a-from', 'google');
    await page.fill('#a-to', 'parler');
    await page.fill('#a-date', '2022-09');
    await page.selectOption('#a-status', 'disputed');
    await page.fill('#a-summary', 'Google put the Parler app back on its Play store once Parler agreed to moderate.');
    await page.fill('#s-id', 'src-e2e-reinstated');
    await page.fill('#s-title', 'Parler is back on Google Play');
    await page.fill('#s-url', 'https://example.org/parler-back');
    await page.click('.action-form button[type=submit]');
    await until(page, `document.querySelector('#action-errors li') !== null`);
    expect(await page.locator('#action-errors').textContent()).toContain('claimedBy');
    expect(await page.getAttribute('#a-claimedBy', 'aria-invalid')).toBe('true');
    await screenshot(page, 'edit-form-errors');

    await page.selectOption('#a-status', 'reported');
    await page.click('.action-form button[type=submit]');
    await until(page, `new URLSearchParams(location.search).get('sel') === 'action:google-reinstates-parler'`, 20_000);
    await settled(page);
    expect(await js(page, `window.cy.getElementById('google-reinstates-parler').nonempty()`)).toBe(true);
    await until(page, `document.querySelector('#details .sources a') !== null`);
    expect(await page.getAttribute('#details .sources a', 'href')).toBe('https://example.org/parler-back');
    expect(await page.locator('#details [data-field=date]').textContent()).toBe('September 2022');

    // Changing it: PUT with the same id.
    await page.keyboard.press('Escape');
    await page.click('#edit-action');
    expect(await page.getAttribute('#a-id', 'readonly')).not.toBeNull();
    expect(await page.inputValue('#a-from')).toBe('google');
    // The new source was cited as stating the fact (the action is not a claim); its row can be edited.
    expect(await page.locator('.citation-row').count()).toBe(1);
    expect(await page.inputValue('.citation-row input[name=source]')).toBe('src-e2e-reinstated');
    expect(await page.inputValue('.citation-row select[name=stance]')).toBe('states');
    await page.fill('#a-summary', 'Google restored the Parler app on Google Play.');
    await page.fill('.citation-row input[name=locator]', 'para. 2');
    await page.fill('#a-respondsTo', 'google-delists-parler');
    await page.fill('#a-episodes', 'parler-2021');
    await page.fill('#a-timezone', 'America/Los_Angeles');
    await page.locator('#a-citations').scrollIntoViewIfNeeded();
    await screenshot(page, 'edit-form-citations');
    await page.click('.action-form button[type=submit]');
    await until(
      page,
      `document.querySelector('#details .description')?.textContent === 'Google restored the Parler app on Google Play.'`,
      20_000,
    );
    const saved = await apiGet<Record<string, unknown>>(app.url, '/api/actions/google-reinstates-parler');
    expect(saved).toMatchObject({
      citations: [{ source: 'src-e2e-reinstated', stance: 'states', locator: 'para. 2' }],
      respondsTo: ['google-delists-parler'],
      episodes: ['parler-2021'],
      timezone: 'America/Los_Angeles',
    });
    // The removal it undoes lists it among its responses.
    expect(await apiGet<{ responses: string[] }>(app.url, '/api/actions/google-delists-parler')).toMatchObject({
      responses: ['google-reinstates-parler'],
    });

    // The server's refusal, with its details, in place.
    await page.keyboard.press('Escape');
    await page.click('#edit-open');
    await page.fill('#a-id', 'bad-reference');
    await page.fill('#a-from', 'parlr');
    await page.fill('#a-to', 'aws');
    await page.fill('#a-summary', 'A typo in an actor id.');
    await page.click('#add-citation');
    await page.fill('.citation-row input[name=source]', 'src-e2e-reinstated');
    await page.click('.action-form button[type=submit]');
    await until(page, `/unknown actor/.test(document.getElementById('action-errors').textContent)`);
    expect(await page.locator('#action-errors').textContent()).toContain('parlr');
    w.errors.length = 0; // the browser logs the 400 itself
  });

  test('importing a file by drag and drop shows progress, the result, and the server errors in place', async () => {
    w = await app.open();
    const page = w.page;
    await settled(page);
    await js(page, `sessionStorage.setItem('dg.apiToken', ${JSON.stringify(TOKEN)})`);
    await page.click('#edit-open');
    // The form and the import are fetched when the dialog first opens with a token.
    await page.locator('#dropzone').waitFor();
    const drop = (doc: unknown) =>
      js(
        page,
        `(() => { const dt = new DataTransfer(); dt.items.add(new File([${JSON.stringify(JSON.stringify(doc))}], 'graph.json', { type: 'application/json' }));
          const z = document.getElementById('dropzone');
          z.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
          z.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true })); return true; })()`,
      );
    await drop({
      format: 'deplatforming-graph/v1',
      actions: [
        {
          id: 'bad-import',
          type: 'BANNED',
          from: 'twitter',
          to: 'parlr',
          status: 'reported',
          summary: 'x',
          sourceIds: ['src-000-parler-sues-aws'],
        },
      ],
    });
    await until(page, `document.querySelector('#import-result .error-details li') !== null`);
    expect(await page.locator('#import-result').textContent()).toContain('actions[0].to: unknown actor "parlr"');
    expect(await page.locator('#import-result').textContent()).toContain('Nothing was imported');
    await screenshot(page, 'import-errors');

    await drop({
      format: 'deplatforming-graph/v1',
      actors: [{ id: 'gab', name: 'Gab', kind: 'platform', layer: 'social-network' }],
      actions: [
        {
          id: 'users-move-to-gab',
          type: 'USERS_MIGRATED',
          from: 'parler',
          to: 'gab',
          date: '2021-01-11',
          status: 'reported',
          summary: 'Some Parler users moved to Gab.',
          sourceIds: ['src-000-parler-sues-aws'],
        },
      ],
    });
    await until(page, `/created: 1 actors, 0 sources, 1 actions/.test(document.getElementById('import-result').textContent)`);
    expect(await js(page, `document.getElementById('import-progress').value`)).toBe(1);
    await settled(page);
    expect(await js(page, `window.cy.getElementById('gab').nonempty()`)).toBe(true);

    // A wrong token is refused, and said so.
    await js(page, `sessionStorage.setItem('dg.apiToken', 'wrong')`);
    await drop({ format: 'deplatforming-graph/v1' });
    await until(page, `/401/.test(document.getElementById('import-result').textContent)`);
    expect(await query(page)).toEqual({});
    w.errors.length = 0; // the browser logs the 400 and 401 itself
  });
});
