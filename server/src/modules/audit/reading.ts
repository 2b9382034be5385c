import { stringify } from 'csv-stringify/sync';
import { auditActionLabel, auditDetailsText, auditEntityLabel, chinaDateTime, neutraliseFormula } from '../../../../shared/src';
import { badRequest } from '../../http/errors';
import { displayNames } from '../identity/service';
import type { AuditEntry, AuditFilter, AuditRepository } from './repository';

/** What the log's pages read: the log, and identity's service for the names in it. */
export type AuditReading = AuditRepository & Parameters<typeof displayNames>[0];

/** More than this in one file is better narrowed by date than opened in a spreadsheet. */
export const AUDIT_EXPORT_MAX = 100_000;

/** One page of the log, with the names of the people in it, and how many entries match. */
export async function auditPage(data: AuditReading, filter: AuditFilter & { limit: number; offset: number }) {
  const items = await data.audit.list(filter);
  const total = await data.audit.count(filter);
  return { items: await withNames(data, items), total };
}

/** Every matching entry as CSV (with a BOM, so spreadsheets read it as UTF-8); too many is refused. */
export async function auditCsv(data: AuditReading, filter: AuditFilter): Promise<string> {
  const total = await data.audit.count(filter);
  if (total > AUDIT_EXPORT_MAX) throw badRequest('too-many-rows', `符合条件的记录有 ${total} 条，一次最多导出 ${AUDIT_EXPORT_MAX} 条，请缩小日期范围后再导出`);
  const items = await withNames(data, await data.audit.list(filter));
  return stringify(
    items.map((e) => [chinaDateTime(e.at), e.userName ?? '系统', auditActionLabel(e.action), auditEntityLabel(e.entity), e.entityId ?? '', auditDetailsText(e.details)]),
    {
      bom: true,
      header: true,
      columns: ['时间（北京时间）', '用户', '操作', '对象', '对象编号', '详情'],
      // Names and details come from users: none of it may run as a formula where the file is opened.
      cast: { string: (value) => neutraliseFormula(value) },
    },
  );
}

async function withNames(data: AuditReading, entries: AuditEntry[]): Promise<Array<AuditEntry & { userName: string | null }>> {
  const ids = [...new Set(entries.flatMap((e) => (e.userId === null ? [] : [e.userId])))];
  const names = await displayNames(data, ids);
  return entries.map((e) => ({ ...e, userName: e.userId === null ? null : (names.get(e.userId) ?? `用户 ${e.userId}`) }));
}
