/**
 * The few column types that differ between SQLite and PostgreSQL, in one place so the
 * migrations stay portable schema-builder code.
 */
import { PostgresAdapter, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export interface DialectTypes {
  /** An auto-assigned integer primary key. */
  id: (col: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;
  /** Binary data that reads back as a Buffer. */
  blob: 'bytea' | 'blob';
}

export function dialectTypes(db: Kysely<any>): DialectTypes {
  if (isPostgres(db)) {
    return { id: (col) => col.primaryKey().generatedByDefaultAsIdentity(), blob: 'bytea' };
  }
  // AUTOINCREMENT so an id is never reused, even after the newest row is gone.
  return { id: (col) => col.primaryKey().autoIncrement(), blob: 'blob' };
}
