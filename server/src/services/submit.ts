import { createHash } from 'node:crypto';
import { validateWorkbook, type Report, type SheetKind, type WorkbookGrid } from '../../../shared/src';
import type { Actor, Store, SubmissionSummary } from '../db/store';
import { ApiError, forbidden, notFound } from '../http/errors';
import type { ApprovedCatalogue } from './catalogue';

/**
 * A submission: the server re-validates the workbook with the same engine (never trusting the
 * client's verdict), then stores the version, its report and an audit entry in one transaction.
 */
export interface SubmitInput {
  actor: Actor;
  taskId: number | null;
  grid: WorkbookGrid;
  originalFile: { filename: string; content: Buffer } | null;
  idempotencyKey: string | null;
}

/** What a request carried: the uploaded bytes, or the grids, with the task. */
export function requestHashOf(input: Pick<SubmitInput, 'taskId' | 'grid' | 'originalFile'>): string {
  const h = createHash('sha256').update(`task:${input.taskId ?? ''}\n`);
  if (input.originalFile) h.update(input.originalFile.content);
  else h.update(JSON.stringify(input.grid));
  return h.digest('hex');
}

const keyReused = () =>
  new ApiError(409, 'idempotency-key-reused', '这个 Idempotency-Key 已用于另一次内容不同的提交；每次新的提交请使用新的键，重试时才沿用原来的键');

export interface SubmitLimits {
  rows: number;
  cells: number;
}

export interface SubmitResult {
  submission: SubmissionSummary;
  report: Report;
  replayed: boolean;
}

export function checkGridSize(grid: WorkbookGrid, limits: SubmitLimits): void {
  let rows = 0;
  let cells = 0;
  for (const s of grid.sheets) {
    rows += s.rows.length;
    for (const r of s.rows) cells += r.length;
  }
  if (rows > limits.rows) throw new ApiError(413, 'too-many-rows', `提交的数据共 ${rows} 行，超过上限 ${limits.rows} 行；请分批提交`);
  if (cells > limits.cells) throw new ApiError(413, 'too-many-cells', `提交的数据共 ${cells} 个单元格，超过上限 ${limits.cells} 个；请分批提交`);
}

export async function submitWorkbook(store: Store, catalogue: ApprovedCatalogue, limits: SubmitLimits, input: SubmitInput): Promise<SubmitResult> {
  const { actor } = input;
  if ((actor.role !== 'clerk' && actor.role !== 'lead') || actor.departmentId === null) throw forbidden();
  checkGridSize(input.grid, limits);
  // Hashing a large workbook costs time; only a request that may be retried needs it.
  const requestHash = input.idempotencyKey === null ? null : requestHashOf(input);
  // A retry is answered from what was stored, without checking the workbook again.
  if (input.idempotencyKey !== null) {
    const earlier = await store.submissions.findByIdempotencyKey(actor.userId, input.idempotencyKey);
    if (earlier) {
      if (earlier.requestHash !== requestHash) throw keyReused();
      const stored = await store.submissions.get(actor, earlier.submission.id);
      if (stored) return { submission: earlier.submission, report: stored.report, replayed: true };
    }
  }
  if (input.taskId !== null) {
    const task = await store.tasks.get(input.taskId);
    if (!task || !task.departmentIds.includes(actor.departmentId)) throw notFound('填报任务');
  }

  const report = validateWorkbook(input.grid, { catalogue: await catalogue.resources() });
  const sheetKinds = [...new Set(report.sheets.map((s) => s.kind).filter((k): k is SheetKind => k !== null))];
  if (sheetKinds.length === 0) {
    throw new ApiError(422, 'workbook-unrecognised', '没有识别出任何可提交的工作表（目录、需求清单、负面清单、责任清单、联系表或数据模板），请检查表头后重新提交');
  }
  const leadStep = await store.settings.get('leadConfirmation', false);

  const departmentId = actor.departmentId;
  const { submission, created, sameRequest } = await store.transaction(async (tx) => {
    const result = await tx.submissions.create({
      departmentId,
      taskId: input.taskId,
      sheetKinds,
      grid: input.grid,
      report,
      submittedBy: actor.userId,
      idempotencyKey: input.idempotencyKey,
      requestHash,
      originalFile: input.originalFile,
      status: leadStep ? 'submitted' : 'confirmed',
    });
    if (result.created) {
      await tx.audit.append({
        userId: actor.userId,
        action: 'submission.create',
        entity: 'submission',
        entityId: String(result.submission.id),
        details: { departmentId, taskId: input.taskId, version: result.submission.version, errors: report.counts.errors, warnings: report.counts.warnings, file: input.originalFile?.filename ?? null },
      });
    }
    return result;
  });
  if (created) return { submission, report, replayed: false };
  if (!sameRequest) throw keyReused();
  // A retried request: answer with what was stored the first time.
  const stored = await store.submissions.get(actor, submission.id);
  return { submission, report: stored?.report ?? report, replayed: true };
}
