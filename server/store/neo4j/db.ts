/**
 * The one driver of a store and the ways the store talks to it: single statements through
 * `executeQuery`, several statements in one managed read or write transaction. The database is
 * always named, every result comes back as plain objects (lossless integers off), and every
 * failure goes through translateError.
 */
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import type { Logger } from '../../logger';
import { translateError } from './driver-errors';

export type Row = Record<string, unknown>;
export type Params = Record<string, unknown>;

/** A transaction as the store sees it: run a statement, get its rows. */
export interface Tx {
  run(query: string, params?: Params): Promise<Row[]>;
}

function txOf(tx: ManagedTransaction): Tx {
  return {
    run: async (query, params = {}) => (await tx.run(query, params)).records.map((r) => r.toObject() as Row),
  };
}

export class Db {
  constructor(
    private readonly driver: Driver,
    readonly database: string,
    private readonly logger: Logger,
  ) {}

  static open(uri: string, user: string, password: string, database: string, logger: Logger): Db {
    const driver = neo4j.driver(uri, neo4j.auth.basic(user, password), {
      disableLosslessIntegers: true,
      // Bounded waits: an unreachable server is an error answer, never a hang.
      connectionTimeout: 10_000,
      connectionAcquisitionTimeout: 15_000,
      maxTransactionRetryTime: 5_000,
      userAgent: 'deplatforming-graph',
    });
    return new Db(driver, database, logger);
  }

  async verify(): Promise<void> {
    await this.guard('verify connectivity', () => this.driver.verifyConnectivity({ database: this.database }));
  }

  /** One statement, auto-retried by the driver; `write` routes it to the leader. */
  query(query: string, params: Params = {}, mode: 'read' | 'write' = 'read'): Promise<Row[]> {
    return this.guard(query, async () => {
      const result = await this.driver.executeQuery(query, params, {
        database: this.database,
        routing: mode === 'write' ? neo4j.routing.WRITE : neo4j.routing.READ,
      });
      return result.records.map((r) => r.toObject() as Row);
    });
  }

  /** Several statements on one consistent view. */
  read<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.transaction('read', work);
  }

  /** Several statements committed together or not at all (a throw rolls everything back). */
  write<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.transaction('write', work);
  }

  private async transaction<T>(mode: 'read' | 'write', work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.guard(`${mode} transaction`, async () => {
      const session = this.driver.session({
        database: this.database,
        defaultAccessMode: mode === 'write' ? neo4j.session.WRITE : neo4j.session.READ,
        // Share executeQuery's bookmarks, so a read after a write sees it (causal consistency).
        bookmarkManager: this.driver.executeQueryBookmarkManager,
      });
      try {
        return mode === 'write'
          ? await session.executeWrite((tx) => work(txOf(tx)))
          : await session.executeRead((tx) => work(txOf(tx)));
      } finally {
        await session.close();
      }
    });
  }

  private async guard<T>(what: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      const translated = translateError(err);
      if (translated !== err) {
        this.logger.warn({ err, what: what.length > 120 ? `${what.slice(0, 120)}...` : what }, `neo4j: ${translated.message}`);
      }
      throw translated;
    }
  }

  close(): Promise<void> {
    return this.driver.close();
  }
}
