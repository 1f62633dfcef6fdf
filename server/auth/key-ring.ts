/**
 * The named keys the server accepts, looked up by key id and checked with scrypt. The file is
 * stat'ed on every check (microseconds) and re-read when it changed, so a key revoked with the
 * keys command is refused on the next request, without a restart. A key that passed scrypt once is
 * remembered (as its SHA-256 digest, compared in constant time) until the file changes, so a key in
 * use costs one scrypt per file version, not one per request.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import type { Principal } from '../api/principal';
import { KeyFileError, parseKeyFile, readKeyFileSync, type KeyEntry } from './key-file';
import { keyId, keyMatches } from './secret';

export type KeyCheck =
  | { ok: true; principal: Principal }
  /** `unknown`: no key has that id, or the secret is wrong; `revoked`: the key was revoked. */
  | { ok: false; reason: 'unknown' | 'revoked' };

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

interface Loaded {
  version: string;
  byId: Map<string, KeyEntry>;
  /** Digests of keys that passed scrypt under this version of the file, by key id. */
  verified: Map<string, Buffer>;
}

function versionOf(stat: fs.Stats): string {
  // A rename (how the keys command writes) gives a new inode even within one mtime tick.
  return `${stat.ino}:${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}`;
}

function load(file: string, version: string, text?: string): Loaded {
  const content = text === undefined ? readKeyFileSync(file) : parseKeyFile(text, file);
  return { version, byId: new Map(content.keys.map((k) => [k.id, k])), verified: new Map() };
}

export class KeyRing {
  private loaded: Loaded;
  private reloading: Promise<Loaded> | null = null;

  /** Reads the file now, so a missing or invalid file stops the start. */
  constructor(readonly file: string) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch (err) {
      throw new KeyFileError(`${file} cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    this.loaded = load(file, versionOf(stat));
  }

  /** Throws KeyFileError when the file has become unreadable or invalid: no key is accepted then. */
  async check(presented: string): Promise<KeyCheck> {
    const id = keyId(presented);
    if (id === null) return { ok: false, reason: 'unknown' };
    const ring = await this.current();
    const entry = ring.byId.get(id);
    if (!entry) return { ok: false, reason: 'unknown' };
    const known = ring.verified.get(id);
    let matches: boolean;
    if (known) {
      matches = timingSafeEqual(digest(presented), known);
    } else {
      matches = await keyMatches(presented, entry);
      if (matches && ring === this.loaded) ring.verified.set(id, digest(presented));
    }
    if (!matches) return { ok: false, reason: 'unknown' };
    if (entry.revoked !== null) return { ok: false, reason: 'revoked' };
    return { ok: true, principal: { name: entry.name, role: entry.role } };
  }

  private async current(): Promise<Loaded> {
    let stat: fs.Stats;
    try {
      stat = await fs.promises.stat(this.file);
    } catch (err) {
      throw new KeyFileError(`${this.file} cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    const version = versionOf(stat);
    if (version === this.loaded.version) return this.loaded;
    // Requests arriving while the file is re-read share the one read.
    this.reloading ??= fs.promises
      .readFile(this.file, 'utf8')
      .catch((err: NodeJS.ErrnoException) => {
        throw new KeyFileError(`${this.file} cannot be read (${err.code ?? 'error'})`);
      })
      .then((text) => (this.loaded = load(this.file, version, text)))
      .finally(() => (this.reloading = null));
    return this.reloading;
  }
}
