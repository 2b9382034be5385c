import type { ExpressionBuilder } from 'kysely';
import type { Database } from '../../db/schema';
import type { AuditEntry, AuditFilter, AuditRepository } from './repository';
import { now, toCount, type RepoContext } from '../../db/repository-context';

/** Append-only by construction: there is no update or delete here. */
export function auditRepository({ db }: RepoContext): AuditRepository['audit'] {
  const matching = (eb: ExpressionBuilder<Database, 'audit_log'>, f: AuditFilter) => {
    const conditions = [];
    if (f.userId !== undefined) conditions.push(eb('user_id', '=', f.userId));
    if (f.action !== undefined) conditions.push(eb('action', '=', f.action));
    if (f.entity !== undefined) conditions.push(eb('entity', '=', f.entity));
    if (f.entityId !== undefined) conditions.push(eb('entity_id', '=', f.entityId));
    if (f.from !== undefined) conditions.push(eb('at', '>=', f.from));
    if (f.to !== undefined) conditions.push(eb('at', '<', f.to));
    return eb.and(conditions);
  };

  return {
    async append(entry) {
      await db
        .insertInto('audit_log')
        .values({ at: now(), user_id: entry.userId, action: entry.action, entity: entry.entity, entity_id: entry.entityId, details: JSON.stringify(entry.details ?? {}) })
        .execute();
    },

    async list(filter = {}) {
      let query = db.selectFrom('audit_log').selectAll().where((eb) => matching(eb, filter)).orderBy('id', 'desc');
      // SQLite accepts OFFSET only after a LIMIT.
      if (filter.limit !== undefined || filter.offset !== undefined) query = query.limit(filter.limit ?? Number.MAX_SAFE_INTEGER);
      if (filter.offset !== undefined) query = query.offset(filter.offset);
      const rows = await query.execute();
      return rows.map(
        (row): AuditEntry => ({
          id: row.id,
          at: row.at,
          userId: row.user_id,
          action: row.action,
          entity: row.entity,
          entityId: row.entity_id,
          details: JSON.parse(row.details) as Record<string, unknown>,
        }),
      );
    },

    async count(filter = {}) {
      const row = await db.selectFrom('audit_log').select((eb) => eb.fn.countAll<string | number>().as('n')).where((eb) => matching(eb, filter)).executeTakeFirstOrThrow();
      return toCount(row.n);
    },
  };
}
