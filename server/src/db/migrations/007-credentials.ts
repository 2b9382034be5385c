import type { Kysely, Migration } from 'kysely';
import { DAY_MS, DEFAULT_TOKEN_LIFETIME_DAYS } from '../../../../shared/src/token-lifetimes';

/** Tokens made before 007 keep at least this long after the upgrade, so no add-in stops on upgrade day. */
const UPGRADE_GRACE_DAYS = 30;

/**
 * Credentials that end: API tokens get an expiry, and a user can be made to choose a new
 * password at the next sign-in (after `govcat reset-password` hands out a one-time one).
 *
 * expires_at stays nullable only because SQLite cannot add a NOT NULL column without a
 * default; every row is filled here and every insert sets it, and a NULL would be refused.
 * Existing tokens get the default lifetime from their creation, but never less than the grace.
 */
export const credentials: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('api_tokens').addColumn('expires_at', 'text').execute();
    await db.schema
      .alterTable('users')
      .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    const floor = Date.now() + UPGRADE_GRACE_DAYS * DAY_MS;
    const tokens: Array<{ id: number; created_at: string }> = await db.selectFrom('api_tokens').select(['id', 'created_at']).execute();
    for (const t of tokens) {
      const expiresAt = new Date(Math.max(Date.parse(t.created_at) + DEFAULT_TOKEN_LIFETIME_DAYS * DAY_MS, floor)).toISOString();
      await db.updateTable('api_tokens').set({ expires_at: expiresAt }).where('id', '=', t.id).execute();
    }
  },
  async down(db: Kysely<any>) {
    await db.schema.alterTable('users').dropColumn('must_change_password').execute();
    await db.schema.alterTable('api_tokens').dropColumn('expires_at').execute();
  },
};
