/** Opens the store a database URL names, with its schema migrated to the newest version. */
import { Kysely, PostgresDialect } from 'kysely';
import { parseDatabaseUrl } from './database-url';
import { createKyselyStore } from './kysely-store';
import { migrateToLatest } from './migrate';
import { createPostgresPool, isSchemaName } from './postgres-pool';
import type { Database } from './schema';
import { groupCommitRecorder, type SubmissionRecorder } from './record-submission';
import { DurableSqliteDialect, openSqliteFile, SQLITE_MEMORY, withStatementCache } from './sqlite-dialect';
import { SqliteWriter } from './sqlite-writer';
import type { Store } from './store';

export interface OpenStoreOptions {
  /** SQLite only: FULL (the default) syncs every commit; NORMAL syncs at checkpoints, faster, and loses recent commits only on a power cut, never on a crash. */
  sqliteSynchronous?: 'full' | 'normal';
  /**
   * PostgreSQL only: keep every table in this schema (created if missing), e.g. one per test
   * run so parallel runs do not collide. A plain lowercase identifier: a-z, 0-9, _.
   */
  schema?: string;
  /** SQLite only: write submissions on a thread of their own (sqlite-writer.ts); by default whenever running compiled on a file. */
  sqliteWriterThread?: boolean;
}

export async function openStore(databaseUrl: string, options: OpenStoreOptions = {}): Promise<Store> {
  const target = parseDatabaseUrl(databaseUrl);
  if (target.kind === 'sqlite') {
    const synchronous = options.sqliteSynchronous ?? 'full';
    const db = new Kysely<Database>({ dialect: new DurableSqliteDialect({ database: withStatementCache(openSqliteFile(target.path, synchronous)) }) });
    // A writer thread needs the compiled build and a file a second connection can open.
    const threaded = options.sqliteWriterThread ?? (SqliteWriter.available && target.path !== SQLITE_MEMORY);
    return migrated(db, undefined, threaded ? () => new SqliteWriter(target.path, synchronous) : groupCommitRecorder);
  }
  const schema = options.schema;
  if (schema !== undefined && !isSchemaName(schema)) throw new Error(`数据库模式名无效：${schema}（只能用小写字母、数字和下划线）`);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: createPostgresPool(target.url, schema) }) });
  return migrated(db, async () => {
    if (schema !== undefined) {
      await db.schema.createSchema(schema).ifNotExists().execute();
      return schema;
    }
    // Name the schema to Kysely's migrator even without the option: it would otherwise take a
    // kysely_migration table in any schema of the database as ours.
    const current = await db.selectNoFrom((eb) => eb.fn<string | null>('current_schema', []).as('name')).executeTakeFirst();
    return current?.name ?? 'public';
  });
}

/** Migrates, first running `prepare` for the schema to keep migration bookkeeping in; closes the pool on failure. */
async function migrated(db: Kysely<Database>, prepare: () => Promise<string | undefined> = async () => undefined, recorder?: (store: Store) => SubmissionRecorder): Promise<Store> {
  try {
    await migrateToLatest(db, await prepare());
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return createKyselyStore(db, recorder);
}
