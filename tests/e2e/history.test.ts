/**
 * History in the browser: an actor's details list its changes (when, who, what, message), and the
 * graph opened as of an earlier version shows that version, read only, under a banner.
 */
import { TOKEN, browserSuite, describeBrowser, js, until } from './support/harness';

jest.setTimeout(90_000);

describeBrowser('browser: history and earlier versions', () => {
  const app = browserSuite({ seed: false, apiToken: TOKEN });

  const write = async (method: string, path: string, body: unknown, message?: string) => {
    const res = await fetch(`${app.url}${path}`, {
      method,
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Bearer ${TOKEN}`,
        ...(message && { 'X-Change-Message': encodeURIComponent(message) }),
      },
      body: JSON.stringify(body),
    });
    expect(res.status).toBeLessThan(300);
  };

  beforeAll(async () => {
    // Change 1: two actors and an action; change 2: a renamed; change 3: a third actor.
    await write('POST', '/api/import', {
      format: 'deplatforming-graph/v2',
      actors: [
        { id: 'ha', name: 'Host A', kind: 'company' },
        { id: 'hb', name: 'Site B', kind: 'platform' },
      ],
      sources: [{ id: 'hs', title: 'A report' }],
      actions: [
        {
          id: 'ha-bans-hb',
          type: 'BANNED',
          from: 'ha',
          to: 'hb',
          date: '2021-01-10',
          status: 'confirmed',
          summary: 'Host A drops Site B',
          citations: [{ source: 'hs', stance: 'states' }],
        },
      ],
    });
    await write('PUT', '/api/actors/ha', { id: 'ha', name: 'Host Alpha', kind: 'company' }, 'the name its filings use');
    await write('POST', '/api/actors', { id: 'hc', name: 'Newcomer C', kind: 'person' });
  });

  test("an actor's details list its changes, newest first, with author, what changed and message", async () => {
    const { page } = await app.openReady('?sel=ha');
    await until(page, `document.querySelectorAll('#details .history-entry').length === 2`);
    const entries = await page.locator('#details .history-entry').allTextContents();
    expect(entries[0]).toContain('#2');
    expect(entries[0]).toContain('api-token');
    expect(entries[0]).toContain('changed name');
    expect(entries[0]).toContain('the name its filings use');
    expect(entries[1]).toContain('#1');
    expect(entries[1]).toContain('import, created');
    expect(await js(page, `document.getElementById('as-of-banner')`)).toBeNull();
  });

  test('?asOf=1 draws the graph as it was at change 1, read only, with a banner, and keeps asOf in the address', async () => {
    const { page } = await app.openReady('?asOf=1&sel=ha');
    await until(page, `document.getElementById('as-of-banner')?.textContent.includes('change 1')`);
    expect(await page.locator('#as-of-banner').textContent()).toContain('Read only');
    // At change 1 there were two actors, and ha still had its first name.
    expect(await js(page, `window.cy.nodes('.actor').length`)).toBe(2);
    expect(await js(page, `window.cy.getElementById('hc').length`)).toBe(0);
    expect(await js(page, `window.cy.getElementById('ha').data('label')`)).toBe('Host A');
    await until(page, `document.querySelector('#details h2')?.textContent === 'Host A'`);
    expect(await page.locator('#edit-open').isVisible()).toBe(false);
    expect(await js(page, `location.search.includes('asOf=1')`)).toBe(true);
  });
});
