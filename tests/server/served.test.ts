/**
 * Served as a production web app: answers and files compressed as the client's Accept-Encoding
 * asks, hashed build files cached for a year, the page itself asked about again each time, and a
 * compressed export still streamed (a reader that stops holds the server to a few buffers).
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import zlib from 'node:zlib';
import request from 'supertest';
import type { Action, Actor, InterchangeDocument } from '../../contract';
import { seedDocument } from '../support/seed';
import { embeddedFactory, tempDir } from '../support/stores';
import { AUTH, importDoc, openHarness, type Harness } from '../api/harness';

/** A stand-in for dist/client: a page, a hashed script under assets/ and an unhashed icon. */
function fakeBuild(): string {
  const dir = tempDir('dg-served-');
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), `<!doctype html><title>t</title>${'<p>page</p>'.repeat(200)}`);
  fs.writeFileSync(path.join(dir, 'assets', 'index-Bx7k2Qp9.js'), `export const words = ${JSON.stringify('word '.repeat(2000))};\n`);
  fs.writeFileSync(path.join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return dir;
}

/** An app listening on a port of its own, so answers can be read as raw bytes. */
async function listen(app: Harness['app']): Promise<{ server: http.Server; port: number; sockets: Socket[] }> {
  const server = http.createServer(app);
  const sockets: Socket[] = [];
  server.on('connection', (s) => sockets.push(s));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, sockets };
}

async function close(server: http.Server): Promise<void> {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}

/** A GET on its own connection (no agent), the body left undecoded. */
function open(port: number, p: string, encoding?: string): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const headers = encoding ? { 'Accept-Encoding': encoding } : {};
    http.get({ host: '127.0.0.1', port, path: p, headers, agent: false }, resolve).on('error', reject);
  });
}

async function raw(
  port: number,
  p: string,
  encoding?: string,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  const res = await open(port, p, encoding);
  const chunks: Buffer[] = [];
  for await (const c of res) chunks.push(c as Buffer);
  return { status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) };
}

describe('compression and caching', () => {
  let h: Harness;
  let clientDir: string;
  let server: http.Server;
  let port: number;

  beforeAll(async () => {
    clientDir = fakeBuild();
    h = await openHarness(embeddedFactory, { clientDir });
    await importDoc(h.app, seedDocument());
    ({ server, port } = await listen(h.app));
  });
  afterAll(async () => {
    await close(server);
    await h.close();
    fs.rmSync(clientDir, { recursive: true, force: true });
  });

  test('a JSON answer is gzipped for a client that takes gzip, brotli for one that prefers it, plain otherwise', async () => {
    const gz = await raw(port, '/api/graph', 'gzip');
    expect(gz.status).toBe(200);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers.vary).toMatch(/Accept-Encoding/i);
    const fromGzip = JSON.parse(zlib.gunzipSync(gz.body).toString('utf8')) as { elements: { nodes: unknown[] } };
    expect(fromGzip.elements.nodes.length).toBeGreaterThan(10);

    const br = await raw(port, '/api/graph', 'br, gzip');
    expect(br.headers['content-encoding']).toBe('br');
    expect(JSON.parse(zlib.brotliDecompressSync(br.body).toString('utf8'))).toEqual(fromGzip);

    const plain = await raw(port, '/api/graph', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(plain.body.toString('utf8'))).toEqual(fromGzip);
    expect(gz.body.length).toBeLessThan(plain.body.length / 3);
  });

  test('the token check answers 200 for the right token and 401 naming the token for a wrong one', async () => {
    expect((await request(h.app).get('/api/auth/check').set(AUTH).expect(200)).body).toEqual({ ok: true });
    const wrong = await request(h.app).get('/api/auth/check').set('Authorization', 'Bearer not-the-token').expect(401);
    expect(wrong.body.error.message).toMatch(/token|key/);
    await request(h.app).get('/api/auth/check').expect(401);
  });

  test('hashed build files are immutable for a year; the page and unhashed files are revalidated', async () => {
    const js = await raw(port, '/assets/index-Bx7k2Qp9.js', 'gzip');
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(js.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(js.body).toString('utf8')).toContain('export const words');

    for (const p of ['/', '/index.html', '/some/client/route']) {
      const page = await raw(port, p, 'gzip');
      expect({ p, cache: page.headers['cache-control'] }).toEqual({ p, cache: 'no-cache' });
      expect(zlib.gunzipSync(page.body).toString('utf8')).toContain('<p>page</p>');
    }
    expect((await raw(port, '/favicon.svg')).headers['cache-control']).toBe('no-cache');
  });
});

describe('a compressed export still streams', () => {
  const ACTIONS = 3000;
  let h: Harness;
  let server: http.Server;
  let port: number;
  let sockets: Socket[];

  beforeAll(async () => {
    // Notes of random letters, so gzip cannot shrink the file to a size the socket buffers hold.
    const letters = (i: number) =>
      Array.from({ length: 3000 }, (_, k) => String.fromCharCode(97 + ((i * 7919 + k * k * 31) % 26))).join('');
    const actors: Actor[] = Array.from({ length: 50 }, (_, i) => ({ id: `a-${i}`, name: `Actor ${i}`, kind: 'company' }));
    const actions: Action[] = Array.from({ length: ACTIONS }, (_, i) => ({
      id: `act-${i}`,
      type: 'HOSTED',
      from: `a-${i % 50}`,
      to: `a-${(i * 7 + 1) % 50}`,
      date: '2020-01',
      status: 'confirmed',
      summary: `hosting ${i}`,
      citations: [{ source: 'src', stance: 'states' }],
      details: { note: letters(i) },
    }));
    const doc: InterchangeDocument = { format: 'deplatforming-graph/v2', actors, sources: [{ id: 'src', title: 'A source' }], actions };
    h = await openHarness(embeddedFactory);
    await importDoc(h.app, doc);
    ({ server, port, sockets } = await listen(h.app));
  }, 120_000);
  afterAll(async () => {
    await close(server);
    await h.close();
  });

  const get = (p: string) => open(port, p, 'gzip');

  test('arrives gzipped and whole, in many pieces', async () => {
    const res = await get('/api/export?format=json');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['transfer-encoding']).toBe('chunked');
    const chunks: Buffer[] = [];
    for await (const c of res) chunks.push(c as Buffer);
    expect(chunks.length).toBeGreaterThan(10);
    const doc = JSON.parse(zlib.gunzipSync(Buffer.concat(chunks)).toString('utf8')) as InterchangeDocument;
    expect(doc.actions).toHaveLength(ACTIONS);
  }, 60_000);

  test('a reader that stops reading holds the server to a few buffers, not the file', async () => {
    const before = sockets.length;
    const res = await get('/api/export?format=json');
    res.pause();
    await new Promise((r) => setTimeout(r, 800));
    const written = sockets[before]!.bytesWritten;
    await new Promise((r) => setTimeout(r, 300));
    // Stopped: nothing more written while the reader takes nothing.
    expect(sockets[before]!.bytesWritten).toBe(written);
    // The file is about 9 MB of text that gzip takes to roughly 6 MB; the sockets hold a few MB at most.
    expect(written).toBeLessThan(5_000_000);
    res.destroy();
  }, 30_000);
});
