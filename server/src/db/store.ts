/**
 * The data-access layer's contract. One implementation (Kysely) serves both backends, SQLite
 * (embedded default) and PostgreSQL (several server instances sharing one database).
 *
 * Department isolation lives here, not only in routes: every read of submissions takes the
 * Actor asking, and a clerk or lead sees only their own department's rows — another department's
 * submission reads as "not found".
 */
import type { CalendarYear, Report, ReviewAction, Role, SheetKind, SubmissionStatus, WorkbookGrid } from '../../../shared/src';
import type { Recorded } from './record-submission';

export type { Role, SubmissionStatus };

/** Who is asking. Clerks and leads belong to a department; coordinators and admins to none. */
export interface Actor {
  userId: number;
  role: Role;
  departmentId: number | null;
}

export interface Department {
  id: number;
  name: string;
  code: string | null;
  createdAt: string;
}

export interface User {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  departmentId: number | null;
  active: boolean;
  /** Signed in with a one-time password: only choosing a new one is allowed until then. */
  mustChangePassword: boolean;
  createdAt: string;
}

export interface ApiToken {
  id: number;
  userId: number;
  name: string;
  /** The first characters of the token, shown so a user can tell tokens apart; the token itself is never stored. */
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  /** Chosen when it was made; refused from then on. */
  expiresAt: string;
}

/** A signed-in browser (the review pages). */
export interface Session {
  userId: number;
  /** Sent back by the page in X-CSRF-Token on every state-changing request. */
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
}

export interface Task {
  id: number;
  title: string;
  sheetKinds: SheetKind[];
  departmentIds: number[];
  /** YYYY-MM-DD. */
  dueDate: string;
  /** Departments given a later due date of their own, ascending by department. */
  extensions: TaskExtension[];
  createdBy: number;
  createdAt: string;
  /** When the task stopped taking submissions; null while open. */
  closedAt: string | null;
}

export interface TaskExtension {
  departmentId: number;
  /** YYYY-MM-DD, later than the task's own due date. */
  dueDate: string;
}

/** What an edit may change; departments removed lose their extension with them. */
export interface TaskUpdate {
  title?: string;
  sheetKinds?: SheetKind[];
  departmentIds?: number[];
  dueDate?: string;
}

/** A year's holidays as the bureau entered them (CalendarYear plus who, when and from which notice). */
export interface BureauCalendarYear extends CalendarYear {
  notice: string;
  source: string;
  updatedBy: number;
  updatedAt: string;
}

/** A comment a reviewer pins to a sheet, a row or a cell. */
export interface CellComment {
  sheet: string;
  row: number | null;
  /** A1 address when the comment is about one cell. */
  cell: string | null;
  message: string;
}

export interface Decision {
  id: number;
  submissionId: number;
  decision: ReviewAction;
  reason: string;
  comments: CellComment[];
  decidedBy: number;
  createdAt: string;
}

export interface SubmissionSummary {
  id: number;
  departmentId: number;
  taskId: number | null;
  /** 1, 2, 3 … per department and task (per department when there is no task). */
  version: number;
  sheetKinds: SheetKind[];
  status: SubmissionStatus;
  errors: number;
  warnings: number;
  submittedBy: number;
  createdAt: string;
  originalFilename: string | null;
}

/** A submission with its report and decisions; its grid, which can be tens of MB, is read on its own (`grid`). */
export interface Submission extends SubmissionSummary {
  report: Report;
  decisions: Decision[];
}

export interface NewSubmission {
  departmentId: number;
  taskId: number | null;
  sheetKinds: SheetKind[];
  /** The grid, or null when `gridDeflated` carries it already serialised (on a worker thread). */
  grid: WorkbookGrid | null;
  /** The grid's JSON deflated (grid-codec.ts). */
  gridDeflated?: Uint8Array;
  report: Report;
  submittedBy: number;
  /** A retried request with the same key (per user) returns the first submission instead of a new one. */
  idempotencyKey: string | null;
  /** A hash of what the request carried, compared when the same idempotency key comes again. */
  requestHash: string | null;
  originalFile: { filename: string; content: Buffer } | null;
  /** 'submitted', or 'confirmed' directly when the bureau does not use the lead step. */
  status: SubmissionStatus;
}

export interface SubmissionFilter {
  taskId?: number;
  departmentId?: number;
  status?: SubmissionStatus;
  sheetKind?: SheetKind;
  /** Only the newest version of each department's series (what is waiting is the newest). */
  latest?: boolean;
  /** Oldest first or newest first (the default). */
  order?: 'oldest' | 'newest';
  limit?: number;
  offset?: number;
}

export interface AuditEntry {
  id: number;
  at: string;
  userId: number | null;
  action: string;
  entity: string;
  entityId: string | null;
  details: Record<string, unknown>;
}

/** Which audit entries: each field narrows; `from` (inclusive) and `to` (exclusive) are ISO times. */
export interface AuditFilter {
  userId?: number;
  action?: string;
  entity?: string;
  entityId?: string;
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

export interface NewAuditEntry {
  userId: number | null;
  action: string;
  entity: string;
  entityId: string | null;
  details?: Record<string, unknown>;
}

/** A write with its audit entry; both land or neither does. */
export interface Store {
  /**
   * Runs `work` in one transaction; a throw rolls everything back. Use only `tx` inside (the
   * outer store would wait for the transaction's connection on SQLite). Called on `tx` it nests
   * as a savepoint: a throw undoes the inner block only.
   */
  transaction<T>(work: (tx: Store) => Promise<T>): Promise<T>;

  /**
   * A new submission version and its audit entry, in one transaction, committed before this
   * resolves; with an idempotency key the user already used, the earlier submission instead
   * (`created: false`). On SQLite concurrent calls are committed together (group commit).
   */
  recordSubmission(input: NewSubmission): Promise<Recorded>;

  departments: {
    create(input: { name: string; code?: string | null }): Promise<Department>;
    list(): Promise<Department[]>;
    get(id: number): Promise<Department | null>;
    rename(id: number, input: { name: string; code?: string | null }): Promise<Department | null>;
  };

  users: {
    create(input: { username: string; displayName: string; role: Role; departmentId: number | null; passwordHash: string }): Promise<User>;
    get(id: number): Promise<User | null>;
    /** With the password hash, for signing in. */
    findForSignIn(username: string): Promise<(User & { passwordHash: string }) | null>;
    list(filter?: { departmentId?: number; role?: Role }): Promise<User[]>;
    /** Display names by user id, in one query (for showing who submitted and decided). */
    displayNames(ids: readonly number[]): Promise<Map<number, string>>;
    update(id: number, input: Partial<{ displayName: string; role: Role; departmentId: number | null; active: boolean; passwordHash: string; mustChangePassword: boolean }>): Promise<User | null>;
  };

  tokens: {
    /**
     * `tokenHash` is the SHA-256 of the token shown once to the user. It expires `lifetimeDays`
     * after its creation time (DEFAULT_TOKEN_LIFETIME_DAYS when not given; below zero, already).
     */
    create(input: { userId: number; name: string; prefix: string; tokenHash: string; lifetimeDays?: number }): Promise<ApiToken>;
    /**
     * The active token with this hash and its user, marking it used (`lastUsedAt` is rewritten at most once a minute);
     * 'expired' when it is past its expiry, null when unknown, revoked or the user is inactive.
     */
    findUser(tokenHash: string): Promise<{ token: ApiToken; user: User } | 'expired' | null>;
    list(userId?: number): Promise<ApiToken[]>;
    /** False when there is no such token; revoking twice keeps the first revocation time. */
    revoke(id: number): Promise<boolean>;
    /** Revokes every token of the user that still works (not revoked, not expired); returns how many. */
    revokeForUser(userId: number): Promise<number>;
  };

  sessions: {
    /** `idHash` is the SHA-256 of the id in the cookie. Expired sessions are swept on the way. */
    create(input: { idHash: string; userId: number; csrfToken: string; expiresAt: string }): Promise<void>;
    /** The live session and its user; null when unknown, expired, or the user is inactive. */
    find(idHash: string): Promise<{ session: Session; user: User } | null>;
    extend(idHash: string, expiresAt: string): Promise<void>;
    delete(idHash: string): Promise<void>;
    /** Signs a user out everywhere, except the session `keepIdHash`; returns how many ended. */
    deleteForUser(userId: number, keepIdHash?: string): Promise<number>;
  };

  /** Uploads checked but not submitted, for their owner only, until they expire. */
  checkedUploads: {
    create(input: { id: string; userId: number; gridDeflated: Uint8Array; expiresAt: string }): Promise<void>;
    /** The grid (deflated, grid-codec.ts) and its expiry, if it is this user's and has not expired. */
    grid(userId: number, id: string): Promise<{ gridDeflated: Buffer; expiresAt: string } | null>;
  };

  /** Counters with a window, shared by every server instance on this database (sign-in limits). */
  rateLimits: {
    /** Counts one more hit on `key`; a window that has ended starts again. */
    hit(key: string, windowMs: number): Promise<{ hits: number; resetAt: Date }>;
    /** The hits in `key`'s current window (0 when it has ended). */
    count(key: string): Promise<number>;
    /** Takes one hit back (a request that should not have counted). */
    undo(key: string): Promise<void>;
    reset(key: string): Promise<void>;
  };

  tasks: {
    create(input: { title: string; sheetKinds: SheetKind[]; departmentIds: number[]; dueDate: string; createdBy: number }): Promise<Task>;
    get(id: number): Promise<Task | null>;
    /** A clerk or lead sees the tasks given to their department; others see all. */
    list(actor: Actor): Promise<Task[]>;
    /** Null when there is no such task. Extensions no later than a new due date, or of removed departments, are dropped. */
    update(id: number, input: TaskUpdate): Promise<Task | null>;
    /** Gives one department of the task its own due date; a date equal to the task's removes it. Null when the task or its department is not there. */
    extend(id: number, extension: TaskExtension): Promise<Task | null>;
    /** Stops the task taking submissions; closing twice keeps the first time. */
    close(id: number): Promise<Task | null>;
    /**
     * Whether the task is closed, read inside a transaction so a concurrent close waits for it to end (PostgreSQL
     * FOR SHARE; SQLite has one writer); null when there is no such task.
     */
    isClosed(id: number): Promise<boolean | null>;
    /** How many submissions each department sent to the task (departments without any are absent). */
    submissionCounts(id: number): Promise<Map<number, number>>;
    /** Removes a task and its departments; false when there was none. The caller checks it has no submissions (a foreign key refuses otherwise). */
    delete(id: number): Promise<boolean>;
  };

  /** The years of holidays the bureau entered; they change at run time (services/bureau-calendar.ts reads them). */
  calendarYears: {
    list(): Promise<BureauCalendarYear[]>;
    put(input: Omit<BureauCalendarYear, 'updatedAt'>): Promise<BureauCalendarYear>;
    /** False when the year had no entry. */
    delete(year: number): Promise<boolean>;
  };

  submissions: {
    /**
     * Stores the version; with an idempotency key already used by the same user, returns that
     * submission, `created: false`, and whether the earlier request carried the same content.
     */
    create(input: NewSubmission): Promise<{ submission: SubmissionSummary; created: boolean; sameRequest: boolean }>;
    /** The submission an idempotency key of this user already made, with its request hash. */
    findByIdempotencyKey(userId: number, key: string): Promise<{ submission: SubmissionSummary; requestHash: string | null } | null>;
    /** Null when it does not exist or the actor may not see it. */
    get(actor: Actor, id: number): Promise<Submission | null>;
    /** The summary alone, under the same visibility as `get` (no report, no grid). */
    summary(actor: Actor, id: number): Promise<SubmissionSummary | null>;
    /** The grid as stored, deflated JSON (grid-codec.ts's inflateGrid reads it), under the same visibility as `get`. */
    grid(actor: Actor, id: number): Promise<Buffer | null>;
    /** Only the report, under the same visibility as `get` (a replayed request answers with it; the grid is not read). */
    report(actor: Actor, id: number): Promise<Report | null>;
    list(actor: Actor, filter?: SubmissionFilter): Promise<{ items: SubmissionSummary[]; total: number }>;
    /** Every version of the submission's series (its department and task), oldest first, with decisions; null when not visible. */
    versions(actor: Actor, id: number): Promise<Array<SubmissionSummary & { decisions: Decision[] }> | null>;
    /**
     * The newest version of each department's series for a task, with the time of its last submission or decision,
     * and whether a lead confirmed it (without the lead step a version arrives confirmed that nobody confirmed).
     */
    latestForTask(actor: Actor, taskId: number): Promise<Array<SubmissionSummary & { lastActivityAt: string; leadConfirmed: boolean }>>;
    /** The original uploaded file, under the same visibility as `get`. */
    originalFile(actor: Actor, id: number): Promise<{ filename: string; content: Buffer } | null>;
    /**
     * The department's newest approved version holding a sheet of this kind, older than `beforeId`,
     * whatever task it came in: this year's catalogue is compared with the one approved last year.
     */
    lastApproved(departmentId: number, sheetKind: SheetKind, beforeId: number): Promise<SubmissionSummary | null>;
    /**
     * Each department's newest approved version holding a sheet of this kind (the consolidated
     * catalogue's sources), with `approvals`: how many versions of this kind the department has had
     * approved in all, whatever the task. That count is the department's catalogue version: it
     * grows with every approval, across tasks and years (a series' `version` restarts each task).
     */
    latestApproved(sheetKind: SheetKind): Promise<Array<SubmissionSummary & { approvals: number }>>;
    /**
     * Records a decision and moves the status, only if the submission is still in `from` and
     * still the newest version of its series, checked in the same statement (so two reviewers
     * cannot both decide the same version, nor one decide a version just superseded); null when not.
     */
    decide(input: { submissionId: number; from: SubmissionStatus[]; to: SubmissionStatus; decision: Decision['decision']; reason: string; comments: CellComment[]; decidedBy: number }): Promise<Decision | null>;
  };

  settings: {
    get<T>(key: string, fallback: T): Promise<T>;
    set(key: string, value: unknown): Promise<void>;
  };

  audit: {
    append(entry: NewAuditEntry): Promise<void>;
    /** Newest first. */
    list(filter?: AuditFilter): Promise<AuditEntry[]>;
    /** How many entries match, whatever `limit` and `offset` say. */
    count(filter?: AuditFilter): Promise<number>;
  };

  /** Resolves when the database answers a trivial query (health checks behind a load balancer). */
  ping(): Promise<void>;

  close(): Promise<void>;
}
