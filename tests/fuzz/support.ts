/**
 * Shared pieces of the property-based fuzz suites: the app over a store listening on a real port
 * (so raw bytes can be sent), arbitraries for hostile strings, ids, query strings and bodies, and
 * the checks every answer must pass (never a 5xx, the spec's error shape, nothing written).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import pino from 'pino';
import { createApp } from '../../server/app';
import { ACTOR_KINDS, CATEGORIES, ERROR_CODES, LAYERS } from '../../contract';
import { readConfig } from '../../server/config';
import type { GraphStore } from '../../server/store/types';
import { Client, type Answer } from '../reliability/support/http';
import { seedDocument } from '../support/seed';
import type { StoreFactory } from '../support/stores';

export const FUZZ_TOKEN = 'fuzz-token-9a7c3e51-never-echo-me';

/** Runs per property: FUZZ_RUNS when set (a long run), else `ci` (fewer on Neo4j, where each run is slower). */
export function runs(ci: number, store: 'embedded' | 'neo4j' = 'embedded'): number {
  const env = Number(process.env.FUZZ_RUNS);
  if (Number.isInteger(env) && env > 0) return env;
  return store === 'neo4j' ? Math.max(10, Math.round(ci / 4)) : ci;
}

/** A test's time limit for `n` runs of about `msPerRun` each (with a minute to spare). */
export function timeoutFor(n: number, msPerRun: number): number {
  return 60_000 + n * msPerRun;
}

/** A fixed seed unless FUZZ_SEED is given, so a CI failure replays; the seed is in the failure message. */
export const FUZZ_SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20210110;

export interface FuzzServer {
  store: GraphStore;
  client: Client;
  /** Every log line, as text. */
  logText(): string;
  /** The whole graph as canonical text, to compare before and after a request. */
  snapshot(): Promise<string>;
  close(): Promise<void>;
}

export async function openFuzzServer(
  factory: StoreFactory,
  options: { corsOrigins?: string[]; writeRateLimitPerMinute?: number; token?: string | null } = {},
): Promise<FuzzServer> {
  const store = await factory.open();
  await store.importDocument(seedDocument());
  const lines: string[] = [];
  const logger = pino({ level: 'debug' }, { write: (l: string) => void lines.push(l) });
  const config = {
    ...readConfig({}),
    apiToken: options.token === null ? undefined : (options.token ?? FUZZ_TOKEN),
    corsOrigins: options.corsOrigins ?? [],
  };
  const app = createApp({ store, config, logger, writeRateLimitPerMinute: options.writeRateLimitPerMinute ?? 10_000_000, clientDir: null });
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const client = new Client(`http://127.0.0.1:${port}`, { token: FUZZ_TOKEN, timeoutMs: 60_000, maxSockets: 8 });
  return {
    store,
    client,
    logText: () => lines.join(''),
    snapshot: async () => JSON.stringify(await store.exportDocument({})),
    close: async () => {
      client.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await factory.cleanup(store);
    },
  };
}

const STATUS_CODE: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  429: 'rate_limited',
  503: 'unavailable',
  507: 'unavailable',
};

/** The problems of one answer: a 5xx, an error not in the spec's shape, a leaked stack or token. */
export function answerProblems(res: Answer, what: string): string[] {
  const problems: string[] = [];
  if (res.status >= 500) problems.push(`${what}: ${res.status} ${res.text.slice(0, 300)}`);
  if (res.status >= 400) {
    const body = res.body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined;
    const e = body?.error;
    const shaped =
      e &&
      typeof e.code === 'string' &&
      typeof e.message === 'string' &&
      e.message.length > 0 &&
      Array.isArray(e.details) &&
      e.details.every((d) => typeof d === 'string') &&
      Object.keys(body).length === 1;
    if (!shaped) problems.push(`${what}: ${res.status} is not {error:{code,message,details}}: ${res.text.slice(0, 300)}`);
    else {
      if (!(ERROR_CODES as readonly string[]).includes(String(e.code)))
        problems.push(`${what}: code "${String(e.code)}" is not in the spec's list`);
      if (STATUS_CODE[res.status] && STATUS_CODE[res.status] !== e.code)
        problems.push(`${what}: ${res.status} with code "${String(e.code)}"`);
    }
  }
  if (/\bat .+\.(ts|js):\d+/.test(res.text)) problems.push(`${what}: a stack trace in the answer`);
  if (res.text.includes(FUZZ_TOKEN)) problems.push(`${what}: the token in the answer`);
  return problems;
}

// ---- arbitraries ----

/** Strings that have broken parsers, queries and pages before. */
export const HOSTILE_STRINGS = [
  "' OR 1=1 //",
  '"}) MATCH (n) DETACH DELETE n //',
  "x') WITH 1 AS x MATCH (n) DETACH DELETE n RETURN 1 //",
  '`; CALL db.clearQueryCaches() //',
  'MATCH (n) RETURN n',
  '$limit',
  '{id}',
  '\\',
  '\\u0000',
  '../../../etc/passwd',
  '..%2F..%2F..%2Fetc%2Fpasswd',
  '..\\..\\windows\\win.ini',
  '/etc/passwd',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '=HYPERLINK("http://evil.example","x")',
  "=cmd|' /C calc'!A0",
  '+1',
  '@SUM(A1)',
  '\u0000',
  '\u202e\u202dtxt.exe',
  '\ufeff',
  '\ud800',
  '\udfff',
  '😀',
  'Zürich Σ ﷽',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'NaN',
  'Infinity',
  '-0',
  '1e308',
  '9007199254740993',
  '',
  ' ',
  'a'.repeat(5000),
];

/** Values that are valid for some parameter of some route, so fuzzing reaches past the first check. */
const PLAUSIBLE = [
  '0',
  '1',
  '2',
  '3',
  '4',
  '6',
  '8',
  '9',
  '10',
  '100',
  '1000',
  '1001',
  '-1',
  'parler',
  'aws',
  'twitter',
  'apple',
  'amazon',
  'unknown-actor',
  'src-000-parler-sues-aws',
  'aws-suspends-parler',
  'BANNED',
  'SUSPENDED,DELISTED',
  'BANNED,',
  'confirmed',
  'alleged,disputed',
  'company',
  'platform',
  'cloud-hosting',
  'json',
  'csv',
  'graphml',
  'gexf',
  'cyjs',
  'actors',
  'actions',
  '2021',
  '2021-01',
  '2021-01-10',
  '2021-01-10T23:59:00-08:00',
  '2021-13-01',
  '2021-01-10T23:59',
  '0000',
  '9999-12-31',
  'par',
  'AWS',
  'amazon web',
];

/** Any code point, lone surrogates and control characters included. */
const anyChar = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)),
);

export const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 3, arbitrary: fc.constantFrom(...PLAUSIBLE) },
  { weight: 2, arbitrary: fc.string({ unit: anyChar, maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 300 }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...PLAUSIBLE), fc.constantFrom(...HOSTILE_STRINGS)).map(([a, b]) => a + b) },
);

/** Ids for path parameters: slugs, seed ids, traversal, injection, anything. */
export const hostileId = fc.oneof(
  fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,63}$/),
  fc.constantFrom(
    'parler',
    'aws',
    'src-000-parler-sues-aws',
    'aws-suspends-parler',
    '..',
    '.',
    '...',
    '%2e%2e',
    'a'.repeat(65),
    'A',
    '-x',
    'x_y',
  ),
  hostileString,
);

/** Percent-encodes the UTF-8 bytes of a string (lone surrogates become U+FFFD, as a browser sends them). */
export function encode(text: string): string {
  return [...Buffer.from(text, 'utf8')]
    .map((b) =>
      /[A-Za-z0-9_.~-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');
}

/** Raw (not re-encoded) fragments: bad escapes, separators, brackets. */
const rawFragment = fc.constantFrom(
  '%',
  '%E0%A4%A',
  '%ff%fe',
  '%00',
  '%2F',
  '%5C',
  '&',
  '=',
  '==',
  '[]',
  '[0]',
  '[$gt]',
  '#',
  '+',
  ';',
  '..%2f',
);

const ids = fc.constantFrom('parler', 'aws', 'twitter', 'apple', 'amazon', 'google', 'donald-trump', 'buzzfeed', 'nobody-here');
const list = <T extends string>(xs: readonly T[]) =>
  fc.uniqueArray(fc.constantFrom(...xs), { minLength: 1, maxLength: 3 }).map((v) => v.join(','));
const date = fc.oneof(
  fc.constantFrom('2020', '2021', '2021-01', '2021-01-09', '2021-01-10T23:59:00-08:00', '2022-06'),
  fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
);

/** Values a parameter of that name accepts, so fuzzing gets past validation into the handlers. */
const PLAUSIBLE_BY_KEY: Record<string, fc.Arbitrary<string>> = {
  q: fc.oneof(fc.constantFrom('par', 'AWS', 'amazon web', 'parlér', 'suit'), fc.string({ maxLength: 20 })),
  kind: fc.constantFrom(...ACTOR_KINDS),
  layer: fc.constantFrom(...LAYERS),
  limit: fc.integer({ min: 1, max: 1000 }).map(String),
  offset: fc.integer({ min: 0, max: 50 }).map(String),
  type: list(['BANNED', 'SUSPENDED', 'DELISTED', 'HOSTED', 'SUED', 'ACCUSED', 'DENIED', 'OWNS', 'COMPETES_WITH', 'USERS_MIGRATED']),
  status: list(['confirmed', 'reported', 'alleged', 'disputed']),
  from: date,
  to: date,
  actor: ids,
  focus: ids,
  source: ids,
  target: ids,
  depth: fc.integer({ min: 1, max: 3 }).map(String),
  maxLength: fc.integer({ min: 1, max: 8 }).map(String),
  format: fc.constantFrom('json', 'csv', 'graphml', 'gexf', 'cyjs'),
  part: fc.constantFrom('actors', 'actions'),
  tz: fc.constantFrom('UTC', 'America/Los_Angeles', 'Asia/Tokyo', 'Europe/Berlin'),
  claimedBy: ids,
  disputedBy: ids,
  episode: ids,
  category: list([...CATEGORIES]),
};

/**
 * A query string over a route's parameters: each known one present about two times in three, with
 * a value it accepts (mostly) or a hostile one; now and then an unknown key, a repeated key or a
 * raw bad escape.
 */
export function queryArb(known: string[]): fc.Arbitrary<string> {
  const valueFor = (k: string) =>
    fc.oneof({ weight: 7, arbitrary: PLAUSIBLE_BY_KEY[k] ?? hostileString }, { weight: 3, arbitrary: hostileString });
  const knownPairs = fc.tuple(
    ...known.map((k) =>
      fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 2, arbitrary: valueFor(k).map((v) => `${k}=${encode(v)}`) }),
    ),
  );
  const extraKey = fc.oneof(
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        '__proto__',
        'constructor',
        'limit[$gt]',
        'a[b]',
        'q[]',
        'toString',
        '',
        'LIMIT',
        ...(known.length ? known : ['x']),
      ),
    },
    { weight: 1, arbitrary: hostileString },
  );
  const extra = fc.oneof(
    { weight: 2, arbitrary: fc.tuple(extraKey, hostileString).map(([k, v]) => `${encode(k)}=${encode(v)}`) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...(known.length ? known : ['x'])), rawFragment).map(([k, f]) => `${k}=${f}`) },
  );
  const extras = fc.oneof(
    { weight: 5, arbitrary: fc.constant([] as string[]) },
    { weight: 1, arbitrary: fc.array(extra, { minLength: 1, maxLength: 3 }) },
  );
  return fc.tuple(knownPairs, extras).map(([pairs, more]) => {
    const parts = [...pairs.filter((p): p is string => p !== null), ...more];
    return parts.length ? `?${parts.join('&')}` : '';
  });
}

/** JSON values, nested up to `depth`, with keys that attack prototypes now and then. */
export function jsonValueArb(depth = 6): fc.Arbitrary<unknown> {
  const key = fc.oneof(
    { weight: 5, arbitrary: fc.string({ maxLength: 12 }) },
    { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', 'id', 'name') },
  );
  return fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true, maxDepth: depth },
      fc.constant(null),
      fc.boolean(),
      fc.double(),
      fc.integer(),
      hostileString,
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(key, tie('value'), { maxKeys: 4 }),
    ),
  })).value;
}

export const VALID = {
  actor: (id: string) => ({
    id,
    name: `Fuzz ${id}`,
    kind: 'company',
    layer: 'cloud-hosting',
    aliases: ['F'],
    description: 'd',
    wikidata: 'Q1',
  }),
  source: (id: string) => ({
    id,
    title: `Fuzz ${id}`,
    publisher: 'P',
    author: 'A',
    published: '2021-01-10',
    url: 'https://example.org/x',
    kind: 'news',
  }),
  episode: (id: string) => ({
    id,
    title: `Fuzz ${id}`,
    summary: 'An episode for the fuzz',
    date: '2021-01-06/2021-09',
    timezone: 'America/Los_Angeles',
    trigger: { text: 'a trigger', wikidata: 'Q1' },
  }),
  action: (id: string) => ({
    id,
    type: 'SUED',
    from: 'parler',
    to: 'aws',
    date: '2021-01-11/2021-02',
    status: 'alleged',
    claimedBy: ['parler'],
    summary: 'Fuzz',
    citations: [{ source: 'src-000-parler-sues-aws', stance: 'reports-claim' }],
    details: { venue: 'W.D. Wash.', n: 1 },
  }),
};

/** A valid record with one change: a field set to anything, removed, or an unknown field added. */
export function mutatedRecord(kind: keyof typeof VALID, id: fc.Arbitrary<string>): fc.Arbitrary<Record<string, unknown>> {
  const fields = Object.keys(VALID[kind]('x'));
  return fc
    .tuple(id, fc.constantFrom(...fields, '__proto__', 'constructor', 'extra'), fc.constantFrom('set', 'delete', 'set'), jsonValueArb(4))
    .map(([rid, field, how, value]) => {
      const rec: Record<string, unknown> = JSON.parse(JSON.stringify(VALID[kind](rid)));
      if (how === 'delete') delete rec[field];
      else Object.defineProperty(rec, field, { value, enumerable: true, configurable: true, writable: true });
      return rec;
    });
}
