/**
 * The stores the contract suite runs against: the embedded store always, Neo4j when NEO4J_URI is
 * set. Each `open()` gives an empty store of that kind.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EmbeddedStore } from '../../server/store/embedded';
import { Neo4jStore } from '../../server/store/neo4j';
import type { GraphStore } from '../../server/store/types';
import { silentLogger } from '../../server/logger';
import { describeWith } from './needs';

export interface StoreFactory {
  name: 'embedded' | 'neo4j';
  /** An empty store. */
  open(): Promise<GraphStore>;
  /** Releases what open() made (temp folders, database content). */
  cleanup(store: GraphStore): Promise<void>;
}

export function tempDir(prefix = 'dg-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

const embedded: StoreFactory = (() => {
  const dirs = new WeakMap<GraphStore, string>();
  return {
    name: 'embedded',
    async open() {
      const dir = tempDir();
      const store = await EmbeddedStore.open({ dataDir: dir, logger: silentLogger() });
      dirs.set(store, dir);
      return store;
    },
    async cleanup(store) {
      await store.close().catch(() => undefined);
      const dir = dirs.get(store);
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
})();

function neo4jSettings() {
  return {
    uri: process.env.NEO4J_URI!,
    user: process.env.NEO4J_USER || 'neo4j',
    password: process.env.NEO4J_PASSWORD || 'password',
    database: process.env.NEO4J_DATABASE || 'neo4j',
  };
}

const neo4j: StoreFactory = {
  name: 'neo4j',
  async open() {
    const store = await Neo4jStore.connect(neo4jSettings(), silentLogger());
    await store.wipeForTests();
    return store;
  },
  async cleanup(store) {
    await store.close().catch(() => undefined);
  },
};

/** Why the Neo4j runs cannot happen here, or null when NEO4J_URI names a database. */
export function neo4jMissing(): string | null {
  return process.env.NEO4J_URI ? null : 'NEO4J_URI is not set (`npm run test:neo4j` starts a real Neo4j and runs these)';
}

/**
 * Runs `body` once per store. Without NEO4J_URI the Neo4j run is skipped with a message (so the
 * skip shows in the counts), or fails in CI (tests/support/needs.ts).
 */
export function describeEachStore(title: string, body: (factory: StoreFactory) => void): void {
  describe(`${title} [embedded]`, () => body(embedded));
  describeWith('neo4j', neo4jMissing(), `${title} [neo4j]`, () => body(neo4j));
}

export const neo4jFactory = neo4j;

export const embeddedFactory = embedded;
