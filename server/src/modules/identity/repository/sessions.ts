import type { IdentityRepository } from '../repository';
import { now, type RepoContext } from '../../../db/repository-context';
import { toUser, USER_COLUMNS } from './users';

/** find's user columns, built once: it runs on every request from the pages. */
const SESSION_USER_COLUMNS = USER_COLUMNS.map((c) => `users.${c}` as const);

export function sessionsRepository({ db }: RepoContext): IdentityRepository['sessions'] {
  return {
    async create(input) {
      const at = now();
      // Sweeping expired sessions here keeps the table small without a timer.
      await db.deleteFrom('sessions').where('expires_at', '<', at).execute();
      await db
        .insertInto('sessions')
        .values({ id_hash: input.idHash, user_id: input.userId, csrf_token: input.csrfToken, created_at: at, expires_at: input.expiresAt })
        .execute();
    },

    async find(idHash) {
      const row = await db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .select(['sessions.csrf_token', 'sessions.created_at as session_created_at', 'sessions.expires_at'])
        .select(SESSION_USER_COLUMNS)
        .where('sessions.id_hash', '=', idHash)
        .where('sessions.expires_at', '>', now())
        .where('users.active', '=', 1)
        .executeTakeFirst();
      if (!row) return null;
      return {
        session: { userId: row.id, csrfToken: row.csrf_token, createdAt: row.session_created_at, expiresAt: row.expires_at },
        user: toUser(row),
      };
    },

    async extend(idHash, expiresAt) {
      await db.updateTable('sessions').set({ expires_at: expiresAt }).where('id_hash', '=', idHash).execute();
    },

    async delete(idHash) {
      await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
    },

    async deleteForUser(userId, keepIdHash) {
      let query = db.deleteFrom('sessions').where('user_id', '=', userId);
      if (keepIdHash) query = query.where('id_hash', '!=', keepIdHash);
      const result = await query.executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
