/**
 * contract's respectResponses as steps a read's slices can pause between (slices.ts): over the
 * whole timeline at M (60,000 actions) the one-go version held the event loop 40-60 ms, and it
 * ran on every unfiltered timeline page and export. Same order, same rule (the stable topological
 * order that otherwise keeps the key order); tests/embedded/slices.test.ts holds the two equal.
 */
import type { Action } from '../../../contract';
import { MinHeap } from '../../../contract/min-heap';

/** Steps between two yields: a yield costs a look at the clock in Slices.drive. */
const STEPS_PER_YIELD = 512;

/** `sorted` (key order, left as it is) with responses after what they respond to, yielding every few hundred steps. */
export function* respectResponsesSteps(sorted: readonly Action[]): Generator<void, Action[]> {
  const pos = new Map<string, number>();
  for (let i = 0; i < sorted.length; i++) {
    pos.set(sorted[i]!.id, i);
    if (i % STEPS_PER_YIELD === 0) yield;
  }
  const waitsFor = new Int32Array(sorted.length);
  const dependants = new Map<number, number[]>();
  let linked = false;
  for (let i = 0; i < sorted.length; i++) {
    for (const t of sorted[i]!.respondsTo ?? []) {
      const j = pos.get(t);
      if (j === undefined || j === i) continue;
      linked = true;
      waitsFor[i]!++;
      const list = dependants.get(j);
      if (list) list.push(i);
      else dependants.set(j, [i]);
    }
    if (i % STEPS_PER_YIELD === 0) yield;
  }
  if (!linked) return sorted.slice();
  const heap = new MinHeap();
  for (let i = 0; i < sorted.length; i++) if (waitsFor[i] === 0) heap.push(i);
  yield;
  const out: Action[] = [];
  const placed = new Uint8Array(sorted.length);
  while (heap.size) {
    const i = heap.pop();
    placed[i] = 1;
    out.push(sorted[i]!);
    for (const k of dependants.get(i) ?? []) if (--waitsFor[k]! === 0) heap.push(k);
    if (out.length % STEPS_PER_YIELD === 0) yield;
  }
  // A cycle (which validation refuses) would leave actions unplaced: they keep their key order.
  if (out.length < sorted.length) for (let i = 0; i < sorted.length; i++) if (!placed[i]) out.push(sorted[i]!);
  return out;
}
