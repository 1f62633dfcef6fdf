/**
 * Bodies of read answers kept while the graph is unchanged, keyed by the request's URL. Every
 * analyst opening the browser asks for the same first graph, and a hub's neighbourhood is a
 * megabyte of JSON whose building costs far more than sending it. Only a store that knows every
 * change to its graph offers a version (the embedded store: this process makes them all); a Neo4j
 * database may be written by other servers, so its version is read afresh for every request.
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
  private readonly kept: VersionedLru<KeptBody>;

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
    const kept = keptOf(answer);
    this.kept.set(before, key, kept);
    return replyOf(kept);
  }

  /**
   * As `answer`, with `version` read from the database after the request arrived. Versions read so
   * only ever move forward, so an answer made after reading `version` shows that version or a
   * later one, and a request that reads `version` again did not follow the later write's
   * acknowledgement: it may be given that answer (no second read after `make`).
   */
  async answerAt(version: string, key: string, make: () => Promise<Answer>): Promise<Answer> {
    const hit = this.kept.get(version, key);
    if (hit) return replyOf(hit);
    const answer = await make();
    if (answer instanceof Reply) return answer;
    const kept = keptOf(answer);
    // Kept unless a later version was read meanwhile (keeping it would drop that version's answers).
    if (this.kept.version === version) this.kept.set(version, key, kept);
    return replyOf(kept);
  }
}

function keptOf(answer: unknown): KeptBody {
  const body = Buffer.from(JSON.stringify(answer));
  return { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
}
