/**
 * The hostile cases the fuzzers might not hit by chance, each as a property or an exact case (the
 * ones tests/api/hostile.test.ts already covers are not repeated): malformed UTF-8, path traversal
 * in ids and in the browser's static files, deep nesting at every depth, XSS payloads and any
 * Unicode stored exactly as given, CSV formula injection in exports, URL schemes in sources, and
 * the write guard for every write route and every shape of Authorization header.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import fc from 'fast-check';
import pino from 'pino';
import { createApp } from '../../server/app';
import { API_ROUTES } from '../../server/api/routes';
import { readConfig } from '../../server/config';
import { Client } from '../reliability/support/http';
import { canonicalJson } from '../reliability/support/ledger';
import { describeEachStore, embeddedFactory, tempDir } from '../support/stores';
import { answerProblems, encode, FUZZ_SEED, FUZZ_TOKEN, openFuzzServer, runs, timeoutFor, VALID, type FuzzServer } from './support';

/** RFC 4180 CSV into rows of cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || (c === '\r' && text[i + 1] === '\n')) {
      if (c === '\r') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** Text as a researcher or an attacker might type it: markup, formulas, any code point, lone surrogates too. */
const XSS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  "'-alert(1)-'",
  '</textarea><script>alert(1)</script>',
  '{{constructor.constructor("alert(1)")()}}',
  '${alert(1)}',
  'javascript:alert(1)',
  '<a href="javascript:alert(1)">x</a>',
  '<iframe srcdoc="<script>alert(1)</script>">',
  '&lt;script&gt;',
  '\u003cscript\u003e',
];
const FORMULA_STARTS = ['=', '+', '-', '@', '\t', '\r', '＝', ' =', '\n='];
const anyText = (max: number) =>
  fc
    .oneof(
      { weight: 2, arbitrary: fc.constantFrom(...XSS) },
      { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...FORMULA_STARTS), fc.string({ maxLength: 30 })).map(([a, b]) => a + b) },
      { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: max }) },
      {
        weight: 1,
        arbitrary: fc.string({
          unit: fc.oneof(
            fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
            fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
          ),
          minLength: 1,
          maxLength: max,
        }),
      },
    )
    .filter((s) => s.length >= 1 && s.length <= max);

describeEachStore('hostile cases', (factory) => {
  let f: FuzzServer;
  beforeAll(async () => {
    f = await openFuzzServer(factory);
  }, 60_000);
  afterAll(() => f.close());

  describe('malformed UTF-8', () => {
    // Bytes that are not UTF-8: a Latin-1 é, a lone continuation byte, an overlong "/", a truncated
    // 4-byte sequence, an encoded surrogate, 0xFF. JSON is UTF-8 (RFC 8259 §8.1): such a body is
    // bad input (400), not text to be stored with U+FFFD in place of what the client meant.
    const BAD = [[0xe9], [0x80], [0xc0, 0xaf], [0xf0, 0x9f, 0x98], [0xed, 0xa0, 0x80], [0xff, 0xfe]];
    const bodies: Array<[string, string, (bad: Buffer, i: number) => Buffer]> = [
      [
        'POST',
        '/api/actors',
        (bad, i) => Buffer.concat([Buffer.from(`{"id":"utf8-bad-${i}","name":"Soci`), bad, Buffer.from('t","kind":"company"}')]),
      ],
      [
        'PUT',
        '/api/actors/parler',
        (bad) => Buffer.concat([Buffer.from('{"id":"parler","name":"Parl'), bad, Buffer.from('r","kind":"platform"}')]),
      ],
      [
        'POST',
        '/api/sources',
        (bad, i) => Buffer.concat([Buffer.from(`{"id":"utf8-bad-${i}","title":"Le Monde `), bad, Buffer.from('"}')]),
      ],
      [
        'POST',
        '/api/import',
        (bad, i) =>
          Buffer.concat([
            Buffer.from(`{"format":"deplatforming-graph/v1","actors":[{"id":"utf8-imp-${i}","name":"`),
            bad,
            Buffer.from('","kind":"group"}]}'),
          ]),
      ],
    ];

    test('a JSON body that is not valid UTF-8 is a 400 bad_request, and nothing is written', async () => {
      const before = await f.snapshot();
      const outcomes: string[] = [];
      for (const [method, url, make] of bodies) {
        for (const [i, bad] of BAD.entries()) {
          const res = await f.client.request(
            method,
            url,
            undefined,
            { Authorization: `Bearer ${FUZZ_TOKEN}`, 'Content-Type': 'application/json' },
            make(Buffer.from(bad), i),
          );
          expect(answerProblems(res, `${method} ${url}`)).toEqual([]);
          outcomes.push(
            `${method} ${url} [${bad.map((b) => b.toString(16)).join(' ')}] -> ${res.status}${res.status < 300 ? ` stored ${JSON.stringify(res.body?.name ?? res.body?.title ?? res.body?.created)}` : ''}`,
          );
        }
      }
      expect(outcomes.filter((o) => !/ -> 400$/.test(o))).toEqual([]);
      expect(await f.snapshot()).toBe(before);
    });

    test('malformed escapes in paths are 400s; in query values they are read as text, never a 5xx', async () => {
      for (const url of ['/api/actors/%ff', '/api/actors/%C0%AF', '/api/sources/%ED%A0%80', '/api/actions/%E0%A4%A']) {
        const res = await f.client.get(url);
        expect([url, res.status]).toEqual([url, 400]);
        expect(answerProblems(res, url)).toEqual([]);
      }
      for (const url of ['/api/actors?q=%ff%fe', '/api/sources?q=%C0%AF', '/api/actors?q=%E0%A4%A', '/api/actions?actor=%ff']) {
        const res = await f.client.get(url);
        expect(res.status).toBeLessThan(500);
        expect(answerProblems(res, url)).toEqual([]);
      }
    });
  });

  describe('path traversal', () => {
    test('in ids: never a file, never a 5xx; the data folder holds only the store files', async () => {
      const ids = [
        '../../../../etc/passwd',
        '..%2F..%2F..%2Fetc%2Fpasswd',
        '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
        '..\\..\\..\\etc\\passwd',
        '....//....//etc/passwd',
        'graph.journal',
        '..',
        '.',
        '%00',
        'x%00.json',
      ];
      for (const id of ids) {
        for (const collection of ['actors', 'sources', 'actions']) {
          for (const url of [`/api/${collection}/${id}`, `/api/${collection}/${encode(id)}`]) {
            for (const method of ['GET', 'PUT', 'DELETE'] as const) {
              const res = method === 'GET' ? await f.client.get(url) : await f.client.write(method, url, VALID.actor('x'));
              expect(res.status).toBeLessThan(500);
              expect([400, 404]).toContain(res.status);
              expect(answerProblems(res, `${method} ${url}`)).toEqual([]);
              expect(res.text).not.toMatch(/root:.*:0:0:/);
            }
          }
        }
      }
    });

    test("in the browser's static files: nothing outside the client folder is served", async () => {
      const dir = tempDir('dg-fuzz-client-');
      fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>browser</title>');
      fs.mkdirSync(path.join(dir, 'assets'));
      fs.writeFileSync(path.join(dir, 'assets', 'app.js'), '1');
      fs.writeFileSync(path.join(path.dirname(dir), `${path.basename(dir)}-secret.txt`), 'SECRET-NEXT-TO-CLIENT');
      const store = await embeddedFactory.open();
      const app = createApp({ store, config: readConfig({}), logger: pino({ level: 'silent' }), clientDir: dir });
      const server = http.createServer(app);
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      const port = (server.address() as AddressInfo).port;
      const client = new Client(`http://127.0.0.1:${port}`);
      try {
        const secret = `${path.basename(dir)}-secret.txt`;
        const urls = [
          '/../../../../etc/passwd',
          '/..%2f..%2f..%2f..%2fetc%2fpasswd',
          '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
          '/assets/..%2f..%2f..%2fetc%2fpasswd',
          '/assets/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
          `/../${secret}`,
          `/..%2f${secret}`,
          `/%2e%2e/${secret}`,
          '/..%5c..%5cetc%5cpasswd',
          '/%00',
          '/assets/%00app.js',
        ];
        for (const url of urls) {
          const res = await client.get(url);
          expect(res.status).toBeLessThan(500);
          expect(res.text).not.toMatch(/root:.*:0:0:|SECRET-NEXT-TO-CLIENT/);
        }
      } finally {
        client.close();
        await new Promise<void>((r) => server.close(() => r()));
        await embeddedFactory.cleanup(store);
        fs.rmSync(dir, { recursive: true, force: true });
        fs.rmSync(path.join(path.dirname(dir), `${path.basename(dir)}-secret.txt`), { force: true });
      }
    });
  });

  test(
    'nesting at any depth in any field: a 400 past 20 levels, never a 5xx, nothing written',
    async () => {
      const before = await f.snapshot();
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 2, max: 3000 }),
          fc.constantFrom('name', 'aliases', 'description', 'layer', 'extra'),
          fc.boolean(),
          async (depth, field, objects) => {
            const nest = objects ? `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}` : `${'['.repeat(depth)}${']'.repeat(depth)}`;
            const body = `{"id":"deep-one","kind":"group",${field === 'name' ? '' : '"name":"n",'}"${field}":${nest}}`;
            const res = await f.client.request(
              'POST',
              '/api/actors',
              undefined,
              { Authorization: `Bearer ${FUZZ_TOKEN}`, 'Content-Type': 'application/json' },
              Buffer.from(body),
            );
            expect(answerProblems(res, `depth ${depth} in ${field}`)).toEqual([]);
            expect(res.status).toBe(400);
            if (depth > 20) expect(res.body.error.details.join('\n')).toMatch(/nested more than 20 levels deep|unknown field/);
          },
        ),
        { numRuns: runs(60, factory.name), seed: FUZZ_SEED },
      );
      expect(await f.snapshot()).toBe(before);
    },
    timeoutFor(runs(60, factory.name), 100),
  );

  // Text with an unpaired surrogate is not Unicode: it may be refused (400), but once a write of it
  // is acknowledged, it must read back as sent, on either store. Any other text must be accepted.
  test(
    'any text (XSS payloads, formulas, every code point) is stored and answered exactly as given; unpaired surrogates are kept or refused, never altered',
    async () => {
      let n = 0;
      let stored = 0; // a run where every text was refused would pass without this count
      const LONE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
      await fc.assert(
        fc.asyncProperty(
          anyText(200),
          anyText(1000),
          anyText(500),
          fc.array(anyText(200), { maxLength: 3 }),
          anyText(2000),
          async (name, summary, title, aliases, description) => {
            const id = `txt-${n++}`;
            const actor = { id: `${id}-a`, name, kind: 'group', aliases, description };
            const source = { id: `${id}-s`, title, publisher: name };
            const action = {
              id: `${id}-x`,
              type: 'ACCUSED',
              from: actor.id,
              to: 'parler',
              date: '2021-01-12',
              status: 'reported',
              summary,
              citations: [{ source: source.id, stance: 'states' }],
              details: { [name.slice(0, 100) || 'k']: summary.slice(0, 100), list: aliases },
            };
            const wellFormed = ![name, summary, title, ...aliases, description].some((t) => LONE.test(t));
            for (const [url, rec] of [
              ['/api/actors', actor],
              ['/api/sources', source],
              ['/api/actions', action],
            ] as const) {
              const res = await f.client.write('POST', url, rec);
              expect(answerProblems(res, url)).toEqual([]);
              if (res.status !== 201) {
                if (wellFormed || res.status !== 400)
                  throw new Error(`${url} ${JSON.stringify(rec)} -> ${res.status} ${res.text.slice(0, 300)}`);
                continue;
              }
              const back = await f.client.get(`${url}/${rec.id}`);
              const own: Record<string, unknown> = { ...back.body };
              for (const derived of ['degree', 'actionCounts', 'sources', 'actions', 'responses', 'time']) delete own[derived];
              expect(canonicalJson(own)).toBe(canonicalJson(rec));
              stored++;
              expect(back.headers['content-type']).toMatch(/^application\/json/);
              expect(back.headers['x-content-type-options']).toBe('nosniff');
              if (rec === action) {
                const exported = JSON.parse((await f.client.get('/api/export?format=json&from=2021-01-12&to=2021-01-12')).text) as {
                  actions: Array<{ id: string; summary: string }>;
                };
                expect(exported.actions.find((a) => a.id === action.id)?.summary).toBe(summary);
              }
            }
          },
        ),
        { numRuns: runs(40, factory.name), seed: FUZZ_SEED },
      );
      expect(stored).toBeGreaterThan(runs(40, factory.name)); // of 3 records a run, most are stored
    },
    timeoutFor(runs(40, factory.name), 250),
  );

  test(
    'CSV exports: no cell starts a formula, and each cell gives the text back after its quote',
    async () => {
      let n = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.tuple(fc.constantFrom(...FORMULA_STARTS), fc.string({ maxLength: 40 })).map(([a, b]) => a + b),
          fc.tuple(fc.constantFrom(...FORMULA_STARTS), fc.string({ maxLength: 40 })).map(([a, b]) => a + b),
          async (name, summary) => {
            const id = `csv-${n++}`;
            const doc = {
              format: 'deplatforming-graph/v1',
              actors: [{ id: `${id}-a`, name, kind: 'group', aliases: [summary] }],
              sources: [{ id: `${id}-s`, title: name }],
              actions: [
                {
                  id: `${id}-x`,
                  type: 'BANNED',
                  from: `${id}-a`,
                  to: 'parler',
                  date: '1999-12-31',
                  status: 'confirmed',
                  summary,
                  sourceIds: [`${id}-s`],
                },
              ],
            };
            expect((await f.client.write('POST', '/api/import', doc)).status).toBe(200);
            for (const url of [
              '/api/export?format=csv&from=1999-12-31&to=1999-12-31',
              '/api/export?format=csv&part=actors&from=1999-12-31&to=1999-12-31',
            ]) {
              const res = await f.client.get(url);
              expect(res.status).toBe(200);
              const rows = parseCsv(res.text);
              // Nowhere a spreadsheet could see a cell begin (start, any separator, line break) is a formula trigger.
              for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/(^|[,;|\t\r\n])[=+\-@\t\r]/);
              const cells = rows.flat();
              const inert = (t: string) => t.replace(/(?<=^|[,;|\t\r\n])(?=[=+\-@\t\r])/g, "'");
              expect(cells).toContain(inert(url.includes('part=actors') ? name : summary));
            }
            await f.client.write('DELETE', `/api/actions/${id}-x`);
          },
        ),
        { numRuns: runs(40, factory.name), seed: FUZZ_SEED },
      );
    },
    timeoutFor(runs(40, factory.name), 250),
  );

  test(
    'source URLs: anything accepted is http: or https:, every javascript: spelling is refused',
    async () => {
      const before = await f.snapshot();
      const refused = [
        'javascript:alert(1)',
        'JAVASCRIPT:alert(1)',
        ' javascript:alert(1)',
        '\tjavascript:alert(1)',
        'java\tscript:alert(1)',
        'java\nscript:alert(1)',
        '\u0000javascript:alert(1)',
        '\u0001javascript:alert(1)',
        'javascript://example.org/%0aalert(1)',
        'jav&#x09;ascript:alert(1)',
        'javascript&colon;alert(1)',
        'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
        'vbscript:msgbox(1)',
        'file:///etc/passwd',
        '//evil.example/x',
        '/relative',
        'https:',
        'http://',
      ];
      for (const url of refused) {
        const res = await f.client.write('POST', '/api/sources', { id: 'url-bad', title: 't', url });
        expect([url, res.status]).toEqual([url, 400]);
        expect(res.body.error.details[0]).toMatch(/^url: /);
      }
      expect(await f.snapshot()).toBe(before);
      let n = 0;
      let accepted = 0;
      let rejected = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.webUrl({ withQueryParameters: true, withFragments: true }),
            fc.string({ maxLength: 60 }),
            fc
              .tuple(
                fc.constantFrom('javascript:', 'JavaScript:', ' https://', 'data:', 'mailto:', 'ftp://', 'https://'),
                fc.string({ maxLength: 30 }),
              )
              .map(([a, b]) => a + b),
          ),
          async (url) => {
            const id = `url-${n++}`;
            const res = await f.client.write('POST', '/api/sources', { id, title: 't', url });
            expect(answerProblems(res, url)).toEqual([]);
            if (res.status === 201) {
              accepted++;
              expect(['http:', 'https:']).toContain(new URL(url).protocol);
              expect((await f.client.get(`/api/sources/${id}`)).body.url).toBe(url);
            } else {
              rejected++;
              expect(res.status).toBe(400);
            }
          },
        ),
        { numRuns: runs(100, factory.name), seed: FUZZ_SEED },
      );
      // Both branches ran: a guard refusing every URL (or none) would otherwise pass.
      expect({ accepted: accepted > 0, rejected: rejected > 0 }).toEqual({ accepted: true, rejected: true });
    },
    timeoutFor(runs(100, factory.name), 100),
  );
});

describe('the write guard on every write route (embedded store)', () => {
  const writes = API_ROUTES.filter((r) => r.write);
  const variants: Array<[string, Record<string, string>]> = [
    ['none', {}],
    ['empty', { Authorization: '' }],
    ['scheme only', { Authorization: 'Bearer' }],
    ['scheme and a space', { Authorization: 'Bearer ' }],
    ['wrong token', { Authorization: 'Bearer not-the-token' }],
    ['token prefix', { Authorization: `Bearer ${FUZZ_TOKEN.slice(0, -1)}` }],
    ['token with a suffix', { Authorization: `Bearer ${FUZZ_TOKEN}x` }],
    ['token in another case', { Authorization: `Bearer ${FUZZ_TOKEN.toUpperCase()}` }],
    ['two tokens', { Authorization: `Bearer ${FUZZ_TOKEN} ${FUZZ_TOKEN}` }],
    ['no scheme', { Authorization: FUZZ_TOKEN }],
    ['Basic', { Authorization: `Basic ${Buffer.from(`neo4j:${FUZZ_TOKEN}`).toString('base64')}` }],
    ['Token scheme', { Authorization: `Token ${FUZZ_TOKEN}` }],
    ['other headers', { 'X-Api-Key': FUZZ_TOKEN, Cookie: `token=${FUZZ_TOKEN}`, 'X-Auth-Token': FUZZ_TOKEN }],
  ];
  const bodyOf = (r: (typeof writes)[number]) =>
    r.path.startsWith('/import')
      ? { format: 'deplatforming-graph/v1', actors: [VALID.actor('guard-x')] }
      : r.path.startsWith('/actors')
        ? VALID.actor('guard-x')
        : r.path.startsWith('/sources')
          ? VALID.source('guard-x')
          : VALID.action('guard-x');

  test('without the token, with a wrong one, or in the wrong place: 401 before the body is read, nothing written, the token never echoed', async () => {
    const f = await openFuzzServer(embeddedFactory);
    try {
      const before = await f.snapshot();
      for (const route of writes) {
        for (const [name, headers] of variants) {
          const url = `/api${route.path.replace(':id', 'guard-x')}`;
          const res = await f.client.request(route.method.toUpperCase(), url, bodyOf(route), headers);
          expect([route.path, name, res.status, res.body?.error?.code]).toEqual([route.path, name, 401, 'unauthorized']);
          expect(res.headers['www-authenticate']).toMatch(/^Bearer realm=/);
          expect(answerProblems(res, `${route.path} ${name}`)).toEqual([]);
        }
        // Authentication comes first: a malformed or huge body without the token is not even read.
        const garbage = await f.client.request(
          route.method.toUpperCase(),
          `/api${route.path.replace(':id', 'guard-x')}`,
          undefined,
          { 'Content-Type': 'application/json' },
          Buffer.from('{"not json'),
        );
        expect(garbage.status).toBe(401);
      }
      const big = Buffer.alloc(9 * 1024 * 1024, 0x20);
      const started = Date.now();
      const huge = await f.client.request('POST', '/api/import', undefined, { 'Content-Type': 'application/json' }, big);
      expect(huge.status).toBe(401);
      expect(Date.now() - started).toBeLessThan(5000);
      expect(await f.snapshot()).toBe(before);
      // Sent in every header above, the token reaches no log line (the token in a URL would: see SECURITY.md).
      expect(f.logText()).not.toContain(FUZZ_TOKEN.slice(0, 20));
      expect(f.logText().toLowerCase()).not.toMatch(/authorization|x-api-key|cookie/);
    } finally {
      await f.close();
    }
  });

  test('with writing disabled (no API_TOKEN): 403 forbidden for every write and every header, the right token included', async () => {
    const f = await openFuzzServer(embeddedFactory, { token: null });
    try {
      const before = await f.snapshot();
      for (const route of writes) {
        for (const [name, headers] of [
          ...variants,
          ['the token', { Authorization: `Bearer ${FUZZ_TOKEN}` }] as [string, Record<string, string>],
        ]) {
          const res = await f.client.request(
            route.method.toUpperCase(),
            `/api${route.path.replace(':id', 'guard-x')}`,
            bodyOf(route),
            headers,
          );
          expect([route.path, name, res.status, res.body?.error?.code]).toEqual([route.path, name, 403, 'forbidden']);
          expect(res.body.error.message).toMatch(/writes are disabled/);
        }
      }
      expect((await f.client.get('/api/actors/parler')).status).toBe(200);
      expect(await f.snapshot()).toBe(before);
    } finally {
      await f.close();
    }
  });
});
