/**
 * Values kept for one version of the graph, the least recently used dropped first. Every cache of
 * the server is one of these: what it keeps is only ever true of the version it was computed on,
 * so the first use with another version empties it. A version is the embedded store's write
 * counter or a Neo4j bookmark; versions are only compared for equality (bookmarks have no order).
 */
export type Version = number | string;

export interface LruBounds<V> {
  /** The most values kept. */
  entries: number;
  /**
   * The most bytes kept, as measured by `sizeOf`. A value over a quarter of `max` is never kept:
   * it would push out most of the others for one answer.
   */
  bytes?: { max: number; sizeOf: (value: V) => number };
}

export class VersionedLru<V, Ver extends Version = Version> {
  // Map order is the recency order: the least recently used first.
  private readonly values = new Map<string, V>();
  private held: Ver | undefined;
  private bytes = 0;

  constructor(private readonly bounds: LruBounds<V>) {}

  /** The version the kept values are for; undefined until one is given. */
  get version(): Ver | undefined {
    return this.held;
  }

  /** Moves to `version`: everything kept for another one is dropped. */
  at(version: Ver): void {
    if (version === this.held) return;
    this.values.clear();
    this.bytes = 0;
    this.held = version;
  }

  /** Whether a value is kept for `key` at the version held, without counting it as a use. */
  has(key: string): boolean {
    return this.values.has(key);
  }

  /** The value kept for `key` at `version`; undefined when none is (so an undefined value never hits). */
  get(version: Ver, key: string): V | undefined {
    this.at(version);
    const hit = this.values.get(key);
    if (hit !== undefined) {
      this.values.delete(key);
      this.values.set(key, hit);
    }
    return hit;
  }

  /** Keeps `value` for `key` at `version`; false when it is too large to keep. */
  set(version: Ver, key: string, value: V): boolean {
    this.at(version);
    const size = this.bounds.bytes?.sizeOf(value) ?? 0;
    if (this.bounds.bytes && size > this.bounds.bytes.max / 4) return false;
    this.drop(key);
    this.values.set(key, value);
    this.bytes += size;
    const maxBytes = this.bounds.bytes?.max ?? Infinity;
    for (const oldest of this.values.keys()) {
      if (this.values.size <= this.bounds.entries && this.bytes <= maxBytes) break;
      this.drop(oldest);
    }
    return true;
  }

  private drop(key: string): void {
    if (!this.values.has(key)) return;
    if (this.bounds.bytes) this.bytes -= this.bounds.bytes.sizeOf(this.values.get(key) as V);
    this.values.delete(key);
  }
}
