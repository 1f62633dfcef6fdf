/**
 * Traversal answers remembered for one version of the database, as the embedded store remembers
 * them until its next write. The version is a bookmark (Db.probe): it changes with every commit,
 * whoever makes it (this server, another one, an analyst in Neo4j Browser), so an answer is never
 * served for a state of the database other than the one it was computed on.
 *
 * A hit costs the probe (one round trip, shared by concurrent requests) instead of the traversal's
 * statements. A miss costs nothing more than the traversal; its answer is kept only when the
 * database's version after it is one already seen before it began, i.e. nothing was committed
 * in between. Comparing bookmarks is exact for the versions this store sees: two bookmarks are
 * equal only when no transaction was committed between them.
 */
import { copyRecord } from '../../../contract';
import { VersionedLru } from '../../cache/versioned-lru';
import type { Db, Tx } from './db';

export class Memo {
  /** Entries kept per version, least recently used dropped first (as the embedded store's 64). */
  private readonly kept = new VersionedLru<unknown, string>({ entries: 64 });

  constructor(private readonly db: Db) {}

  /**
   * The answer for `key` on the database as it is now: remembered, or computed by `work` in one
   * read transaction. Callers get their own copy either way (answers are records they may change).
   */
  async get<T>(key: string, work: (tx: Tx) => Promise<T>): Promise<T> {
    // `version` is one the database had at some moment before `work` begins: if it still has it
    // when `work` ends, nothing was committed in between and the answer is that version's.
    let version = this.kept.version;
    if (version === undefined) {
      // Nothing seen yet (the first request): learn the version, or nothing could be kept.
      version = (await this.db.freshProbe()).version;
      this.kept.at(version);
    } else if (this.kept.has(key)) {
      // A candidate: it stands if the database is still at the version it was computed on.
      version = (await this.db.freshProbe()).version;
      const hit = this.kept.get(version, key);
      if (hit !== undefined) return copyRecord(hit as T);
    }
    // Not shared with a computation already running for the same key: it may have begun before
    // this request arrived, and miss a write its client has already been told about.
    const computed = await this.db.readVersioned(work);
    // An empty version (a server that sends no bookmarks) proves nothing: keep nothing then.
    if (version && computed.version === version && this.kept.version === version) {
      this.kept.set(version, key, computed.value);
      return copyRecord(computed.value);
    }
    if (computed.version) {
      // Something was committed before or while it ran: what is kept is for an older version.
      // This answer is not kept; the next one computed at this version will be.
      this.kept.at(computed.version);
    }
    return computed.value;
  }
}
