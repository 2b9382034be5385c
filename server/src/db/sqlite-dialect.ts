/**
 * better-sqlite3 opened for durability, behind Kysely's SQLite dialect with two changes:
 * transactions start with BEGIN IMMEDIATE, and migrations run in a transaction.
 *
 * Within one process Kysely's SqliteDriver already serialises everything: it has a single
 * connection guarded by a mutex held from BEGIN to COMMIT, so concurrent requests' transactions
 * queue rather than interleave. IMMEDIATE matters when a second process (the CLI, a second
 * server) shares the file: a deferred BEGIN that later needs to write can fail with
 * SQLITE_BUSY without waiting, while IMMEDIATE takes the write lock up front and honours
 * busy_timeout. Open one store per file per process: better-sqlite3 waits synchronously, so a
 * second connection on the same thread would block on a lock only the first can release. (The
 * store's own writer thread, sqlite-writer.ts, is the one second connection: on another thread
 * its lock is released whatever the main thread does.)
 */
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, SqliteAdapter, SqliteDialect, SqliteDriver, type DatabaseConnection, type DialectAdapter, type Driver, type SqliteDatabase, type SqliteDialectConfig } from 'kysely';

export const SQLITE_MEMORY = ':memory:';

/** The files of a SQLite database: they hold password hashes and every submission. */
export const SQLITE_FILE_SUFFIXES = ['', '-wal', '-shm'];

/** Readable by the server's own account only (where the platform has such modes). */
export function restrictToOwner(path: string): void {
  for (const suffix of SQLITE_FILE_SUFFIXES) {
    try {
      chmodSync(path + suffix, 0o600);
    } catch {
      // Not there (yet), or not ours to change: a file an administrator set up keeps its mode.
    }
  }
}

export function openSqliteFile(path: string, synchronous: 'full' | 'normal' = 'full'): BetterSqlite3.Database {
  if (path !== SQLITE_MEMORY) {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    // Created owner-only before SQLite opens it, which gives -wal and -shm the same mode.
    closeSync(openSync(path, 'a', 0o600));
  }
  const db = new BetterSqlite3(path);
  db.pragma('journal_mode = WAL');
  // Files an earlier version created world-readable.
  if (path !== SQLITE_MEMORY) restrictToOwner(path);
  // FULL syncs the WAL on every commit: an acknowledged submission survives a power cut or a
  // killed process. NORMAL (a bureau's choice) survives a killed process; a power cut may lose
  // the last commits.
  db.pragma(`synchronous = ${synchronous === 'normal' ? 'NORMAL' : 'FULL'}`);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}

/** Most statements the server runs; past this the cache starts over rather than grow. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * The database as Kysely sees it, with prepared statements kept: Kysely prepares every query
 * afresh, which costs more than running most of them. Safe because the driver runs one query
 * at a time on this single connection.
 */
export function withStatementCache(db: BetterSqlite3.Database): SqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (!statement) {
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.clear();
        statement = db.prepare(sql);
        statements.set(sql, statement);
      }
      return statement as unknown as ReturnType<SqliteDatabase['prepare']>;
    },
    close() {
      statements.clear();
      db.close();
    },
  };
}

/**
 * First come, first served. Kysely's own lock wakes every waiter at once and lets whichever
 * runs first win, so under load some requests waited seconds while later ones went ahead.
 */
class FifoGate {
  private readonly waiting: Array<() => void> = [];
  private busy = false;

  async enter(): Promise<void> {
    if (!this.busy) {
      this.busy = true;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  leave(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.busy = false;
  }
}

class ImmediateSqliteDriver extends SqliteDriver {
  private readonly gate = new FifoGate();

  override async acquireConnection(): Promise<DatabaseConnection> {
    await this.gate.enter();
    try {
      return await super.acquireConnection();
    } catch (e) {
      this.gate.leave();
      throw e;
    }
  }

  override async releaseConnection(): Promise<void> {
    await super.releaseConnection();
    this.gate.leave();
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

/** SQLite's DDL is transactional; Kysely's adapter just does not claim it. */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

export class DurableSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}
