import type { AuditEntry, Store } from '../store';
import { now, type RepoContext } from './context';

/** Append-only by construction: there is no update or delete here. */
export function auditRepository({ db }: RepoContext): Store['audit'] {
  return {
    async append(entry) {
      await db
        .insertInto('audit_log')
        .values({ at: now(), user_id: entry.userId, action: entry.action, entity: entry.entity, entity_id: entry.entityId, details: JSON.stringify(entry.details ?? {}) })
        .execute();
    },

    async list(filter = {}) {
      let query = db.selectFrom('audit_log').selectAll().orderBy('id', 'desc');
      if (filter.entity !== undefined) query = query.where('entity', '=', filter.entity);
      if (filter.entityId !== undefined) query = query.where('entity_id', '=', filter.entityId);
      if (filter.limit !== undefined) query = query.limit(filter.limit);
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
  };
}
