import type { SubmissionRepository } from '../repository';
import { now, type RepoContext } from '../../../db/repository-context';
import { toBuffer } from './submission-rows';

export function checkedUploadsRepository({ db }: RepoContext): SubmissionRepository['checkedUploads'] {
  return {
    async create(input) {
      // Sweeping expired checks here keeps the table small without a timer.
      await db.deleteFrom('checked_uploads').where('expires_at', '<=', now()).execute();
      await db
        .insertInto('checked_uploads')
        .values({ id: input.id, user_id: input.userId, grid_deflated: toBuffer(input.gridDeflated), expires_at: input.expiresAt })
        .execute();
    },

    async grid(userId, id) {
      const row = await db
        .selectFrom('checked_uploads')
        .select(['grid_deflated', 'expires_at'])
        .where('id', '=', id)
        .where('user_id', '=', userId)
        .where('expires_at', '>', now())
        .executeTakeFirst();
      return row ? { gridDeflated: toBuffer(row.grid_deflated), expiresAt: row.expires_at } : null;
    },
  };
}
