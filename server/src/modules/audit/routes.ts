import { create as contentDisposition } from 'content-disposition';
import { Router } from 'express';
import type { z } from 'zod';
import { chinaDate, chinaDayEnd, chinaDayStart } from '../../../../shared/src';
import type { AuditFilter } from './repository';
import { auditCsv, auditPage, type AuditReading } from './reading';
import { on } from '../../http/route-table';
import { parse } from '../../http/parse';
import { AuditQuerySchema } from '../../../../shared/src/api/schemas';

/** The audit log for admins: every write, who made it and when, filtered and paged, or exported as CSV. */
export function auditRoutes(store: AuditReading): Router {
  const r = Router();

  on(r, 'audit', async (req, res) => {
    const query = parse(AuditQuerySchema, req.query, '查询条件');
    res.json(await auditPage(store, { ...toFilter(query), limit: query.limit, offset: query.offset }));
  });

  on(r, 'auditExport', async (req, res) => {
    const csv = await auditCsv(store, toFilter(parse(AuditQuerySchema, req.query, '查询条件')));
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
