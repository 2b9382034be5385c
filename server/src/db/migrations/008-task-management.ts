import type { Kysely, Migration } from 'kysely';

/**
 * Tasks that can be corrected: closed tasks take no more submissions, one department may be
 * given its own later due date, and the bureau enters each year's holidays from the State
 * Council's notice (shared by every instance on this database; it wins over the built-in package).
 */
export const taskManagement: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('tasks').addColumn('closed_at', 'text').execute();
    // NULL: the task's own due date.
    await db.schema.alterTable('task_departments').addColumn('due_date', 'text').execute();
    await db.schema
      .createTable('calendar_years')
      .addColumn('year', 'integer', (c) => c.primaryKey())
      .addColumn('notice', 'text', (c) => c.notNull())
      .addColumn('holidays', 'text', (c) => c.notNull())
      .addColumn('workdays', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('calendar_years').execute();
    await db.schema.alterTable('task_departments').dropColumn('due_date').execute();
    await db.schema.alterTable('tasks').dropColumn('closed_at').execute();
  },
};
