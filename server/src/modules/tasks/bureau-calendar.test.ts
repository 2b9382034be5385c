import { openStore } from '../../db/connect';
import type { Store } from '../../db/store';
import { hashPassword } from '../../auth/secrets';
import { BureauCalendar, startupCalendarNotice } from './bureau-calendar';
import { WorkingCalendar } from '../../../../shared/src';

let store: Store;
let admin: number;

beforeAll(async () => {
  store = await openStore('sqlite::memory:');
  admin = (await store.users.create({ username: 'admin', displayName: '管理员', role: 'admin', departmentId: null, passwordHash: await hashPassword('admin-password-1') })).id;
});
afterAll(async () => store.close());

test('another instance sees an entry once its short cache runs out; the writing one at once after reload', async () => {
  let clock = 0;
  const here = new BureauCalendar(store, 15_000, () => clock);
  const there = new BureauCalendar(store, 15_000, () => clock);
  expect((await here.current()).source(2027)).toBe('none');
  expect((await there.current()).source(2027)).toBe('none');
  await store.calendarYears.put({ year: 2027, holidays: ['2027-01-01'], workdays: [], notice: '2027-01-01 放假', source: '测试数据', updatedBy: admin });
  here.reload();
  expect((await here.current()).source(2027)).toBe('bureau');
  expect((await there.current()).source(2027)).toBe('none');
  clock += 15_000;
  expect((await there.current()).isWorkingDay('2027-01-01')).toBe(false);
});

test('the start-up notice names the years counted on weekends alone', () => {
  const next = Math.max(...WorkingCalendar.packageYears()) + 1;
  expect(startupCalendarNotice(new WorkingCalendar(), `${next - 1}-12-01`)).toContain(`${next} 年`);
  expect(startupCalendarNotice(new WorkingCalendar([{ year: next, holidays: [`${next}-01-01`], workdays: [] }]), `${next - 1}-12-01`)).toBeNull();
});
