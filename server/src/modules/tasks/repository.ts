/** Tasks' data-access contract (implemented in repository/ over Kysely). */
import type { CalendarYear, SheetKind } from '../../../../shared/src';
import type { Actor } from '../identity/repository';

export interface Task {
  id: number;
  title: string;
  sheetKinds: SheetKind[];
  departmentIds: number[];
  /** YYYY-MM-DD. */
  dueDate: string;
  /** Departments given a later due date of their own, ascending by department. */
  extensions: TaskExtension[];
  createdBy: number;
  createdAt: string;
  /** When the task stopped taking submissions; null while open. */
  closedAt: string | null;
}

export interface TaskExtension {
  departmentId: number;
  /** YYYY-MM-DD, later than the task's own due date. */
  dueDate: string;
}

/** What an edit may change; departments removed lose their extension with them. */
export interface TaskUpdate {
  title?: string;
  sheetKinds?: SheetKind[];
  departmentIds?: number[];
  dueDate?: string;
}

/** A year's holidays as the bureau entered them (CalendarYear plus who, when and from which notice). */
export interface BureauCalendarYear extends CalendarYear {
  notice: string;
  source: string;
  updatedBy: number;
  updatedAt: string;
}

/** Tasks' data: collection tasks with their departments and extensions, and the bureau's holiday years. */
export interface TaskRepository {
  tasks: {
    create(input: { title: string; sheetKinds: SheetKind[]; departmentIds: number[]; dueDate: string; createdBy: number }): Promise<Task>;
    get(id: number): Promise<Task | null>;
    /** A clerk or lead sees the tasks given to their department; others see all. */
    list(actor: Actor): Promise<Task[]>;
    /** Null when there is no such task. Extensions no later than a new due date, or of removed departments, are dropped. */
    update(id: number, input: TaskUpdate): Promise<Task | null>;
    /** Gives one department of the task its own due date; a date equal to the task's removes it. Null when the task or its department is not there. */
    extend(id: number, extension: TaskExtension): Promise<Task | null>;
    /** Stops the task taking submissions; closing twice keeps the first time. */
    close(id: number): Promise<Task | null>;
    /**
     * Whether the task is closed, read inside a transaction so a concurrent close waits for it to end (PostgreSQL
     * FOR SHARE; SQLite has one writer); null when there is no such task.
     */
    isClosed(id: number): Promise<boolean | null>;
    /** How many submissions each department sent to the task (departments without any are absent). */
    submissionCounts(id: number): Promise<Map<number, number>>;
    /** Removes a task and its departments; false when there was none. The caller checks it has no submissions (a foreign key refuses otherwise). */
    delete(id: number): Promise<boolean>;
  };

  /** The years of holidays the bureau entered; they change at run time (modules/tasks/bureau-calendar.ts reads them). */
  calendarYears: {
    list(): Promise<BureauCalendarYear[]>;
    put(input: Omit<BureauCalendarYear, 'updatedAt'>): Promise<BureauCalendarYear>;
    /** False when the year had no entry. */
    delete(year: number): Promise<boolean>;
  };
}
