import type { Selectable, Updateable } from 'kysely';
import { translatingErrors } from '../../../db/errors';
import type { UsersTable } from '../../../db/schema';
import type { Role } from '../../../../../shared/src';
import type { IdentityRepository, User } from '../repository';
import { now, type RepoContext } from '../../../db/repository-context';

/** Every column but the password hash, which only sign-in reads. */
export const USER_COLUMNS = ['id', 'username', 'display_name', 'role', 'department_id', 'active', 'must_change_password', 'created_at'] as const;

type UserRow = Pick<Selectable<UsersTable>, (typeof USER_COLUMNS)[number]>;

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    departmentId: row.department_id,
    active: row.active === 1,
    mustChangePassword: row.must_change_password === 1,
    createdAt: row.created_at,
  };
}

export function usersRepository({ db }: RepoContext): IdentityRepository['users'] {
  async function get(id: number): Promise<User | null> {
    const row = await db.selectFrom('users').select(USER_COLUMNS).where('id', '=', id).executeTakeFirst();
    return row ? toUser(row) : null;
  }

  return {
    async create(input) {
      const row = await translatingErrors(() =>
        db
          .insertInto('users')
          .values({
            username: input.username,
            display_name: input.displayName,
            role: input.role,
            department_id: input.departmentId,
            password_hash: input.passwordHash,
            active: 1,
            created_at: now(),
          })
          .returning(USER_COLUMNS)
          .executeTakeFirstOrThrow(),
      );
      return toUser(row);
    },

    get,

    async findForSignIn(username) {
      const row = await db.selectFrom('users').select([...USER_COLUMNS, 'password_hash']).where('username', '=', username).executeTakeFirst();
      return row ? { ...toUser(row), passwordHash: row.password_hash } : null;
    },

    async displayNames(ids) {
      if (ids.length === 0) return new Map();
      const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', [...ids]).execute();
      return new Map(rows.map((r) => [r.id, r.display_name]));
    },

    async list(filter = {}) {
      let query = db.selectFrom('users').select(USER_COLUMNS).orderBy('id');
      if (filter.departmentId !== undefined) query = query.where('department_id', '=', filter.departmentId);
      if (filter.role !== undefined) query = query.where('role', '=', filter.role);
      return (await query.execute()).map(toUser);
    },

    async update(id, input) {
      const changes: Updateable<UsersTable> = {};
      if (input.displayName !== undefined) changes.display_name = input.displayName;
      if (input.role !== undefined) changes.role = input.role;
      if (input.departmentId !== undefined) changes.department_id = input.departmentId;
      if (input.active !== undefined) changes.active = input.active ? 1 : 0;
      if (input.passwordHash !== undefined) changes.password_hash = input.passwordHash;
      if (input.mustChangePassword !== undefined) changes.must_change_password = input.mustChangePassword ? 1 : 0;
      if (Object.keys(changes).length === 0) return get(id);
      const row = await translatingErrors(() => db.updateTable('users').set(changes).where('id', '=', id).returning(USER_COLUMNS).executeTakeFirst());
      return row ? toUser(row) : null;
    },
  };
}
