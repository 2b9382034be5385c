import type { Kysely, Migration } from 'kysely';

/**
 * Sign-in attempts per address, counted in the database so that every server instance behind a
 * load balancer shares one count (in memory, each instance would allow the limit on its own).
 */
export const rateLimits: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('rate_limits')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('hits', 'integer', (c) => c.notNull())
      .addColumn('reset_at', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('rate_limits').execute();
  },
};
