import type { Kysely, Migration } from 'kysely';
import { dialectTypes } from './dialect';

/**
 * Uploads checked on the upload page but not (yet) submitted, kept for half an hour so the page
 * can read their rows a page at a time from whichever server instance it reaches.
 */
export const checkedUploads: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('checked_uploads')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('grid_deflated', dialectTypes(db).blob, (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('checked_uploads').execute();
  },
};
