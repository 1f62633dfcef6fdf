/**
 * Long reads of the embedded store run in slices (RELIABILITY.md, "One request against the
 * server"): a read that takes longer than SLICE_MS gives the event loop a turn, so health, other
 * reads and writes are served meanwhile. A write may land during that turn, and the records and
 * the graph a read walks are the live ones: a read that sees the version change starts again from
 * the beginning, so every answer is of one version. After a few such restarts (writes landing
 * faster than the read can finish) the last attempt runs without a pause, which holds the loop but
 * always ends.
 */

import { loopTurn } from '../../loop-turn';

/** The longest a slice of a read holds the event loop (well under the 50 ms budget at M). */
const SLICE_MS = 12;
/** Steps between two looks at the clock: reading it costs more than a step of most loops. */
const STEPS_PER_LOOK = 128;
/** Attempts that pause before the one that does not. */
const PAUSING_ATTEMPTS = 3;

/** Thrown out of a paused read when a write landed during its pause. */
class VersionChanged extends Error {}

export class Slices {
  private sliceStart = performance.now();
  private steps = 0;
  private readonly version: number;

  constructor(
    private readonly state: { readonly version: number },
    /** False for the last attempt: no pause, so no write can land in it. */
    private readonly pausing = true,
    private readonly sliceMs = SLICE_MS,
  ) {
    this.version = state.version;
  }

  /** Counts one step; true when the slice is used up and the caller should `await pause()`. */
  tick(): boolean {
    if (!this.pausing || ++this.steps < STEPS_PER_LOOK) return false;
    this.steps = 0;
    return performance.now() - this.sliceStart > this.sliceMs;
  }

  /** Gives the event loop a turn; throws (restarting the read) when a write landed meanwhile. */
  async pause(): Promise<void> {
    await loopTurn();
    if (this.state.version !== this.version) throw new VersionChanged();
    this.sliceStart = performance.now();
  }

  /** Every `items`, with a pause whenever a slice is used up. */
  async each<T>(items: Iterable<T>, visit: (item: T) => void): Promise<void> {
    for (const item of items) {
      visit(item);
      if (this.tick()) await this.pause();
    }
  }

  /** `items` mapped, with a pause whenever a slice is used up. */
  async map<T, U>(items: Iterable<T>, f: (item: T) => U): Promise<U[]> {
    const out: U[] = [];
    await this.each(items, (item) => out.push(f(item)));
    return out;
  }

  /** Runs a generator that yields at points where it may pause, to its end. */
  async drive<T>(steps: Generator<unknown, T>): Promise<T> {
    for (;;) {
      const r = steps.next();
      if (r.done) return r.value;
      if (this.pausing && performance.now() - this.sliceStart > this.sliceMs) await this.pause();
    }
  }
}

/** Runs `read` in slices over one version of `state`, starting again when a write lands in a pause. */
export async function readInSlices<T>(
  state: { readonly version: number },
  read: (slices: Slices) => Promise<T>,
  sliceMs = SLICE_MS,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await read(new Slices(state, attempt < PAUSING_ATTEMPTS, sliceMs));
    } catch (err) {
      if (!(err instanceof VersionChanged)) throw err;
    }
  }
}
