import type { Selectable } from 'kysely';
import { translatingErrors } from '../../../db/errors';
import type { DepartmentsTable } from '../../../db/schema';
import type { Department, IdentityRepository } from '../repository';
import { now, type RepoContext } from '../../../db/repository-context';

function toDepartment(row: Selectable<DepartmentsTable>): Department {
  return { id: row.id, name: row.name, code: row.code, createdAt: row.created_at };
}

export function departmentsRepository({ db }: RepoContext): IdentityRepository['departments'] {
  return {
    async create(input) {
      const row = await translatingErrors(() =>
        db.insertInto('departments').values({ name: input.name, code: input.code ?? null, created_at: now() }).returningAll().executeTakeFirstOrThrow(),
      );
      return toDepartment(row);
    },

    async list() {
      const rows = await db.selectFrom('departments').selectAll().orderBy('id').execute();
      return rows.map(toDepartment);
    },

    async get(id) {
      const row = await db.selectFrom('departments').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toDepartment(row) : null;
    },

    async rename(id, input) {
      // An absent code keeps the current one; null clears it.
      const changes = input.code === undefined ? { name: input.name } : { name: input.name, code: input.code };
      const row = await translatingErrors(() => db.updateTable('departments').set(changes).where('id', '=', id).returningAll().executeTakeFirst());
      return row ? toDepartment(row) : null;
    },
  };
}
