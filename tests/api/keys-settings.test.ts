/** The settings of keys and the role table: bad settings stop the start; every route's role is the intended one. */
import fs from 'node:fs';
import path from 'node:path';
import { adminOperations, KEY_PARAM_NAMES, roleNeeded } from '../../server/api/auth';
import { API_ROUTES, openApiDocument } from '../../server/api/routes';
import { readConfig } from '../../server/config';
import { addKey } from '../support/keys';
import { embeddedFactory, tempDir } from '../support/stores';
import { openHarness } from './harness';

let dir: string;
beforeAll(() => {
  dir = tempDir('dg-keys-settings-');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('API_KEYS_FILE naming no file, READS_NEED_KEY without any key, or a READS_NEED_KEY not 0/1 stop the start', () => {
  expect(() => readConfig({ API_KEYS_FILE: path.join(dir, 'absent.json') })).toThrow(
    /^API_KEYS_FILE names no file: .*npm run keys -- add NAME ROLE/,
  );
  expect(() => readConfig({ READS_NEED_KEY: '1' })).toThrow('READS_NEED_KEY=1 needs API_KEYS_FILE or API_TOKEN to be set');
  expect(() => readConfig({ READS_NEED_KEY: 'yes', API_TOKEN: 't' })).toThrow('READS_NEED_KEY must be 1 or 0, got "yes"');
  expect(readConfig({ READS_NEED_KEY: '1', API_TOKEN: 't' }).readsNeedKey).toBe(true);
  expect(readConfig({}).readsNeedKey).toBe(false);
});

test('a key file that is not valid stops the app from being made, naming the file and the field', async () => {
  const file = path.join(dir, 'bad.json');
  fs.writeFileSync(file, JSON.stringify({ format: 'deplatforming-graph/keys/v1', keys: [{ id: 'zz' }] }));
  await expect(openHarness(embeddedFactory, { config: { apiKeysFile: file } })).rejects.toThrow(
    `${file} is not a valid key file: keys.0.id`,
  );
});

test('a key file naming one key twice is refused', async () => {
  const file = path.join(dir, 'twice.json');
  await addKey(file, 'one', 'reader');
  const content = JSON.parse(fs.readFileSync(file, 'utf8'));
  content.keys.push({ ...content.keys[0], id: 'ffffffffffffffff' });
  fs.writeFileSync(file, JSON.stringify(content));
  await expect(openHarness(embeddedFactory, { config: { apiKeysFile: file } })).rejects.toThrow('keys.1.name: "one" appears twice');
});

test('deleting actors and sources is for admins, every other write for editors, reads for readers when asked', () => {
  const byId = new Map(API_ROUTES.map((r) => [r.operationId, r]));
  expect(adminOperations().sort()).toEqual(['deleteActor', 'deleteSource']);
  for (const id of adminOperations()) expect(byId.get(id)?.write).toBe(true);
  for (const route of API_ROUTES) {
    const expected = route.write
      ? ['deleteActor', 'deleteSource'].includes(route.operationId)
        ? 'admin'
        : 'editor'
      : route.tag === 'health' || route.tag === 'documentation'
        ? null
        : 'reader';
    expect([route.operationId, roleNeeded(route, true)]).toEqual([route.operationId, expected]);
    expect([route.operationId, roleNeeded(route, false)]).toEqual([route.operationId, route.write ? expected : null]);
  }
  expect(roleNeeded(byId.get('deleteAction')!, false)).toBe('editor');
  expect(roleNeeded(byId.get('importDocument')!, false)).toBe('editor');
});

test('no route takes a query parameter that the key-in-URL rule would refuse', () => {
  const refused = new RegExp(`^(?:${KEY_PARAM_NAMES})$`, 'i');
  for (const route of API_ROUTES) {
    const names = Object.keys((route.query as unknown as { shape?: object } | undefined)?.shape ?? {});
    expect(names.filter((n) => refused.test(n))).toEqual([]);
  }
});

test('the OpenAPI document names the role of each operation and the 401 and 403 answers', () => {
  const doc = openApiDocument() as { paths: Record<string, Record<string, Record<string, unknown>>> };
  const op = (p: string, m: string) =>
    doc.paths[p]![m] as { security?: unknown; 'x-required-role'?: string; responses: Record<string, { description: string }> };
  const del = op('/api/actors/{id}', 'delete');
  expect(del['x-required-role']).toBe('admin');
  expect(del.security).toEqual([{ bearerAuth: [] }]);
  expect(del.responses['403']!.description).toContain('below admin');
  expect(del.responses['401']!.description).toContain('revoked');
  expect(op('/api/actions/{id}', 'delete')['x-required-role']).toBe('editor');
  const list = op('/api/actors', 'get');
  expect(list['x-required-role']).toBe('reader');
  expect(list.security).toEqual([{}, { bearerAuth: [] }]);
  expect(list.responses['401']!.description).toContain('READS_NEED_KEY');
  expect(list.responses['403']).toBeUndefined();
  const health = op('/api/health', 'get');
  expect(health.security).toBeUndefined();
  expect(health.responses['401']).toBeUndefined();
});
