import { create as contentDisposition } from 'content-disposition';
import { Router } from 'express';
import { stringify } from 'csv-stringify/sync';
import type { z } from 'zod';
import { auditActionLabel, auditDetailsText, auditEntityLabel, chinaDate, chinaDateTime, chinaDayEnd, chinaDayStart, neutraliseFormula } from '../../../../shared/src';
import type { AuditEntry, AuditFilter, AuditRepository } from './repository';
import { on } from '../../http/route-table';
import { badRequest } from '../../http/errors';
import { parse } from '../../http/parse';
import { AuditQuerySchema } from '../../../../shared/src/api/schemas';
import { displayNames } from '../identity/service';

/** What the log's pages read: the log, and identity for the names in it. */
type AuditReading = AuditRepository & Parameters<typeof displayNames>[0];

/** More than this in one file is better narrowed by date than opened in a spreadsheet. */
export const AUDIT_EXPORT_MAX = 100_000;

/** The audit log for admins: every write, who made it and when, filtered and paged, or exported as CSV. */
export function auditRoutes(store: AuditReading): Router {
  const r = Router();

  on(r, 'audit', async (req, res) => {
    const query = parse(AuditQuerySchema, req.query, '查询条件');
    const filter = { ...toFilter(query), limit: query.limit, offset: query.offset };
    const items = await store.audit.list(filter);
    const total = await store.audit.count(filter);
    res.json({ items: await withNames(store, items), total });
  });

  on(r, 'auditExport', async (req, res) => {
    const filter = toFilter(parse(AuditQuerySchema, req.query, '查询条件'));
    const total = await store.audit.count(filter);
    if (total > AUDIT_EXPORT_MAX) throw badRequest('too-many-rows', `符合条件的记录有 ${total} 条，一次最多导出 ${AUDIT_EXPORT_MAX} 条，请缩小日期范围后再导出`);
    const items = await withNames(store, await store.audit.list(filter));
    const csv = stringify(
      items.map((e) => [chinaDateTime(e.at), e.userName ?? '系统', auditActionLabel(e.action), auditEntityLabel(e.entity), e.entityId ?? '', auditDetailsText(e.details)]),
      {
        bom: true,
        header: true,
        columns: ['时间（北京时间）', '用户', '操作', '对象', '对象编号', '详情'],
        // Names and details come from users: none of it may run as a formula where the file is opened.
        cast: { string: (value) => neutraliseFormula(value) },
      },
    );
    const date = chinaDate();
    // A plain ASCII name too, for the few clients that cannot read the UTF-8 one.
    res.set('Content-Disposition', contentDisposition(`操作日志-${date}.csv`, { fallback: `audit-log-${date}.csv` }));
    res.type('text/csv; charset=utf-8').send(csv);
  });
  return r;
}

/** The query as the store's filter: China dates become the instants their days begin and end. */
function toFilter({ from, to, limit: _limit, offset: _offset, ...exact }: z.infer<typeof AuditQuerySchema>): AuditFilter {
  return { ...exact, from: from === undefined ? undefined : chinaDayStart(from), to: to === undefined ? undefined : chinaDayEnd(to) };
}

async function withNames(store: AuditReading, entries: AuditEntry[]): Promise<Array<AuditEntry & { userName: string | null }>> {
  const ids = [...new Set(entries.flatMap((e) => (e.userId === null ? [] : [e.userId])))];
  const names = await displayNames(store, ids);
  return entries.map((e) => ({ ...e, userName: e.userId === null ? null : (names.get(e.userId) ?? `用户 ${e.userId}`) }));
}
