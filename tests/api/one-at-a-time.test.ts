/** Exports built one at a time: each task starts only once the one before has settled. */
import { OneAtATime } from '../../server/api/export/one-at-a-time';

test('tasks run in turn, never two at once, and a failure does not stop the next', async () => {
  const q = new OneAtATime();
  let running = 0;
  let most = 0;
  const order: number[] = [];
  const task =
    (i: number, fail = false) =>
    async () => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 5));
      order.push(i);
      running--;
      if (fail) throw new Error(`task ${i} failed`);
      return i;
    };
  const results = await Promise.allSettled([q.run(task(1)), q.run(task(2, true)), q.run(task(3))]);
  expect(most).toBe(1);
  expect(order).toEqual([1, 2, 3]);
  expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
});
