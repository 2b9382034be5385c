import { Router } from 'express';
import { on } from '../../http/route-table';
import { jsonBody, MiB } from '../../http/body';
import { idParam, parse } from '../../http/parse';
import type { BureauCalendar } from './bureau-calendar';
import { TaskService, type TaskData } from './task-service';
import { TaskExtensionInputSchema, TaskInputSchema, TaskListQuerySchema, TaskUpdateSchema } from '../../../../shared/src/api/schemas';

/** Collection tasks' routes: each parses the request, asks the task service, and answers. */
export function taskRoutes(store: TaskData, calendars: BureauCalendar, now: () => Date = () => new Date()): Router {
  const r = Router();
  // On the routes that take a body only, so no other router's body is read under this limit.
  const json = jsonBody(MiB);
  const tasks = new TaskService(store, calendars, now);

  on(r, 'tasks', async (req, res, c) => {
    const { state = c.departmentId === null ? 'all' : 'open' } = parse(TaskListQuerySchema, req.query, '查询参数');
    res.json(await tasks.list(c, state));
  });
  on(r, 'task', async (req, res, c) => {
    res.json(await tasks.view(c, await tasks.visible(c, idParam(req.params.id))));
  });
  on(r, 'taskBoard', async (req, res, c) => {
    res.json(await tasks.board(c, await tasks.visible(c, idParam(req.params.id))));
  });

  on(r, 'createTask', [json], async (req, res, c) => {
    res.status(201).json(await tasks.create(c, parse(TaskInputSchema, req.body)));
  });
  on(r, 'updateTask', [json], async (req, res, c) => {
    const task = await tasks.open(idParam(req.params.id));
    res.json(await tasks.update(c, task, parse(TaskUpdateSchema, req.body)));
  });
  on(r, 'extendTask', [json], async (req, res, c) => {
    const task = await tasks.open(idParam(req.params.id));
    res.status(201).json(await tasks.extend(c, task, parse(TaskExtensionInputSchema, req.body)));
  });
  on(r, 'closeTask', async (req, res, c) => {
    res.json(await tasks.close(c, idParam(req.params.id)));
  });
  on(r, 'deleteTask', async (req, res, c) => {
    await tasks.delete(c, idParam(req.params.id));
    res.status(204).end();
  });
  return r;
}
