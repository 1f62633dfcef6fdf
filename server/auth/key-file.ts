/**
 * The key file (API_KEYS_FILE): JSON naming each key with its role, salt, hash, creation and
 * revocation times. The server only reads it; the keys command rewrites it whole, atomically (a
 * temporary file, fsync, rename, fsync of the folder), so the server never reads half a file and a
 * crash leaves the old file or the new one.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ROLES } from '../api/principal';

export const KEY_FILE_FORMAT = 'deplatforming-graph/keys/v1';

/** Names go into history as a change's author, so they stay short and plain. */
export const KEY_NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;
/** The name API_TOKEN acts under; a named key may not take it. */
export const RESERVED_NAMES: readonly string[] = ['api-token'];

const base64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64');
const instant = z.iso.datetime();

const KeyEntry = z.strictObject({
  id: z.string().regex(/^[0-9a-f]{16}$/, 'must be 16 hex digits'),
  name: z.string().regex(KEY_NAME, 'must be 1 to 64 of a-z, 0-9, ".", "_", "-", starting with a letter or digit'),
  role: z.enum(ROLES),
  salt: base64,
  hash: base64,
  scrypt: z.strictObject({
    N: z
      .number()
      .int()
      .min(1024)
      .max(2 ** 20)
      .refine((n) => (n & (n - 1)) === 0, 'must be a power of two'),
    r: z.number().int().min(1).max(32),
    p: z.number().int().min(1).max(16),
  }),
  created: instant,
  revoked: instant.nullable(),
});
export type KeyEntry = z.infer<typeof KeyEntry>;

const KeyFileSchema = z.strictObject({ format: z.literal(KEY_FILE_FORMAT), keys: z.array(KeyEntry) }).superRefine((file, ctx) => {
  const seen = { id: new Set<string>(), name: new Set<string>() };
  file.keys.forEach((k, i) => {
    for (const field of ['id', 'name'] as const) {
      if (seen[field].has(k[field])) ctx.addIssue({ code: 'custom', path: ['keys', i, field], message: `"${k[field]}" appears twice` });
      seen[field].add(k[field]);
    }
    if (RESERVED_NAMES.includes(k.name)) ctx.addIssue({ code: 'custom', path: ['keys', i, 'name'], message: `"${k.name}" is reserved` });
  });
});
export type KeyFile = z.infer<typeof KeyFileSchema>;

export const emptyKeyFile = (): KeyFile => ({ format: KEY_FILE_FORMAT, keys: [] });

/** A key file that cannot be read or is not valid; the message names the file and the field, never a hash. */
export class KeyFileError extends Error {}

export function parseKeyFile(text: string, file: string): KeyFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new KeyFileError(`${file} is not JSON`);
  }
  const r = KeyFileSchema.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new KeyFileError(`${file} is not a valid key file: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return r.data;
}

export function readKeyFileSync(file: string): KeyFile {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new KeyFileError(`${file} cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return parseKeyFile(text, file);
}

/** Replaces the file with `content`, mode 0600, all or nothing. */
export function writeKeyFileSync(file: string, content: KeyFile): void {
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const fd = fs.openSync(temp, 'wx', 0o600);
  try {
    // The umask may have taken bits away from the open's mode, never added; fchmod states it exactly.
    fs.fchmodSync(fd, 0o600);
    fs.writeSync(fd, `${JSON.stringify(content, null, 2)}\n`);
    fs.fsyncSync(fd);
  } catch (err) {
    fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw err;
  }
  fs.closeSync(fd);
  try {
    fs.renameSync(temp, file);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw err;
  }
  const dirFd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(dirFd);
  } finally {
    fs.closeSync(dirFd);
  }
}

/**
 * Runs `change` holding `<file>.lock`, so two keys commands at once cannot each add a key and lose
 * the other's. A command that crashed leaves the lock behind; the error says so.
 */
export function withKeyFileLock<T>(file: string, change: () => T): T {
  const lock = `${file}.lock`;
  let fd: number;
  try {
    fd = fs.openSync(lock, 'wx', 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST')
      throw new KeyFileError(`${lock} exists: another keys command is running, or one was interrupted (then remove ${lock})`);
    throw err;
  }
  try {
    return change();
  } finally {
    fs.closeSync(fd);
    fs.rmSync(lock, { force: true });
  }
}
