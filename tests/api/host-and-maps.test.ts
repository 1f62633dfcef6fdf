/**
 * DNS rebinding: a request naming a host the server does not answer for is refused (421, JSON
 * error) before any route runs. Source maps of the built browser are served only when asked for.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import request from 'supertest';
import { createApp } from '../../server/app';
import { allowedHostNames } from '../../server/api/hosts';
import { readConfig } from '../../server/config';
import { embeddedFactory } from '../support/stores';

describe('Host allowlist', () => {
  test('by default, the loopback names for a loopback address; ALLOWED_HOSTS adds names; "*" turns it off', () => {
    expect(readConfig({}).allowedHosts.sort()).toEqual(['127.0.0.1', '[::1]', 'localhost']);
    expect(readConfig({ HOST: '::1' }).allowedHosts).toContain('[::1]');
    expect(readConfig({ HOST: '10.0.0.5', ALLOWED_HOSTS: 'graph.example.org, Other.Example' }).allowedHosts.sort()).toEqual([
      '10.0.0.5',
      'graph.example.org',
      'other.example',
    ]);
    expect(allowedHostNames('0.0.0.0', [])).toEqual(expect.arrayContaining(['localhost', '127.0.0.1', os.hostname().toLowerCase()]));
  });

  test('another name in Host is answered 421 with a JSON error; the allowed names, with any port, pass', async () => {
    const store = await embeddedFactory.open();
    try {
      const app = createApp({ store, config: readConfig({}), logger: pino({ level: 'silent' }), clientDir: null });
      const refused = await request(app).get('/api/health').set('Host', 'attacker.example:3000').expect(421);
      expect(refused.body.error).toMatchObject({ code: 'misdirected_request' });
      expect(refused.body.error.message).toContain('attacker.example');
      await request(app).get('/').set('Host', 'rebound.example').expect(421);
      for (const host of ['localhost:3000', '127.0.0.1', '[::1]:8080', 'LOCALHOST'])
        await request(app).get('/api/health').set('Host', host).expect(200);
      const open = createApp({ store, config: readConfig({ ALLOWED_HOSTS: '*' }), logger: pino({ level: 'silent' }), clientDir: null });
      await request(open).get('/api/health').set('Host', 'anything.example').expect(200);
    } finally {
      await embeddedFactory.cleanup(store);
    }
  });
});

describe('source maps', () => {
  test('not served unless SERVE_SOURCE_MAPS=1', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dg-maps-'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>browser</title>');
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.writeFileSync(path.join(dir, 'assets', 'app.js'), '1\n//# sourceMappingURL=app.js.map');
    fs.writeFileSync(path.join(dir, 'assets', 'app.js.map'), '{"version":3,"sources":["secret.ts"]}');
    const store = await embeddedFactory.open();
    try {
      const app = (env: NodeJS.ProcessEnv) =>
        createApp({ store, config: readConfig(env), logger: pino({ level: 'silent' }), clientDir: dir });
      await request(app({})).get('/assets/app.js').expect(200);
      const hidden = await request(app({})).get('/assets/app.js.map').expect(404);
      expect(hidden.text).not.toContain('secret.ts');
      await request(app({ SERVE_SOURCE_MAPS: '1' }))
        .get('/assets/app.js.map')
        .expect(200);
    } finally {
      await embeddedFactory.cleanup(store);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
