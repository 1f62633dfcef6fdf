/**
 * Exports over real sockets: a reader that stops reading holds the server to a few buffers, not
 * a whole file, and is disconnected after EXPORT_STALL_MS without data taken; health answers
 * meanwhile; a slow reader that keeps reading gets the whole file, even when that takes longer than
 * the stall timeout.
 */
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { createApp } from '../../server/app';
import { readConfig } from '../../server/config';
import type { Action, Actor, InterchangeDocument } from '../../contract';
import type { GraphStore } from '../../server/store/types';
import { embeddedFactory } from '../support/stores';

const STALL_MS = 1000;
const ACTORS = 100;
const ACTIONS = 6000;

/** About 4 KB an action in the JSON export, so the file (~25 MB) is far more than socket buffers hold. */
function bigDocument(): InterchangeDocument {
  const actors: Actor[] = Array.from({ length: ACTORS }, (_, i) => ({ id: `a-${i}`, name: `Actor ${i}`, kind: 'company' }));
  const filler = 'a long note written only to make the file large, '.repeat(80);
  const actions: Action[] = Array.from({ length: ACTIONS }, (_, i) => ({
    id: `act-${i}`,
    type: 'HOSTED',
    from: `a-${i % ACTORS}`,
    to: `a-${(i * 7 + 1) % ACTORS}`,
    date: `20${10 + (i % 10)}-0${1 + (i % 9)}`,
    status: 'confirmed',
    summary: `hosting number ${i}`,
    citations: [{ source: 'src', stance: 'states' }],
    details: { note: filler.slice(0, 4000) },
  }));
  return { format: 'deplatforming-graph/v2', actors, sources: [{ id: 'src', title: 'A source' }], actions };
}

let store: GraphStore;
let server: http.Server;
let port: number;
const logLines: string[] = [];
/** The server's side of each connection, in the order they came. */
const serverSockets: net.Socket[] = [];
let fullSize = 0;

beforeAll(async () => {
  store = await embeddedFactory.open();
  await store.importDocument(bigDocument());
  const config = { ...readConfig({}), apiToken: undefined, exportStallMs: STALL_MS };
  const logger = pino({ level: 'info' }, { write: (line: string) => void logLines.push(line) });
  const app = createApp({ store, config, logger, writeRateLimitPerMinute: 1000, clientDir: null });
  server = http.createServer(app);
  server.on('connection', (s) => serverSockets.push(s));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
}, 120_000);

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await embeddedFactory.cleanup(store);
});

/** A raw HTTP/1.1 GET on its own connection; the caller decides how to read. */
function rawGet(path: string): net.Socket {
  const socket = net.connect(port, '127.0.0.1');
  socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`);
  return socket;
}

/** Reads a whole answer; `pace` ms of pause after each chunk read makes a slow reader. */
function download(path: string, pace = 0): Promise<{ head: string; body: Buffer; ms: number }> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const socket = rawGet(path);
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      if (pace > 0) {
        socket.pause();
        setTimeout(() => socket.resume(), pace);
      }
    });
    socket.on('error', reject);
    socket.on('end', () => {
      const all = Buffer.concat(chunks);
      const split = all.indexOf('\r\n\r\n');
      resolve({ head: all.subarray(0, split).toString('latin1'), body: all.subarray(split + 4), ms: Date.now() - started });
    });
  });
}

/** The body of a chunked HTTP/1.1 answer. */
function unchunk(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const eol = body.indexOf('\r\n', at);
    const size = parseInt(body.subarray(at, eol).toString('latin1'), 16);
    if (size === 0) return Buffer.concat(parts);
    parts.push(body.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('a fast reader gets the whole JSON file, valid and complete', async () => {
  const { head, body } = await download('/api/export?format=json');
  expect(head).toMatch(/^HTTP\/1\.1 200/);
  expect(head.toLowerCase()).toContain('transfer-encoding: chunked');
  const text = unchunk(body).toString('utf8');
  fullSize = Buffer.byteLength(text);
  expect(fullSize).toBeGreaterThan(20_000_000);
  const doc = JSON.parse(text) as InterchangeDocument;
  expect(doc.actions).toHaveLength(ACTIONS);
  expect(doc.actors).toHaveLength(ACTORS);
}, 60_000);

test('a reader that stops reading holds a few buffers, is disconnected after the stall timeout, and health answers meanwhile', async () => {
  expect(fullSize).toBeGreaterThan(0);
  const before = serverSockets.length;
  const client = rawGet('/api/export?format=json');
  client.pause();
  let closedAt = 0;
  await sleep(100);
  const serverSide = serverSockets[before]!;
  serverSide.on('close', () => (closedAt = Date.now()));
  // Let the server fill what the sockets hold (the export starts after its first slices, later on
  // a busy machine), then watch it stop: no growth for 300 ms.
  for (let i = 0; i < 100 && serverSide.bytesWritten === 0; i++) await sleep(100);
  let written = serverSide.bytesWritten;
  for (let i = 0; i < 50; i++) {
    await sleep(300);
    if (serverSide.bytesWritten === written) break;
    written = serverSide.bytesWritten;
  }
  expect(written).toBeGreaterThan(0);
  const stalledSince = Date.now();
  // Loopback buffers hold a few MB at most while the client takes nothing (send buffer up to
  // 4 MB, an unread receive window far below its 32 MB cap): well under half of the file.
  expect(written).toBeLessThan(fullSize * 0.4);
  const health = Date.now();
  const answer = await download('/api/health');
  expect(answer.head).toMatch(/^HTTP\/1\.1 200/);
  expect(Date.now() - health).toBeLessThan(500);
  await sleep(200);
  expect(serverSide.bytesWritten).toBe(written);
  // Given up on after STALL_MS without progress (and not long after).
  for (let i = 0; i < 40 && !closedAt; i++) await sleep(100);
  expect(closedAt).toBeGreaterThan(0);
  expect(closedAt - stalledSince).toBeLessThan(STALL_MS + 1500);
  expect(logLines.join('')).toContain('export reader stalled');
  client.destroy();
}, 30_000);

test('a slow reader that keeps reading gets the whole file, though it takes longer than the stall timeout', async () => {
  const { head, body, ms } = await download('/api/export?format=csv', 4);
  expect(head).toMatch(/^HTTP\/1\.1 200/);
  expect(ms).toBeGreaterThan(STALL_MS);
  const text = unchunk(body).toString('utf8');
  const lines = text.split('\r\n');
  // A header, one row per action, and the empty string after the last CRLF.
  expect(lines).toHaveLength(ACTIONS + 2);
  expect(lines[ACTIONS + 1]).toBe('');
}, 60_000);
