import { chinaDate, WorkingCalendar, yearOf, type CalendarSource } from '../../../../shared/src';
import type { BureauCalendarYear, TaskRepository } from '../../db/store';

/**
 * The working-day calendar with the bureau's own years from the database. The entries change at
 * run time: a write on this instance reloads at once (`reload`), and every instance re-reads
 * within `ttlMs`, so several instances on one PostgreSQL database agree within seconds.
 */
export class BureauCalendar {
  private cached: { at: number; calendar: WorkingCalendar; years: BureauCalendarYear[] } | null = null;
  private loading: Promise<{ calendar: WorkingCalendar; years: BureauCalendarYear[] }> | null = null;

  constructor(
    private readonly store: Pick<TaskRepository, 'calendarYears'>,
    private readonly ttlMs = 15_000,
    private readonly clock: () => number = Date.now,
  ) {}

  async current(): Promise<WorkingCalendar> {
    return (await this.state()).calendar;
  }

  /** The bureau's entries as last read. */
  async entries(): Promise<BureauCalendarYear[]> {
    return (await this.state()).years;
  }

  /** Forgets what was read, so the next use sees a write made here. */
  reload(): void {
    this.cached = null;
  }

  private async state() {
    if (this.cached && this.clock() - this.cached.at < this.ttlMs) return this.cached;
    // Concurrent requests after the cache ran out share one read.
    this.loading ??= this.store.calendarYears
      .list()
      .then((years) => {
        this.cached = { at: this.clock(), calendar: new WorkingCalendar(years), years };
        return this.cached;
      })
      .finally(() => {
        this.loading = null;
      });
    return this.loading;
  }
}

export interface YearCoverage {
  year: number;
  source: CalendarSource;
}

/** Coverage of the years around `today` (last year to two years ahead) and of every year entered. */
export function coverage(calendar: WorkingCalendar, entries: readonly BureauCalendarYear[], today: string): YearCoverage[] {
  const thisYear = yearOf(today);
  const years = new Set([thisYear - 1, thisYear, thisYear + 1, thisYear + 2, ...entries.map((e) => e.year)]);
  return [...years].sort((a, b) => a - b).map((year) => ({ year, source: calendar.source(year) }));
}

/** The start-up log's line from the database's entries, or null when this year and the next are covered. */
export async function calendarStartupNotice(store: Pick<TaskRepository, 'calendarYears'>, today = chinaDate()): Promise<string | null> {
  return startupCalendarNotice(new WorkingCalendar(await store.calendarYears.list()), today);
}

/** Which of this year and the next count weekends only. */
export function startupCalendarNotice(calendar: WorkingCalendar, today: string): string | null {
  const thisYear = yearOf(today);
  const missing = [thisYear, thisYear + 1].filter((y) => calendar.source(y) === 'none');
  if (missing.length === 0) return null;
  return `节假日日历缺少 ${missing.join('、')} 年的安排：这些年份的工作日截止日期将只按周末计算。国务院公布放假安排后，请管理员在 系统管理 › 节假日 中录入。`;
}
