/** The keys command: add prints a key once, list never shows a hash, revoke; clear refusals; the file written safely. */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { KeyRing } from '../../server/auth/key-ring';
import { runKeys } from '../../server/cli/keys';
import { Client } from '../reliability/support/http';
import { builtServerAvailable, killAllServers, startServer } from '../reliability/support/server';
import { describeWith } from '../support/needs';
import { tempDir } from '../support/stores';

interface Run {
  code: number;
  out: string[];
  err: string[];
}

async function keys(args: string[], env: NodeJS.ProcessEnv = {}, now?: Date): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runKeys(args, { env, out: (l) => void out.push(l), err: (l) => void err.push(l), ...(now && { now: () => now }) });
  return { code, out, err };
}

let dir: string;
let file: string;
beforeEach(() => {
  dir = tempDir('dg-keys-cli-');
  file = path.join(dir, 'keys.json');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

test('round trip: add prints the key once, the server accepts it, list shows it, revoke ends it', async () => {
  const added = await keys(['add', 'alice', 'editor', '--file', file], {}, new Date('2026-12-01T09:00:00Z'));
  expect(added.code).toBe(0);
  expect(added.out).toHaveLength(1);
  const key = added.out[0]!;
  expect(key).toMatch(/^dpg_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
  expect(added.err.join('\n')).toContain('shown only now');

  // API_KEYS_FILE stands in for --file.
  const second = await keys(['add', 'bob', 'admin'], { API_KEYS_FILE: file });
  expect(second.code).toBe(0);
  expect(second.out[0]).not.toBe(key);

  const ring = new KeyRing(file);
  expect(await ring.check(key)).toEqual({ ok: true, principal: { name: 'alice', role: 'editor' } });

  const listed = await keys(['list', '--file', file]);
  expect(listed.code).toBe(0);
  expect(listed.out[0]).toMatch(/^NAME\s+ROLE\s+CREATED\s+REVOKED$/);
  expect(listed.out[1]).toMatch(/^alice\s+editor\s+2026-12-01T09:00:00\.000Z\s+-$/);
  expect(listed.out[2]).toMatch(/^bob\s+admin\s+\S+\s+-$/);
  const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as { keys: Array<{ hash: string; salt: string }> };
  for (const k of stored.keys) {
    expect(listed.out.join('\n')).not.toContain(k.hash);
    expect(listed.out.join('\n')).not.toContain(k.salt);
  }

  const revoked = await keys(['revoke', 'alice', '--file', file], {}, new Date('2026-12-02T10:00:00Z'));
  expect(revoked.code).toBe(0);
  expect((await keys(['list', '--file', file])).out[1]).toMatch(/^alice\s+editor\s+2026-12-01T09:00:00\.000Z\s+2026-12-02T10:00:00\.000Z$/);
  // The same ring, not a new one: it sees the change without being rebuilt.
  expect(await ring.check(key)).toEqual({ ok: false, reason: 'revoked' });
  expect(await ring.check(second.out[0]!)).toEqual({ ok: true, principal: { name: 'bob', role: 'admin' } });
});

test('the file holds no key, is mode 0600, and no temporary or lock file is left behind', async () => {
  const { out } = await keys(['add', 'carol', 'reader', '--file', file]);
  const text = fs.readFileSync(file, 'utf8');
  expect(text).not.toContain(out[0]!);
  expect(text).not.toContain(out[0]!.split('_').slice(2).join('_'));
  const entry = (JSON.parse(text) as { keys: Array<Record<string, unknown>> }).keys[0]!;
  expect(Object.keys(entry).sort()).toEqual(['created', 'hash', 'id', 'name', 'revoked', 'role', 'salt', 'scrypt']);
  expect(entry.revoked).toBeNull();
  expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  expect(fs.readdirSync(dir)).toEqual(['keys.json']);
});

test('refusals name what was wrong and change nothing', async () => {
  await keys(['add', 'alice', 'editor', '--file', file]);
  const before = fs.readFileSync(file, 'utf8');
  const cases: Array<[string[], RegExp]> = [
    [['add', 'dave', 'owner'], /invalid role "owner": use one of reader, editor, admin/],
    [['add', 'alice', 'admin'], /a key named "alice" exists already/],
    [['add', 'Bad Name', 'reader'], /invalid name "Bad Name"/],
    [['add', 'api-token', 'admin'], /"api-token": it is the name API_TOKEN acts under/],
    [['add', 'erin'], /add takes NAME ROLE, got erin/],
    [['revoke', 'zed'], /no key named "zed" \(keys: alice\)/],
    [['list', 'extra'], /list takes no arguments/],
  ];
  for (const [args, message] of cases) {
    const r = await keys([...args, '--file', file]);
    expect(r.code).toBe(1);
    expect(r.out).toEqual([]);
    expect(r.err.join('\n')).toMatch(message);
  }
  expect(fs.readFileSync(file, 'utf8')).toBe(before);
  await keys(['revoke', 'alice', '--file', file]);
  const again = await keys(['revoke', 'alice', '--file', file]);
  expect(again.code).toBe(1);
  expect(again.err[0]).toMatch(/"alice" was revoked already/);
  // A revoked name stays taken, so history's authors stay unambiguous.
  expect((await keys(['add', 'alice', 'editor', '--file', file])).err[0]).toMatch(/exists already \(revoked/);
  expect(JSON.parse(fs.readFileSync(file, 'utf8')).keys).toHaveLength(1);
});

test('no file named, an unknown command, a held lock and a damaged file are clear errors', async () => {
  expect((await keys(['list'])).err[0]).toMatch(/no key file: pass --file PATH or set API_KEYS_FILE/);
  const unknown = await keys(['remove', 'x', '--file', file]);
  expect(unknown.code).toBe(2);
  expect(unknown.err[0]).toMatch(/unknown command "remove"/);
  expect((await keys(['list', '--file', file])).err[0]).toMatch(/does not exist yet/);

  fs.writeFileSync(`${file}.lock`, '');
  const locked = await keys(['add', 'alice', 'editor', '--file', file]);
  expect(locked.code).toBe(1);
  expect(locked.err[0]).toMatch(/keys\.json\.lock exists: another keys command is running/);
  expect(fs.existsSync(file)).toBe(false);
  fs.rmSync(`${file}.lock`);

  fs.writeFileSync(file, JSON.stringify({ format: 'deplatforming-graph/keys/v1', keys: [{ name: 'x' }] }));
  const damaged = await keys(['list', '--file', file]);
  expect(damaged.code).toBe(1);
  expect(damaged.err[0]).toMatch(/is not a valid key file: keys\.0\.id/);
});

const built = path.resolve(__dirname, '..', '..', 'dist', 'server', 'cli', 'keys.js');
const missingBuild =
  fs.existsSync(built) && builtServerAvailable()
    ? null
    : 'dist/server/cli/keys.js or dist/server/main.js is not built (`npm run build` first)';
describeWith('build', missingBuild, 'the built keys command', () => {
  afterAll(() => killAllServers());

  test('runs as a process: the key on stdout alone, exit status 1 on a refusal', async () => {
    const run = promisify(execFile);
    const env = { ...process.env, API_KEYS_FILE: file };
    const { stdout } = await run(process.execPath, [built, 'add', 'frank', 'admin'], { env });
    expect(stdout).toMatch(/^dpg_[0-9a-f]{16}_[A-Za-z0-9_-]{43}\n$/);
    await expect(run(process.execPath, [built, 'add', 'frank', 'admin'], { env })).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('a key named "frank" exists already'),
    });
  });

  test('a running server refuses a key revoked by the command from its next request, and logs no key', async () => {
    const run = promisify(execFile);
    const env = { ...process.env, API_KEYS_FILE: file };
    const reader = (await run(process.execPath, [built, 'add', 'rita', 'reader'], { env })).stdout.trim();
    const server = await startServer({ dataDir: path.join(dir, 'data'), env: { API_KEYS_FILE: file, READS_NEED_KEY: '1', SEED: 'none' } });
    const client = new Client(server.url);
    try {
      const auth = { Authorization: `Bearer ${reader}` };
      expect((await client.request('GET', '/api/actors', undefined, auth)).status).toBe(200);
      expect((await client.request('GET', '/api/actors')).status).toBe(401);
      expect((await client.request('GET', `/api/actors?key=${reader}`)).status).toBe(400);
      await run(process.execPath, [built, 'revoke', 'rita'], { env });
      expect((await client.request('GET', '/api/actors', undefined, auth)).status).toBe(401);
      expect((await client.request('GET', '/api/health')).status).toBe(200);
      expect(server.output()).not.toContain(reader.split('_').slice(2).join('_'));
      expect(server.output()).toContain('/api/actors?key=[redacted]');
    } finally {
      client.close();
      await server.stop();
    }
  });
});
