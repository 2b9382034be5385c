import { REVIEW_ACTION_LABELS, REVIEW_RULES, reviewSources, SUBMISSION_STATUS_LABELS, type ReviewAction } from '../../../../shared/src';
import type { Actor, CellComment, Decision, SubmissionStatus } from '../../db/store';
import type { SubmissionData } from './submit';
import { ApiError, badRequest, forbidden, notFound } from '../../http/errors';
import type { ApprovedCatalogue } from '../catalogue/service';
import { recordAudit } from '../audit/service';
import { leadStepOn } from '../identity/service';

/** Review decisions: who may take which, from which status, is shared/src/workflow.ts's REVIEW_RULES. */
export async function decide(
  store: SubmissionData,
  catalogue: ApprovedCatalogue,
  actor: Actor,
  submissionId: number,
  action: ReviewAction,
  input: { reason: string; comments: CellComment[] },
): Promise<Decision> {
  // The series' summaries, not the submission itself: deciding needs the status and whether a
  // newer version exists, never the grid. A lead sees, and so decides for, only their own
  // department: versions() hides the others.
  const series = await store.submissions.versions(actor, submissionId);
  const submission = series?.find((v) => v.id === submissionId);
  if (!series || !submission) throw notFound('提交');
  const leadStep = await leadStepOn(store);
  const from = reviewSources(action, actor.role, leadStep);
  if (!from) throw forbidden();
  const superseded = supersededIn(series, submissionId);
  if (superseded) throw superseded;
  if (action === 'return' && input.reason.trim() === '' && input.comments.length === 0) {
    throw badRequest('reason-required', '退回时请写明理由，或在单元格上留下批注');
  }
  if (!from.includes(submission.status)) throw statusConflict(action, submission.status);

  const decision = await store.transaction(async (tx) => {
    const d = await tx.submissions.decide({ submissionId, from: [...from], to: REVIEW_RULES[action].to, decision: action, reason: input.reason.trim(), comments: input.comments, decidedBy: actor.userId });
    if (!d) return null;
    await recordAudit(tx, { userId: actor.userId, action: `submission.${action}`, entity: 'submission', entityId: String(submissionId), details: { reason: d.reason, comments: d.comments.length } });
    return d;
  });
  if (!decision) {
    // Between the look above and the update someone decided first, or a newer version came in:
    // say which, from the series as it is now (a rare path; the common one reads it once).
    const now = await store.submissions.versions(actor, submissionId);
    throw (now && supersededIn(now, submissionId)) ?? statusConflict(action, now?.find((v) => v.id === submissionId)?.status ?? submission.status);
  }
  if (action === 'approve') catalogue.invalidate();
  return decision;
}

/** The refusal for a version that is no longer the newest of its series, or null. */
function supersededIn(series: ReadonlyArray<{ id: number; version: number }>, submissionId: number): ApiError | null {
  const newest = series[series.length - 1];
  return newest.id === submissionId ? null : new ApiError(409, 'superseded', `此提交已有更新的版本（第 ${newest.version} 版），请处理最新版本`);
}

function statusConflict(action: ReviewAction, status: SubmissionStatus): ApiError {
  const verb = REVIEW_ACTION_LABELS[action];
  const hint = status === 'returned' ? '已退回的提交不能再处理，请等待部门提交新版本' : `当前状态为“${SUBMISSION_STATUS_LABELS[status]}”`;
  return new ApiError(409, 'status-conflict', `此提交现在不能${verb}：${hint}`);
}
