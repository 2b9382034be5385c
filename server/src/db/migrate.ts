/** Brings a database to the newest schema; safe to run at every start and from several instances at once. */
import { Migrator, type Kysely } from 'kysely';
import { staticMigrations } from './migrations';

/**
 * `schema` names where Kysely keeps its migration bookkeeping on PostgreSQL. Without it Kysely
 * would take a `kysely_migration` table in any schema of the database as ours.
 */
export async function migrateToLatest(db: Kysely<any>, schema?: string): Promise<void> {
  const migrator = new Migrator({ db, provider: staticMigrations, migrationTableSchema: schema });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`数据库结构升级失败${failed ? `（${failed}）` : ''}`, { cause: error });
  }
}
