import { chinaDate, PROGRESS_STATES, type ProgressState, type WorkingCalendar } from '../../../../shared/src';
import { departmentScope } from '../identity/visibility';
import type { Actor, Department, SubmissionStatus, SubmissionSummary, Task } from '../../db/store';
import { listDepartments } from '../identity/service';
import { latestForTask } from '../submissions/service';

/** A task as one caller sees it: a department's people see their own due date and extension only. */
export type TaskView = Task & { calendarCovered: boolean };

/**
 * The collection task's board: where each department stands. A department that has sent
 * nothing, or whose last version was returned, is overdue once the due date has passed;
 * a version waiting for review is the reviewers' turn, so it never counts as overdue.
 * A version counts as 已确认 only when a lead confirmed it.
 */

export interface BoardRow {
  department: Pick<Department, 'id' | 'name'>;
  state: ProgressState;
  /** The department's own due date: the task's, or its extension. */
  dueDate: string;
  extended: boolean;
  workingDaysLeft: number;
  /** The newest version, or null before the first one. */
  latest: (Pick<SubmissionSummary, 'id' | 'version' | 'status' | 'errors' | 'warnings' | 'createdAt'>) | null;
  lastActivityAt: string | null;
}

export interface TaskBoard {
  task: TaskView;
  today: string;
  /** Working days from today to the due date (negative once it has passed). */
  workingDaysLeft: number;
  /** False when a due date on the board lies in a year the holiday calendar does not know (weekends only). */
  calendarCovered: boolean;
  rows: BoardRow[];
  counts: Record<ProgressState, number>;
}

/**
 * `leadConfirmed`: whether a lead took the confirm decision. Without the lead step a version is
 * stored as confirmed on arrival; the board says 已确认 only when somebody did confirm it.
 */
export function progressState(status: SubmissionStatus | null, dueDate: string, today: string, leadConfirmed = true): ProgressState {
  const waitingForDepartment = status === null || status === 'returned';
  if (waitingForDepartment && today > dueDate) return 'overdue';
  if (status === 'confirmed' && !leadConfirmed) return 'submitted';
  return status ?? 'not-started';
}

/** The due date that applies to a department: its extension, or the task's. */
export function dueDateFor(task: Task, departmentId: number): string {
  return task.extensions.find((e) => e.departmentId === departmentId)?.dueDate ?? task.dueDate;
}

export function taskView(calendar: WorkingCalendar, actor: Actor, task: Task): TaskView {
  const scope = departmentScope(actor);
  const own = scope.all ? task : { ...task, dueDate: dueDateFor(task, scope.departmentId ?? 0), extensions: task.extensions.filter((e) => e.departmentId === scope.departmentId) };
  const dates = [own.dueDate, ...own.extensions.map((e) => e.dueDate)];
  return { ...own, calendarCovered: dates.every((d) => calendar.isCovered(d)) };
}

/** What the board reads, through identity's and submissions' services. */
export type BoardSources = Parameters<typeof listDepartments>[0] & Parameters<typeof latestForTask>[0];

export async function taskBoard(store: BoardSources, calendar: WorkingCalendar, actor: Actor, task: Task, at = new Date()): Promise<TaskBoard> {
  const today = chinaDate(at);
  const [departments, latest] = await Promise.all([listDepartments(store), latestForTask(store, actor, task.id)]);
  const byDepartment = new Map(latest.map((s) => [s.departmentId, s]));
  const scope = departmentScope(actor);
  const visible = scope.all ? task.departmentIds : task.departmentIds.filter((id) => id === scope.departmentId);
  const names = new Map(departments.map((d) => [d.id, d.name]));
  // Most departments share the task's due date: count the working days to each date once, not once a row.
  const daysLeft = new Map<string, number>();
  const workingDaysLeft = (dueDate: string) => {
    let n = daysLeft.get(dueDate);
    if (n === undefined) daysLeft.set(dueDate, (n = calendar.workingDaysBetween(today, dueDate)));
    return n;
  };
  const rows = visible.map((id): BoardRow => {
    const s = byDepartment.get(id);
    const dueDate = dueDateFor(task, id);
    return {
      department: { id, name: names.get(id) ?? `部门 ${id}` },
      state: progressState(s?.status ?? null, dueDate, today, s?.leadConfirmed),
      dueDate,
      extended: dueDate !== task.dueDate,
      workingDaysLeft: workingDaysLeft(dueDate),
      latest: s ? { id: s.id, version: s.version, status: s.status, errors: s.errors, warnings: s.warnings, createdAt: s.createdAt } : null,
      lastActivityAt: s?.lastActivityAt ?? null,
    };
  });
  const counts = Object.fromEntries(PROGRESS_STATES.map((st) => [st, rows.filter((r) => r.state === st).length])) as Record<ProgressState, number>;
  const view = taskView(calendar, actor, task);
  return { task: view, today, workingDaysLeft: workingDaysLeft(view.dueDate), calendarCovered: view.calendarCovered, rows, counts };
}
