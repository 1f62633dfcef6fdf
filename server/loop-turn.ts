/**
 * Gives the event loop a turn in the middle of long work, so requests waiting on their sockets are
 * served before the work goes on.
 *
 * Two setImmediates, not one: a request on a new connection needs two passes of libuv's poll phase
 * (the first accepts the connection and starts reading it; the second reads its bytes), and with
 * one setImmediate each pass is followed by another slice of the work. /api/health polled on new
 * connections then waited three or four slices: with 30 ms slices its p99 was 118-157 ms against
 * 30-36 ms with two (RELIABILITY.md, "One request against the server"). The extra pass costs
 * microseconds.
 */
export function loopTurn(): Promise<void> {
  return new Promise<void>((resolve) => setImmediate(() => setImmediate(resolve)));
}

/** The longest a stretch of long work (an import's checks, a graph being built) holds the event loop. */
const SLICE_MS = 10; // the budget is 50 ms at M

/** Gives the event loop a turn every SLICE_MS of work (RELIABILITY.md, "One request against the server"). */
export class Turns {
  private start = performance.now();

  /** Gives the event loop a turn when this stretch has run SLICE_MS. */
  async maybe(): Promise<void> {
    if (performance.now() - this.start < SLICE_MS) return;
    await loopTurn();
    this.start = performance.now();
  }

  /** Calls `visit` on each item, in chunks of `chunk`, with a possible turn after each. */
  async chunks<T>(items: readonly T[], chunk: number, visit: (part: readonly T[], offset: number) => void): Promise<void> {
    for (let i = 0; i < items.length; i += chunk) {
      visit(items.slice(i, i + chunk), i);
      await this.maybe();
    }
  }
}
