import { jsonBody, KiB } from '../../http/body';
import { Router } from 'express';
import { chinaDate } from '../../../../shared/src';
import { on } from '../../http/route-table';
import { parse } from '../../http/parse';
import type { BureauCalendar } from './bureau-calendar';
import { calendarOverview, deleteCalendarYear, duePreview, putCalendarYear, type CalendarData } from './calendar-service';
import { CalendarYearInputSchema, CalendarYearParamSchema, DueQuerySchema } from '../../../../shared/src/api/schemas';

/**
 * The holiday calendar: which years are covered and by what, the admin's entries from the
 * State Council's notice, and a due-date preview for the task form.
 */
export function calendarRoutes(store: CalendarData, calendars: BureauCalendar, now: () => Date = () => new Date()): Router {
  const r = Router();
  // On the route that takes a body only, so no other router's body is read under this limit.
  const json = jsonBody(100 * KiB);
  const yearParam = (raw: unknown) => parse(CalendarYearParamSchema, raw, '年份');

  on(r, 'calendar', async (_req, res) => {
    res.json(await calendarOverview(calendars, chinaDate(now())));
  });

  on(r, 'dueDate', async (req, res) => {
    const q = parse(DueQuerySchema, req.query, '查询参数');
    res.json(duePreview(await calendars.current(), chinaDate(now()), q));
  });

  on(r, 'putCalendarYear', [json], async (req, res, admin) => {
    const year = yearParam(req.params.year);
    res.json(await putCalendarYear(store, calendars, admin.userId, year, parse(CalendarYearInputSchema, req.body)));
  });

  on(r, 'deleteCalendarYear', async (req, res, admin) => {
    await deleteCalendarYear(store, calendars, admin.userId, yearParam(req.params.year));
    res.status(204).end();
  });

  return r;
}
