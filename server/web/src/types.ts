/** The API's response shapes, taken from the server's own zod schemas (types only: nothing of the server is bundled). */
import type { z } from 'zod';
import type * as S from '../../src/api/schemas';

export type User = z.infer<typeof S.UserSchema>;
export type UserUpdateResult = z.infer<typeof S.UserUpdateResultSchema>;
export type PasswordChangeResult = z.infer<typeof S.PasswordChangeResultSchema>;
export type Department = z.infer<typeof S.DepartmentSchema>;
export type Task = z.infer<typeof S.TaskSchema>;
export type TaskBoard = z.infer<typeof S.BoardSchema>;
export type SubmissionSummary = z.infer<typeof S.SubmissionSummarySchema>;
export type SubmissionDetail = z.infer<typeof S.SubmissionDetailSchema>;
export type Decision = z.infer<typeof S.DecisionSchema>;
export type Versions = z.infer<typeof S.VersionsSchema>;
export type Diff = z.infer<typeof S.DiffSchema>;
export type CheckResult = z.infer<typeof S.CheckResultSchema>;
export type SheetOutline = z.infer<typeof S.SheetOutlineSchema>;
export type SheetRows = z.infer<typeof S.SheetRowsSchema>;
export type ApiToken = z.infer<typeof S.TokenSchema>;
export type AuditPage = z.infer<typeof S.AuditPageSchema>;
export type Session = z.infer<typeof S.SessionSchema>;
export type CellComment = Decision['comments'][number];
export type Calendar = z.infer<typeof S.CalendarSchema>;
export type BureauCalendarYear = z.infer<typeof S.CalendarYearSchema>;
export type DuePreview = z.infer<typeof S.DueSchema>;
