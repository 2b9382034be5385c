/**
 * Submissions' data-access contract (implemented in repository/ over Kysely). Every read takes the
 * Actor asking: another department's submission reads as "not found".
 */
import type { Report, ReviewAction, SheetKind, SubmissionStatus, WorkbookGrid } from '../../../../shared/src';
import type { Recorded } from '../../db/record-submission';
import type { Actor } from '../identity/repository';

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

/** Submissions' data: versions with their grids and reports, decisions, uploads checked but not yet sent. */
export interface SubmissionRepository {
  /**
   * A new submission version and its audit entry, in one transaction, committed before this
   * resolves; with an idempotency key the user already used, the earlier submission instead
   * (`created: false`). On SQLite concurrent calls are committed together (group commit).
   */
  recordSubmission(input: NewSubmission): Promise<Recorded>;

  /** Uploads checked but not submitted, for their owner only, until they expire. */
  checkedUploads: {
    create(input: { id: string; userId: number; gridDeflated: Uint8Array; expiresAt: string }): Promise<void>;
    /** The grid (deflated, grid-codec.ts) and its expiry, if it is this user's and has not expired. */
    grid(userId: number, id: string): Promise<{ gridDeflated: Buffer; expiresAt: string } | null>;
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
}
