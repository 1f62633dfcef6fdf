/**
 * Traversal answers remembered for one version of the database, as the embedded store remembers
 * them until its next write. The version is a bookmark (Db.probe): it changes with every commit,
 * whoever makes it (this server, another one, an analyst in Neo4j Browser), so an answer is never
 * served for a state of the database other than the one it was computed on.
 *
 * A hit costs the probe (one round trip, shared by concurrent requests) instead of the traversal's
 * statements. A miss costs the probe on top of them; its answer is kept only when the database's
 * version after the traversal is the probe's, i.e. nothing was committed while it ran.
 */
import { copyRecord } from '../../domain';
import type { Db, Tx } from './db';

/** Entries kept per version, least recently used dropped first (as the embedded store's 64). */
const CAPACITY = 64;

export class Memo {
  private version: string | null = null;
  private readonly entries = new Map<string, unknown>();
  private readonly running = new Map<string, Promise<unknown>>();

  constructor(private readonly db: Db) {}

  /**
   * The answer for `key` on the database as it is now: remembered, or computed by `work` in one
   * read transaction. Callers get their own copy either way (answers are records they may change).
   */
  async get<T>(key: string, work: (tx: Tx) => Promise<T>): Promise<T> {
    const { version } = await this.db.probe();
    if (version !== this.version) {
      this.entries.clear();
      this.version = version;
    }
    if (this.entries.has(key)) {
      const hit = this.entries.get(key) as T;
      // Map order is the recency order: move the hit to the end.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return copyRecord(hit);
    }
    // Requests for the same answer on the same version share one computation.
    const slot = `${version}\n${key}`;
    let running = this.running.get(slot) as Promise<{ value: T; version: string }> | undefined;
    if (!running) {
      running = this.db.readVersioned(work).finally(() => this.running.delete(slot));
      this.running.set(slot, running);
      const computed = await running;
      // An empty version (a server that sends no bookmarks) proves nothing: keep nothing then.
      if (version && computed.version === version && this.version === version) {
        this.entries.set(key, computed.value);
        if (this.entries.size > CAPACITY) this.entries.delete(this.entries.keys().next().value!);
      }
    }
    return copyRecord((await running).value);
  }
}
