/** Row ↔ object mapping for submissions and their decisions. */
import type { Selectable } from 'kysely';
import type { Report, SheetKind } from '../../../../../shared/src';
import type { ReviewDecisionsTable, SubmissionsTable } from '../../../db/schema';
import type { SubmissionStatus } from '../../../../../shared/src';
import type { CellComment, Decision, Submission, SubmissionSummary } from '../repository';

/** What lists show: everything but the grid, report and file, which can be megabytes. */
export const SUMMARY_COLUMNS = [
  'id',
  'department_id',
  'task_id',
  'version',
  'sheet_kinds',
  'status',
  'errors',
  'warnings',
  'submitted_by',
  'created_at',
  'original_filename',
] as const;

export const DETAIL_COLUMNS = [...SUMMARY_COLUMNS, 'report'] as const;
export const GRID_COLUMNS = ['grid_deflated'] as const;

type SummaryRow = Pick<Selectable<SubmissionsTable>, (typeof SUMMARY_COLUMNS)[number]>;
type DetailRow = Pick<Selectable<SubmissionsTable>, (typeof DETAIL_COLUMNS)[number]>;

export function toSummary(row: SummaryRow): SubmissionSummary {
  return {
    id: row.id,
    departmentId: row.department_id,
    taskId: row.task_id,
    version: row.version,
    sheetKinds: JSON.parse(row.sheet_kinds) as SheetKind[],
    status: row.status as SubmissionStatus,
    errors: row.errors,
    warnings: row.warnings,
    submittedBy: row.submitted_by,
    createdAt: row.created_at,
    originalFilename: row.original_filename,
  };
}

export function toSubmission(row: DetailRow, decisions: Decision[]): Submission {
  return {
    ...toSummary(row),
    report: JSON.parse(row.report) as Report,
    decisions,
  };
}

/** The stored grid, deflated (grid-codec.ts); migration 009 deflated the rows that held plain JSON. */
export function toDeflatedGrid(row: Pick<Selectable<SubmissionsTable>, (typeof GRID_COLUMNS)[number]>): Buffer {
  if (!row.grid_deflated) throw new Error('submission grid missing');
  return toBuffer(row.grid_deflated);
}

export function toDecision(row: Selectable<ReviewDecisionsTable>): Decision {
  return {
    id: row.id,
    submissionId: row.submission_id,
    decision: row.decision as Decision['decision'],
    reason: row.reason,
    comments: JSON.parse(row.comments) as CellComment[],
    decidedBy: row.decided_by,
    createdAt: row.created_at,
  };
}

/** Bytes as a Buffer: what better-sqlite3 binds as a blob. Bytes that crossed a thread arrive as plain Uint8Arrays. */
export function toBuffer(value: Buffer | Uint8Array): Buffer {
  return Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
}
