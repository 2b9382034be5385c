/**
 * Typed errors for the constraint violations callers act on, so routes never look at driver
 * error codes and both backends fail the same way.
 */

/** A unique value is already taken (a username, a department name…). */
export class ConflictError extends Error {
  override readonly name = 'ConflictError';

  constructor(
    /** The entity, e.g. 'user' or 'department'. */
    readonly entity: string,
    /** The API field that must be unique, e.g. 'username' or 'name'. */
    readonly field: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A foreign key points nowhere (a department, user or task id that does not exist). */
export class InvalidReferenceError extends Error {
  override readonly name = 'InvalidReferenceError';

  constructor(options?: { cause?: unknown }) {
    super('引用的部门、用户或任务不存在', options);
  }
}

/** A submission to a task that was closed before it could be stored. */
export class TaskClosedError extends Error {
  override readonly name = 'TaskClosedError';

  constructor() {
    super('填报任务已关闭，不再接收提交');
  }
}

export interface UniqueConstraint {
  /** The name given in the migration; PostgreSQL reports it. */
  constraint: string;
  /** The table and columns; SQLite reports these instead. */
  table: string;
  columns: string[];
  entity: string;
  field: string;
  message: string;
}

export const UNIQUE_CONSTRAINTS: readonly UniqueConstraint[] = [
  { constraint: 'departments_name_unique', table: 'departments', columns: ['name'], entity: 'department', field: 'name', message: '部门名称已存在' },
  { constraint: 'users_username_unique', table: 'users', columns: ['username'], entity: 'user', field: 'username', message: '用户名已被使用' },
  { constraint: 'api_tokens_hash_unique', table: 'api_tokens', columns: ['token_hash'], entity: 'token', field: 'tokenHash', message: '令牌已存在' },
  { constraint: 'submissions_version_unique', table: 'submissions', columns: ['department_id', 'task_key', 'version'], entity: 'submission', field: 'version', message: '版本号冲突，请重试' },
  { constraint: 'submissions_idempotency_unique', table: 'submissions', columns: ['submitted_by', 'idempotency_key'], entity: 'submission', field: 'idempotencyKey', message: '该请求已提交过' },
];

interface DriverError {
  code?: unknown;
  constraint?: unknown;
  message?: unknown;
}

function driverError(error: unknown): DriverError | null {
  return typeof error === 'object' && error !== null ? (error as DriverError) : null;
}

/** Which named unique constraint `error` violated; null for any other error. */
export function uniqueViolation(error: unknown): UniqueConstraint | null {
  const e = driverError(error);
  if (!e) return null;
  if (e.code === '23505') return UNIQUE_CONSTRAINTS.find((u) => u.constraint === e.constraint) ?? null;
  if (e.code === 'SQLITE_CONSTRAINT_UNIQUE' && typeof e.message === 'string') {
    // "UNIQUE constraint failed: users.username" or "…: t.a, t.b"
    const columns = e.message.replace(/^.*?failed:\s*/, '').split(/,\s*/);
    return UNIQUE_CONSTRAINTS.find((u) => u.columns.length === columns.length && u.columns.every((c, i) => columns[i] === `${u.table}.${c}`)) ?? null;
  }
  return null;
}

function isForeignKeyViolation(error: unknown): boolean {
  const code = driverError(error)?.code;
  return code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

/** The typed error for a known constraint violation, or `error` unchanged. */
export function translateDbError(error: unknown): unknown {
  const unique = uniqueViolation(error);
  if (unique) return new ConflictError(unique.entity, unique.field, unique.message, { cause: error });
  if (isForeignKeyViolation(error)) return new InvalidReferenceError({ cause: error });
  return error;
}

/** Runs a write, rethrowing constraint violations as the typed errors above. */
export async function translatingErrors<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw translateDbError(error);
  }
}
