/**
 * What a betweenness computation will do, decided before it runs: the actor graph as pairs of
 * vertex numbers (a typed array, handed to the worker without a copy), and either every actor as a
 * source (exact) or k pivots (sampled Brandes, Brandes & Pich 2007) with the error bound that
 * sample size gives. Method note: README, "Betweenness".
 */
import type { BetweennessInfo } from '../../contract';
import { loopTurn } from '../loop-turn';

/**
 * Sources × (actors + 2 × actions) allowed to one computation: exact below it, k pivots filling it
 * above (about a second of one core at 10k actors / 60k actions).
 */
export const WORK = 5e7;
/** Never fewer pivots than this, whatever the size (at 100k actors / 600k actions, about 5 s). */
export const MIN_PIVOTS = 100;
/** The error bound holds for every actor at once with this probability. */
export const CONFIDENCE = 0.95;
/** Pairs numbered per slice: the numbering runs on the event loop, so it yields between slices. */
const SLICE = 20_000;

export type BetweennessMethod = Omit<BetweennessInfo, 'version' | 'current'>;

/** The endpoints of every pair as vertex numbers (index in `ids`); pairs naming an unknown actor are left out. */
export async function numberPairs(ids: readonly string[], pairs: readonly (readonly [string, string])[]): Promise<Int32Array<ArrayBuffer>> {
  const index = new Map<string, number>();
  ids.forEach((id, i) => index.set(id, i));
  const ends = new Int32Array(pairs.length * 2);
  let out = 0;
  for (let start = 0; start < pairs.length; start += SLICE) {
    if (start > 0) await loopTurn();
    for (let p = start; p < Math.min(start + SLICE, pairs.length); p++) {
      const [a, b] = pairs[p]!;
      const i = index.get(a);
      const j = index.get(b);
      if (i === undefined || j === undefined) continue;
      ends[out++] = i;
      ends[out++] = j;
    }
  }
  return ends.slice(0, out);
}

/** FNV-1a: pivots chosen by a hash of the id, so a given set of actors always gets the same sample, on either store. */
function hashId(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Every actor when that fits WORK; otherwise the k actors whose ids hash lowest. */
export function chooseSources(ids: readonly string[], ends: Int32Array): { sources: Int32Array<ArrayBuffer>; method: BetweennessMethod } {
  const n = ids.length;
  const perSource = n + ends.length;
  if (n * perSource <= WORK) {
    return {
      sources: Int32Array.from({ length: n }, (_, i) => i),
      method: { method: 'exact', actors: n, pivots: n, errorBound: 0, confidence: 1 },
    };
  }
  const k = Math.min(n, Math.max(MIN_PIVOTS, Math.floor(WORK / perSource)));
  // hash · n + index: distinct, exact in a double (below 2^52 for n < 2^20), sorted natively.
  const keys = new Float64Array(n);
  ids.forEach((id, i) => (keys[i] = hashId(id) * n + i));
  keys.sort();
  const sources = Int32Array.from(keys.subarray(0, k), (key) => key % n);
  return { sources, method: { method: 'sampled', actors: n, pivots: k, confidence: CONFIDENCE, errorBound: errorBound(n, k) } };
}

/**
 * Absolute bound on |estimate − exact| for every actor at once, with probability CONFIDENCE
 * (Hoeffding plus a union bound over the n actors). One pivot's contribution to an actor's
 * (unnormalized, undirected) estimate lies in [0, n(n−2)/2], so the mean of k of them is within
 * n(n−2)/2 · sqrt(ln(2n/δ) / 2k) of the exact value. A worst-case bound: on real graphs the error
 * is far smaller, but this one is guaranteed.
 */
export function errorBound(n: number, k: number): number {
  if (k >= n) return 0;
  const range = (n * (n - 2)) / 2;
  return Math.round(range * Math.sqrt(Math.log((2 * n) / (1 - CONFIDENCE)) / (2 * k)));
}

/** Kernel sums to the undirected, unnormalized scale graphology uses, estimated over n/k when sampled; rounded as before. */
export function finishScores(ids: readonly string[], raw: Float64Array, pivots: number): Map<string, number> {
  const scale = ids.length / pivots / 2;
  const out = new Map<string, number>();
  ids.forEach((id, i) => out.set(id, Math.round(raw[i]! * scale * 1e6) / 1e6));
  return out;
}
