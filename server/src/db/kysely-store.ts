/**
 * The Store over Kysely, the same code for SQLite and PostgreSQL. A store is either bound to
 * the database (each call runs on its own) or to one open transaction (`transaction` hands
 * such a store to its callback).
 *
 * Inside a transaction, use only the store passed in: on SQLite the one connection is held
 * by the transaction until it ends, so a call on the outer store would wait for it forever.
 * Do not run calls concurrently within one transaction either; they share one connection.
 */
import { sql, type ControlledTransaction, type Kysely } from 'kysely';
import { auditRepository } from '../modules/audit/kysely-repository';
import { calendarYearsRepository } from '../modules/tasks/repository/calendar-years';
import { recordSubmission, transactionRecorder, type Recorded, type SubmissionRecorder } from './record-submission';
import type { RepoContext } from './repository-context';
import { departmentsRepository } from '../modules/identity/repository/departments';
import { checkedUploadsRepository } from '../modules/submissions/repository/checked-uploads';
import { rateLimitsRepository } from '../modules/identity/repository/rate-limits';
import { sessionsRepository } from '../modules/identity/repository/sessions';
import { settingsRepository } from '../modules/identity/repository/settings';
import { submissionsRepository } from '../modules/submissions/repository/submissions';
import { tasksRepository } from '../modules/tasks/repository/tasks';
import { tokensRepository } from '../modules/identity/repository/tokens';
import { usersRepository } from '../modules/identity/repository/users';
import type { Database } from './schema';
import type { NewSubmission, Store } from './store';

/** `recorder` says where `recordSubmission` writes go; by default each in a transaction of its own. */
export function createKyselyStore(db: Kysely<Database>, recorder: (store: Store) => SubmissionRecorder = transactionRecorder): Store {
  const store = new KyselyStore(db, null);
  store.recorder = recorder(store);
  return store;
}

class KyselyStore implements Store {
  readonly departments: Store['departments'];
  readonly users: Store['users'];
  readonly tokens: Store['tokens'];
  readonly sessions: Store['sessions'];
  readonly rateLimits: Store['rateLimits'];
  readonly checkedUploads: Store['checkedUploads'];
  readonly tasks: Store['tasks'];
  readonly calendarYears: Store['calendarYears'];
  readonly submissions: Store['submissions'];
  readonly settings: Store['settings'];
  readonly audit: Store['audit'];
  #savepoints = 0;
  /** Set on a database-bound store; a transaction-bound one records within its own transaction. */
  recorder: SubmissionRecorder | null = null;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly trx: ControlledTransaction<Database> | null,
  ) {
    const ctx: RepoContext = { db: trx ?? db, atomically: (work) => this.#atomically((store) => work(store.trx ?? store.db)) };
    this.departments = departmentsRepository(ctx);
    this.users = usersRepository(ctx);
    this.tokens = tokensRepository(ctx);
    this.sessions = sessionsRepository(ctx);
    this.rateLimits = rateLimitsRepository(ctx);
    this.checkedUploads = checkedUploadsRepository(ctx);
    this.tasks = tasksRepository(ctx);
    this.calendarYears = calendarYearsRepository(ctx);
    this.submissions = submissionsRepository(ctx);
    this.settings = settingsRepository(ctx);
    this.audit = auditRepository(ctx);
  }

  transaction<T>(work: (tx: Store) => Promise<T>): Promise<T> {
    return this.#atomically(work);
  }

  recordSubmission(input: NewSubmission): Promise<Recorded> {
    if (this.recorder) return this.recorder.record(input);
    return this.transaction((tx) => recordSubmission(tx, input));
  }

  async ping(): Promise<void> {
    await sql`select 1`.execute(this.db);
  }

  async close(): Promise<void> {
    if (this.trx) throw new Error('事务进行中，不能关闭数据库连接');
    await this.recorder?.close();
    await this.db.destroy();
  }

  /**
   * A new transaction on a database-bound store; a savepoint on a transaction-bound one, so a
   * nested block that throws undoes only its own writes (and on PostgreSQL leaves the outer
   * transaction usable, which a failed statement otherwise would not).
   */
  async #atomically<T>(work: (tx: KyselyStore) => Promise<T>): Promise<T> {
    if (this.trx) return this.#inSavepoint(this.trx, () => work(this));
    const trx = await this.db.startTransaction().execute();
    try {
      const result = await work(new KyselyStore(this.db, trx));
      await trx.commit().execute();
      return result;
    } catch (error) {
      // Rollback releases the connection even when it fails; the work's error is the one to report.
      if (!trx.isCommitted && !trx.isRolledBack) await trx.rollback().execute().catch(() => undefined);
      throw error;
    }
  }

  async #inSavepoint<T>(trx: ControlledTransaction<Database>, work: () => Promise<T>): Promise<T> {
    const name = `govcat_sp_${++this.#savepoints}`;
    const inside = await trx.savepoint(name).execute();
    try {
      const result = await work();
      await inside.releaseSavepoint(name).execute();
      return result;
    } catch (error) {
      await inside.rollbackToSavepoint(name).execute();
      throw error;
    }
  }
}
