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
