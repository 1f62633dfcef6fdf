/**
 * Access control as configured by the environment of the real server process (the API suite checks
 * the same rules on createApp): the write rate limit (WRITE_RATE_LIMIT) answers 429 with
 * Retry-After and cannot be dodged with X-Forwarded-For unless TRUST_PROXY_HOPS says so; CORS is
 * closed by default and opens only to CORS_ORIGINS; without API_TOKEN writes are 403; the server
 * listens on 127.0.0.1 unless HOST says otherwise; the token reaches neither the log nor an answer,
 * a start that fails on bad settings included.
 */
import fs from 'node:fs';
import { tempDir } from '../support/stores';
import { Client } from './support/http';
import { builtServerAvailable, killAllServers, RELIABILITY_TOKEN, runUntilExit, startServer, type ServerProcess } from './support/server';
import { describeWith } from '../support/needs';

const available = builtServerAvailable();
const missingBuild = available ? null : 'dist/server/main.js is not built (`npm run build` first)';

const dirs: string[] = [];
function freshDir(): string {
  const d = tempDir('dg-rel-access-');
  dirs.push(d);
  return d;
}
afterAll(async () => {
  await killAllServers();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

const actor = (id: string) => ({ id, name: `Actor ${id}`, kind: 'group' });

function expectNoToken(server: ServerProcess): void {
  const out = server.output();
  expect(out).not.toContain(RELIABILITY_TOKEN);
  expect(out.toLowerCase()).not.toContain('authorization');
}

describeWith('build', missingBuild, 'access to the server process', () => {
  test('WRITE_RATE_LIMIT: the write past the limit is 429 rate_limited with Retry-After; X-Forwarded-For does not reset it; reads go on', async () => {
    const server = await startServer({ dataDir: freshDir(), writeRateLimit: 5 });
    const client = new Client(server.url, { token: RELIABILITY_TOKEN });
    try {
      for (let i = 0; i < 5; i++) expect((await client.write('POST', '/api/actors', actor(`rl-${i}`))).status).toBe(201);
      const limited = await client.write('POST', '/api/actors', actor('rl-over'));
      expect(limited.status).toBe(429);
      expect(limited.body).toEqual({ error: { code: 'rate_limited', message: expect.stringMatching(/at most 5 a minute/), details: [] } });
      const retry = Number(limited.headers['retry-after']);
      expect(Number.isInteger(retry) && retry >= 1 && retry <= 60).toBe(true);
      // Without TRUST_PROXY_HOPS a client cannot pose as another address.
      for (const xff of ['10.0.0.1', '203.0.113.9, 10.0.0.2', '::1']) {
        const spoofed = await client.request('POST', '/api/actors', actor('rl-spoof'), {
          Authorization: `Bearer ${RELIABILITY_TOKEN}`,
          'X-Forwarded-For': xff,
        });
        expect(spoofed.status).toBe(429);
      }
      // Guesses are counted apart from valid writes (api/failed-token-limit.test.ts); reads are not limited.
      expect((await client.request('POST', '/api/actors', actor('rl-guess'), { Authorization: 'Bearer guess' })).status).toBe(401);
      for (let i = 0; i < 20; i++) expect((await client.get('/api/actors?limit=1')).status).toBe(200);
      expect((await client.get('/api/actors/rl-over')).status).toBe(404);
      expectNoToken(server);
    } finally {
      client.close();
      await server.stop();
    }
  });

  test('TRUST_PROXY_HOPS=1: each forwarded address has its own limit (behind a proxy that sets the header)', async () => {
    const server = await startServer({ dataDir: freshDir(), writeRateLimit: 2, env: { TRUST_PROXY_HOPS: '1' } });
    const client = new Client(server.url, { token: RELIABILITY_TOKEN });
    const as = (ip: string, id: string) =>
      client.request('POST', '/api/actors', actor(id), { Authorization: `Bearer ${RELIABILITY_TOKEN}`, 'X-Forwarded-For': ip });
    try {
      expect([
        (await as('198.51.100.1', 'p-1')).status,
        (await as('198.51.100.1', 'p-2')).status,
        (await as('198.51.100.1', 'p-3')).status,
      ]).toEqual([201, 201, 429]);
      expect((await as('198.51.100.2', 'p-4')).status).toBe(201);
    } finally {
      client.close();
      await server.stop();
    }
  });

  test('CORS is closed by default: no Access-Control-Allow-Origin for any origin, preflights included', async () => {
    const server = await startServer({ dataDir: freshDir() });
    const client = new Client(server.url);
    try {
      for (const origin of ['https://evil.example', 'null', server.url, 'http://localhost:3000']) {
        const res = await client.get('/api/actors?limit=1', { Origin: origin });
        expect(res.status).toBe(200);
        expect(res.headers['access-control-allow-origin']).toBeUndefined();
        const pre = await client.request('OPTIONS', '/api/actors', undefined, {
          Origin: origin,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'authorization,content-type',
        });
        expect(pre.headers['access-control-allow-origin']).toBeUndefined();
        expect(pre.headers['access-control-allow-headers']).toBeUndefined();
      }
      // The listening address is the loopback interface unless HOST says otherwise.
      expect(server.logs().find((l) => l.msg === 'listening')?.url).toMatch(/^http:\/\/127\.0\.0\.1:/);
    } finally {
      client.close();
      await server.stop();
    }
  });

  test('CORS_ORIGINS opens the API to the origins listed, and to no other', async () => {
    const server = await startServer({ dataDir: freshDir(), env: { CORS_ORIGINS: 'https://a.example, https://b.example' } });
    const client = new Client(server.url, { token: RELIABILITY_TOKEN });
    try {
      for (const origin of ['https://a.example', 'https://b.example']) {
        const res = await client.get('/api/actors?limit=1', { Origin: origin });
        expect(res.headers['access-control-allow-origin']).toBe(origin);
        expect(res.headers.vary).toMatch(/Origin/);
        const pre = await client.request('OPTIONS', '/api/actors', undefined, { Origin: origin, 'Access-Control-Request-Method': 'POST' });
        expect(pre.status).toBe(204);
        expect(pre.headers['access-control-allow-headers']).toMatch(/Authorization/);
        expect(pre.headers['access-control-allow-methods']).toMatch(/POST/);
      }
      for (const origin of ['https://c.example', 'https://a.example.evil.example', 'http://a.example', 'https://a.example:444', 'null']) {
        const res = await client.get('/api/actors?limit=1', { Origin: origin });
        expect([origin, res.headers['access-control-allow-origin']]).toEqual([origin, undefined]);
      }
      // CORS is not authentication: a listed origin still needs the token to write.
      const noToken = await client.request('POST', '/api/actors', actor('cors-x'), { Origin: 'https://a.example' });
      expect(noToken.status).toBe(401);
      expect(noToken.headers['access-control-allow-origin']).toBe('https://a.example');
    } finally {
      client.close();
      await server.stop();
    }
  });

  test('CORS_ORIGINS=* answers any origin (a public read API)', async () => {
    const server = await startServer({ dataDir: freshDir(), token: null, env: { CORS_ORIGINS: '*' } });
    const client = new Client(server.url);
    try {
      const res = await client.get('/api/actors?limit=1', { Origin: 'https://anyone.example' });
      expect(res.headers['access-control-allow-origin']).toBe('*');
      // Without API_TOKEN, writes are disabled whatever the origin.
      const w = await client.request('POST', '/api/actors', actor('star-x'), {
        Origin: 'https://anyone.example',
        Authorization: 'Bearer anything',
      });
      expect(w.status).toBe(403);
      expect(server.logs().find((l) => l.msg === 'listening')?.writes).toBe('disabled');
    } finally {
      client.close();
      await server.stop();
    }
  });

  test('a start that fails on a bad setting names the setting, not the token', async () => {
    for (const env of [{ PORT: 'not-a-port' }, { WRITE_RATE_LIMIT: '0' }, { TRUST_PROXY_HOPS: '99' }] as Array<Record<string, string>>) {
      const { exit, server } = await runUntilExit({ dataDir: freshDir(), env });
      expect(exit.code).toBe(1);
      expect(server.output()).toMatch(new RegExp(`the server could not start: ${Object.keys(env)[0]} must be an integer`));
      expect(server.output()).not.toContain(RELIABILITY_TOKEN);
    }
  });
});
