/**
 * Traversal answers remembered while the graph is unchanged. Analysts return to the same
 * neighbourhoods, hubs above all (back and forward, expanding, re-filtering), and a hub's
 * depth-2 neighbourhood costs tens of milliseconds to compute; any write bumps the state's
 * version, which empties the memo, so an answer is never older than the last acknowledged write.
 */
export class VersionedMemo<T> {
  private readonly entries = new Map<string, T>();
  private version = -1;

  constructor(private readonly capacity: number) {}

  get(version: number, key: string, compute: () => T): T {
    if (version !== this.version) {
      this.entries.clear();
      this.version = version;
    }
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      // Map order is the recency order: move the hit to the end.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const value = compute();
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }
}
