import type { Kysely, Migration } from 'kysely';

/**
 * Browser sessions for the review pages. The cookie carries a random id; only its SHA-256 is
 * stored, like API tokens, so a copy of the database signs nobody in. The CSRF token is per
 * session and is not a secret on its own (it only proves the request came from our page).
 */
export const sessions: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('sessions')
      .addColumn('id_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('csrf_token', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('sessions').execute();
  },
};
