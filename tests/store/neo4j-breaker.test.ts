/**
 * The Neo4j store's circuit breaker on its own: its probe is a function here, standing in for a
 * Bolt round trip (the fault suite, tests/reliability/neo4j-faults.test.ts, runs it on a real Neo4j
 * that stops and starts). Errors carry the driver's code for an unreachable server.
 */
import { UnavailableError } from '../../server/store/errors';
import { Breaker } from '../../server/store/neo4j/breaker';

const unreachable = () => Object.assign(new Error('connect ECONNREFUSED'), { code: 'ServiceUnavailable' });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the Neo4j circuit breaker', () => {
  let up: boolean;
  let breaker: Breaker;
  beforeEach(() => {
    up = false;
    breaker = new Breaker({ probe: async () => void (up || (await Promise.reject(unreachable()))), probeEveryMs: 20, suspectAfterMs: 30 });
  });
  afterEach(() => breaker.stop());

  test('an unreachable error opens it; then every call is refused at once with a 1 s Retry-After, without running', async () => {
    await expect(breaker.run(() => Promise.reject(unreachable()), true)).rejects.toMatchObject({ code: 'ServiceUnavailable' });
    expect(breaker.isOpen).toBe(true);
    let ran = false;
    const t = Date.now();
    const refused = await breaker
      .run(async () => {
        ran = true;
      }, false)
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(UnavailableError);
    expect((refused as UnavailableError).retryAfterSeconds).toBe(1);
    expect(ran).toBe(false);
    expect(Date.now() - t).toBeLessThan(50);
  });

  test('a probe that reaches the server closes it, and calls run again', async () => {
    breaker.trip('test');
    up = true;
    await sleep(100);
    expect(breaker.isOpen).toBe(false);
    await expect(breaker.run(async () => 'answer', true)).resolves.toBe('answer');
  });

  test('a slow read is answered 503 once a probe finds the server gone, and the next write is refused at once', async () => {
    const never = () => new Promise<string>(() => undefined);
    const read = breaker.run(never, true);
    await expect(read).rejects.toBeInstanceOf(UnavailableError);
    expect(breaker.isOpen).toBe(true);
    let settled = false;
    void breaker
      .run(async () => 'late', false)
      .finally(() => (settled = true))
      .catch(() => undefined);
    await sleep(10);
    expect(settled).toBe(true); // refused: the breaker is open
  });

  test('a slow call on a server that answers probes leaves it closed', async () => {
    up = true;
    await expect(breaker.run(() => sleep(120).then(() => 'slow'), true)).resolves.toBe('slow');
    expect(breaker.isOpen).toBe(false);
  });
});
