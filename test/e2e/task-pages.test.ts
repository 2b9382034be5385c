/**
 * Managing a task from the pages, in headless Chromium (1366×768) against a really running
 * server: the form says why its button is disabled at 0 working days; a coordinator creates a
 * task, edits it (a past date is asked about first), gives one department more time from the
 * board, and the board shows that department's own date; the admin enters a year of holidays.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { hashPassword } from '../../server/src/auth/secrets';
import { projectRoot } from '../../server/src/paths';
import { startBrowserSuite, type BrowserSuite } from './suite';

const PASSWORD = 'a-long-password';
let suite: BrowserSuite;
let context: BrowserContext;
let page: Page;
let shots: string;
let departments: { a: number; b: number };

async function screenshot(name: string) {
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: false });
}

async function signIn(username: string) {
  await page.goto(`${suite.url}/tasks`);
  await page.locator('input[name=username]').fill(username);
  await page.locator('input[name=password]').fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('button', { name: '退出' }).waitFor();
}

beforeAll(async () => {
  suite = await startBrowserSuite('tasks');
  // GOVCAT_SCREENSHOTS=1 npm test refreshes the pictures in server/web/screenshots; otherwise they go to the temp folder.
  shots = process.env.GOVCAT_SCREENSHOTS ? join(projectRoot(), 'server', 'web', 'screenshots') : suite.dir;
  mkdirSync(shots, { recursive: true });
  const a = await suite.store.departments.create({ name: '芜湖市统计局' });
  const b = await suite.store.departments.create({ name: '芜湖市民政局' });
  departments = { a: a.id, b: b.id };
  for (const [username, displayName, role] of [['shenhe', '计算科审核员', 'coordinator'], ['guanli', '系统管理员', 'admin']] as const) {
    await suite.store.users.create({ username, displayName, role, departmentId: null, passwordHash: await hashPassword(PASSWORD) });
  }
  context = await suite.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  context.setDefaultTimeout(10_000);
  page = await context.newPage();
}, 120_000);

afterAll(async () => {
  await suite?.close();
});

test('at 0 working days the form says why it cannot create the task', async () => {
  await signIn('shenhe');
  const form = page.getByRole('form', { name: '新建填报任务' });
  const create = form.getByRole('button', { name: '创建任务' });
  await form.getByLabel('任务名称').fill('2027 年度目录更新');
  await form.getByRole('checkbox', { name: '全选' }).check();
  // Every deadline field says 截止日期, the choice of how it is set included.
  await form.getByRole('radiogroup', { name: '截止日期计算方式' }).waitFor();
  await form.getByLabel('工作日天数').fill('0');
  await form.getByRole('alert').getByText('工作日天数至少为 1：0 个工作日即今天截止').waitFor();
  expect(await create.isDisabled()).toBe(true);
  expect(await form.getByTestId('create-missing').textContent()).toBe('还需：填写有效的截止（见上方提示）');
  await screenshot('task-form-zero-days');

  await form.getByLabel('工作日天数').fill('10');
  await form.getByRole('status', { name: '截止日期预览' }).getByText('还有 10 个工作日').waitFor();
  expect(await create.isDisabled()).toBe(false);
  await create.click();
  await page.waitForURL(/\/tasks\/\d+$/);
  await page.getByRole('heading', { name: '2027 年度目录更新' }).waitFor();
});

test('the task is edited from its board; a past due date is asked about first', async () => {
  await page.getByRole('button', { name: '编辑任务' }).click();
  let dialog = page.getByRole('dialog', { name: '编辑任务' });
  await dialog.getByLabel('任务名称').fill('2027 年度目录更新（修订）');
  await dialog.getByRole('radio', { name: '指定日期' }).check();
  await dialog.getByLabel('截止日期', { exact: true }).fill('2020-01-02');
  await dialog.getByRole('button', { name: '保存' }).click();
  const ask = page.getByRole('alertdialog', { name: '截止日期早于今天，确定吗？' });
  await ask.waitFor();
  await ask.getByRole('button', { name: '取消' }).click();
  await ask.waitFor({ state: 'detached' });
  // Nothing was saved: the dialog is still open for a better date.
  await dialog.getByLabel('截止日期', { exact: true }).fill('2030-06-28');
  await dialog.getByRole('status', { name: '截止日期预览' }).getByText('截止日期 2030-06-28').waitFor();
  // 2030's holidays are not known yet: the date is counted on weekends alone, and says so.
  await dialog.getByTestId('calendar-warning').waitFor();
  await dialog.getByRole('button', { name: '保存' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByRole('heading', { name: '2027 年度目录更新（修订）' }).waitFor();
  await page.getByText('截止日期：2030-06-28').waitFor();
  await page.getByTestId('calendar-warning').first().waitFor();

  const task = (await suite.store.tasks.list({ userId: 0, role: 'coordinator', departmentId: null }))[0];
  expect(task).toMatchObject({ title: '2027 年度目录更新（修订）', dueDate: '2030-06-28' });
  expect((await suite.store.audit.list({ action: 'task.update' })).length).toBe(1);
  dialog = page.getByRole('dialog', { name: '编辑任务' });
  expect(await dialog.count()).toBe(0);
});

test('one department is given more time from the board; its row shows its own date', async () => {
  await page.getByRole('button', { name: '为 芜湖市民政局 延期' }).click();
  const dialog = page.getByRole('dialog', { name: '为部门延期' });
  await dialog.getByText('该部门现在的截止日期：2030-06-28').waitFor();
  await dialog.getByRole('radio', { name: '指定日期' }).check();
  await dialog.getByLabel('截止日期', { exact: true }).fill('2030-07-15');
  await dialog.getByRole('button', { name: '延期' }).click();
  await dialog.waitFor({ state: 'detached' });
  const row = page.getByTestId('board-row-芜湖市民政局');
  await row.getByText('已延期').waitFor();
  expect(await row.getByTestId('row-due').textContent()).toContain('2030-07-15');
  expect(await page.getByTestId('board-row-芜湖市统计局').getByTestId('row-due').textContent()).toContain('2030-06-28');
  await screenshot('task-board-extended');
  const [extension] = await suite.store.audit.list({ action: 'task.extend' });
  expect(extension.details).toEqual({ departmentId: departments.b, before: '2030-06-28', after: '2030-07-15' });
});

test('a task without submissions is deleted from its board, and the page stays usable', async () => {
  const spare = await suite.store.tasks.create({ title: '建错的任务', sheetKinds: ['catalogue'], departmentIds: [departments.a], dueDate: '2030-01-10', createdBy: 1 });
  await page.goto(`${suite.url}/tasks/${spare.id}`);
  await page.getByRole('button', { name: '删除任务' }).click();
  const dialog = page.getByRole('dialog', { name: '删除任务' });
  await dialog.getByRole('button', { name: '删除' }).click();
  await page.waitForURL(`${suite.url}/tasks`);
  // Found by role: the closed dialog left nothing hidden from assistive technology.
  await page.getByRole('heading', { name: '填报任务' }).waitFor();
  expect(await page.getByRole('link', { name: '建错的任务' }).count()).toBe(0);
  expect(await suite.store.tasks.get(spare.id)).toBeNull();
});

test('the admin enters a year of holidays and sees the year covered by the bureau entry', async () => {
  await page.getByRole('button', { name: '退出' }).click();
  await signIn('guanli');
  await page.goto(`${suite.url}/admin/calendar`);
  // The first year listed without data (next year until the package catches up), whatever today is.
  const missing = page.locator('[data-testid^="calendar-year-"][data-source="none"]').first();
  const y = Number((await missing.getAttribute('data-testid'))!.slice('calendar-year-'.length));
  await page.getByRole('button', { name: `录入 ${y} 年` }).click();
  const notice = page.getByLabel('放假与调休上班日期');
  await notice.fill(`元旦：${y}-01-01 放假\n${y}-02-30 放假`);
  await page.getByRole('alert', { name: '录入有误' }).getByText('第 2 行有不存在的日期').waitFor();
  // TEST DATA, not a State Council notice.
  await notice.fill(`元旦：${y}-01-01 放假\n国庆节：${y}-10-01 至 ${y}-10-07 放假`);
  await page.getByLabel('依据').fill('测试数据（非国务院通知）');
  await page.getByRole('status').getByText('共 8 天放假、0 天调休上班').waitFor();
  await page.getByRole('button', { name: '保存' }).click();
  await page.getByText(`已保存 ${y} 年的节假日安排`).waitFor();
  const row = page.getByTestId(`calendar-year-${y}`);
  await row.getByText('本单位录入').waitFor();
  expect(await row.getAttribute('data-source')).toBe('bureau');
  expect((await suite.store.calendarYears.list()).map((e) => e.year)).toEqual([y]);
  await screenshot('admin-calendar');
});
