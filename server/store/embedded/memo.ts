/**
 * Traversal answers remembered while the graph is unchanged. Analysts return to the same
 * neighbourhoods, hubs above all (back and forward, expanding, re-filtering), and a hub's
 * depth-2 neighbourhood costs tens of milliseconds to compute; any write bumps the state's
 * version, which empties the memo, so an answer is never older than the last acknowledged write.
 */
import { VersionedLru } from '../../cache/versioned-lru';

export class VersionedMemo<T> {
  private readonly kept: VersionedLru<T, number>;

  constructor(capacity: number) {
    this.kept = new VersionedLru({ entries: capacity });
  }

  get(version: number, key: string, compute: () => T): T {
    const hit = this.kept.get(version, key);
    if (hit !== undefined) return hit;
    const value = compute();
    this.kept.set(version, key, value);
    return value;
  }
}
