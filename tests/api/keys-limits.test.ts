/**
 * Rate limits with named keys: valid writes are counted per key as well as per address; failed
 * attempts per address only, so guesses (even at a real key's id) never lock the key's holder out.
 */
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { addKey } from '../support/keys';
import { embeddedFactory, tempDir } from '../support/stores';
import { TOKEN, actor, openHarness, type Harness } from './harness';

let dir: string;
let h: Harness;
let editor: string;
let admin: string;
let p1: string;
let p2: string;

beforeAll(async () => {
  dir = tempDir('dg-keys-limits-');
  const file = path.join(dir, 'keys.json');
  editor = await addKey(file, 'eddie', 'editor');
  admin = await addKey(file, 'ada', 'admin');
  p1 = await addKey(file, 'pat', 'editor');
  p2 = await addKey(file, 'pam', 'editor');
  // One proxy hop believed, so each request can come from an address of the test's choosing.
  h = await openHarness(embeddedFactory, { writeRateLimitPerMinute: 3, config: { apiKeysFile: file, trustProxyHops: 1 } });
});
afterAll(async () => {
  await h.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const write = (key: string, from: string, id: string) =>
  request(h.app).post('/api/actors').set('X-Forwarded-For', from).set('Authorization', `Bearer ${key}`).send(actor(id));

test('a key spread over many addresses gets no more writes a minute than its own limit; another key is unaffected', async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 4; i++) statuses.push((await write(editor, `10.1.0.${i + 1}`, `l-e${i}`)).status);
  expect(statuses).toEqual([201, 201, 201, 429]);
  const over = await write(editor, '10.1.0.9', 'l-e9').expect(429);
  expect(over.body.error.message).toMatch(/too many writes with this key: at most 3 a minute/);
  expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
  await write(admin, '10.1.0.10', 'l-a0').expect(201);
});

test('guesses at a real key id from one address are slowed there (401 then 429) and never lock the key out', async () => {
  const forged = `${admin.slice(0, 21)}${'A'.repeat(43)}`;
  const statuses: number[] = [];
  for (let i = 0; i < 5; i++) statuses.push((await write(forged, '10.2.0.1', `l-g${i}`)).status);
  expect(statuses).toEqual([401, 401, 401, 429, 429]);
  await write(admin, '10.2.0.2', 'l-a1').expect(201);
  // The valid key passes even from the guessing address: only failures are counted there.
  await write(admin, '10.2.0.1', 'l-a2').expect(201);
});

test('writes from one address are limited across keys too; each key keeps its own count elsewhere', async () => {
  await write(p1, '10.3.0.1', 'l-p0').expect(201);
  await write(p1, '10.3.0.1', 'l-p1').expect(201);
  await write(p2, '10.3.0.1', 'l-p2').expect(201);
  const over = await write(p2, '10.3.0.1', 'l-p3').expect(429);
  expect(over.body.error.message).toMatch(/^too many writes: at most 3 a minute/);
  await write(p2, '10.3.0.2', 'l-p4').expect(201);
});

test('API_TOKEN, shared by a team before named keys, is limited per address only, as it always was', async () => {
  const statuses: number[] = [];
  for (const from of ['10.4.0.1', '10.4.0.1', '10.4.0.1', '10.4.0.1', '10.4.0.2'])
    statuses.push((await write(TOKEN, from, `l-t${statuses.length}`)).status);
  expect(statuses).toEqual([201, 201, 201, 429, 201]);
});
