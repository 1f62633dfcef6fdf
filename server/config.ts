/** Settings read from the environment once at start; the README lists each. */
import fs from 'node:fs';
import path from 'node:path';
import { allowedHostNames } from './api/hosts';

export interface Neo4jSettings {
  uri: string;
  user: string;
  password: string;
  database: string;
}

/** What an empty store is given at start (SEED): every episode of the dataset, one interchange file, or nothing. */
export type SeedChoice = { kind: 'all' } | { kind: 'none' } | { kind: 'file'; file: string };

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  apiToken: string | undefined;
  /** The named keys' file (API_KEYS_FILE), absolute; none when unset. */
  apiKeysFile: string | undefined;
  /** Whether reads need at least a reader key (READS_NEED_KEY=1); health and the API's docs stay public. */
  readsNeedKey: boolean;
  logLevel: string;
  neo4j: Neo4jSettings | undefined;
  corsOrigins: string[];
  /** Writes allowed per client address and minute. */
  writeRateLimitPerMinute: number;
  /** Proxy hops in front of the server whose X-Forwarded-For is believed (0: none). */
  trustProxyHops: number;
  /** Names accepted in the Host header: those of the listening address plus ALLOWED_HOSTS ("*": any). */
  allowedHosts: string[];
  /** Whether the built browser's source maps (*.map) are served (SERVE_SOURCE_MAPS=1); refused (404) otherwise. */
  serveSourceMaps: boolean;
  /** How long an export's reader may take no data before the server closes its connection (EXPORT_STALL_MS). */
  exportStallMs: number;
  seed: SeedChoice;
}

function intSetting(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  return n;
}

function listSetting(env: NodeJS.ProcessEnv, name: string): string[] {
  return (env[name] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function seedSetting(raw: string | undefined): SeedChoice {
  const value = raw?.trim() ?? '';
  if (value === '' || value === 'all') return { kind: 'all' };
  if (value === 'none') return { kind: 'none' };
  const file = path.resolve(value);
  if (!fs.existsSync(file) || !fs.statSync(file).isFile())
    throw new Error(`SEED must be "all", "none" or the path of an interchange file, got "${value}" (no such file)`);
  return { kind: 'file', file };
}

function keysFileSetting(raw: string | undefined): string | undefined {
  const value = raw?.trim() ?? '';
  if (value === '') return undefined;
  const file = path.resolve(value);
  if (!fs.existsSync(file) || !fs.statSync(file).isFile())
    throw new Error(`API_KEYS_FILE names no file: "${value}" (create it with: npm run keys -- add NAME ROLE)`);
  return file;
}

function flagSetting(env: NodeJS.ProcessEnv, name: string): boolean {
  const raw = env[name]?.trim() ?? '';
  if (raw === '' || raw === '0') return false;
  if (raw === '1') return true;
  throw new Error(`${name} must be 1 or 0, got "${raw}"`);
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const uri = env.NEO4J_URI?.trim();
  const host = env.HOST || '127.0.0.1';
  const apiToken = env.API_TOKEN ? env.API_TOKEN : undefined;
  const apiKeysFile = keysFileSetting(env.API_KEYS_FILE);
  const readsNeedKey = flagSetting(env, 'READS_NEED_KEY');
  // Otherwise every read would be refused with no key that could ever pass.
  if (readsNeedKey && !apiToken && !apiKeysFile) throw new Error('READS_NEED_KEY=1 needs API_KEYS_FILE or API_TOKEN to be set');
  return {
    port: intSetting(env, 'PORT', 3000, 0, 65535),
    host,
    dataDir: path.resolve(env.DATA_DIR || './data'),
    apiToken,
    apiKeysFile,
    readsNeedKey,
    logLevel: env.LOG_LEVEL || 'info',
    neo4j: uri
      ? {
          uri,
          user: env.NEO4J_USER || 'neo4j',
          password: env.NEO4J_PASSWORD || 'password',
          database: env.NEO4J_DATABASE || 'neo4j',
        }
      : undefined,
    corsOrigins: (env.CORS_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    writeRateLimitPerMinute: intSetting(env, 'WRITE_RATE_LIMIT', 60, 1, 1_000_000),
    trustProxyHops: intSetting(env, 'TRUST_PROXY_HOPS', 0, 0, 10),
    allowedHosts: allowedHostNames(host, listSetting(env, 'ALLOWED_HOSTS')),
    serveSourceMaps: env.SERVE_SOURCE_MAPS === '1',
    exportStallMs: intSetting(env, 'EXPORT_STALL_MS', 30_000, 100, 3_600_000),
    seed: seedSetting(env.SEED),
  };
}
