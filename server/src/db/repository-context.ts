import type { Kysely } from 'kysely';
import type { Database } from './schema';

/** What a repository needs from the store it belongs to. */
export interface RepoContext {
  /** The database, or the open transaction when the store is bound to one. */
  db: Kysely<Database>;
  /** Runs `work` atomically: in a new transaction, or in a savepoint of the open one. */
  atomically<T>(work: (db: Kysely<Database>) => Promise<T>): Promise<T>;
}

/** Timestamps are written by the application as ISO text, identical in both backends. */
export function now(): string {
  return new Date().toISOString();
}

/** COUNT(*) is a bigint: a string from pg, a number from better-sqlite3. */
export function toCount(value: string | number | bigint): number {
  return Number(value);
}
