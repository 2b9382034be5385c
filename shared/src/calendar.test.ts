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
    expect(cal.deadline('demandReply', '2025-09-26')).toEqual({ due: '2025-10-16', approximate: false });
  });

  test('3 working days over a plain weekend', () => {
    expect(cal.deadline('platformData', '2025-11-14').due).toBe('2025-11-19');
  });

  test('workingDaysBetween counts after the start up to and including the end', () => {
    expect(cal.workingDaysBetween('2025-09-26', '2025-10-16')).toBe(10);
    expect(cal.workingDaysBetween('2025-10-16', '2025-09-26')).toBe(-10);
    expect(cal.workingDaysBetween('2025-10-01', '2025-10-07')).toBe(0);
  });

  test('past the known years a deadline is marked approximate; a bureau can add next year', () => {
    const future = cal.deadline('catalogueChange', `${cal.coveredUntil + 1}-03-02`);
    expect(future.approximate).toBe(true);
    const year = cal.coveredUntil + 1;
    const withNextYear = new WorkingCalendar({ holidays: [`${year}-01-01`], workdays: [`${year}-01-03`] });
    expect(withNextYear.coveredUntil).toBe(year);
    expect(withNextYear.isWorkingDay(`${year}-01-01`)).toBe(false);
    expect(withNextYear.isWorkingDay(`${year}-01-03`)).toBe(true);
  });

  test('a badly written date is refused', () => {
    expect(() => cal.isWorkingDay('2025/10/01')).toThrow(RangeError);
  });
});

test('a China date begins at 16:00 UTC the day before, and chinaDate reads it back', () => {
  expect(chinaDayStart('2026-11-21')).toBe('2026-11-20T16:00:00.000Z');
  expect(chinaDate(new Date(chinaDayStart('2026-01-01')))).toBe('2026-01-01');
  expect(chinaDate(new Date(Date.parse(chinaDayStart('2026-01-01')) - 1))).toBe('2025-12-31');
  expect(chinaDateTime('2026-11-20T16:05:09.123Z')).toBe('2026-11-21 00:05:09');
  expect(chinaDayEnd('2026-12-31')).toBe(chinaDayStart('2027-01-01'));
});
