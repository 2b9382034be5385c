/** The API's response shapes, from the route table's schemas (shared/src/api/routes.ts): nothing typed by hand. */
import type { ResponseOf } from '../../../shared/src/api/routes';

export type User = ResponseOf<'me'>;
export type UserUpdateResult = ResponseOf<'updateUser'>;
export type PasswordChangeResult = ResponseOf<'changePassword'>;
export type Department = ResponseOf<'createDepartment'>;
export type Task = ResponseOf<'task'>;
export type TaskBoard = ResponseOf<'taskBoard'>;
export type SubmissionSummary = ResponseOf<'submissions'>['items'][number];
export type SubmissionDetail = ResponseOf<'submission'>;
export type Decision = ResponseOf<'confirm'>;
export type Versions = ResponseOf<'versions'>;
export type Diff = ResponseOf<'diff'>;
export type CheckResult = ResponseOf<'check'>;
export type SheetOutline = ResponseOf<'submissionSheets'>['sheets'][number];
export type SheetRows = ResponseOf<'submissionRows'>;
export type ApiToken = ResponseOf<'tokens'>[number];
export type AuditPage = ResponseOf<'audit'>;
export type Session = ResponseOf<'session'>;
export type CellComment = Decision['comments'][number];
export type Calendar = ResponseOf<'calendar'>;
export type BureauCalendarYear = ResponseOf<'putCalendarYear'>;
export type DuePreview = ResponseOf<'dueDate'>;
