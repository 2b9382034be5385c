import data from 'chinese-days/dist/chinese-days.json';

/**
 * The working-day calendar for the 10- and 3-working-day rules: the State Council's holidays
 * and make-up working days (调休) from the maintained `chinese-days` data, plus overrides a
 * bureau adds when next year's calendar is published before the package catches up.
 * Dates are calendar dates written YYYY-MM-DD (China has one time zone).
 */
export interface CalendarOverrides {
  /** Extra days off, YYYY-MM-DD. */
  holidays?: readonly string[];
  /** Extra working days (make-up days on a weekend), YYYY-MM-DD. */
  workdays?: readonly string[];
}

export const DEADLINE_RULES = {
  demandReply: { workingDays: 10, label: '共享需求答复', basis: '数据提供单位应在10个工作日内给予答复' },
  catalogueChange: { workingDays: 10, label: '目录变更登记', basis: '因职能调整等导致资源变化的，10个工作日内变更已注册目录' },
  platformData: { workingDays: 3, label: '平台数据提供', basis: '通过平台提供的数据在3个工作日内提供' },
} as const;

export type DeadlineRule = keyof typeof DEADLINE_RULES;

const MS_PER_DAY = 86400000;

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

const packageYears = Object.keys(data.holidays).map((d) => Number(d.slice(0, 4)));

export class WorkingCalendar {
  private readonly holidays: Set<string>;
  private readonly workdays: Set<string>;
  /** The last year whose holidays the calendar knows; later years count weekends only. */
  readonly coveredUntil: number;

  constructor(overrides: CalendarOverrides = {}) {
    this.holidays = new Set([...Object.keys(data.holidays), ...(overrides.holidays ?? [])]);
    this.workdays = new Set([...Object.keys(data.workdays), ...(overrides.workdays ?? [])]);
    for (const d of overrides.workdays ?? []) this.holidays.delete(d);
    for (const d of overrides.holidays ?? []) this.workdays.delete(d);
    const overrideYears = [...(overrides.holidays ?? []), ...(overrides.workdays ?? [])].map((d) => Number(d.slice(0, 4)));
    this.coveredUntil = Math.max(...packageYears, ...overrideYears);
  }

  isWorkingDay(date: string | Date): boolean {
    const utc = toUtc(date);
    const iso = isoDate(utc);
    if (this.workdays.has(iso)) return true;
    if (this.holidays.has(iso)) return false;
    const dow = new Date(utc).getUTCDay();
    return dow !== 0 && dow !== 6;
  }

  /** False when the date is past the years whose holidays are known: a deadline there may shift. */
  isCovered(date: string | Date): boolean {
    return new Date(toUtc(date)).getUTCFullYear() <= this.coveredUntil;
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

  /** The due date of a rule's working-day limit, counted from `from`. */
  deadline(rule: DeadlineRule, from: string | Date): { due: string; approximate: boolean } {
    const due = this.addWorkingDays(from, DEADLINE_RULES[rule].workingDays);
    return { due, approximate: !this.isCovered(due) };
  }
}
