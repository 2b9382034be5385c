import type { Kysely, Migration } from 'kysely';
import { deflateGrid } from '../grid-codec';

/**
 * Grids live only in `grid_deflated` (003 onwards wrote '' into `grid`): rows from before 003 are
 * deflated here, a few at a time so a large database is not held in memory, and the text column goes.
 */
export const dropGridText: Migration = {
  async up(db: Kysely<any>) {
    for (;;) {
      const rows = await db.selectFrom('submissions').select(['id', 'grid']).where('grid_deflated', 'is', null).limit(50).execute();
      if (rows.length === 0) break;
      for (const row of rows) {
        await db.updateTable('submissions').set({ grid_deflated: deflateGrid(String(row.grid)) }).where('id', '=', row.id).execute();
      }
    }
    await db.schema.alterTable('submissions').dropColumn('grid').execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.alterTable('submissions').addColumn('grid', 'text', (c) => c.notNull().defaultTo('')).execute();
  },
};
