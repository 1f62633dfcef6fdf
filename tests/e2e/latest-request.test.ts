/** The browser's "latest request wins" helper (client/latest-request.ts), with promises it controls. */
import { latestRequest } from '../../client/latest-request';

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('latest request wins', () => {
  test('a newer request aborts the one before, whose late answer is never applied', async () => {
    const r = latestRequest();
    const first = deferred<string>();
    const second = deferred<string>();
    const applied: string[] = [];
    const signals: AbortSignal[] = [];
    const a = r.run(
      (signal) => (signals.push(signal), first.promise),
      (v) => applied.push(v),
      () => applied.push('error'),
    );
    const b = r.run(
      (signal) => (signals.push(signal), second.promise),
      (v) => applied.push(v),
      () => applied.push('error'),
    );
    expect(signals[0]!.aborted).toBe(true);
    expect(signals[1]!.aborted).toBe(false);
    second.resolve('new');
    first.resolve('stale'); // the old request ignored its signal and answered late
    expect(await Promise.all([a, b])).toEqual([false, true]);
    expect(applied).toEqual(['new']);
  });

  test('an error is reported only for the latest request, and an abort is not an error', async () => {
    const r = latestRequest();
    const failures: unknown[] = [];
    const old = deferred<number>();
    const a = r.run(
      () => old.promise,
      () => undefined,
      (e) => failures.push(e),
    );
    const b = r.run(
      () => Promise.reject(new Error('refused')),
      () => undefined,
      (e) => failures.push(e),
    );
    old.reject(new Error('stale failure'));
    await Promise.all([a, b]);
    expect(failures.map((e) => (e as Error).message)).toEqual(['refused']);

    const aborted = r.run(
      (signal) =>
        new Promise((_, reject) => signal.addEventListener('abort', () => reject(Object.assign(new Error('x'), { name: 'AbortError' })))),
      () => undefined,
      (e) => failures.push(e),
    );
    r.abort();
    expect(await aborted).toBe(false);
    expect(failures).toHaveLength(1);
  });

  test('abort() drops the answer in flight', async () => {
    const r = latestRequest();
    const d = deferred<string>();
    const applied: string[] = [];
    const p = r.run(
      () => d.promise,
      (v) => applied.push(v),
      () => undefined,
    );
    r.abort();
    d.resolve('late');
    expect(await p).toBe(false);
    expect(applied).toEqual([]);
  });
});
