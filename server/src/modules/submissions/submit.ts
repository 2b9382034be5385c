import { createHash } from 'node:crypto';
import type { Report } from '../../../../shared/src';
import type { Actor, AuditRepository, Bound, SubmissionRepository, SubmissionSummary } from '../../db/store';
import { ApiError, conflict, forbidden, notFound } from '../../http/errors';
import type { ApprovedCatalogue } from '../catalogue/service';
import { checkedOrThrow, type CheckedWorkbook, type Received, type SubmitLimits } from './check-workbook';
import type { SubmissionChecker } from './checker';
import { displayNames, leadStepOn } from '../identity/service';
import { getTask } from '../tasks/service';

/**
 * A submission: the server validates the workbook again with the same engine (never trusting
 * the client's verdict), then stores the version, its report and an audit entry in one
 * transaction. A retry with the same idempotency key is answered from what was stored.
 */
/**
 * Submissions' repositories and the audit log in one transaction, and what submitting, deciding and
 * listing read through identity's and tasks' services.
 */
export type SubmissionData = Bound<SubmissionRepository & AuditRepository> & Parameters<typeof leadStepOn>[0] & Parameters<typeof getTask>[0] & Parameters<typeof displayNames>[0];

export interface SubmitDeps {
  store: SubmissionData;
  catalogue: ApprovedCatalogue;
  checker: SubmissionChecker;
  limits: SubmitLimits;
}

export interface SubmitResult {
  submission: SubmissionSummary;
  report: Report;
  replayed: boolean;
}

const taskClosed = (title?: string) => conflict('task-closed', `填报任务${title ? `“${title}”` : ''}已关闭，不再接收提交；如需补交，请联系审核人员`);

const keyReused = () =>
  new ApiError(409, 'idempotency-key-reused', '这个 Idempotency-Key 已用于另一次内容不同的提交；每次新的提交请使用新的键，重试时才沿用原来的键');

function department(actor: Actor): number {
  if ((actor.role !== 'clerk' && actor.role !== 'lead') || actor.departmentId === null) throw forbidden();
  return actor.departmentId;
}

function hash(...parts: Array<string | Buffer>): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest('hex');
}

/** JSON grids from the add-in. */
export function submitJson(deps: SubmitDeps, actor: Actor, body: Buffer, idempotencyKey: string | null): Promise<SubmitResult> {
  return submit(deps, actor, { format: 'json', bytes: body }, idempotencyKey, idempotencyKey === null ? null : hash('json\n', body), null);
}

/** An .xlsx upload, with the file kept. */
export function submitUpload(
  deps: SubmitDeps,
  actor: Actor,
  upload: { taskId: number | null; file: { filename: string; content: Buffer } },
  idempotencyKey: string | null,
): Promise<SubmitResult> {
  const requestHash = idempotencyKey === null ? null : hash(`file\n${upload.taskId ?? ''}\n`, upload.file.content);
  return submit(deps, actor, { format: 'xlsx', bytes: upload.file.content }, idempotencyKey, requestHash, upload);
}

/** Either way: a retry is answered from what was stored; otherwise read and validated on a worker thread, then stored. */
async function submit(
  deps: SubmitDeps,
  actor: Actor,
  received: Received,
  idempotencyKey: string | null,
  requestHash: string | null,
  upload: { taskId: number | null; file: { filename: string; content: Buffer } } | null,
): Promise<SubmitResult> {
  const departmentId = department(actor);
  const replay = await replayed(deps.store, actor, idempotencyKey, requestHash);
  if (replay) return replay;
  const checked = checkedOrThrow(await deps.checker.check(received, await deps.catalogue.snapshot(), deps.limits, 'store'));
  // An upload's task comes with the form, a JSON body's inside it.
  return store(deps, actor, departmentId, upload ? { ...checked, taskId: upload.taskId } : checked, idempotencyKey, requestHash, upload?.file ?? null);
}

async function replayed(store: Pick<SubmissionRepository, 'submissions'>, actor: Actor, key: string | null, requestHash: string | null): Promise<SubmitResult | null> {
  if (key === null) return null;
  const earlier = await store.submissions.findByIdempotencyKey(actor.userId, key);
  if (!earlier) return null;
  if (earlier.requestHash !== requestHash) throw keyReused();
  const report = await store.submissions.report(actor, earlier.submission.id);
  return report ? { submission: earlier.submission, report, replayed: true } : null;
}

async function store(
  deps: SubmitDeps,
  actor: Actor,
  departmentId: number,
  checked: CheckedWorkbook,
  idempotencyKey: string | null,
  requestHash: string | null,
  originalFile: { filename: string; content: Buffer } | null,
): Promise<SubmitResult> {
  if (checked.taskId !== null) {
    const task = await getTask(deps.store, checked.taskId);
    if (!task || !task.departmentIds.includes(departmentId)) throw notFound('填报任务');
    if (task.closedAt) throw taskClosed(task.title);
  }
  const leadStep = await leadStepOn(deps.store);
  const { report } = checked;
  const { submission, created, sameRequest } = await recordOpen(deps.store, {
    departmentId,
    taskId: checked.taskId,
    sheetKinds: checked.sheetKinds,
    grid: null,
    gridDeflated: checked.gridDeflated,
    report,
    submittedBy: actor.userId,
    idempotencyKey,
    requestHash,
    originalFile,
    status: leadStep ? 'submitted' : 'confirmed',
  });
  if (created) return { submission, report, replayed: false };
  // Two identical requests raced: the other one stored it.
  if (!sameRequest) throw keyReused();
  return { submission, report, replayed: true };
}

/** The write, with a close that won the race told apart from a fault (its class does not cross the SQLite writer thread, its name does). */
async function recordOpen(store: Pick<SubmissionRepository, 'recordSubmission'>, input: Parameters<SubmissionRepository['recordSubmission']>[0]) {
  try {
    return await store.recordSubmission(input);
  } catch (e) {
    throw e instanceof Error && e.name === 'TaskClosedError' ? taskClosed() : e;
  }
}
