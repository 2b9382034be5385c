import { SUBMISSION_STATUS_LABELS } from '../../../shared/src';
import type { Actor, CellComment, Decision, Store, SubmissionStatus } from '../db/store';
import { ApiError, badRequest, forbidden, notFound } from '../http/errors';
import type { ApprovedCatalogue } from './catalogue';

/**
 * Review decisions and the status they lead to:
 *   submitted --lead confirms--> confirmed --coordinator approves--> approved
 *   submitted / confirmed --returned with reasons--> returned (the department sends a new version)
 * Without the lead step (a bureau setting) submissions arrive confirmed.
 */
export type Action = 'confirm' | 'approve' | 'return';

interface Rule {
  roles: readonly Actor['role'][];
  to: SubmissionStatus;
  /** The statuses the decision may be taken from, by whether the bureau uses the lead step. */
  from: (leadStep: boolean) => SubmissionStatus[];
}

const RULES: Record<Action, Rule> = {
  confirm: { roles: ['lead'], to: 'confirmed', from: () => ['submitted'] },
  approve: { roles: ['coordinator', 'admin'], to: 'approved', from: (lead) => (lead ? ['confirmed'] : ['submitted', 'confirmed']) },
  return: { roles: ['lead', 'coordinator', 'admin'], to: 'returned', from: () => ['submitted', 'confirmed'] },
};


export async function decide(
  store: Store,
  catalogue: ApprovedCatalogue,
  actor: Actor,
  submissionId: number,
  action: Action,
  input: { reason: string; comments: CellComment[] },
): Promise<Decision> {
  const rule = RULES[action];
  // The series' summaries, not the submission itself: deciding needs the status and whether a
  // newer version exists, never the grid. A lead sees, and so decides for, only their own
  // department: versions() hides the others.
  const statusNow = async () => (await store.submissions.versions(actor, submissionId))?.find((v) => v.id === submissionId)?.status;
  const series = await store.submissions.versions(actor, submissionId);
  const submission = series?.find((v) => v.id === submissionId);
  if (!series || !submission) throw notFound('提交');
  if (!rule.roles.includes(actor.role)) throw forbidden();
  const newest = series[series.length - 1];
  if (newest.id !== submissionId) {
    throw new ApiError(409, 'superseded', `此提交已有更新的版本（第 ${newest.version} 版），请处理最新版本`);
  }
  if (action === 'return' && input.reason.trim() === '' && input.comments.length === 0) {
    throw badRequest('reason-required', '退回时请写明理由，或在单元格上留下批注');
  }
  const leadStep = await store.settings.get('leadConfirmation', false);
  const from = rule.from(leadStep);
  if (!from.includes(submission.status)) throw statusConflict(action, submission.status);

  const decision = await store.transaction(async (tx) => {
    const d = await tx.submissions.decide({ submissionId, from, to: rule.to, decision: action, reason: input.reason.trim(), comments: input.comments, decidedBy: actor.userId });
    if (!d) return null;
    await tx.audit.append({ userId: actor.userId, action: `submission.${action}`, entity: 'submission', entityId: String(submissionId), details: { reason: d.reason, comments: d.comments.length } });
    return d;
  });
  // Someone else decided first.
  if (!decision) throw statusConflict(action, (await statusNow()) ?? submission.status);
  if (action === 'approve') catalogue.invalidate();
  return decision;
}

function statusConflict(action: Action, status: SubmissionStatus): ApiError {
  const verb = { confirm: '确认', approve: '通过', return: '退回' }[action];
  const hint = status === 'returned' ? '已退回的提交不能再处理，请等待部门提交新版本' : `当前状态为“${SUBMISSION_STATUS_LABELS[status]}”`;
  return new ApiError(409, 'status-conflict', `此提交现在不能${verb}：${hint}`);
}
