/**
 * "Add a report" in the browser, against the real server and its extractor: a short report is
 * proposed from, each proposal reviewed against its highlighted words (one corrected, one
 * rejected, the rest accepted), the new actors confirmed, and the lot saved as one import whose
 * actions cite the report. Nothing is written before Save, and a refused save keeps the review.
 */
import type { Page } from 'playwright-core';
import type { Action, ExtractAnswer, ProposedAction } from '../../contract';
import { ACTION_TYPES } from '../../contract';
import {
  TOKEN,
  apiGet,
  axeViolations,
  browserSuite,
  describeBrowser,
  js,
  query,
  screenshot,
  settled,
  until,
  type Watched,
} from './support/harness';

jest.setTimeout(120_000);

// Published on Monday 29 October 2018, so "on Saturday" is the 27th and "on Sunday" the 28th.
const PUBLISHED = '2018-10-29';
const TEXT = [
  'PayPal banned Gab on Saturday, after the shooting at a Pittsburgh synagogue.',
  'Stripe suspended Gab on Sunday.',
  'GoDaddy gave Gab 24 hours to move its domain.',
  'Gab accused PayPal of censorship.',
].join(' ');
const TITLE = 'Gab loses its payment providers after Pittsburgh';

const sentence = (start: string) => {
  const from = TEXT.indexOf(start);
  return [from, TEXT.indexOf('.', from) + 1] as const;
};

async function extract(url: string): Promise<ExtractAnswer> {
  const res = await fetch(`${url}/api/extract`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify({ text: TEXT, published: PUBLISHED }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as ExtractAnswer;
}

const find = (answer: ExtractAnswer, type: (t: string) => boolean, from: string, to: string): ProposedAction => {
  const p = answer.actions.find((a) => type(a.type) && a.from.name === from && a.to.name === to);
  if (!p) throw new Error(`no proposal ${from} → ${to} in ${JSON.stringify(answer.actions.map((a) => [a.type, a.from.name, a.to.name]))}`);
  return p;
};
const sanction = (t: string) => ACTION_TYPES[t as keyof typeof ACTION_TYPES]?.category === 'sanction';

async function openPanel(page: Page): Promise<void> {
  await js(page, `sessionStorage.setItem('dg.apiToken', ${JSON.stringify(TOKEN)})`);
  await page.click('#report-open');
  await page.fill('#report-title', TITLE);
  await page.fill('#report-publisher', 'An example newsroom');
  await page.fill('#report-published', PUBLISHED);
  await page.fill('#report-url', 'https://example.org/gab-providers');
  await page.fill('#report-text', TEXT);
  await page.click('#report-propose');
  await until(page, `document.querySelectorAll('#report-rows li.proposal').length > 0`);
}

/** Selects the text's characters [start, end) in the marked-up report, as a person dragging over them would. */
const SELECT_WORDS = `(start, end) => {
  const el = document.getElementById('report-highlighted');
  const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let pos = 0, started = false, node;
  while ((node = walk.nextNode())) {
    const len = node.data.length;
    if (!started && start < pos + len) { range.setStart(node, start - pos); started = true; }
    if (started && end <= pos + len) { range.setEnd(node, end - pos); break; }
    pos += len;
  }
  const sel = getSelection();
  sel.removeAllRanges();
  sel.addRange(range);
  return sel.toString();
}`;

const row = (key: string) => `#report-rows li.proposal[data-key="${key}"]`;

describeBrowser('browser: adding a report', () => {
  const app = browserSuite({ apiToken: TOKEN });
  let w: Watched;

  test('without the token the panel asks for it; proposals reviewed but not saved leave the graph as it was', async () => {
    w = await app.open();
    const page = w.page;
    await settled(page);
    await page.click('#report-open');
    expect(await page.locator('#report-dialog').textContent()).toContain('API token');
    expect(await page.locator('#report-text').count()).toBe(0);
    await page.click('#report-dialog .close');

    const before = await apiGet<{ counts: Record<string, number> }>(app.url, '/api/health');
    await openPanel(page);
    await page
      .locator('#report-new-actors .confirm-actor')
      .evaluateAll((els) => els.forEach((e) => (e as unknown as { click(): void }).click()));
    for (const b of await page.locator('#report-rows button.accept').all()) await b.click();
    await page.click('#report-dialog .close');
    await page.reload();
    await settled(page);
    expect((await apiGet<{ counts: Record<string, number> }>(app.url, '/api/health')).counts).toEqual(before.counts);
    expect((await fetch(`${app.url}/api/actors/gab`)).status).toBe(404);
    expect((await apiGet<{ items: unknown[] }>(app.url, `/api/sources?q=${encodeURIComponent('Pittsburgh')}`)).items).toEqual([]);
  });

  test('a report is proposed, reviewed against its words, corrected, and saved as actions citing it', async () => {
    const answer = await extract(app.url);
    const ban = find(answer, sanction, 'PayPal', 'Gab');
    const notice = find(answer, (t) => t === 'WARNED', 'GoDaddy', 'Gab');
    const accused = find(answer, (t) => t === 'ACCUSED', 'Gab', 'PayPal');
    // Worked out from the text: Saturday before the Monday it was published; a claim, made by Gab.
    expect(ban.date).toBe('2018-10-27');
    expect(accused).toMatchObject({ status: 'alleged', claimedBy: [{ name: 'Gab' }] });
    // The notice announces a cut-off that the report does not say happened: those are rejected.
    const announced = answer.actions.filter((a) => sanction(a.type) && a.from.name === 'GoDaddy');
    expect(announced.length).toBeGreaterThan(0);
    const others = answer.actions.filter((a) => ![ban, notice, accused, ...announced].includes(a));
    const accepted = [ban, notice, accused, ...others];

    w = await app.open();
    const page = w.page;
    await settled(page);
    await openPanel(page);
    expect(await page.locator('#report-rows li.proposal').count()).toBe(answer.actions.length);
    expect(await page.locator('#report-save').isDisabled()).toBe(true);

    // Picking a proposal marks its words, which lie in its sentence, and scrolls them into view.
    await page.click(`${row(ban.key)} .show-words`);
    const picked = await js<string>(
      page,
      `[...document.querySelectorAll('#report-highlighted mark.picked')].map((m) => m.textContent).join('')`,
    );
    const [s0, s1] = sentence('PayPal banned');
    expect(TEXT.slice(s0, s1)).toContain(picked);
    expect(picked).toContain('banned');
    expect(await page.locator(row(ban.key)).getAttribute('class')).toContain('picked');
    // Pointing at marked words lights up the rows they come from.
    await page.hover(`#report-highlighted mark.evidence[data-keys~="${accused.key}"]`);
    expect(await page.locator(row(accused.key)).getAttribute('class')).toContain('linked');

    // Correct the notice: the reviewer knows it came on the Sunday, and that it was reported, not confirmed.
    await page.click(`${row(notice.key)} details summary`);
    await page.fill(`${row(notice.key)} input[name=date]`, '2018-10-28');
    await page.press(`${row(notice.key)} input[name=date]`, 'Tab');
    await page.selectOption(`${row(notice.key)} select[name=status]`, 'reported');
    expect(await page.locator(`${row(notice.key)} .proposal-state`).textContent()).toBe('not decided, corrected');

    for (const p of announced) await page.click(`${row(p.key)} button.reject`);
    for (const p of accepted) await page.click(`${row(p.key)} button.accept`);

    // The extractor left Stripe out: the reviewer selects its words and adds the actor and the action by hand.
    const selectWords = async (words: string) => {
      const at = TEXT.indexOf(words);
      expect(await js<string>(page, `(${SELECT_WORDS})(${at}, ${at + words.length})`)).toBe(words);
      return `chars ${at}-${at + words.length}`;
    };
    await selectWords('Stripe');
    await page.click('#report-add-actor');
    const stripeLocator = await selectWords('Stripe suspended Gab on Sunday.');
    await page.click('#report-add-action');
    const manual = '#report-rows li.proposal[data-key="u1"]';
    await page.selectOption(`${manual} select[name=type]`, 'SUSPENDED');
    await page.selectOption(`${manual} select[name=from]`, { label: 'Stripe (new)' });
    await page.selectOption(`${manual} select[name=to]`, { label: 'Gab (new)' });
    await page.fill(`${manual} input[name=date]`, '2018-10-28');
    await page.press(`${manual} input[name=date]`, 'Tab');
    await page.click(`${manual} button.accept`);
    expect(await page.locator(`${manual} .proposal-title`).textContent()).toBe(
      'Stripe suspended Gab, 2018-10-28 · reported · added by hand',
    );

    // Not yet: the new actors these name must be confirmed first.
    await page.click('#report-save');
    await until(page, `/confirm the new actor/.test(document.getElementById('report-errors').textContent)`);
    const newNames = await page
      .locator('#report-new-actors input[name=name]')
      .evaluateAll((els) => els.map((e) => (e as unknown as { value: string }).value));
    expect(newNames).toEqual(expect.arrayContaining(['PayPal', 'GoDaddy', 'Gab']));
    const gabItem = page.locator('#report-new-actors li.new-actor').nth(newNames.indexOf('Gab'));
    await gabItem.locator('select[name=kind]').selectOption('platform');
    for (const box of await page.locator('#report-new-actors .confirm-actor').all()) await box.check();
    await page.check('#report-quotes');

    // The panel is accessible as reviewed.
    expect(await axeViolations(page, { within: '#report-dialog', seriousOnly: true })).toEqual([]);
    await screenshot(page, 'report-review');

    // A refused save says why and keeps every decision.
    await js(page, `sessionStorage.setItem('dg.apiToken', 'wrong')`);
    await page.click('#report-save');
    await until(page, `/Nothing was saved \\(401/.test(document.getElementById('report-errors').textContent)`);
    expect(await page.locator(`${row(notice.key)} button.accept`).getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator(`${row(notice.key)} input[name=date]`).inputValue()).toBe('2018-10-28');
    expect(await page.locator(`${row(announced[0]!.key)} button.reject`).getAttribute('aria-pressed')).toBe('true');
    expect((await fetch(`${app.url}/api/actors/gab`)).status).toBe(404);
    w.errors.length = 0; // the browser logs the 401 itself

    await js(page, `sessionStorage.setItem('dg.apiToken', ${JSON.stringify(TOKEN)})`);
    await page.click('#report-save');
    await until(page, `!document.getElementById('report-dialog').open`, 20_000);
    await settled(page);
    // Before importing, the panel asks for each new actor's id and expects 404 (the id is free); the browser logs those.
    w.errors.splice(0, w.errors.length, ...w.errors.filter((e) => !/status of 404/.test(e)));
    const q = await query(page);
    expect(q.focus).toBe('gab');
    expect(q.sel).toMatch(/^action:paypal-banned-gab-/);
    expect(await js(page, `window.cy.getElementById(${JSON.stringify(q.sel!.slice('action:'.length))}).nonempty()`)).toBe(true);

    // Read back through the API: the source, and every accepted action citing it where its words are.
    const sources = await apiGet<{ items: { id: string; title: string; published: string; url: string }[] }>(
      app.url,
      `/api/sources?q=${encodeURIComponent('Pittsburgh')}`,
    );
    expect(sources.items).toHaveLength(1);
    const src = sources.items[0]!;
    expect(src).toMatchObject({ title: TITLE, published: PUBLISHED, url: 'https://example.org/gab-providers' });
    const cited = await apiGet<{ actions: string[] }>(app.url, `/api/sources/${src.id}`);
    expect(cited.actions).toHaveLength(accepted.length + 1);
    expect(await apiGet<{ kind: string; name: string }>(app.url, '/api/actors/gab')).toMatchObject({ name: 'Gab', kind: 'platform' });
    const saved = await Promise.all(cited.actions.map((id) => apiGet<Action>(app.url, `/api/actions/${id}`)));
    const by = (from: string, to: string, type: string) => saved.find((a) => a.from === from && a.to === to && a.type === type);

    expect(by('paypal', 'gab', ban.type)).toMatchObject({ date: '2018-10-27', status: ban.status });
    expect(by('godaddy', 'gab', 'WARNED')).toMatchObject({
      date: '2018-10-28',
      status: 'reported',
      citations: [{ stance: 'states' }],
    });
    expect(by('gab', 'paypal', 'ACCUSED')).toMatchObject({
      status: 'alleged',
      claimedBy: ['gab'],
      citations: [{ stance: 'reports-claim' }],
    });
    expect(saved.filter((a) => a.citations[0]!.locator === stripeLocator)).toContainEqual(
      expect.objectContaining({ type: 'SUSPENDED', from: 'stripe', to: 'gab', date: '2018-10-28', status: 'reported' }),
    );
    for (const p of announced) expect(saved.some((a) => a.type === p.type && a.from === 'godaddy')).toBe(false);
    for (const a of saved) {
      const c = a.citations[0]!;
      expect(c.source).toBe(src.id);
      const [, start, end] = /^chars (\d+)-(\d+)/.exec(c.locator ?? '') ?? [];
      expect(Number(end)).toBeGreaterThan(Number(start));
      // The quote is the evidence's own words, 25 at most.
      expect(TEXT).toContain(c.quote!.replace(/…$/, ''));
      expect(c.quote!.split(' ').length).toBeLessThanOrEqual(25);
    }
    const banCitation = by('paypal', 'gab', ban.type)!.citations[0]!;
    const [, bs, be] = /^chars (\d+)-(\d+)/.exec(banCitation.locator!)!;
    expect(Number(bs)).toBeGreaterThanOrEqual(s0);
    expect(Number(be)).toBeLessThanOrEqual(s1);
  });
});
