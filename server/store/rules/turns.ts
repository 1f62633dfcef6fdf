/**
 * Long checks of an import give the event loop a turn every few milliseconds, so a large import
 * never holds it past the budget (RELIABILITY.md, "One request against the server"). Nothing is
 * written meanwhile: a store writes the plan only once it is complete, in the write's own turn.
 */
import { loopTurn } from '../../loop-turn';

/** The longest a stretch of an import's checks holds the event loop (the budget is 50 ms at M). */
const SLICE_MS = 10;

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
