import type { z } from 'zod';
import { chinaDate, type WorkingCalendar } from '../../../../shared/src';
import type { AuditRepository, Bound, Task, TaskRepository } from '../../db/store';
import { InvalidReferenceError } from '../../db/errors';
import type { Caller } from '../../http/auth';
import { badRequest, conflict, notFound } from '../../http/errors';
import type { TaskExtensionInputSchema, TaskInputSchema, TaskUpdateSchema } from '../../../../shared/src/api/schemas';
import { recordAudit } from '../audit/service';
import { listDepartments } from '../identity/service';
import type { BureauCalendar } from './bureau-calendar';
import { dueDateFor, taskBoard, taskView, type BoardSources, type TaskBoard, type TaskView } from './task-board';

/** Tasks' repositories and the audit log in one transaction, and what the board reads through other modules' services. */
export type TaskData = Bound<TaskRepository & AuditRepository> & BoardSources;

/**
 * Collection tasks: coordinators create, correct, extend for one department, close and delete
 * them; departments see theirs. Every change is audited in the same transaction.
 */
export class TaskService {
  constructor(
    private readonly data: TaskData,
    private readonly calendars: BureauCalendar,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The caller's tasks in a state: open, closed or all. */
  async list(c: Caller, state: 'open' | 'closed' | 'all'): Promise<TaskView[]> {
    const calendar = await this.calendars.current();
    const tasks = (await this.data.tasks.list(c)).filter((t) => state === 'all' || (state === 'open') === (t.closedAt === null));
    return tasks.map((t) => taskView(calendar, c, t));
  }

  /** A task the caller may see: a department's people only those their department takes part in. */
  async visible(c: Caller, id: number): Promise<Task> {
    const task = await this.data.tasks.get(id);
    if (!task || (c.departmentId !== null && !task.departmentIds.includes(c.departmentId))) throw notFound('填报任务');
    return task;
  }

  /** A task a coordinator may still change. */
  async open(id: number): Promise<Task> {
    const task = await this.data.tasks.get(id);
    if (!task) throw notFound('填报任务');
    if (task.closedAt) throw conflict('task-closed', '该填报任务已关闭，不能再修改或延期');
    return task;
  }

  async view(c: Caller, task: Task): Promise<TaskView> {
    return taskView(await this.calendars.current(), c, task);
  }

  async board(c: Caller, task: Task): Promise<TaskBoard> {
    return taskBoard(this.data, await this.calendars.current(), c, task, this.now());
  }

  async create(c: Caller, body: z.infer<typeof TaskInputSchema>): Promise<TaskView> {
    await this.checkDepartments(body.departmentIds);
    const due = this.dueDate(await this.calendars.current(), body, chinaDate(this.now()));
    const input = { title: body.title, sheetKinds: body.sheetKinds, departmentIds: [...new Set(body.departmentIds)], dueDate: due, createdBy: c.userId };
    const task = await this.data.transaction(async (tx) => {
      const created = await tx.tasks.create(input);
      await audit(tx, c, 'task.create', created, { title: input.title, dueDate: due });
      return created;
    });
    return this.view(c, task);
  }

  /** Corrects an open task; a department that has already submitted cannot be dropped. Audits what changed. */
  async update(c: Caller, task: Task, { confirmPastDue, dueInWorkingDays, ...parsed }: z.infer<typeof TaskUpdateSchema>): Promise<TaskView> {
    const body = { ...parsed, ...(parsed.departmentIds ? { departmentIds: [...new Set(parsed.departmentIds)].sort((a, b) => a - b) } : {}) };
    if (body.departmentIds) {
      await this.checkDepartments(body.departmentIds);
      const counts = await this.data.tasks.submissionCounts(task.id);
      const dropped = task.departmentIds.filter((d) => !body.departmentIds!.includes(d) && counts.has(d));
      if (dropped.length) {
        const names = new Map((await listDepartments(this.data)).map((d) => [d.id, d.name]));
        throw conflict('department-has-submissions', `${dropped.map((d) => names.get(d)).join('、')}已向该任务提交，不能移出；可为其单独延期或关闭任务`);
      }
    }
    const update = {
      ...body,
      ...(body.dueDate !== undefined || dueInWorkingDays !== undefined ? { dueDate: this.dueDate(await this.calendars.current(), { ...body, dueInWorkingDays, confirmPastDue }, chinaDate(this.now())) } : {}),
    };
    const changes = Object.fromEntries(
      (Object.keys(update) as Array<keyof typeof update>).filter((k) => JSON.stringify(update[k]) !== JSON.stringify(task[k])).map((k) => [k, { before: task[k], after: update[k] }]),
    );
    const updated = await this.data.transaction(async (tx) => {
      const next = await tx.tasks.update(task.id, update);
      if (!next) throw notFound('填报任务');
      if (Object.keys(changes).length) await audit(tx, c, 'task.update', next, { changes });
      return next;
    });
    return this.view(c, updated);
  }

  /** One department's own due date, never before the task's. */
  async extend(c: Caller, task: Task, body: z.infer<typeof TaskExtensionInputSchema>): Promise<TaskView> {
    if (!task.departmentIds.includes(body.departmentId)) throw badRequest('department-not-in-task', `部门编号 ${body.departmentId} 不承担该任务`);
    const before = dueDateFor(task, body.departmentId);
    const today = chinaDate(this.now());
    // "N more working days": from the department's current date, or from today once that has passed.
    const due = this.dueDate(await this.calendars.current(), body, before > today ? before : today);
    if (due < task.dueDate) throw badRequest('extension-before-due-date', `延期后的截止日期不能早于任务的截止日期 ${task.dueDate}；要提前，请修改任务的截止日期`);
    const extended = await this.data.transaction(async (tx) => {
      const next = await tx.tasks.extend(task.id, { departmentId: body.departmentId, dueDate: due });
      if (!next) throw notFound('填报任务');
      await audit(tx, c, 'task.extend', next, { departmentId: body.departmentId, before, after: due });
      return next;
    });
    return this.view(c, extended);
  }

  /** Closes a task (again: no new audit entry). */
  async close(c: Caller, id: number): Promise<TaskView> {
    const closed = await this.data.transaction(async (tx) => {
      const before = await tx.tasks.get(id);
      if (!before) throw notFound('填报任务');
      const after = (await tx.tasks.close(id))!;
      if (!before.closedAt) await audit(tx, c, 'task.close', after, { title: after.title });
      return after;
    });
    return this.view(c, closed);
  }

  /** Deletes a task that has received nothing. */
  async delete(c: Caller, id: number): Promise<void> {
    await this.data
      .transaction(async (tx) => {
        const task = await tx.tasks.get(id);
        if (!task) throw notFound('填报任务');
        const sent = [...(await tx.tasks.submissionCounts(id)).values()].reduce((a, b) => a + b, 0);
        if (sent > 0) throw conflict('task-has-submissions', `该任务已收到 ${sent} 份提交，不能删除；可以关闭任务，使其不再接收提交`);
        await audit(tx, c, 'task.delete', task, { title: task.title, dueDate: task.dueDate, departmentIds: task.departmentIds });
        await tx.tasks.delete(id);
      })
      .catch((e: unknown) => {
        // A submission that arrived after the count: the foreign key keeps the task.
        throw e instanceof InvalidReferenceError ? conflict('task-has-submissions', '该任务刚收到提交，不能删除；可以关闭任务') : e;
      });
  }

  /** A due date from a date or a count of working days from `from`; one before today needs `confirmPastDue`. */
  private dueDate(calendar: WorkingCalendar, body: { dueDate?: string; dueInWorkingDays?: number; confirmPastDue?: boolean }, from: string): string {
    const due = body.dueDate ?? calendar.addWorkingDays(from, body.dueInWorkingDays!);
    if (due < chinaDate(this.now()) && body.confirmPastDue !== true) {
      throw badRequest('due-date-past', `截止日期 ${due} 早于今天；如确需如此，请确认后再提交（confirmPastDue: true）`);
    }
    return due;
  }

  private async checkDepartments(ids: number[]): Promise<void> {
    const known = new Set((await listDepartments(this.data)).map((d) => d.id));
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length) throw badRequest('unknown-department', `部门编号 ${unknown.join('、')} 不存在`);
  }
}

function audit(tx: Pick<AuditRepository, 'audit'>, c: Caller, action: string, task: Pick<Task, 'id'>, details: Record<string, unknown>): Promise<void> {
  return recordAudit(tx, { userId: c.userId, action, entity: 'task', entityId: String(task.id), details });
}
