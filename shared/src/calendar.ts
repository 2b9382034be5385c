import data from 'chinese-days/dist/chinese-days.json';
import { MS_PER_DAY } from './dates';

/**
 * The working-day calendar for the 10- and 3-working-day rules: the State Council's holidays
 * and make-up working days (调休) from the maintained `chinese-days` data, plus the years a
 * bureau enters itself from the State Council's notice, which the package publishes weeks or
 * months later. Dates are calendar dates written YYYY-MM-DD (China has one time zone).
 */

/** One year's arrangement as a bureau entered it from the State Council's notice. */
export interface CalendarYear {
  year: number;
  /** Days off, YYYY-MM-DD, weekends inside a holiday included or not (either reads the same). */
  holidays: readonly string[];
  /** Make-up working days on a weekend (调休上班), YYYY-MM-DD. */
  workdays: readonly string[];
}

/** Where a year's holidays come from; 'none' means weekends only. */
export const CALENDAR_SOURCES = ['package', 'bureau', 'none'] as const;
export type CalendarSource = (typeof CALENDAR_SOURCES)[number];

export const CALENDAR_SOURCE_LABELS: Record<CalendarSource, string> = {
  package: '内置日历',
  bureau: '本单位录入',
  none: '未录入（按周末计算）',
};

/** The warning shown next to a deadline whose year has no holiday data. */
export const UNCOVERED_WARNING = '该年度节假日安排尚未录入，按周末计算，可能有误';


function toUtc(date: string | Date): number {
  if (typeof date !== 'string') return Date.UTC(date.getFullYear(), date.getMonth(), date.getDate());
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`日期应写成 YYYY-MM-DD：${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

export function isoDate(utc: number): string {
  return new Date(utc).toISOString().slice(0, 10);
}

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The calendar date in China (UTC+8, no daylight saving) at an instant, whatever the server's time zone. */
export function chinaDate(at: Date = new Date()): string {
  return isoDate(at.getTime() + CHINA_OFFSET_MS);
}

/** An instant as China's clock reads it: YYYY-MM-DD HH:mm:ss. */
export function chinaDateTime(iso: string): string {
  return new Date(Date.parse(iso) + CHINA_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/** The instant a China calendar date (YYYY-MM-DD) begins, as an ISO time: chinaDate's inverse. */
export function chinaDayStart(date: string): string {
  return new Date(toUtc(date) - CHINA_OFFSET_MS).toISOString();
}

/** The instant a China calendar date ends (the next one begins). */
export function chinaDayEnd(date: string): string {
  return new Date(toUtc(date) + MS_PER_DAY - CHINA_OFFSET_MS).toISOString();
}

/** The year of a YYYY-MM-DD date. */
export const yearOf = (iso: string): number => Number(iso.slice(0, 4));

const PACKAGE_YEARS: ReadonlySet<number> = new Set(Object.keys(data.holidays).map(yearOf));

export class WorkingCalendar {
  private readonly holidays: Set<string>;
  private readonly workdays: Set<string>;
  private readonly bureauYears: ReadonlySet<number>;

  /** `bureau` years replace the package's data for the same year: the bureau's entry wins. */
  constructor(bureau: readonly CalendarYear[] = []) {
    this.bureauYears = new Set(bureau.map((y) => y.year));
    const fromPackage = (days: Record<string, string>) => Object.keys(days).filter((d) => !this.bureauYears.has(yearOf(d)));
    this.holidays = new Set([...fromPackage(data.holidays), ...bureau.flatMap((y) => y.holidays)]);
    this.workdays = new Set([...fromPackage(data.workdays), ...bureau.flatMap((y) => y.workdays)]);
    // A day named both ways in one entry is a working day: going to work by mistake costs less than a missed deadline.
    for (const d of this.workdays) this.holidays.delete(d);
  }

  /** Which data a year's holidays come from. */
  source(year: number): CalendarSource {
    if (this.bureauYears.has(year)) return 'bureau';
    return PACKAGE_YEARS.has(year) ? 'package' : 'none';
  }

  /** The years the built-in package knows, ascending. */
  static packageYears(): number[] {
    return [...PACKAGE_YEARS].sort((a, b) => a - b);
  }

  isWorkingDay(date: string | Date): boolean {
    const utc = toUtc(date);
    const iso = isoDate(utc);
    if (this.workdays.has(iso)) return true;
    if (this.holidays.has(iso)) return false;
    const dow = new Date(utc).getUTCDay();
    return dow !== 0 && dow !== 6;
  }

  /** False when the date's year has neither package data nor a bureau entry: a deadline there is counted on weekends alone. */
  isCovered(date: string | Date): boolean {
    return this.source(new Date(toUtc(date)).getUTCFullYear()) !== 'none';
  }

  /** Whether every working day counted from `from` to `to` lies in a known year (a span through an unknown year may be off). */
  isSpanCovered(from: string | Date, to: string | Date): boolean {
    const [a, b] = [new Date(toUtc(from)).getUTCFullYear(), new Date(toUtc(to)).getUTCFullYear()];
    for (let y = Math.min(a, b); y <= Math.max(a, b); y++) if (this.source(y) === 'none') return false;
    return true;
  }

  /** The n-th working day after `from` (from itself not counted). */
  addWorkingDays(from: string | Date, n: number): string {
    let utc = toUtc(from);
    let left = n;
    while (left > 0) {
      utc += MS_PER_DAY;
      if (this.isWorkingDay(isoDate(utc))) left--;
    }
    return isoDate(utc);
  }

  /** Working days after `from` up to and including `to`; negative when `to` is earlier. */
  workingDaysBetween(from: string | Date, to: string | Date): number {
    const a = toUtc(from);
    const b = toUtc(to);
    const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
    let count = 0;
    for (let utc = lo + MS_PER_DAY; utc <= hi; utc += MS_PER_DAY) if (this.isWorkingDay(isoDate(utc))) count++;
    return count * sign;
  }
}
