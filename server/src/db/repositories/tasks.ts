import type { Kysely, Selectable } from 'kysely';
import { translatingErrors } from '../errors';
import type { Database, TasksTable } from '../schema';
import type { SheetKind } from '../../../../shared/src';
import type { Store, Task } from '../store';
import { now, type RepoContext } from './context';
import { departmentScope } from './visibility';

function toTask(row: Selectable<TasksTable>, departmentIds: number[]): Task {
  return {
    id: row.id,
    title: row.title,
    sheetKinds: JSON.parse(row.sheet_kinds) as SheetKind[],
    departmentIds,
    dueDate: row.due_date,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

/** Each task's departments, ascending, in one query. */
async function departmentsOf(db: Kysely<Database>, taskIds: number[]): Promise<Map<number, number[]>> {
  const byTask = new Map<number, number[]>(taskIds.map((id) => [id, []]));
  if (taskIds.length === 0) return byTask;
  const rows = await db.selectFrom('task_departments').select(['task_id', 'department_id']).where('task_id', 'in', taskIds).orderBy('department_id').execute();
  for (const row of rows) byTask.get(row.task_id)?.push(row.department_id);
  return byTask;
}

export function tasksRepository({ db, atomically }: RepoContext): Store['tasks'] {
  return {
    async create(input) {
      const departmentIds = [...new Set(input.departmentIds)].sort((a, b) => a - b);
      const row = await translatingErrors(() =>
        atomically(async (tx) => {
          const task = await tx
            .insertInto('tasks')
            .values({ title: input.title, sheet_kinds: JSON.stringify(input.sheetKinds), due_date: input.dueDate, created_by: input.createdBy, created_at: now() })
            .returningAll()
            .executeTakeFirstOrThrow();
          if (departmentIds.length > 0) {
            await tx.insertInto('task_departments').values(departmentIds.map((department_id) => ({ task_id: task.id, department_id }))).execute();
          }
          return task;
        }),
      );
      return toTask(row, departmentIds);
    },

    async get(id) {
      const row = await db.selectFrom('tasks').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) return null;
      return toTask(row, (await departmentsOf(db, [id])).get(id) ?? []);
    },

    async list(actor) {
      const scope = departmentScope(actor);
      let query = db.selectFrom('tasks').selectAll().orderBy('id');
      if (!scope.all) {
        const departmentId = scope.departmentId;
        if (departmentId === null) return [];
        query = query.where((eb) =>
          eb.exists(eb.selectFrom('task_departments as td').select('td.task_id').whereRef('td.task_id', '=', 'tasks.id').where('td.department_id', '=', departmentId)),
        );
      }
      const rows = await query.execute();
      const departments = await departmentsOf(db, rows.map((r) => r.id));
      return rows.map((row) => toTask(row, departments.get(row.id) ?? []));
    },
  };
}
