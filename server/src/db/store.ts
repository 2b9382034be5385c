/**
 * The data-access layer as one object: every module's repository together (each module declares
 * its own contract in modules/<name>/repository.ts), plus the shared mechanism — transactions, the
 * health ping, closing. One implementation (Kysely, kysely-store.ts) serves both backends, SQLite
 * (embedded default) and PostgreSQL (several server instances sharing one database). A transaction
 * hands out a Store whose every repository is bound to it.
 */
import type { AuditRepository } from '../modules/audit/repository';
import type { IdentityRepository } from '../modules/identity/repository';
import type { SubmissionRepository } from '../modules/submissions/repository';
import type { TaskRepository } from '../modules/tasks/repository';

export type { Role, SubmissionStatus } from '../../../shared/src';
export type * from '../modules/audit/repository';
export type * from '../modules/identity/repository';
export type * from '../modules/submissions/repository';
export type * from '../modules/tasks/repository';

/**
 * The shared transaction as a module sees it: `work` receives the repositories `R` bound to one
 * transaction (and may nest, as a savepoint). `Store` is one of these for every `R` it holds.
 */
export interface Transactional<R> {
  transaction<T>(work: (tx: Bound<R>) => Promise<T>): Promise<T>;
}

/** Repositories `R` and the shared transaction over them: what a module's routes and services take. */
export type Bound<R> = R & Transactional<R>;

/** A write with its audit entry; both land or neither does (one transaction across modules). */
export interface Store extends IdentityRepository, SubmissionRepository, TaskRepository, AuditRepository {
  /**
   * Runs `work` in one transaction; a throw rolls everything back. Use only `tx` inside (the
   * outer store would wait for the transaction's connection on SQLite). Called on `tx` it nests
   * as a savepoint: a throw undoes the inner block only.
   */
  transaction<T>(work: (tx: Store) => Promise<T>): Promise<T>;

  /** Resolves when the database answers a trivial query (health checks behind a load balancer). */
  ping(): Promise<void>;

  close(): Promise<void>;
}
