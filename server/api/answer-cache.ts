/**
 * Bodies of read answers kept while the graph is unchanged, keyed by the request's URL. Every
 * analyst opening the browser asks for the same first graph, and a hub's neighbourhood is a
 * megabyte of JSON whose building costs far more than sending it. Only a store that knows every
 * change to its graph offers a version (the embedded store: this process makes them all); a Neo4j
 * database may be written by other servers, so its answers are never kept.
 */
import { createHash } from 'node:crypto';

export interface CachedBody {
  body: Buffer;
  etag: string;
}

export class AnswerCache {
  private readonly entries = new Map<string, CachedBody>();
  private version = -1;
  private bytes = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly maxEntries: number,
  ) {}

  get(version: number, key: string): CachedBody | undefined {
    this.sync(version);
    const hit = this.entries.get(key);
    if (hit) {
      // Map order is the recency order: move the hit to the end.
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(version: number, key: string, body: Buffer): CachedBody {
    const entry = { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
    this.sync(version);
    if (body.length > this.maxBytes / 4) return entry;
    this.entries.set(key, entry);
    this.bytes += body.length;
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.maxBytes && this.entries.size <= this.maxEntries) break;
      this.entries.delete(k);
      this.bytes -= v.body.length;
    }
    return entry;
  }

  private sync(version: number): void {
    if (version === this.version) return;
    this.entries.clear();
    this.bytes = 0;
    this.version = version;
  }
}
