/**
 * The extraction worker pool with a real worker thread: it matches against the actors of the
 * version it is given, refuses work beyond its queue at once, and a job past its deadline ends
 * the worker without harming the next job.
 */
import { ExtractPool, ExtractUnavailable } from '../../server/extract/pool';
import { goldReports } from '../../bench/extract-score';
import path from 'node:path';

const both = {
  version: 1,
  records: [
    { id: 'paypal', name: 'PayPal' },
    { id: 'gab', name: 'Gab' },
  ],
};
const noGab = { version: 2, records: [{ id: 'paypal', name: 'PayPal' }] };
const ids = (json: string) =>
  (JSON.parse(json) as { actions: Array<{ from: { id: string | null }; to: { id: string | null } }> }).actions.map((a) => [
    a.from.id,
    a.to.id,
  ]);

describe('ExtractPool', () => {
  test('each job is matched against the actors of its version, sent to the worker only when they change', async () => {
    const pool = new ExtractPool();
    try {
      const text = 'PayPal banned Gab.';
      expect(ids(await pool.extract(text, null, both))).toEqual([['paypal', 'gab']]);
      expect(ids(await pool.extract(text, null, noGab))).toEqual([['paypal', null]]);
      // Version 2 is now held by the worker: the records given with this call are not sent again.
      expect(ids(await pool.extract(text, null, { version: 2, records: [] }))).toEqual([['paypal', null]]);
    } finally {
      await pool.close();
    }
  });

  test('beyond its queue a job is refused at once; a job past its deadline fails and the next one is answered', async () => {
    const pool = new ExtractPool({ deadlineMs: 500, maxWaiting: 1 });
    try {
      await pool.extract('PayPal banned Gab.', null, both); // the worker is up before the clock matters
      const gold = goldReports(path.resolve(__dirname, '..', '..')).map((r) => r.text);
      let big = '';
      for (let i = 0; big.length < 990_000; i++) big += `${gold[i % gold.length]}\n\n`;
      const slow = pool.extract(big, null, both);
      const queued = pool.extract('PayPal banned Gab.', null, both);
      await expect(pool.extract('PayPal banned Gab.', null, both)).rejects.toThrow(ExtractUnavailable);
      await expect(slow).rejects.toThrow(/took longer than 0.5 s/);
      expect(ids(await queued)).toEqual([['paypal', 'gab']]);
    } finally {
      await pool.close();
    }
  });
});
