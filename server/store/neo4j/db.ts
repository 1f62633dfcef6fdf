/**
 * The one driver of a store and the ways the store talks to it: single statements through
 * `executeQuery`, several statements in one managed read or write transaction, and the probe
 * (counts and version) shared by concurrent callers. The database is
 * always named, every result comes back as plain objects (lossless integers off), and every
 * failure goes through translateError.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import type { Logger } from '../../logger';
import type { Counts } from '../types';
import { Breaker } from './breaker';
import { PROBE } from './cypher';
import { translateError } from './driver-errors';

export type Row = Record<string, unknown>;
export type Params = Record<string, unknown>;

/** What a probe of the database finds: its record counts, its change number and its version (a bookmark). */
export interface Probe {
  counts: Counts;
  change: number;
  version: string;
}

/** A transaction as the store sees it: run a statement, get its rows. */
export interface Tx {
  run(query: string, params?: Params): Promise<Row[]>;
}

function txOf(tx: ManagedTransaction): Tx {
  return {
    run: async (query, params = {}) => (await tx.run(query, params)).records.map((r) => r.toObject()),
  };
}

export class Db {
  /** Refuses at once while Bolt is unreachable (breaker.ts), instead of waiting out the driver's retries. */
  private readonly breaker: Breaker;

  constructor(
    private readonly driver: Driver,
    readonly database: string,
    private readonly logger: Logger,
  ) {
    this.breaker = new Breaker({
      probe: async () => void (await driver.getServerInfo({ database })),
      onChange: (open, why) =>
        open
          ? logger.warn({ why }, 'neo4j: unreachable; answering 503 until a probe reaches it')
          : logger.info({ why }, 'neo4j: reachable again'),
    });
  }

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
    await this.guard('verify connectivity', () => this.driver.verifyConnectivity({ database: this.database }), false);
  }

  /** One statement, auto-retried by the driver; `write` routes it to the leader. */
  query(query: string, params: Params = {}, mode: 'read' | 'write' = 'read'): Promise<Row[]> {
    return this.guard(
      query,
      async () => {
        const result = await this.driver.executeQuery(query, params, {
          database: this.database,
          routing: mode === 'write' ? neo4j.routing.WRITE : neo4j.routing.READ,
        });
        return result.records.map((r) => r.toObject());
      },
      mode === 'read',
    );
  }

  /** Several statements in one read transaction. */
  read<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.transaction('read', work).then((r) => r.value);
  }

  /**
   * A read transaction and the bookmark it ended on: the id of the last transaction committed in
   * the database when it finished (Neo4j 5 answers a read's COMMIT with that bookmark, whoever
   * wrote last). Equal to a bookmark taken before it began, nothing was committed in between.
   */
  readVersioned<T>(work: (tx: Tx) => Promise<T>): Promise<{ value: T; version: string }> {
    return this.transaction('read', work);
  }

  /** Several statements committed together or not at all (a throw rolls everything back). */
  write<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.transaction('write', work).then((r) => r.value);
  }

  private session(mode: 'read' | 'write') {
    return this.driver.session({
      database: this.database,
      defaultAccessMode: mode === 'write' ? neo4j.session.WRITE : neo4j.session.READ,
      // Share executeQuery's bookmarks, so a read after a write sees it (causal consistency).
      bookmarkManager: this.driver.executeQueryBookmarkManager,
    });
  }

  private async transaction<T>(mode: 'read' | 'write', work: (tx: Tx) => Promise<T>): Promise<{ value: T; version: string }> {
    return this.guard(
      `${mode} transaction`,
      async () => {
        const session = this.session(mode);
        try {
          const value =
            mode === 'write' ? await session.executeWrite((tx) => work(txOf(tx))) : await session.executeRead((tx) => work(txOf(tx)));
          return { value, version: session.lastBookmarks().join(' ') };
        } finally {
          await session.close();
        }
      },
      mode === 'read',
    );
  }

  /** The probe a request's work runs under (withProbe): read after the request arrived. */
  private readonly requestProbe = new AsyncLocalStorage<Probe>();

  /**
   * Runs `work` with a fresh probe that the store's reads inside it may use as theirs (freshProbe),
   * so one request costs one probe however many of its parts need the version.
   */
  async withProbe<T>(work: (probe: Probe) => Promise<T>): Promise<T> {
    const probe = await this.probe();
    return this.requestProbe.run(probe, () => work(probe));
  }

  /** The request's probe (withProbe) when there is one, else a probe started after this call. */
  freshProbe(): Promise<Probe> {
    const held = this.requestProbe.getStore();
    return held ? Promise.resolve(held) : this.probe();
  }

  private probing: Promise<Probe> | null = null;
  private queued: Promise<Probe> | null = null;

  /**
   * The record counts and the database's version (as readVersioned), from a probe that started
   * after this call: concurrent callers share one (the next one, if one is already under way), so
   * ten health checks at once cost one round trip, and none is answered from before it arrived.
   */
  probe(): Promise<Probe> {
    if (!this.probing) return this.startProbe();
    this.queued ??= this.probing
      .catch(() => undefined)
      .then(() => {
        this.queued = null;
        return this.startProbe();
      });
    return this.queued;
  }

  private startProbe(): Promise<Probe> {
    const probe = this.guard(
      PROBE,
      async () => {
        // One statement in an auto-commit transaction: one round trip (a managed one takes two).
        const session = this.session('read');
        try {
          const [row] = (await session.run(PROBE, { counter: 'dataset' })).records.map((r) => r.toObject());
          const counts = {
            actors: Number(row?.actors ?? 0),
            sources: Number(row?.sources ?? 0),
            episodes: Number(row?.episodes ?? 0),
            actions: Number(row?.actions ?? 0),
          };
          return { counts, change: Number(row?.change ?? 0), version: session.lastBookmarks().join(' ') };
        } finally {
          await session.close();
        }
      },
      true,
    ).finally(() => {
      if (this.probing === probe) this.probing = null;
    });
    this.probing = probe;
    return probe;
  }

  /** Runs `fn` behind the breaker (`abandon`: a read, answered 503 as soon as the breaker opens). */
  private async guard<T>(what: string, fn: () => Promise<T>, abandon: boolean): Promise<T> {
    try {
      return await this.breaker.run(fn, abandon);
    } catch (err) {
      const translated = translateError(err);
      if (translated !== err) {
        this.logger.warn({ err, what: what.length > 120 ? `${what.slice(0, 120)}...` : what }, `neo4j: ${translated.message}`);
      }
      throw translated;
    }
  }

  close(): Promise<void> {
    this.breaker.stop();
    return this.driver.close();
  }
}
