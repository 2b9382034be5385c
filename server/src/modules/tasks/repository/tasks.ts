import type { Kysely, Selectable } from 'kysely';
import { translatingErrors } from '../../../db/errors';
import { isPostgres } from '../../../db/migrations/dialect';
import type { Database, TasksTable } from '../../../db/schema';
import type { SheetKind } from '../../../../../shared/src';
import type { TaskRepository, Task, TaskExtension } from '../repository';
import { now, toCount, type RepoContext } from '../../../db/repository-context';
import { departmentScope } from '../../identity/visibility';

interface Assigned {
  departmentIds: number[];
  extensions: TaskExtension[];
}

function toTask(row: Selectable<TasksTable>, assigned: Assigned): Task {
  return {
    id: row.id,
    title: row.title,
    sheetKinds: JSON.parse(row.sheet_kinds) as SheetKind[],
    departmentIds: assigned.departmentIds,
    dueDate: row.due_date,
    extensions: assigned.extensions,
    createdBy: row.created_by,
    createdAt: row.created_at,
    closedAt: row.closed_at,
  };
}

/** Each task's departments (ascending) and their own due dates, in one query. */
async function departmentsOf(db: Kysely<Database>, taskIds: number[]): Promise<Map<number, Assigned>> {
  const byTask = new Map<number, Assigned>(taskIds.map((id) => [id, { departmentIds: [], extensions: [] }]));
  if (taskIds.length === 0) return byTask;
  const rows = await db.selectFrom('task_departments').select(['task_id', 'department_id', 'due_date']).where('task_id', 'in', taskIds).orderBy('department_id').execute();
  for (const row of rows) {
    const assigned = byTask.get(row.task_id);
    assigned?.departmentIds.push(row.department_id);
    if (row.due_date !== null) assigned?.extensions.push({ departmentId: row.department_id, dueDate: row.due_date });
  }
  return byTask;
}

async function read(db: Kysely<Database>, id: number): Promise<Task | null> {
  const row = await db.selectFrom('tasks').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  return toTask(row, (await departmentsOf(db, [id])).get(id)!);
}

const distinctSorted = (ids: readonly number[]) => [...new Set(ids)].sort((a, b) => a - b);

export function tasksRepository({ db, atomically }: RepoContext): TaskRepository['tasks'] {
  return {
    async create(input) {
      const departmentIds = distinctSorted(input.departmentIds);
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
      return toTask(row, { departmentIds, extensions: [] });
    },

    get: (id) => read(db, id),

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
      return rows.map((row) => toTask(row, departments.get(row.id)!));
    },

    update(id, input) {
      return translatingErrors(() =>
        atomically(async (tx) => {
          const current = await read(tx, id);
          if (!current) return null;
          const set = {
            ...(input.title !== undefined ? { title: input.title } : {}),
            ...(input.sheetKinds !== undefined ? { sheet_kinds: JSON.stringify(input.sheetKinds) } : {}),
            ...(input.dueDate !== undefined ? { due_date: input.dueDate } : {}),
          };
          if (Object.keys(set).length > 0) await tx.updateTable('tasks').set(set).where('id', '=', id).execute();
          if (input.departmentIds !== undefined) {
            const next = distinctSorted(input.departmentIds);
            const removed = current.departmentIds.filter((d) => !next.includes(d));
            const added = next.filter((d) => !current.departmentIds.includes(d));
            if (removed.length) await tx.deleteFrom('task_departments').where('task_id', '=', id).where('department_id', 'in', removed).execute();
            if (added.length) await tx.insertInto('task_departments').values(added.map((department_id) => ({ task_id: id, department_id }))).execute();
          }
          // An extension is a later date than the task's; one the new date has caught up with is no longer needed.
          if (input.dueDate !== undefined) {
            await tx.updateTable('task_departments').set({ due_date: null }).where('task_id', '=', id).where('due_date', '<=', input.dueDate).execute();
          }
          return read(tx, id);
        }),
      );
    },

    extend(id, { departmentId, dueDate }) {
      return atomically(async (tx) => {
        const task = await read(tx, id);
        if (!task || !task.departmentIds.includes(departmentId)) return null;
        const own = dueDate === task.dueDate ? null : dueDate;
        await tx.updateTable('task_departments').set({ due_date: own }).where('task_id', '=', id).where('department_id', '=', departmentId).execute();
        return read(tx, id);
      });
    },

    close(id) {
      return atomically(async (tx) => {
        await tx.updateTable('tasks').set({ closed_at: now() }).where('id', '=', id).where('closed_at', 'is', null).execute();
        return read(tx, id);
      });
    },

    async isClosed(id) {
      let query = db.selectFrom('tasks').select('closed_at').where('id', '=', id);
      if (isPostgres(db)) query = query.forShare();
      const row = await query.executeTakeFirst();
      return row ? row.closed_at !== null : null;
    },

    async submissionCounts(id) {
      const rows = await db.selectFrom('submissions').select(['department_id', (eb) => eb.fn.countAll<string | number>().as('n')]).where('task_id', '=', id).groupBy('department_id').execute();
      return new Map(rows.map((r) => [r.department_id, toCount(r.n)]));
    },

    delete(id) {
      return translatingErrors(() =>
        atomically(async (tx) => {
          await tx.deleteFrom('task_departments').where('task_id', '=', id).execute();
          const deleted = await tx.deleteFrom('tasks').where('id', '=', id).executeTakeFirst();
          return Number(deleted.numDeletedRows) > 0;
        }),
      );
    },
  };
}
