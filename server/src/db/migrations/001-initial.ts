/**
 * The first schema. Constraint names are stable: errors.ts maps unique violations to fields by
 * them (PostgreSQL) or by their columns (SQLite).
 */
import { sql, type Kysely, type Migration } from 'kysely';
import { dialectTypes } from './dialect';

export const initial: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    const t = dialectTypes(db);

    await db.schema
      .createTable('bureau_settings')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('departments')
      .addColumn('id', 'integer', t.id)
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('code', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('departments_name_unique', ['name'])
      .execute();

    await db.schema
      .createTable('users')
      .addColumn('id', 'integer', t.id)
      .addColumn('username', 'text', (c) => c.notNull())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('department_id', 'integer', (c) => c.references('departments.id'))
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('users_username_unique', ['username'])
      .addCheckConstraint('users_role_check', sql`role in ('clerk', 'lead', 'coordinator', 'admin')`)
      .addCheckConstraint('users_active_check', sql`active in (0, 1)`)
      .execute();

    await db.schema
      .createTable('api_tokens')
      .addColumn('id', 'integer', t.id)
      .addColumn('token_hash', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('prefix', 'text', (c) => c.notNull())
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_used_at', 'text')
      .addColumn('revoked_at', 'text')
      .addUniqueConstraint('api_tokens_hash_unique', ['token_hash'])
      .execute();
    await db.schema.createIndex('api_tokens_user_idx').on('api_tokens').column('user_id').execute();

    await db.schema
      .createTable('tasks')
      .addColumn('id', 'integer', t.id)
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('sheet_kinds', 'text', (c) => c.notNull())
      .addColumn('due_date', 'text', (c) => c.notNull())
      .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('task_departments')
      .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id'))
      .addColumn('department_id', 'integer', (c) => c.notNull().references('departments.id'))
      .addPrimaryKeyConstraint('task_departments_pk', ['task_id', 'department_id'])
      .execute();
    await db.schema.createIndex('task_departments_department_idx').on('task_departments').column('department_id').execute();

    await db.schema
      .createTable('submissions')
      .addColumn('id', 'integer', t.id)
      .addColumn('department_id', 'integer', (c) => c.notNull().references('departments.id'))
      .addColumn('task_id', 'integer', (c) => c.references('tasks.id'))
      // The version series key: task_id, or 0 without a task (a NULL would never conflict).
      .addColumn('task_key', 'integer', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('sheet_kinds', 'text', (c) => c.notNull())
      .addColumn('grid', 'text', (c) => c.notNull())
      .addColumn('report', 'text', (c) => c.notNull())
      .addColumn('errors', 'integer', (c) => c.notNull())
      .addColumn('warnings', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('submitted_by', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('original_filename', 'text')
      .addColumn('original_file', t.blob)
      .addColumn('idempotency_key', 'text')
      .addUniqueConstraint('submissions_version_unique', ['department_id', 'task_key', 'version'])
      .addUniqueConstraint('submissions_idempotency_unique', ['submitted_by', 'idempotency_key'])
      .addCheckConstraint('submissions_status_check', sql`status in ('submitted', 'confirmed', 'approved', 'returned')`)
      .execute();
    // The list filters; department lists are usually read in time order.
    await db.schema.createIndex('submissions_department_idx').on('submissions').columns(['department_id', 'created_at']).execute();
    await db.schema.createIndex('submissions_task_idx').on('submissions').columns(['task_id', 'created_at']).execute();
    await db.schema.createIndex('submissions_status_idx').on('submissions').column('status').execute();
    await db.schema.createIndex('submissions_created_idx').on('submissions').column('created_at').execute();

    await db.schema
      .createTable('review_decisions')
      .addColumn('id', 'integer', t.id)
      .addColumn('submission_id', 'integer', (c) => c.notNull().references('submissions.id'))
      .addColumn('decision', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('comments', 'text', (c) => c.notNull())
      .addColumn('decided_by', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addCheckConstraint('review_decisions_decision_check', sql`decision in ('confirm', 'approve', 'return')`)
      .execute();
    await db.schema.createIndex('review_decisions_submission_idx').on('review_decisions').column('submission_id').execute();

    // Append-only: the store has no update or delete for it. No foreign key on user_id, so
    // the trail outlives whatever it mentions.
    await db.schema
      .createTable('audit_log')
      .addColumn('id', 'integer', t.id)
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('user_id', 'integer')
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('entity', 'text', (c) => c.notNull())
      .addColumn('entity_id', 'text')
      .addColumn('details', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('audit_log_entity_idx').on('audit_log').columns(['entity', 'entity_id']).execute();
  },

  async down(db: Kysely<any>): Promise<void> {
    for (const table of ['audit_log', 'review_decisions', 'submissions', 'task_departments', 'tasks', 'api_tokens', 'users', 'departments', 'bureau_settings']) {
      await db.schema.dropTable(table).execute();
    }
  },
};
