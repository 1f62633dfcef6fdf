/**
 * Storage faults under the built server (embedded store), each checked through the API after a
 * restart on the same folder:
 * - a torn or truncated last journal record (what a crash mid-append leaves): the server starts,
 *   warns, drops only that record, and keeps every earlier acknowledged write; damage before the
 *   last record stops the start with a clear message and no stack trace;
 * - a full disk: writes refused with 507 (or 503 where only a file-size limit can be set), the
 *   error in the spec's shape, reads and health still answer, nothing half-written, writes resume
 *   once space is back, and a clean stop on a full disk loses nothing;
 * - a read-only data folder: a clear error at start and a non-zero exit, no stack trace.
 * The real full disk is a 1 MB tmpfs (root and mount(2) needed); the file-size limit (ulimit -f)
 * runs everywhere. The read-only folder runs the server as `nobody` when the suite runs as root.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { encodeLine } from '../../server/store/embedded/journal';
import { tempDir } from '../support/stores';
import { recordFigures } from './support/figures';
import { Client } from './support/http';
import { checkGraph, Ledger, readBackAcked } from './support/ledger';
import { builtServerAvailable, killAllServers, RELIABILITY_TOKEN, runUntilExit, startServer, type ServerProcess } from './support/server';
import { describeWith, testWith } from '../support/needs';

const available = builtServerAvailable();
const missingBuild = available ? null : 'dist/server/main.js is not built (`npm run build` first)';

const JOURNAL = 'graph.journal';
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const NOBODY = 65534;

const dirs: string[] = [];
const mounts: string[] = [];
/** What each case saw, recorded at the end (RELIABILITY.md quotes it). */
const figures: Record<string, unknown> = {};
function freshDir(): string {
  const d = tempDir('dg-rel-storage-');
  fs.chmodSync(d, 0o755); // `nobody` must be able to reach the data folder inside
  dirs.push(d);
  return d;
}
afterEach(killAllServers);
afterAll(async () => {
  if (Object.keys(figures).length) recordFigures('storage-faults', figures);
  await killAllServers();
  for (const m of mounts.reverse()) {
    try {
      execFileSync('umount', [m], { stdio: 'ignore' });
    } catch {
      // already gone
    }
  }
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function canMount(): boolean {
  if (!isRoot) return false;
  const probe = freshDir();
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const mountable = available && canMount();
const mountMissing = mountable ? null : 'mount(2) of a tmpfs is not permitted here (the file-size-limit test still runs)';

/** Writes n actors one after another; returns their ids (all must be acknowledged). */
async function writeActors(client: Client, ledger: Ledger, prefix: string, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const a = { id: `${prefix}-${i}`, name: `Actor ${prefix} ${i}`, kind: 'group' };
    const res = await client.write('POST', '/api/actors', a);
    expect([a.id, res.status]).toEqual([a.id, 201]);
    ledger.ack('actor', a.id, 'main', a);
    ids.push(a.id);
  }
  return ids;
}

async function expectConsistent(server: ServerProcess, ledger: Ledger): Promise<void> {
  const client = new Client(server.url, { token: RELIABILITY_TOKEN });
  try {
    const check = await checkGraph(client, ledger);
    expect(check.problems).toEqual([]);
    expect(await readBackAcked(client, ledger)).toEqual([]);
  } finally {
    client.close();
  }
}

function noStackTrace(text: string): void {
  expect(text).not.toMatch(/^\s+at .+[(:]\S+:\d+/m);
}

describeWith('build', missingBuild, 'storage faults under the server (embedded store)', () => {
  describe('a torn or truncated last journal record', () => {
    test('half a record appended after a SIGKILL: dropped with a warning, every acknowledged write kept, appends go on', async () => {
      const dir = freshDir();
      const ledger = new Ledger();
      let server = await startServer({ dataDir: dir });
      let client = new Client(server.url, { token: RELIABILITY_TOKEN });
      await writeActors(client, ledger, 'before', 5);
      client.close();
      server.kill('SIGKILL');
      await server.exited;

      const journal = path.join(dir, JOURNAL);
      const intact = fs.statSync(journal).size;
      const line = encodeLine(
        JSON.stringify({ seq: 999, record: { ops: [{ t: 'actor', v: { id: 'torn-actor', name: 'Torn', kind: 'group' } }] } }),
      );
      fs.appendFileSync(journal, line.slice(0, Math.floor(line.length / 2)));

      server = await startServer({ dataDir: dir });
      figures.tornRecordWarning = server.logs().find((l) => /torn/.test(String(l.msg)))?.msg;
      expect(server.logs().some((l) => l.level === 40 && /dropped a torn last record/.test(String(l.msg)))).toBe(true);
      expect(fs.statSync(journal).size).toBe(intact);
      client = new Client(server.url, { token: RELIABILITY_TOKEN });
      expect((await client.get('/api/actors/torn-actor')).status).toBe(404);
      await expectConsistent(server, ledger);
      await writeActors(client, ledger, 'after', 3);
      client.close();
      server.kill('SIGKILL');
      await server.exited;

      server = await startServer({ dataDir: dir });
      expect(server.logs().some((l) => /torn/.test(String(l.msg)))).toBe(false);
      await expectConsistent(server, ledger);
      await server.stop();
    });

    test('the last record cut short (truncated file): only that write is gone, the rest is kept and consistent', async () => {
      const dir = freshDir();
      const ledger = new Ledger();
      let server = await startServer({ dataDir: dir });
      const client = new Client(server.url, { token: RELIABILITY_TOKEN });
      await writeActors(client, ledger, 'kept', 4);
      await client.write('POST', '/api/sources', { id: 'kept-src', title: 'Kept' }).then((r) => expect(r.status).toBe(201));
      ledger.ack('source', 'kept-src', 'main', { id: 'kept-src', title: 'Kept' });
      // The last write: the one a crash mid-append would have cut (here cut by hand after the kill).
      const last = {
        id: 'cut-x',
        type: 'BANNED',
        from: 'kept-0',
        to: 'kept-1',
        date: '2021-01-10',
        status: 'confirmed',
        summary: 'cut short',
        citations: [{ source: 'kept-src', stance: 'states' }],
      };
      expect((await client.write('POST', '/api/actions', last)).status).toBe(201);
      client.close();
      server.kill('SIGKILL');
      await server.exited;

      const journal = path.join(dir, JOURNAL);
      const bytes = fs.readFileSync(journal);
      const lastStart = bytes.lastIndexOf(0x0a, bytes.length - 2) + 1;
      expect(bytes.toString('utf8', lastStart)).toContain('"cut-x"');
      for (const cut of [bytes.length - 1, lastStart + 20]) {
        // first without its newline only, then in the middle of the record
        fs.truncateSync(journal, cut);
        server = await startServer({ dataDir: dir });
        expect(server.logs().filter((l) => /dropped a torn last record/.test(String(l.msg)))).toHaveLength(1);
        const c = new Client(server.url, { token: RELIABILITY_TOKEN });
        expect((await c.get('/api/actions/cut-x')).status).toBe(404);
        c.close();
        await expectConsistent(server, ledger);
        server.kill('SIGKILL');
        await server.exited;
        expect(fs.statSync(journal).size).toBe(lastStart);
      }
    });

    test('a damaged record before the last stops the start: a clear message, exit code 1, no stack trace, the journal untouched', async () => {
      const dir = freshDir();
      const server = await startServer({ dataDir: dir });
      const client = new Client(server.url, { token: RELIABILITY_TOKEN });
      await writeActors(client, new Ledger(), 'mid', 3);
      client.close();
      server.kill('SIGKILL');
      await server.exited;
      const journal = path.join(dir, JOURNAL);
      const damaged = fs.readFileSync(journal, 'utf8').replace('"Actor mid 1"', '"Actor mid !"');
      fs.writeFileSync(journal, damaged);
      const { exit, server: failed } = await runUntilExit({ dataDir: dir });
      figures.damagedJournal = { exitCode: exit.code, message: failed.output().trim().split('\n').pop() };
      expect(exit.code).toBe(1);
      expect(failed.output()).toMatch(/the server could not start: journal .*graph\.journal is damaged at byte \d+/);
      expect(failed.output()).toMatch(/restore the data folder from a backup or move the journal aside/);
      noStackTrace(failed.output());
      expect(fs.readFileSync(journal, 'utf8')).toBe(damaged);
    });
  });

  describe('a full disk', () => {
    /** Writes until the disk refuses one; returns the refusal. Every write before it is acknowledged. */
    async function writeUntilRefused(client: Client, ledger: Ledger, prefix: string) {
      for (let i = 0; i < 400; i++) {
        const a = { id: `${prefix}-${i}`, name: `Actor ${prefix} ${i}`, kind: 'group', description: 'd'.repeat(600) };
        const res = await client.write('POST', '/api/actors', a);
        if (res.status === 201) {
          ledger.ack('actor', a.id, 'main', a);
          continue;
        }
        return { res, id: a.id };
      }
      throw new Error('the disk never filled');
    }

    testWith(
      'mount',
      mountMissing,
      'a 1 MB tmpfs filled up: 507 unavailable, reads answer, nothing half-written, writes resume with space, a clean stop loses nothing',
      async () => {
        const mnt = freshDir();
        execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m,mode=0755', 'tmpfs', mnt]);
        mounts.push(mnt);
        const dir = path.join(mnt, 'data');
        const ledger = new Ledger();
        let server = await startServer({ dataDir: dir });
        let client = new Client(server.url, { token: RELIABILITY_TOKEN });
        await writeActors(client, ledger, 'pre', 5);

        // Fill the disk from outside, as another program would.
        const filler = path.join(mnt, 'filler');
        const fd = fs.openSync(filler, 'w');
        const block = Buffer.alloc(4096, 0x78);
        try {
          for (;;) fs.writeSync(fd, block);
        } catch (err) {
          expect((err as NodeJS.ErrnoException).code).toBe('ENOSPC');
        } finally {
          fs.closeSync(fd);
        }

        const { res, id: refusedId } = await writeUntilRefused(client, ledger, 'full');
        figures.tmpfsFull = {
          status: res.status,
          body: res.body,
          acknowledgedBeforeRefusal: ledger.ackedPresent('actor').filter((id) => id.startsWith('full-')).length,
        };
        expect(res.status).toBe(507);
        expect(res.body).toEqual({ error: { code: 'unavailable', message: expect.stringMatching(/full/), details: [] } });
        // Every kind of write at least as large is refused the same way (tmpfs hands out whole pages, so
        // a smaller record may still fit in the journal's last one); reads, exports and health answer.
        const big = 'd'.repeat(700);
        const more = [
          await client.write('PUT', '/api/actors/pre-0', { id: 'pre-0', name: 'Renamed on a full disk', kind: 'group', description: big }),
          await client.write('POST', '/api/import', {
            format: 'deplatforming-graph/v1',
            actors: [{ id: 'imp-full', name: 'I', kind: 'group', description: big }],
          }),
          await client.write('POST', '/api/sources', { id: 'src-full', title: big.slice(0, 400), publisher: big.slice(0, 400) }),
        ];
        expect(more.map((r) => r.status)).toEqual([507, 507, 507]);
        for (const r of more) expect(r.body.error.code).toBe('unavailable');
        expect((await client.get('/api/health')).status).toBe(200);
        expect((await client.get('/api/actors/pre-0')).body.name).toBe('Actor pre 0');
        expect((await client.get(`/api/actors/${refusedId}`)).status).toBe(404);
        await expectConsistent(server, ledger);

        // Space comes back: writes resume without a restart.
        fs.rmSync(filler);
        await writeActors(client, ledger, 'post', 3);
        client.close();
        server.kill('SIGKILL');
        await server.exited;
        server = await startServer({ dataDir: dir });
        expect(server.logs().some((l) => /torn/.test(String(l.msg)))).toBe(false); // nothing half-written
        await expectConsistent(server, ledger);
        client = new Client(server.url, { token: RELIABILITY_TOKEN });
        for (const gone of [`/api/actors/${refusedId}`, '/api/actors/imp-full', '/api/sources/src-full'])
          expect((await client.get(gone)).status).toBe(404);
        expect((await client.get('/api/actors/pre-0')).body.name).toBe('Actor pre 0');

        // A clean stop on a full disk: the snapshot cannot be written, the journal keeps everything.
        const fd2 = fs.openSync(filler, 'w');
        try {
          for (;;) fs.writeSync(fd2, block);
        } catch {
          // full
        } finally {
          fs.closeSync(fd2);
        }
        client.close();
        const exit = await server.stop();
        expect(exit.code).toBe(0);
        expect(server.logs().some((l) => /compaction failed/.test(String(l.msg)))).toBe(true);
        fs.rmSync(filler);
        server = await startServer({ dataDir: dir });
        await expectConsistent(server, ledger);
        await server.stop();
      },
    );

    test('a file-size limit (ulimit -f): the write is refused with 503 unavailable and a clear message; nothing half-written', async () => {
      const dir = freshDir();
      const ledger = new Ledger();
      let server = await startServer({ dataDir: dir });
      let client = new Client(server.url, { token: RELIABILITY_TOKEN });
      await writeActors(client, ledger, 'pre', 3);
      client.close();
      server.kill('SIGKILL');
      await server.exited;
      const journalBytes = fs.statSync(path.join(dir, JOURNAL)).size;
      const blocks = Math.ceil(journalBytes / 512) + 16; // about 8 kB of room
      const wrapper = ['sh', '-c', `ulimit -f ${blocks} && exec "$0" "$@"`];
      server = await startServer({ dataDir: dir, wrapper });
      client = new Client(server.url, { token: RELIABILITY_TOKEN });
      const { res, id: refusedId } = await writeUntilRefused(client, ledger, 'lim');
      figures.fileSizeLimit = { status: res.status, body: res.body, retryAfter: res.headers['retry-after'] };
      expect(res.status).toBe(503);
      expect(res.body).toEqual({
        error: {
          code: 'unavailable',
          message: expect.stringMatching(/data folder cannot be written \(EFBIG\); the write was not kept/),
          details: [],
        },
      });
      expect(res.headers['retry-after']).toBeDefined();
      expect((await client.get('/api/health')).status).toBe(200);
      expect((await client.get(`/api/actors/${refusedId}`)).status).toBe(404);
      await expectConsistent(server, ledger);
      client.close();
      server.kill('SIGKILL');
      await server.exited;
      server = await startServer({ dataDir: dir });
      expect(server.logs().some((l) => /torn/.test(String(l.msg)))).toBe(false);
      await expectConsistent(server, ledger);
      await server.stop();
    });
  });

  describe('a read-only data folder', () => {
    async function expectRefusedStart(options: Parameters<typeof runUntilExit>[0], code: RegExp): Promise<void> {
      const { exit, server } = await runUntilExit(options);
      figures[`readOnly-${code.source}-${options.uid ?? 'root'}-${path.basename(options.dataDir ?? '')}`] = {
        exitCode: exit.code,
        message: server.output().trim().split('\n').pop(),
      };
      expect(exit.code).toBe(1);
      const out = server.output();
      expect(out).toMatch(new RegExp(`the server could not start: DATA_DIR ".*" cannot be (used|written): ${code.source}`));
      noStackTrace(out);
    }

    test(isRoot ? 'a folder owned by root, mode 0755, the server running as nobody' : 'a folder with mode 0555', async () => {
      const dir = freshDir();
      const data = path.join(dir, 'data');
      const server = await startServer({ dataDir: data });
      await server.stop(); // a folder with a snapshot in it, as after any clean stop
      if (isRoot) {
        await expectRefusedStart({ dataDir: data, uid: NOBODY, gid: NOBODY }, /EACCES/);
        // An empty folder it cannot create files in, and one it cannot create at all.
        const empty = path.join(dir, 'empty');
        fs.mkdirSync(empty, { mode: 0o755 });
        await expectRefusedStart({ dataDir: empty, uid: NOBODY, gid: NOBODY }, /EACCES/);
        await expectRefusedStart({ dataDir: path.join(dir, 'not-yet'), uid: NOBODY, gid: NOBODY }, /EACCES/);
      } else {
        fs.chmodSync(data, 0o555);
        try {
          await expectRefusedStart({ dataDir: data }, /EACCES/);
        } finally {
          fs.chmodSync(data, 0o755);
        }
      }
    });

    testWith('mount', mountMissing, 'a read-only mount (EROFS, even for root)', async () => {
      const dir = freshDir();
      const data = path.join(dir, 'data');
      const server = await startServer({ dataDir: data });
      await server.stop();
      const ro = path.join(dir, 'ro');
      fs.mkdirSync(ro);
      execFileSync('mount', ['--bind', data, ro]);
      mounts.push(ro);
      execFileSync('mount', ['-o', 'remount,bind,ro', ro]);
      await expectRefusedStart({ dataDir: ro }, /EROFS/);
    });
  });
});
