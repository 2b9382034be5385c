/**
 * The words of the workflow, once: every status, role, decision, sheet kind and progress state with
 * the label people see. The API's zod schemas, the review pages and the task pane read these lists;
 * the CHECK constraints migration 001 wrote are held to them by a test (applied migrations never change).
 */
import { HEADER_SCAN_ROWS } from './header';
import { KIND_LABELS, SHEET_DEFS } from './sheets';

export const ROLES = ['clerk', 'lead', 'coordinator', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = { clerk: '填报人员', lead: '部门领导', coordinator: '审核人员', admin: '管理员' };

export const SUBMISSION_STATUSES = ['submitted', 'confirmed', 'approved', 'returned'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];
export const SUBMISSION_STATUS_LABELS: Record<SubmissionStatus, string> = { submitted: '待部门领导确认', confirmed: '待审核', approved: '已通过', returned: '已退回' };

/** The review decisions; each is also the action's path segment (POST /api/submissions/{id}/confirm …). */
export const REVIEW_ACTIONS = ['confirm', 'approve', 'return'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];
/** The verb inside a sentence ("不能退回…", "退回理由"). */
export const REVIEW_ACTION_LABELS: Record<ReviewAction, string> = { confirm: '确认', approve: '通过', return: '退回' };
/** The button that takes it. */
export const REVIEW_BUTTON_LABELS: Record<ReviewAction, string> = { confirm: '确认提交', approve: '审核通过', return: '退回修改' };
/** The decision as recorded in a version's history and in the API's summaries. */
export const DECISION_LABELS: Record<ReviewAction, string> = { confirm: '部门领导确认', approve: '审核通过', return: '退回' };

/** Where a department stands in a collection task (see the server's task board), in the board's order. */
export const PROGRESS_STATES = ['not-started', 'submitted', 'confirmed', 'returned', 'approved', 'overdue'] as const;
export type ProgressState = (typeof PROGRESS_STATES)[number];
export const PROGRESS_STATE_LABELS: Record<ProgressState, string> = {
  'not-started': '未开始',
  submitted: '已提交',
  confirmed: '已确认',
  returned: '已退回',
  approved: '已通过',
  overdue: '逾期',
};

export const SHEET_KINDS = ['catalogue', 'demand', 'negative', 'responsibility', 'contact', 'template'] as const;
/** The sheet definitions carry their own labels (sheets.ts); this is that table under the vocabulary's name. */
export const SHEET_KIND_LABELS = KIND_LABELS;


/** Why no kind was recognised, one wording for the engine's report and the CLI: where it looked, for which headers. */
export const UNRECOGNISED_HEADER_TEXT = `前 ${HEADER_SCAN_ROWS} 行中没有找到${SHEET_DEFS.map((d) => d.label).join('、')}的表头`;
