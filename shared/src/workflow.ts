import type { SheetKind } from './report';
import { SHEET_DEFS } from './sheets';

/**
 * The review workflow's vocabulary, with the words people see — one place for the server's
 * messages, the review pages and the add-in.
 */
export type Role = 'clerk' | 'lead' | 'coordinator' | 'admin';
export type SubmissionStatus = 'submitted' | 'confirmed' | 'approved' | 'returned';
/** Where a department stands in a collection task (see the server's task board). */
export type ProgressState = 'not-started' | SubmissionStatus | 'overdue';

export const ROLE_LABELS: Record<Role, string> = { clerk: '填报人员', lead: '部门领导', coordinator: '审核人员', admin: '管理员' };

export const SUBMISSION_STATUS_LABELS: Record<SubmissionStatus, string> = { submitted: '待部门领导确认', confirmed: '待审核', approved: '已通过', returned: '已退回' };

export const PROGRESS_STATES: readonly ProgressState[] = ['not-started', 'submitted', 'confirmed', 'returned', 'approved', 'overdue'];

export const PROGRESS_STATE_LABELS: Record<ProgressState, string> = {
  'not-started': '未开始',
  submitted: '已提交',
  confirmed: '已确认',
  returned: '已退回',
  approved: '已通过',
  overdue: '逾期',
};

export const SHEET_KIND_LABELS = Object.fromEntries([...SHEET_DEFS.map((d) => [d.kind, d.label]), ['template', '数据模板']]) as Record<SheetKind, string>;

export type ReviewAction = 'confirm' | 'approve' | 'return';

export const REVIEW_ACTION_LABELS: Record<ReviewAction, string> = { confirm: '确认', approve: '通过', return: '退回' };

type From = (leadStep: boolean) => readonly SubmissionStatus[];
const waiting: From = () => ['submitted', 'confirmed'];
const approvable: From = (leadStep) => (leadStep ? ['confirmed'] : ['submitted', 'confirmed']);

/**
 * Who may take which review decision, from which status, and where it leads. `leadStep` is the
 * bureau's setting: without it submissions arrive confirmed, and a version still waiting for a
 * lead from before the switch may be approved directly. A lead acts only before confirming: once
 * confirmed the version is the coordinators' to decide, and the department corrects it by sending
 * a new version, which supersedes it.
 */
export const REVIEW_RULES: Record<ReviewAction, { to: SubmissionStatus; from: Partial<Record<Role, From>> }> = {
  confirm: { to: 'confirmed', from: { lead: () => ['submitted'] } },
  approve: { to: 'approved', from: { coordinator: approvable, admin: approvable } },
  return: { to: 'returned', from: { lead: () => ['submitted'], coordinator: waiting, admin: waiting } },
};

/** The statuses `role` may take `action` from, or null when the role may never take it. */
export function reviewSources(action: ReviewAction, role: Role, leadStep: boolean): readonly SubmissionStatus[] | null {
  return REVIEW_RULES[action].from[role]?.(leadStep) ?? null;
}

/** The decisions `role` may take on the newest version of a series in `status` now. */
export function allowedReviewActions(role: Role, status: SubmissionStatus, leadStep: boolean): ReviewAction[] {
  return (Object.keys(REVIEW_RULES) as ReviewAction[]).filter((a) => reviewSources(a, role, leadStep)?.includes(status));
}
