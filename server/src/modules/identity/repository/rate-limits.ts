import { sql } from 'kysely';
import type { IdentityRepository } from '../repository';
import type { RepoContext } from '../../../db/repository-context';

export function rateLimitsRepository({ db }: RepoContext): IdentityRepository['rateLimits'] {
  return {
    async hit(key, windowMs) {
      const at = new Date();
      const now = at.toISOString();
      const reset = new Date(at.getTime() + windowMs).toISOString();
      // Counters of ended windows are of no use to anyone; sign-ins are rare enough to sweep each time.
      await db.deleteFrom('rate_limits').where('reset_at', '<=', now).where('key', '!=', key).execute();
      // One statement, so that two instances counting the same address at once both count.
      const row = await db
        .insertInto('rate_limits')
        .values({ key, hits: 1, reset_at: reset })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            hits: sql<number>`CASE WHEN rate_limits.reset_at <= ${now} THEN 1 ELSE rate_limits.hits + 1 END`,
            reset_at: sql<string>`CASE WHEN rate_limits.reset_at <= ${now} THEN ${reset} ELSE rate_limits.reset_at END`,
          }),
        )
        .returning(['hits', 'reset_at'])
        .executeTakeFirstOrThrow();
      return { hits: Number(row.hits), resetAt: new Date(row.reset_at) };
    },

    async count(key) {
      const row = await db.selectFrom('rate_limits').select('hits').where('key', '=', key).where('reset_at', '>', new Date().toISOString()).executeTakeFirst();
      return row ? Number(row.hits) : 0;
    },

    async undo(key) {
      await db.updateTable('rate_limits').set({ hits: sql<number>`hits - 1` }).where('key', '=', key).where('hits', '>', 0).execute();
    },

    async reset(key) {
      await db.deleteFrom('rate_limits').where('key', '=', key).execute();
    },
  };
}
