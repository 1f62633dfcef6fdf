/**
 * Extraction runs in a worker thread: while the API extracts 1 MB of report text, the same
 * process keeps answering /api/health quickly, and the proposals equal those of the extractor
 * run directly. A real HTTP server on a port of this suite's range (4200-4299).
 */
import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { EXTRACT_MAX_BYTES, type InterchangeDocument } from '../../contract';
import { ActorIndex, extract, type ActorRecord, type Unit } from '../../server/extract';
import { anchorOf, goldReports } from '../../bench/extract-score';
import { AUTH, importDoc, openHarness, type Harness } from '../api/harness';
import { embeddedFactory } from '../support/stores';

const root = path.resolve(__dirname, '..', '..');
const PORT = Number(process.env.EXTRACT_TEST_PORT ?? 4231);

describe('POST /api/extract off the event loop', () => {
  let h: Harness;
  let server: Server;
  let base: string;
  let actors: ActorRecord[];
  let units: Unit[];

  beforeAll(async () => {
    h = await openHarness(embeddedFactory);
    const seed = JSON.parse(fs.readFileSync(path.join(root, 'graph-seed', 'seed.json'), 'utf8')) as InterchangeDocument;
    actors = (seed.actors ?? []).map(({ id, name, aliases, kind }) => ({ id, name, aliases, kind }));
    await importDoc(h.app, seed);
    units = (seed.actions ?? []).filter((a) => a.type === 'OWNS').map((a): Unit => [a.from, a.to]);
    server = await new Promise<Server>((resolve) => {
      const s = h.app.listen(PORT, '127.0.0.1', () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await h.close();
  });

  const post = (body: object) =>
    fetch(`${base}/api/extract`, { method: 'POST', headers: { ...AUTH, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

  test("the store's OWNS actions reach the worker: Amazon's cut-off is proposed as its unit's when the report names AWS", async () => {
    const text = 'Amazon Web Services runs the servers. On Sunday Amazon suspended Parler, and Parler sued Amazon on Monday.';
    const res = await post({ text, published: '2021-01-12' });
    expect(res.status).toBe(200);
    const answer = (await res.json()) as { actions: Array<{ type: string; from: { id: string | null }; to: { id: string | null } }> };
    expect(answer.actions.map((a) => [a.type, a.from.id, a.to.id])).toEqual([
      ['SUSPENDED', 'aws', 'parler'],
      ['SUED', 'parler', 'aws'],
    ]);
  });

  test('health keeps answering (p95 under 100 ms) while 1 MB is extracted, and the answer is the extractor’s', async () => {
    const gold = goldReports(root).map((r) => r.text);
    let text = '';
    for (let i = 0; text.length < 1_000_000; i++) text += `${gold[i % gold.length]}\n\n`;
    // As much as the body limit takes, once JSON has escaped the line breaks.
    text = text.slice(0, EXTRACT_MAX_BYTES - 1000 - 2 * (text.match(/[\n"]/g)?.length ?? 0));
    // The worker starts (and under ts-jest compiles its modules) with the first report: not what is measured.
    expect((await post({ text: 'PayPal banned Gab.' })).status).toBe(200);

    // The same polling with nothing extracted, for comparison under this machine's load.
    const idle = await pollHealth(base, 1000);
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    let done = false;
    const t0 = performance.now();
    const answer = post({ text, published: '2021-01-12' }).then(async (res) => {
      done = true;
      return { status: res.status, body: await res.json(), ms: performance.now() - t0 };
    });
    const waits = await pollHealth(base, Infinity, () => done);
    delay.disable();
    const got = await answer;
    const worst = Math.max(...waits);
    console.log(
      `1 MB extract ${got.ms.toFixed(0)} ms; ${waits.length} health answers meanwhile: median ${median(waits).toFixed(0)} ms, ` +
        `p95 ${quantile(waits, 0.95).toFixed(0)} ms, worst ${worst.toFixed(0)} ms (idle: median ${median(idle).toFixed(0)} ms, worst ${Math.max(...idle).toFixed(0)} ms); ` +
        `longest event-loop delay ${(delay.max / 1e6).toFixed(0)} ms; load ${fs.readFileSync('/proc/loadavg', 'utf8').split(' ')[0]}`,
    );
    expect(got.status).toBe(200);
    // The extraction itself takes a second or more; health was asked throughout it.
    expect(waits.length).toBeGreaterThanOrEqual(5);
    // On a quiet machine the worst is a few tens of ms. Under a load of 12-20 on two cores the
    // scheduler alone sometimes delays one answer 200 ms or more (the idle polling shows it too),
    // so the worst is held to well under what extracting on this thread costs (about 2 s here).
    expect(quantile(waits, 0.95)).toBeLessThan(100);
    expect(worst).toBeLessThan(1000);
    expect(got.body).toEqual(extract(text, new ActorIndex(actors, units), anchorOf('2021-01-12')));
  });
});

/** GET /api/health every 10 ms for `ms` or until `stop` says so; the wait of each answer. */
async function pollHealth(base: string, ms: number, stop = () => false): Promise<number[]> {
  const waits: number[] = [];
  for (const end = performance.now() + ms; !stop() && performance.now() < end;) {
    const s = performance.now();
    const res = await fetch(`${base}/api/health`);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`health answered ${res.status}`);
    waits.push(performance.now() - s);
    console.log(`slow health at ${s.toFixed(0)}: ${(performance.now() - s).toFixed(0)} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
  return waits;
}

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * q)] ?? 0;
const median = (xs: number[]) => quantile(xs, 0.5);
