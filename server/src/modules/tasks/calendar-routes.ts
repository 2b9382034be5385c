import { jsonBody, KiB } from '../../http/body';
import { Router } from 'express';
import { chinaDate, parseNotice, WorkingCalendar } from '../../../../shared/src';
import type { AuditRepository, Bound, TaskRepository } from '../../db/store';
import { on } from '../../http/route-table';
import { badRequest, notFound } from '../../http/errors';
import { parse } from '../../http/parse';
import { coverage, type BureauCalendar } from './bureau-calendar';
import { CalendarYearInputSchema, CalendarYearParamSchema, DueQuerySchema } from '../../../../shared/src/api/schemas';
import { recordAudit } from '../audit/service';

/**
 * The holiday calendar: which years are covered and by what, the admin's entries from the
 * State Council's notice, and a due-date preview for the task form.
 */
export function calendarRoutes(store: Bound<Pick<TaskRepository, 'calendarYears'> & AuditRepository>, calendars: BureauCalendar, now: () => Date = () => new Date()): Router {
  const r = Router();
  r.use(jsonBody(100 * KiB));
  const yearParam = (raw: unknown) => parse(CalendarYearParamSchema, raw, '年份');

  on(r, 'calendar', async (_req, res) => {
    const [calendar, entries] = [await calendars.current(), await calendars.entries()];
    const today = chinaDate(now());
    res.json({ today, years: coverage(calendar, entries, today), entries, packageYears: WorkingCalendar.packageYears() });
  });

  on(r, 'dueDate', async (req, res) => {
    const q = parse(DueQuerySchema, req.query, '查询参数');
    const calendar = await calendars.current();
    const today = chinaDate(now());
    // `from` as an extension counts: from that date, or from today once it has passed.
    const from = q.from && q.from > today ? q.from : today;
    const dueDate = q.date ?? calendar.addWorkingDays(from, q.workingDays!);
    res.json({
      today,
      dueDate,
      workingDaysLeft: calendar.workingDaysBetween(today, dueDate),
      past: dueDate < today,
      calendarCovered: calendar.isSpanCovered(today, dueDate),
      source: calendar.source(Number(dueDate.slice(0, 4))),
    });
  });

  on(r, 'putCalendarYear', async (req, res, admin) => {
    const year = yearParam(req.params.year);
    const body = parse(CalendarYearInputSchema, req.body);
    const parsed = parseNotice(year, body.notice);
    if (!parsed.ok) throw badRequest('calendar-notice-invalid', `节假日安排有误：${parsed.problems[0].message}`, parsed.problems);
    const saved = await store.transaction(async (tx) => {
      const entry = await tx.calendarYears.put({ ...parsed.year, notice: body.notice, source: body.source, updatedBy: admin.userId });
      await recordAudit(tx, { userId: admin.userId, action: 'calendar.update', entity: 'calendar', entityId: String(year), details: { source: body.source, holidays: entry.holidays.length, workdays: entry.workdays.length } });
      return entry;
    });
    calendars.reload();
    res.json(saved);
  });

  on(r, 'deleteCalendarYear', async (req, res, admin) => {
    const year = yearParam(req.params.year);
    const deleted = await store.transaction(async (tx) => {
      const ok = await tx.calendarYears.delete(year);
      if (ok) await recordAudit(tx, { userId: admin.userId, action: 'calendar.delete', entity: 'calendar', entityId: String(year) });
      return ok;
    });
    if (!deleted) throw notFound(`${year} 年的节假日录入`);
    calendars.reload();
    res.status(204).end();
  });

  return r;
}
