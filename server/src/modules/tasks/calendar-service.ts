import type { z } from 'zod';
import { parseNotice, WorkingCalendar, yearOf } from '../../../../shared/src';
import type { AuditRepository, Bound, BureauCalendarYear, TaskRepository } from '../../db/store';
import { badRequest, notFound } from '../../http/errors';
import type { CalendarYearInputSchema, DueQuerySchema } from '../../../../shared/src/api/schemas';
import { recordAudit } from '../audit/service';
import { coverage, type BureauCalendar } from './bureau-calendar';

/** The calendar's years and the audit log, in one transaction. */
export type CalendarData = Bound<Pick<TaskRepository, 'calendarYears'> & AuditRepository>;

/** Which years are covered and by what, the bureau's entries, and the years the package knows. */
export async function calendarOverview(calendars: BureauCalendar, today: string) {
  const [calendar, entries] = [await calendars.current(), await calendars.entries()];
  return { today, years: coverage(calendar, entries, today), entries, packageYears: WorkingCalendar.packageYears() };
}

/** The task form's due-date preview. `from` counts as an extension does: from that date, or from today once it has passed. */
export function duePreview(calendar: WorkingCalendar, today: string, q: z.infer<typeof DueQuerySchema>) {
  const from = q.from && q.from > today ? q.from : today;
  const dueDate = q.date ?? calendar.addWorkingDays(from, q.workingDays!);
  return {
    today,
    dueDate,
    workingDaysLeft: calendar.workingDaysBetween(today, dueDate),
    past: dueDate < today,
    calendarCovered: calendar.isSpanCovered(today, dueDate),
    source: calendar.source(yearOf(dueDate)),
  };
}

/** An admin's entry for a year, from the State Council's notice; audited, and seen here at once. */
export async function putCalendarYear(data: CalendarData, calendars: BureauCalendar, adminId: number, year: number, body: z.infer<typeof CalendarYearInputSchema>): Promise<BureauCalendarYear> {
  const parsed = parseNotice(year, body.notice);
  if (!parsed.ok) throw badRequest('calendar-notice-invalid', `节假日安排有误：${parsed.problems[0].message}`, parsed.problems);
  const saved = await data.transaction(async (tx) => {
    const entry = await tx.calendarYears.put({ ...parsed.year, notice: body.notice, source: body.source, updatedBy: adminId });
    await recordAudit(tx, { userId: adminId, action: 'calendar.update', entity: 'calendar', entityId: String(year), details: { source: body.source, holidays: entry.holidays.length, workdays: entry.workdays.length } });
    return entry;
  });
  calendars.reload();
  return saved;
}

export async function deleteCalendarYear(data: CalendarData, calendars: BureauCalendar, adminId: number, year: number): Promise<void> {
  const deleted = await data.transaction(async (tx) => {
    const ok = await tx.calendarYears.delete(year);
    if (ok) await recordAudit(tx, { userId: adminId, action: 'calendar.delete', entity: 'calendar', entityId: String(year) });
    return ok;
  });
  if (!deleted) throw notFound(`${year} 年的节假日录入`);
  calendars.reload();
}
