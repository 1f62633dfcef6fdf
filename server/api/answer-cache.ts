/**
 * Bodies of read answers kept while the graph is unchanged, keyed by the request's URL. Every
 * analyst opening the browser asks for the same first graph, and a hub's neighbourhood is a
 * megabyte of JSON whose building costs far more than sending it. Only a store that knows every
 * change to its graph offers a version (the embedded store: this process makes them all); a Neo4j
 * database may be written by other servers, so its answers are never kept.
 */
import { createHash } from 'node:crypto';
import { VersionedLru } from '../cache/versioned-lru';
import { Reply, type Answer } from './reply';

interface KeptBody {
  body: Buffer;
  etag: string;
}

/** The kept bytes as sent, with a validator naming them for conditional requests (304). */
function replyOf(kept: KeptBody): Reply {
  return new Reply(200, { headers: { ETag: kept.etag, 'Content-Type': 'application/json' }, body: kept.body });
}

export class AnswerCache {
  private readonly kept: VersionedLru<KeptBody, number>;

  constructor(maxBytes: number, maxEntries: number) {
    this.kept = new VersionedLru({ entries: maxEntries, bytes: { max: maxBytes, sizeOf: (k) => k.body.length } });
  }

  /**
   * The answer kept for `key` while the graph is at the version it was made on; otherwise the one
   * `make` gives, kept when it is a JSON body (a 200) and no write landed while it was made.
   */
  async answer(version: () => number, key: string, make: () => Promise<Answer>): Promise<Answer> {
    const before = version();
    const hit = this.kept.get(before, key);
    if (hit) return replyOf(hit);
    const answer = await make();
    if (answer instanceof Reply || version() !== before) return answer;
    const body = Buffer.from(JSON.stringify(answer));
    const kept = { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
    this.kept.set(before, key, kept);
    return replyOf(kept);
  }
}
