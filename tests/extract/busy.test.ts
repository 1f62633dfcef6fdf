/**
 * A full extraction queue answers 503 with Retry-After through HTTP, never a 5xx of another kind
 * and never a hang. The queue is shrunk to one waiting report (EXTRACT_MAX_WAITING, read when the
 * API first extracts), so three reports sent together overflow it. A real HTTP server on a port of
 * this suite's range (4700-4749). A 1 MB report with no sentence end is answered, not timed out.
 */
import fs from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import type { InterchangeDocument } from '../../contract';
import { goldReports } from '../../bench/extract-score';
import { AUTH, importDoc, openHarness, type Harness } from '../api/harness';
import { embeddedFactory } from '../support/stores';

const root = path.resolve(__dirname, '..', '..');
const PORT = Number(process.env.EXTRACT_BUSY_TEST_PORT ?? 4711);
process.env.EXTRACT_MAX_WAITING = '1';

describe('POST /api/extract with its queue full', () => {
  let h: Harness;
  let server: Server;
  const base = `http://127.0.0.1:${PORT}`;

  beforeAll(async () => {
    h = await openHarness(embeddedFactory);
    await importDoc(h.app, JSON.parse(fs.readFileSync(path.join(root, 'graph-seed', 'seed.json'), 'utf8')) as InterchangeDocument);
    server = await new Promise<Server>((resolve) => {
      const s = h.app.listen(PORT, '127.0.0.1', () => resolve(s));
    });
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await h.close();
  });

  const post = (text: string) =>
    fetch(`${base}/api/extract`, {
      method: 'POST',
      headers: { ...AUTH, 'Content-Type': 'application/json' },
      body: JSON.stringify({ text, published: '2021-01-12' }),
    });

  test('one running, one waiting: the third report is refused with 503 and Retry-After; the queue frees up afterwards', async () => {
    const gold = goldReports(root).map((r) => r.text);
    let long = '';
    for (let i = 0; long.length < 900_000; i++) long += `${gold[i % gold.length]}\n\n`;
    const small = 'On Sunday Twitter suspended Parler.';
    // The long report first, so it holds the worker (about a second) while the two short ones arrive.
    const first = post(long);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const answers = [...(await Promise.all([post(small), post(small)])), await first];
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 503).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
    for (const r of answers.filter((x) => x.status === 503)) {
      expect(r.headers.get('retry-after')).toBe('1');
      expect(r.headers.get('content-type')).toMatch(/application\/json/);
      expect(await r.json()).toMatchObject({ error: { code: 'unavailable' } });
    }
    const again = await post(small);
    expect(again.status).toBe(200);
  }, 60_000);

  // It used to take minutes and the pool's 30 s deadline answered 503 (server/extract/text.ts MAX_SENTENCE).
  test('nearly 1 MB of real words with no sentence end is answered 200 within seconds, not 503', async () => {
    const line = 'PayPal banned Gab and Twitter said the company had suspended Parler while GoDaddy warned ';
    const t0 = performance.now();
    // Just under the 1 MB body limit with its JSON wrapping.
    const r = await post(line.repeat(Math.floor(990_000 / line.length)));
    expect(r.status).toBe(200);
    expect(performance.now() - t0).toBeLessThan(20_000);
    expect(JSON.stringify(await r.json())).toContain('"BANNED"');
  }, 60_000);
});
