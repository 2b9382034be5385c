/**
 * Kysely's view of the tables (snake_case, as stored). Timestamps are ISO-8601 text and JSON is
 * text in both backends, so SQLite and PostgreSQL return byte-identical values; booleans are
 * 0/1 integers for the same reason.
 */
import type { ColumnType, Generated } from 'kysely';

/** JSON stored as text; the repositories parse and stringify it. */
type JsonText = string;
/** ISO-8601 timestamp text, written by the application (`new Date().toISOString()`). */
type Timestamp = string;
/** An auto-assigned id: absent when inserting, a number when read. */
type Id = Generated<number>;

export interface BureauSettingsTable {
  key: string;
  value: JsonText;
}

export interface DepartmentsTable {
  id: Id;
  name: string;
  code: string | null;
  created_at: Timestamp;
}

export interface UsersTable {
  id: Id;
  username: string;
  display_name: string;
  role: string;
  department_id: number | null;
  password_hash: string;
  /** 1 or 0. */
  active: ColumnType<number, number | undefined, number>;
  /** 1 after a one-time password (govcat reset-password): the pages ask for a new one first. */
  must_change_password: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
}

export interface ApiTokensTable {
  id: Id;
  token_hash: string;
  name: string;
  prefix: string;
  user_id: number;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
  /** Set on every row (migration 007 filled the older ones); a NULL would never match `> now` and so is refused. */
  expires_at: Timestamp;
}

export interface SessionsTable {
  id_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: Timestamp;
  /** Slides forward while the session is used, never past created_at + the absolute limit. */
  expires_at: Timestamp;
}

export interface TasksTable {
  id: Id;
  title: string;
  sheet_kinds: JsonText;
  /** YYYY-MM-DD. */
  due_date: string;
  created_by: number;
  created_at: Timestamp;
  /** Set when the task stops taking submissions. */
  closed_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
}

export interface TaskDepartmentsTable {
  task_id: number;
  department_id: number;
  /** YYYY-MM-DD: the department's own (later) due date; NULL for the task's. */
  due_date: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A year's holidays as the bureau entered them from the State Council's notice. */
export interface CalendarYearsTable {
  year: number;
  /** The lines the admin typed, shown again for editing. */
  notice: string;
  /** JSON arrays of YYYY-MM-DD. */
  holidays: JsonText;
  workdays: JsonText;
  /** The notice's title or number (国办发明电〔…〕…号). */
  source: string;
  updated_by: number;
  updated_at: Timestamp;
}

export interface SubmissionsTable {
  id: Id;
  department_id: number;
  task_id: number | null;
  /** task_id, or 0 for the series without a task: NULLs never collide in a unique index, 0 does. */
  task_key: number;
  version: number;
  sheet_kinds: JsonText;
  /** The grid's JSON deflated (grid-codec.ts); null only in rows migration 009 had not reached. */
  grid_deflated: Buffer | null;
  report: JsonText;
  errors: number;
  warnings: number;
  status: string;
  submitted_by: number;
  created_at: Timestamp;
  original_filename: string | null;
  original_file: Buffer | null;
  idempotency_key: string | null;
  request_hash: string | null;
}

export interface ReviewDecisionsTable {
  id: Id;
  submission_id: number;
  decision: string;
  reason: string;
  comments: JsonText;
  decided_by: number;
  created_at: Timestamp;
}

export interface AuditLogTable {
  id: Id;
  at: Timestamp;
  user_id: number | null;
  action: string;
  entity: string;
  entity_id: string | null;
  details: JsonText;
}

export interface CheckedUploadsTable {
  id: string;
  user_id: number;
  grid_deflated: Buffer;
  expires_at: Timestamp;
}

export interface RateLimitsTable {
  key: string;
  hits: number;
  reset_at: string;
}

export interface Database {
  bureau_settings: BureauSettingsTable;
  departments: DepartmentsTable;
  users: UsersTable;
  api_tokens: ApiTokensTable;
  sessions: SessionsTable;
  rate_limits: RateLimitsTable;
  checked_uploads: CheckedUploadsTable;
  tasks: TasksTable;
  task_departments: TaskDepartmentsTable;
  calendar_years: CalendarYearsTable;
  submissions: SubmissionsTable;
  review_decisions: ReviewDecisionsTable;
  audit_log: AuditLogTable;
}
