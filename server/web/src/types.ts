/** The API's response shapes, from the route table's schemas (shared/src/api/routes.ts): nothing typed by hand. */
import type { ResponseOf } from '../../../shared/src/api/routes';

// Who is who.
export type User = ResponseOf<'me'>;
export type UserUpdateResult = ResponseOf<'updateUser'>;
export type Department = ResponseOf<'createDepartment'>;
export type ApiToken = ResponseOf<'tokens'>[number];
export type Session = ResponseOf<'session'>;

// Tasks and the calendar.
export type Task = ResponseOf<'task'>;
export type TaskBoard = ResponseOf<'taskBoard'>;
export type BureauCalendarYear = ResponseOf<'putCalendarYear'>;

// A submission under review.
export type SubmissionDetail = ResponseOf<'submission'>;
export type Decision = ResponseOf<'confirm'>;
export type CellComment = Decision['comments'][number];
export type Versions = ResponseOf<'versions'>;
export type Diff = ResponseOf<'diff'>;

// Its grid, read a page at a time.
export type SheetOutline = ResponseOf<'submissionSheets'>['sheets'][number];
export type SheetRows = ResponseOf<'submissionRows'>;
