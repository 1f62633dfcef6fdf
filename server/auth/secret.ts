/**
 * The shape of a named key and how it is kept at rest. A key is `dpg_<id>_<secret>`: the id is not
 * secret and lets the server find the one entry to check, so a request costs at most one scrypt
 * however many keys there are; the secret is 32 random bytes. The file keeps a salted scrypt hash
 * of the whole key, never the key.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const KEY_SHAPE = /^dpg_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** Node's defaults: about 16 MB and a few tens of milliseconds per hash. */
export const SCRYPT_PARAMS: ScryptParams = { N: 16384, r: 8, p: 1 };
const HASH_BYTES = 32;

export interface NewKey {
  id: string;
  key: string;
}

export function generateKey(): NewKey {
  const id = randomBytes(8).toString('hex');
  return { id, key: `dpg_${id}_${randomBytes(32).toString('base64url')}` };
}

/** The id of a well-formed named key; null for anything else (API_TOKEN, a typo, a guess). */
export function keyId(presented: string): string | null {
  return KEY_SHAPE.exec(presented)?.[1] ?? null;
}

function scryptAsync(key: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  // maxmem above the 128·N·r the parameters need, so a file written with larger N still verifies.
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r };
  return new Promise((resolve, reject) => {
    scrypt(key, salt, HASH_BYTES, options, (err, derived) => (err ? reject(err) : resolve(derived)));
  });
}

export interface KeyHash {
  salt: string;
  hash: string;
  scrypt: ScryptParams;
}

export async function hashKey(key: string, params: ScryptParams = SCRYPT_PARAMS): Promise<KeyHash> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(key, salt, params);
  return { salt: salt.toString('base64'), hash: hash.toString('base64'), scrypt: { ...params } };
}

/** Whether `key` is the one `stored` was made from; the comparison takes the same time either way. */
export async function keyMatches(key: string, stored: KeyHash): Promise<boolean> {
  const expected = Buffer.from(stored.hash, 'base64');
  const derived = await scryptAsync(key, Buffer.from(stored.salt, 'base64'), stored.scrypt);
  return derived.length === expected.length && timingSafeEqual(derived, expected);
}
