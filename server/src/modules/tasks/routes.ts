import { Router, type Request } from 'express';
import { chinaDate, type WorkingCalendar } from '../../../../shared/src';
import type { AuditRepository, Bound, Task, TaskRepository } from '../../db/store';
import { InvalidReferenceError } from '../../db/errors';
import type { Caller } from '../../http/auth';
import { on } from '../../http/route-table';
import { badRequest, conflict, notFound } from '../../http/errors';
import { jsonBody, MiB } from '../../http/body';
import { idParam, parse } from '../../http/parse';
import type { BureauCalendar } from './bureau-calendar';
import { dueDateFor, taskBoard, taskView, type BoardSources } from './task-board';
import { TaskExtensionInputSchema, TaskInputSchema, TaskListQuerySchema, TaskUpdateSchema } from '../../../../shared/src/api/schemas';
import { recordAudit } from '../audit/service';
import { listDepartments } from '../identity/service';

/** Tasks' repositories and the audit log in one transaction, and what the board reads through other modules' services. */
export type TaskData = Bound<TaskRepository & AuditRepository> & BoardSources;

/**
 * Collection tasks: coordinators create, correct, extend for one department, close and delete
 * them; departments see theirs. Every change is audited in the same transaction.
 */
export function taskRoutes(store: TaskData, calendars: BureauCalendar, now: () => Date = () => new Date()): Router {
  const r = Router();
  r.use(jsonBody(MiB));

  const visibleTask = async (req: Request, c: Caller) => {
    const task = await store.tasks.get(idParam(req.params.id));
    if (!task || (c.departmentId !== null && !task.departmentIds.includes(c.departmentId))) throw notFound('填报任务');
    return { c, task };
  };
  /** A task a coordinator may still change. */
  const openTask = async (req: Request, c: Caller) => {
    const task = await store.tasks.get(idParam(req.params.id));
    if (!task) throw notFound('填报任务');
    if (task.closedAt) throw conflict('task-closed', '该填报任务已关闭，不能再修改或延期');
    return { c, task };
  };
  /** A due date from a date or a count of working days from `from`; one before today needs `confirmPastDue`. */
  const dueDate = (calendar: WorkingCalendar, body: { dueDate?: string; dueInWorkingDays?: number; confirmPastDue?: boolean }, from: string) => {
    const due = body.dueDate ?? calendar.addWorkingDays(from, body.dueInWorkingDays!);
    if (due < chinaDate(now()) && body.confirmPastDue !== true) {
      throw badRequest('due-date-past', `截止日期 ${due} 早于今天；如确需如此，请确认后再提交（confirmPastDue: true）`);
    }
    return due;
  };
  const checkDepartments = async (ids: number[]) => {
    const known = new Set((await listDepartments(store)).map((d) => d.id));
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length) throw badRequest('unknown-department', `部门编号 ${unknown.join('、')} 不存在`);
  };
  const audit = (tx: Pick<AuditRepository, 'audit'>, c: Caller, action: string, task: Pick<Task, 'id'>, details: Record<string, unknown>) =>
    recordAudit(tx, { userId: c.userId, action, entity: 'task', entityId: String(task.id), details });
  const view = async (c: Caller, task: Task) => taskView(await calendars.current(), c, task);

  on(r, 'tasks', async (req, res, c) => {
    const { state = c.departmentId === null ? 'all' : 'open' } = parse(TaskListQuerySchema, req.query, '查询参数');
    const calendar = await calendars.current();
    const tasks = (await store.tasks.list(c)).filter((t) => state === 'all' || (state === 'open') === (t.closedAt === null));
    res.json(tasks.map((t) => taskView(calendar, c, t)));
  });
  on(r, 'task', async (req, res, caller) => {
    const { c, task } = await visibleTask(req, caller);
    res.json(await view(c, task));
  });
  on(r, 'taskBoard', async (req, res, caller) => {
    const { c, task } = await visibleTask(req, caller);
    res.json(await taskBoard(store, await calendars.current(), c, task, now()));
  });

  on(r, 'createTask', async (req, res, c) => {
    const body = parse(TaskInputSchema, req.body);
    await checkDepartments(body.departmentIds);
    const due = dueDate(await calendars.current(), body, chinaDate(now()));
    const input = { title: body.title, sheetKinds: body.sheetKinds, departmentIds: [...new Set(body.departmentIds)], dueDate: due, createdBy: c.userId };
    const task = await store.transaction(async (tx) => {
      const created = await tx.tasks.create(input);
      await audit(tx, c, 'task.create', created, { title: input.title, dueDate: due });
      return created;
    });
    res.status(201).json(await view(c, task));
  });

  on(r, 'updateTask', async (req, res, caller) => {
    const { c, task } = await openTask(req, caller);
    const { confirmPastDue, dueInWorkingDays, ...parsed } = parse(TaskUpdateSchema, req.body);
    const body = { ...parsed, ...(parsed.departmentIds ? { departmentIds: [...new Set(parsed.departmentIds)].sort((a, b) => a - b) } : {}) };
    if (body.departmentIds) {
      await checkDepartments(body.departmentIds);
      const counts = await store.tasks.submissionCounts(task.id);
      const dropped = task.departmentIds.filter((d) => !body.departmentIds!.includes(d) && counts.has(d));
      if (dropped.length) {
        const names = new Map((await listDepartments(store)).map((d) => [d.id, d.name]));
        throw conflict('department-has-submissions', `${dropped.map((d) => names.get(d)).join('、')}已向该任务提交，不能移出；可为其单独延期或关闭任务`);
      }
    }
    const update = { ...body, ...(body.dueDate !== undefined || dueInWorkingDays !== undefined ? { dueDate: dueDate(await calendars.current(), { ...body, dueInWorkingDays, confirmPastDue }, chinaDate(now())) } : {}) };
    const changes = Object.fromEntries(
      (Object.keys(update) as Array<keyof typeof update>).filter((k) => JSON.stringify(update[k]) !== JSON.stringify(task[k])).map((k) => [k, { before: task[k], after: update[k] }]),
    );
    const updated = await store.transaction(async (tx) => {
      const next = await tx.tasks.update(task.id, update);
      if (!next) throw notFound('填报任务');
      if (Object.keys(changes).length) await audit(tx, c, 'task.update', next, { changes });
      return next;
    });
    res.json(await view(c, updated));
  });

  on(r, 'extendTask', async (req, res, caller) => {
    const { c, task } = await openTask(req, caller);
    const body = parse(TaskExtensionInputSchema, req.body);
    if (!task.departmentIds.includes(body.departmentId)) throw badRequest('department-not-in-task', `部门编号 ${body.departmentId} 不承担该任务`);
    const before = dueDateFor(task, body.departmentId);
    const today = chinaDate(now());
    // "N more working days": from the department's current date, or from today once that has passed.
    const due = dueDate(await calendars.current(), body, before > today ? before : today);
    if (due < task.dueDate) throw badRequest('extension-before-due-date', `延期后的截止日期不能早于任务的截止日期 ${task.dueDate}；要提前，请修改任务的截止日期`);
    const extended = await store.transaction(async (tx) => {
      const next = await tx.tasks.extend(task.id, { departmentId: body.departmentId, dueDate: due });
      if (!next) throw notFound('填报任务');
      await audit(tx, c, 'task.extend', next, { departmentId: body.departmentId, before, after: due });
      return next;
    });
    res.status(201).json(await view(c, extended));
  });

  on(r, 'closeTask', async (req, res, c) => {
    const id = idParam(req.params.id);
    const closed = await store.transaction(async (tx) => {
      const before = await tx.tasks.get(id);
      if (!before) throw notFound('填报任务');
      const after = (await tx.tasks.close(id))!;
      if (!before.closedAt) await audit(tx, c, 'task.close', after, { title: after.title });
      return after;
    });
    res.json(await view(c, closed));
  });

  on(r, 'deleteTask', async (req, res, c) => {
    const id = idParam(req.params.id);
    await store.transaction(async (tx) => {
      const task = await tx.tasks.get(id);
      if (!task) throw notFound('填报任务');
      const sent = [...(await tx.tasks.submissionCounts(id)).values()].reduce((a, b) => a + b, 0);
      if (sent > 0) throw conflict('task-has-submissions', `该任务已收到 ${sent} 份提交，不能删除；可以关闭任务，使其不再接收提交`);
      await audit(tx, c, 'task.delete', task, { title: task.title, dueDate: task.dueDate, departmentIds: task.departmentIds });
      await tx.tasks.delete(id);
    }).catch((e: unknown) => {
      // A submission that arrived after the count: the foreign key keeps the task.
      throw e instanceof InvalidReferenceError ? conflict('task-has-submissions', '该任务刚收到提交，不能删除；可以关闭任务') : e;
    });
    res.status(204).end();
  });

  return r;
}
