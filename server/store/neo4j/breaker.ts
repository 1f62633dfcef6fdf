/**
 * A circuit breaker in front of Neo4j. Without it, every request made while Bolt is unreachable
 * waits for the driver's retries (about 7 s) before its 503; with it, the first sign of an outage
 * opens the breaker, every request is refused at once (503 with Retry-After), reads already waiting
 * on the driver are answered too, and one background probe checks Bolt until it answers again, when
 * the breaker closes and requests flow as before.
 *
 * A sign of an outage is a driver error that says the server cannot be reached (driver-errors.ts),
 * or a call that has been waiting longer than `suspectAfterMs` followed by a probe that fails that
 * way: the driver retries unreachable errors silently, so a slow call is the only early sign of
 * them. A slow probe (a busy server) is not a sign: only a refusal is.
 */
import { UnavailableError } from '../errors';
import { isUnreachable } from './driver-errors';

export interface BreakerOptions {
  /** How the breaker asks whether Bolt answers; rejects when it does not. */
  probe: () => Promise<void>;
  /** Pause between probes while open. */
  probeEveryMs?: number;
  /** A probe that takes longer counts as failed (the server may be half gone). */
  probeTimeoutMs?: number;
  /** A call still waiting after this long makes the breaker check Bolt (at most once per interval). */
  suspectAfterMs?: number;
  /** Told when the breaker opens or closes (for the log). */
  onChange?: (open: boolean, why: string) => void;
}

/** The Retry-After of a refused request: a probe runs several times a second, so 1 s is honest. */
const RETRY_AFTER_SECONDS = 1;

export class Breaker {
  private open = false;
  private opened: { promise: Promise<never>; reject: (err: Error) => void } = deferredFailure();
  private probing = false;
  private lastSuspicion = 0;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly probeEveryMs: number;
  private readonly probeTimeoutMs: number;
  private readonly suspectAfterMs: number;

  constructor(private readonly options: BreakerOptions) {
    this.probeEveryMs = options.probeEveryMs ?? 200;
    this.probeTimeoutMs = options.probeTimeoutMs ?? 1000;
    this.suspectAfterMs = options.suspectAfterMs ?? 250;
  }

  get isOpen(): boolean {
    return this.open;
  }

  /** Throws the 503 error at once while the breaker is open. */
  check(): void {
    if (this.open) throw refusal();
  }

  /**
   * Runs `fn` unless the breaker is open. Its unreachable errors open the breaker. With `abandon`
   * (reads), the call is answered 503 as soon as the breaker opens instead of waiting out the
   * driver's retries; writes are not abandoned, so their answer stays the driver's own.
   */
  async run<T>(fn: () => Promise<T>, abandon: boolean): Promise<T> {
    this.check();
    const call = fn();
    const suspicion = setTimeout(() => this.suspect(), this.suspectAfterMs);
    suspicion.unref();
    try {
      if (!abandon) return await call;
      call.catch(() => undefined); // its late failure, if it is abandoned, is nobody's to handle
      return await Promise.race([call, this.opened.promise]);
    } catch (err) {
      if (isUnreachable(err)) this.trip('a call found the server unreachable');
      throw err;
    } finally {
      clearTimeout(suspicion);
    }
  }

  /** Opens the breaker (if closed) and starts probing. */
  trip(why: string): void {
    if (this.open || this.closed) return;
    this.open = true;
    this.options.onChange?.(true, why);
    this.opened.reject(refusal());
    this.schedule(0);
  }

  /** Stops probing for good (the store is closing). */
  stop(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private suspect(): void {
    const now = Date.now();
    if (this.open || this.probing || now - this.lastSuspicion < this.suspectAfterMs) return;
    this.lastSuspicion = now;
    void this.attempt().then((err) => {
      if (err && isUnreachable(err)) this.trip('a slow call, and a probe found the server unreachable');
    });
  }

  private schedule(ms: number): void {
    if (this.closed) return;
    this.timer = setTimeout(() => void this.probeWhileOpen(), ms);
    this.timer.unref();
  }

  private async probeWhileOpen(): Promise<void> {
    const err = await this.attempt();
    if (!this.open) return;
    if (err === null) {
      this.open = false;
      this.opened = deferredFailure();
      this.options.onChange?.(false, 'a probe reached the server');
    } else {
      this.schedule(this.probeEveryMs);
    }
  }

  /** One probe with a time limit: null when Bolt answered, else the failure. */
  private async attempt(): Promise<unknown> {
    this.probing = true;
    let timeout: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.options.probe(),
        new Promise((_, reject) => {
          timeout = setTimeout(() => reject(new Error('probe timed out')), this.probeTimeoutMs);
        }),
      ]);
      return null;
    } catch (err) {
      return err;
    } finally {
      clearTimeout(timeout);
      this.probing = false;
    }
  }
}

function refusal(): UnavailableError {
  return new UnavailableError('the Neo4j database cannot be reached; retry shortly', RETRY_AFTER_SECONDS);
}

/** A promise that only ever rejects, when told to; never an unhandled rejection. */
function deferredFailure(): { promise: Promise<never>; reject: (err: Error) => void } {
  let reject!: (err: Error) => void;
  const promise = new Promise<never>((_, r) => (reject = r));
  promise.catch(() => undefined);
  return { promise, reject };
}
