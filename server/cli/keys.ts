/**
 * `npm run keys -- add NAME ROLE | list | revoke NAME [--file PATH]`: manages the named keys of
 * API_KEYS_FILE. `add` prints the new key once, on stdout; the file keeps only its salted hash. A
 * running server picks up every change on its next request.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ROLES, type Role } from '../api/principal';
import {
  emptyKeyFile,
  KEY_NAME,
  KeyFileError,
  readKeyFileSync,
  RESERVED_NAMES,
  withKeyFileLock,
  writeKeyFileSync,
  type KeyFile,
} from '../auth/key-file';
import { generateKey, hashKey } from '../auth/secret';

export interface KeysIo {
  env: NodeJS.ProcessEnv;
  out(line: string): void;
  err(line: string): void;
  now?: () => Date;
}

const USAGE = [
  'usage: npm run keys -- <command> [--file PATH]',
  '  add NAME ROLE   make a key (ROLE: reader, editor or admin) and print it once',
  '  list            names, roles, creation and revocation times',
  '  revoke NAME     refuse the key from the next request on',
  'The file is --file PATH, or API_KEYS_FILE when --file is not given.',
].join('\n');

/** A mistake of the caller's: printed as is, exit status 1. */
class UsageError extends Error {}

function fileArgument(args: string[], env: NodeJS.ProcessEnv): { file: string; rest: string[] } {
  const rest = [...args];
  const at = rest.indexOf('--file');
  let given: string | undefined;
  if (at >= 0) {
    given = rest[at + 1];
    if (given === undefined || given.startsWith('--')) throw new UsageError('--file needs a path');
    rest.splice(at, 2);
  } else {
    given = env.API_KEYS_FILE?.trim() || undefined;
  }
  if (!given) throw new UsageError('no key file: pass --file PATH or set API_KEYS_FILE');
  return { file: path.resolve(given), rest };
}

function expectArgs(command: string, rest: string[], names: string[]): string[] {
  if (rest.length !== names.length)
    throw new UsageError(
      `${command} takes ${names.length ? names.join(' ') : 'no arguments'}, got ${rest.length ? rest.join(' ') : 'none'}`,
    );
  return rest;
}

const readOrEmpty = (file: string): KeyFile => (fs.existsSync(file) ? readKeyFileSync(file) : emptyKeyFile());

async function add(file: string, name: string, roleText: string, io: KeysIo): Promise<void> {
  if (!KEY_NAME.test(name))
    throw new UsageError(`invalid name "${name}": use 1 to 64 of a-z, 0-9, ".", "_", "-", starting with a letter or digit`);
  if (RESERVED_NAMES.includes(name)) throw new UsageError(`invalid name "${name}": it is the name API_TOKEN acts under`);
  if (!(ROLES as readonly string[]).includes(roleText)) throw new UsageError(`invalid role "${roleText}": use one of ${ROLES.join(', ')}`);
  const role = roleText as Role;
  // Hashed before the lock is taken: scrypt is the slow part, and the key is thrown away if the name is taken.
  const { id, key } = generateKey();
  const stored = await hashKey(key);
  withKeyFileLock(file, () => {
    const content = readOrEmpty(file);
    const same = content.keys.find((k) => k.name === name);
    if (same)
      throw new UsageError(
        `a key named "${name}" exists already${same.revoked ? ' (revoked; names stay taken so history stays unambiguous)' : ''}: choose another name`,
      );
    const created = (io.now?.() ?? new Date()).toISOString();
    content.keys.push({ id, name, role, ...stored, created, revoked: null });
    writeKeyFileSync(file, content);
  });
  io.out(key);
  io.err(`Added "${name}" (${role}) to ${file}. The key above is shown only now: the file keeps its hash, not the key.`);
}

function list(file: string, io: KeysIo): void {
  if (!fs.existsSync(file)) throw new UsageError(`${file} does not exist yet: add a key first`);
  const { keys } = readKeyFileSync(file);
  if (keys.length === 0) {
    io.out(`no keys in ${file}`);
    return;
  }
  const rows = [['NAME', 'ROLE', 'CREATED', 'REVOKED'], ...keys.map((k) => [k.name, k.role, k.created, k.revoked ?? '-'])];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  for (const row of rows) io.out(row.map((cell, c) => (c === row.length - 1 ? cell : cell.padEnd(widths[c]!))).join('  '));
}

function revoke(file: string, name: string, io: KeysIo): void {
  if (!fs.existsSync(file)) throw new UsageError(`${file} does not exist: there is no key to revoke`);
  withKeyFileLock(file, () => {
    const content = readKeyFileSync(file);
    const entry = content.keys.find((k) => k.name === name);
    if (!entry) {
      const names = content.keys.map((k) => k.name);
      throw new UsageError(`no key named "${name}"${names.length ? ` (keys: ${names.join(', ')})` : ''}`);
    }
    if (entry.revoked) throw new UsageError(`the key "${name}" was revoked already, at ${entry.revoked}`);
    entry.revoked = (io.now?.() ?? new Date()).toISOString();
    writeKeyFileSync(file, content);
  });
  io.out(`revoked "${name}": a running server refuses it from its next request`);
}

/** Runs one command; answers the exit status (0 done, 1 refused, 2 not understood). */
export async function runKeys(argv: string[], io: KeysIo): Promise<number> {
  const [command, ...args] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    if (command === undefined) io.err(USAGE);
    else io.out(USAGE);
    return command === undefined ? 2 : 0;
  }
  try {
    const { file, rest } = fileArgument(args, io.env);
    switch (command) {
      case 'add': {
        const [name, role] = expectArgs('add', rest, ['NAME', 'ROLE']);
        await add(file, name!, role!, io);
        return 0;
      }
      case 'list':
        expectArgs('list', rest, []);
        list(file, io);
        return 0;
      case 'revoke': {
        const [name] = expectArgs('revoke', rest, ['NAME']);
        revoke(file, name!, io);
        return 0;
      }
      default:
        io.err(`unknown command "${command}"\n${USAGE}`);
        return 2;
    }
  } catch (err) {
    if (err instanceof UsageError || err instanceof KeyFileError) {
      io.err(`keys: ${err.message}`);
      return 1;
    }
    throw err;
  }
}

if (require.main === module) {
  runKeys(process.argv.slice(2), {
    env: process.env,
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  }).then(
    (code) => (process.exitCode = code),
    (err: Error) => {
      process.stderr.write(`keys: ${err.message}\n`);
      process.exitCode = 1;
    },
  );
}
