/**
 * Migration 001 spelled the roles, statuses and decisions out in its CHECK constraints; applied
 * migrations never change, so this holds the vocabulary to them: a new value needs a new migration.
 */
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { REVIEW_ACTIONS, ROLES, SUBMISSION_STATUSES } from '../../../../shared/src/vocabulary';
import { migrateToLatest } from '../migrate';

let tables: Map<string, string>;

beforeAll(async () => {
  const raw = new BetterSqlite3(':memory:');
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: raw }) });
  await migrateToLatest(db);
  tables = new Map((raw.prepare("select name, sql from sqlite_master where type = 'table'").all() as Array<{ name: string; sql: string }>).map((t) => [t.name, t.sql]));
  await db.destroy();
});

/** The quoted values of `column in ('a', 'b')` in the table's CREATE statement. */
function checkList(table: string, column: string): string[] {
  const m = new RegExp(`${column} in \\(([^)]*)\\)`).exec(tables.get(table) ?? '');
  if (!m) throw new Error(`no CHECK on ${table}.${column}`);
  return m[1].split(',').map((v) => v.trim().replace(/^'|'$/g, ''));
}

test.each([
  ['users', 'role', ROLES],
  ['submissions', 'status', SUBMISSION_STATUSES],
  ['review_decisions', 'decision', REVIEW_ACTIONS],
])('%s.%s accepts exactly the vocabulary', (table, column, values) => {
  expect(checkList(table, column)).toEqual([...values]);
});
