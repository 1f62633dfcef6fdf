/**
 * An app over a fresh store for the API suite: createApp with a config, a token, and a pino logger
 * writing into memory so tests can read what was logged.
 */
import pino from 'pino';
import request from 'supertest';
import type { Express } from 'express';
import { createApp } from '../../server/app';
import { readConfig, type Config } from '../../server/config';
import { INTERCHANGE_FORMAT, type Action, type ActionType, type Actor, type InterchangeDocument, type Source } from '../../contract';
import type { GraphStore } from '../../server/store/types';
import type { StoreFactory } from '../support/stores';

export const TOKEN = 'test-token-6f1c2d9e-never-log-me';
export const AUTH = { Authorization: `Bearer ${TOKEN}` };

export interface Harness {
  app: Express;
  store: GraphStore;
  /** Every log line written so far, as text. */
  logText(): string;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** The API_TOKEN; TOKEN unless given, writes disabled when null. */
  token?: string | null;
  writeRateLimitPerMinute?: number;
  corsOrigins?: string[];
  clientDir?: string | null;
  /** An existing store to serve (not closed by close()). */
  store?: GraphStore;
  logLevel?: string;
  /** Any other settings (API_KEYS_FILE, READS_NEED_KEY, TRUST_PROXY_HOPS ...). */
  config?: Partial<Config>;
}

export async function openHarness(factory: StoreFactory, options: HarnessOptions = {}): Promise<Harness> {
  const store = options.store ?? (await factory.open());
  const lines: string[] = [];
  const logger = pino({ level: options.logLevel ?? 'info' }, { write: (line: string) => void lines.push(line) });
  const config: Config = {
    ...readConfig({}),
    apiToken: options.token === undefined ? TOKEN : (options.token ?? undefined),
    corsOrigins: options.corsOrigins ?? [],
    ...options.config,
  };
  const app = createApp({
    store,
    config,
    logger,
    writeRateLimitPerMinute: options.writeRateLimitPerMinute ?? 100_000,
    clientDir: options.clientDir === undefined ? null : options.clientDir,
  });
  return {
    app,
    store,
    logText: () => lines.join(''),
    close: async () => {
      if (!options.store) await factory.cleanup(store);
    },
  };
}

/** POSTs a document to /api/import with the token and expects a 200. */
export async function importDoc(app: Express, doc: InterchangeDocument): Promise<void> {
  const res = await request(app).post('/api/import').set(AUTH).send(doc);
  if (res.status !== 200) throw new Error(`import failed: ${res.status} ${JSON.stringify(res.body)}`);
}

// ---- tiny builders for hand-made graphs ----

export const SRC = 'src-test';

export function actor(id: string, extra: Partial<Actor> = {}): Actor {
  return { id, name: `Actor ${id}`, kind: 'company', ...extra };
}

export function source(id: string, extra: Partial<Source> = {}): Source {
  return { id, title: `Source ${id}`, ...extra };
}

/** `sources`: shorthand for citations of those source ids, with the stance the status needs. */
export function action(
  id: string,
  type: ActionType,
  from: string,
  to: string,
  date?: string,
  extra: Partial<Action> & { sources?: string[] } = {},
): Action {
  const { sources, ...rest } = extra;
  const status = rest.status ?? 'confirmed';
  const stance = status === 'alleged' || status === 'disputed' ? 'reports-claim' : 'states';
  const citations = (sources ?? [SRC]).map((source) => ({ source, stance }) as const);
  const a: Action = { id, type, from, to, status, summary: `${from} ${type} ${to}`, citations, ...rest };
  if (date !== undefined) a.date = date;
  return a;
}

/** A document of the given actors (ids or records) and actions, with SRC as their source. */
export function doc(actors: Array<Actor | string>, actions: Action[], sources: Source[] = [source(SRC)]): InterchangeDocument {
  return {
    format: INTERCHANGE_FORMAT,
    actors: actors.map((a) => (typeof a === 'string' ? actor(a) : a)),
    sources,
    actions,
  };
}

/** A store that fails every call with `error`, to see how the API maps store failures. */
export function failingStore(error: () => Error, kind: 'embedded' | 'neo4j' = 'embedded'): GraphStore {
  return new Proxy({ kind } as GraphStore, {
    get(target, prop) {
      if (prop === 'kind') return target.kind;
      if (prop === 'then') return undefined;
      return async () => {
        throw error();
      };
    },
  });
}
