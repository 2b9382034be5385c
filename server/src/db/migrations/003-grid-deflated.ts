import type { Kysely, Migration } from 'kysely';
import { dialectTypes } from './dialect';

/** Grids stored deflated (see grid-codec.ts); rows written before keep their JSON text in `grid`. */
export const gridDeflated: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('submissions').addColumn('grid_deflated', dialectTypes(db).blob).execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.alterTable('submissions').dropColumn('grid_deflated').execute();
  },
};
