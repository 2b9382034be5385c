import { parseNotice } from './calendar-notice';
import { WorkingCalendar, chinaDate, chinaDateTime, chinaDayEnd, chinaDayStart } from './calendar';

const cal = new WorkingCalendar();

describe('working days with the State Council calendar', () => {
  test('National Day week is off; the make-up Saturday is a working day', () => {
    expect(cal.isWorkingDay('2025-10-01')).toBe(false);
    expect(cal.isWorkingDay('2025-10-08')).toBe(false);
    expect(cal.isWorkingDay('2025-09-28')).toBe(true); // Sunday, 调休 working day
    expect(cal.isWorkingDay('2025-10-11')).toBe(true); // Saturday, 调休 working day
    expect(cal.isWorkingDay('2025-10-12')).toBe(false); // ordinary Sunday
    expect(cal.isWorkingDay('2025-10-09')).toBe(true);
  });

  test('10 working days from 2025-09-26 skip the holiday and count both make-up days', () => {
    // Working days after 09-26: 09-28(Sun, make-up), 09-29, 09-30, 10-09, 10-10, 10-11(Sat, make-up), 10-13 … 10-16
    expect(cal.addWorkingDays('2025-09-26', 10)).toBe('2025-10-16');
    expect(cal.isSpanCovered('2025-09-26', '2025-10-16')).toBe(true);
  });

  test('3 working days over a plain weekend', () => {
    expect(cal.addWorkingDays('2025-11-14', 3)).toBe('2025-11-19');
  });

  test('workingDaysBetween counts after the start up to and including the end', () => {
    expect(cal.workingDaysBetween('2025-09-26', '2025-10-16')).toBe(10);
    expect(cal.workingDaysBetween('2025-10-16', '2025-09-26')).toBe(-10);
    expect(cal.workingDaysBetween('2025-10-01', '2025-10-07')).toBe(0);
  });

  test('a year with neither package data nor an entry counts weekends only, and says so', () => {
    const year = Math.max(...WorkingCalendar.packageYears()) + 1;
    expect(cal.source(year)).toBe('none');
    expect(cal.isCovered(`${year}-03-02`)).toBe(false);
    expect(cal.isWorkingDay(`${year}-10-01`)).toBe(![0, 6].includes(new Date(`${year}-10-01T00:00:00Z`).getUTCDay()));
    expect(cal.isSpanCovered(`${year}-03-01`, cal.addWorkingDays(`${year}-03-01`, 10))).toBe(false);
  });

  test('the package years are covered by the package', () => {
    expect(cal.source(2025)).toBe('package');
    expect(WorkingCalendar.packageYears()).toContain(2026);
  });

  test('a badly written date is refused', () => {
    expect(() => cal.isWorkingDay('2025/10/01')).toThrow(RangeError);
  });
});

/**
 * TEST DATA, not the State Council's notice: the 2027 arrangement (国务院办公厅关于2027年部分节假日安排的通知)
 * could not be found from here, so this is a plausible one — New Year Fri 1 to Sun 3 January; Spring Festival
 * (除夕 Fri 5 February) 5 to 13 February with Saturday 20 February a make-up working day; National Day 1 to 7 October
 * with Sunday 26 September and Saturday 9 October at work. Replace it with the real notice once published.
 */
const NOTICE_2027_TEST_DATA = [
  '# 测试数据（非国务院通知原文）',
  '元旦：2027-01-01 至 2027-01-03 放假',
  '春节：2027年2月5日 至 2027年2月13日 放假',
  '2027-02-20 上班',
  '国庆节：2027-10-01 至 2027-10-07 放假',
  '2027-09-26、2027-10-09 上班',
].join('\n');

describe('a year the bureau enters from the notice', () => {
  const parsed = parseNotice(2027, NOTICE_2027_TEST_DATA);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const with2027 = new WorkingCalendar([parsed.year]);

  test('the notice lines become days off and make-up working days', () => {
    expect(parsed.year.holidays).toHaveLength(3 + 9 + 7);
    expect(parsed.year.workdays).toEqual(['2027-02-20', '2027-09-26', '2027-10-09']);
    expect(with2027.source(2027)).toBe('bureau');
    expect(with2027.isWorkingDay('2027-01-01')).toBe(false);
    expect(with2027.isWorkingDay('2027-10-01')).toBe(false);
    expect(with2027.isWorkingDay('2027-02-20')).toBe(true); // Saturday, 调休
  });

  test('without the entry, New Year and Spring Festival count as working days (the bug this fixes)', () => {
    expect(cal.isCovered('2027-01-01')).toBe(false);
    expect(cal.isWorkingDay('2027-01-01')).toBe(true);
    expect(cal.addWorkingDays('2026-12-24', 10)).toBe('2027-01-07');
    expect(cal.addWorkingDays('2027-02-01', 10)).toBe('2027-02-15');
  });

  test('with it, a deadline moves across New Year and across Spring Festival', () => {
    // After Thu 2026-12-24: 25, 28, 29, 30, 31 (5), New Year off, 4 … 8 January (10).
    expect(with2027.addWorkingDays('2026-12-24', 10)).toBe('2027-01-08');
    expect(with2027.isSpanCovered('2026-12-24', '2027-01-08')).toBe(true);
    // After Mon 2027-02-01: 2, 3, 4 (3), 5–13 off, 15 … 19 (8), Sat 20 make-up (9), 22 (10).
    expect(with2027.addWorkingDays('2027-02-01', 10)).toBe('2027-02-22');
    expect(with2027.workingDaysBetween('2027-02-01', '2027-02-22')).toBe(10);
  });

  test("the bureau's entry wins over the package for the same year", () => {
    const own2026 = new WorkingCalendar([{ year: 2026, holidays: ['2026-03-02'], workdays: [] }]);
    expect(own2026.source(2026)).toBe('bureau');
    expect(own2026.isWorkingDay('2026-03-02')).toBe(false);
    expect(own2026.isWorkingDay('2026-10-01')).toBe(true); // the package's National Day no longer applies
  });
});

describe('reading the notice', () => {
  test('refuses what it cannot read, with the line', () => {
    const r = parseNotice(2027, '2027-01-01 至 2027-01-03 放假\n下周一上班\n2027-02-30 放假\n2026-12-31 放假\n2027-03-05 至 2027-03-01 放假');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.line)).toEqual([2, 3, 4, 5]);
    expect(r.problems[1].message).toMatch(/不存在的日期/);
    expect(r.problems[2].message).toMatch(/不在 2027 年/);
  });

  test('a day both off and at work, and an empty entry, are refused', () => {
    const both = parseNotice(2027, '2027-01-01 放假\n2027-01-01 上班');
    expect(both.ok || both.problems[0].message).toMatch(/既写了放假又写了上班/);
    const empty = parseNotice(2027, '# 只有注释');
    expect(empty.ok || empty.problems[0].message).toMatch(/没有录入/);
  });
});

test('a China date begins at 16:00 UTC the day before, and chinaDate reads it back', () => {
  expect(chinaDayStart('2026-11-21')).toBe('2026-11-20T16:00:00.000Z');
  expect(chinaDate(new Date(chinaDayStart('2026-01-01')))).toBe('2026-01-01');
  expect(chinaDate(new Date(Date.parse(chinaDayStart('2026-01-01')) - 1))).toBe('2025-12-31');
  expect(chinaDateTime('2026-11-20T16:05:09.123Z')).toBe('2026-11-21 00:05:09');
  expect(chinaDayEnd('2026-12-31')).toBe(chinaDayStart('2027-01-01'));
});

test('a long line without dates is refused quickly, not by backtracking', () => {
  const r = parseNotice(2027, `${'假'.repeat(5000)} ${' '.repeat(5000)}2027`);
  expect(r.ok).toBe(false);
});
