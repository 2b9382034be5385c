import type { Kysely, Migration } from 'kysely';

/**
 * The hash of what a request carried, kept with its idempotency key: a retry with the same key
 * must carry the same workbook, or it is refused rather than silently answered with another one.
 */
export const requestHash: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('submissions').addColumn('request_hash', 'text').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('submissions').dropColumn('request_hash').execute();
  },
};
