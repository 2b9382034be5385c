/**
 * The review pages end to end, in headless Chromium against a really running server: a
 * coordinator creates a task; a clerk uploads a catalogue with mistakes and sees the report,
 * then submits a clean one; the lead confirms; the coordinator sees the diff against last
 * year's approved catalogue and returns it with a cell comment; the clerk sees the comment and
 * resubmits; the lead confirms, the coordinator approves; the task board shows it approved.
 * And what another department's clerk may not open, by link or by API.
 */
import type { Page } from 'playwright-core';
import type { WorkbookGrid } from '../../shared/src';
import { catalogueSheet, validResource } from '../../shared/src/testing';
import { xlsx } from '../api/helpers';
import { startPeopleSuite, type PeopleSuite } from './people';

const population = (length: number, extra: Array<[string, string, number]> = []) =>
  validResource({ 资源代码: '307021022100/000001', 数据资源名称: '人口统计', items: [['年份', 'N', 4], ['人口数', 'N', length], ...extra] });
const companies = () => validResource({ 资源代码: '307021022100/000002', 数据资源名称: '企业名录', items: [['企业名称', 'C', 100]] });
const societies = () => validResource({ 资源代码: '307021022100/000003', 数据资源名称: '社团名录', items: [['社团名称', 'C', 100], ['登记日期', 'D', 8]] });

const lastYear: WorkbookGrid = { sheets: [catalogueSheet([population(12), companies()])] };
const withMistakes: WorkbookGrid = { sheets: [catalogueSheet([population(14), { ...companies(), 数据资源名称: '' }, { ...societies(), 共享类型: '有条件共享' }])] };
const clean: WorkbookGrid = { sheets: [catalogueSheet([population(14, [['地区', 'C', 20]]), companies(), societies()])] };

let suite: PeopleSuite;
let url: string;
let store: PeopleSuite['store'];
const api: PeopleSuite['api'] = (...args) => suite.api(...args);
/** A browser of its own for each person, signed in through the sign-in page. */
const signIn = (username: string, path = '/') => suite.signIn(username, path);

beforeAll(async () => {
  suite = await startPeopleSuite('review', async (store) => {
    const a = await store.departments.create({ name: '芜湖市统计局' });
    const b = await store.departments.create({ name: '芜湖市民政局' });
    return [
      ['shenhe', '计算科审核员', 'coordinator', null],
      ['tongji', '统计局填报员', 'clerk', a.id],
      ['tongji-lead', '统计局分管领导', 'lead', a.id],
      ['minzheng', '民政局填报员', 'clerk', b.id],
    ];
  }, { width: 1440, height: 1000 });
  ({ store, url } = suite);
  // Last year's catalogue of the statistics bureau, approved before the lead step was switched on.
  const base = await api('/api/submissions', 'tongji', { body: { workbook: lastYear } });
  expect((await api(`/api/submissions/${base.body.submission.id}/approve`, 'shenhe', { body: {} })).status).toBe(200);
  await store.settings.set('leadConfirmation', true);
}, 120_000);

afterAll(async () => {
  await suite?.close();
});

let taskId: number;
let coordinator: Page;
let clerk: Page;
let lead: Page;
let firstVersion: number;

test('a coordinator creates a collection task; the board lists its departments as not started', async () => {
  coordinator = await signIn('shenhe', '/tasks');
  await coordinator.getByLabel('任务名称').fill('2026 年度政务数据资源目录编制');
  await coordinator.getByRole('checkbox', { name: '芜湖市统计局' }).check();
  await coordinator.getByRole('checkbox', { name: '芜湖市民政局' }).check();
  await coordinator.getByLabel('工作日天数').fill('10');
  await coordinator.getByRole('button', { name: '创建任务' }).click();
  await coordinator.waitForURL(/\/tasks\/\d+$/);
  taskId = Number(new URL(coordinator.url()).pathname.split('/').pop());
  await coordinator.getByText('还有 10 个工作日').waitFor();
  for (const d of ['芜湖市统计局', '芜湖市民政局']) await expect(coordinator.getByTestId(`board-row-${d}`).getAttribute('data-state')).resolves.toBe('not-started');
});

test('a clerk uploads a catalogue with mistakes and sees the report on the cells; then submits a clean one', async () => {
  clerk = await signIn('tongji', '/upload');
  await clerk.getByLabel('填报任务').selectOption(String(taskId));
  await clerk.locator('input[type=file]').setInputFiles({ name: '统计局目录.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await xlsx(withMistakes) });
  await clerk.getByRole('button', { name: '检查' }).click();
  await clerk.getByText(/发现 \d+ 个错误/).waitFor();
  // The issue list links to the cells; the cell is coloured as the add-in colours it in Excel.
  const issue = clerk.locator('[data-issue-cell]').first();
  const [, cell] = ((await issue.getAttribute('data-issue-cell')) ?? '').split('!');
  await issue.click();
  await expect(clerk.locator(`td[data-cell="${cell}"]`).getAttribute('data-mark')).resolves.toBe('error');
  expect(await api('/api/submissions?limit=500', 'shenhe').then((r) => r.body.total)).toBe(1);

  await clerk.locator('input[type=file]').setInputFiles({ name: '统计局目录.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await xlsx(clean) });
  await clerk.getByRole('button', { name: '检查' }).click();
  await clerk.getByText('没有发现错误，可以提交。').waitFor();
  await clerk.getByRole('button', { name: '提交' }).click();
  await clerk.waitForURL(/\/submissions\/\d+$/);
  firstVersion = Number(new URL(clerk.url()).pathname.split('/').pop());
  await clerk.getByText('待部门领导确认').first().waitFor();
});

test('the lead confirms it from the department’s queue', async () => {
  lead = await signIn('tongji-lead', '/queue');
  await lead.getByTestId(`queue-row-${firstVersion}`).getByRole('link').click();
  await lead.getByRole('button', { name: '确认提交' }).click();
  await lead.locator('[data-status="confirmed"]').first().waitFor();
});

test('the coordinator sees the diff against last year, returns it with a comment on a cell', async () => {
  await coordinator.goto(`${url}/queue`);
  await coordinator.getByTestId(`queue-row-${firstVersion}`).getByRole('link').click();
  // On the sheet: the new resource's rows are tinted as added, the widened item as changed.
  await coordinator.locator('tr[data-tone="added"]').first().waitFor();
  await expect(coordinator.locator('tr[data-tone="added"]').count()).resolves.toBe(3);
  await expect(coordinator.locator('tr[data-tone="changed"]').count()).resolves.toBe(1);
  await coordinator.getByRole('tab', { name: '与上次通过版本的差异' }).click();
  await coordinator.getByText(/新增 1 个资源，删除 0 个，变更 1 个/).waitFor();
  await coordinator.getByTestId('diff-changed-人口统计').getByText('数据长度 12 → 14').waitFor();
  await coordinator.getByRole('tab', { name: '表格与问题' }).click();

  await coordinator.locator('td[data-cell="D3"]').click();
  await coordinator.getByLabel('批注 目录!D3').fill('名称请与权责清单一致');
  await coordinator.getByRole('button', { name: '添加批注' }).click();
  await expect(coordinator.locator('td[data-cell="D3"]').getAttribute('data-mark')).resolves.toBe('review');
  await coordinator.getByLabel('理由或意见').fill('请按批注修改后重新提交');
  await coordinator.getByRole('button', { name: '退回修改' }).click();
  await coordinator.locator('[data-status="returned"]').first().waitFor();
  // A returned version offers no approval; the server refuses one too.
  await expect(coordinator.getByRole('button', { name: '审核通过' }).count()).resolves.toBe(0);
  expect((await api(`/api/submissions/${firstVersion}/approve`, 'shenhe', { body: {} })).body.error.code).toBe('status-conflict');
});

test('the clerk sees the comment on the cell and resubmits; the lead confirms; the coordinator approves', async () => {
  await clerk.goto(`${url}/submissions/${firstVersion}`);
  await expect(clerk.locator('td[data-cell="D3"]').getAttribute('data-mark')).resolves.toBe('review');
  await expect(clerk.locator('td[data-cell="D3"]').getAttribute('title')).resolves.toContain('名称请与权责清单一致');
  await clerk.getByRole('tab', { name: '版本与审核记录' }).click();
  await clerk.getByRole('region', { name: '版本与审核记录' }).getByText('：请按批注修改后重新提交').waitFor();

  await clerk.goto(`${url}/upload`);
  await clerk.getByLabel('填报任务').selectOption(String(taskId));
  const renamed: WorkbookGrid = { sheets: [catalogueSheet([{ ...population(14, [['地区', 'C', 20]]), 数据资源名称: '人口统计信息' }, companies(), societies()])] };
  await clerk.locator('input[type=file]').setInputFiles({ name: '统计局目录-修改.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await xlsx(renamed) });
  await clerk.getByRole('button', { name: '检查' }).click();
  await clerk.getByText('没有发现错误，可以提交。').waitFor();
  await clerk.getByRole('button', { name: '提交' }).click();
  await clerk.waitForURL((u) => /\/submissions\/\d+$/.test(u.pathname) && !u.pathname.endsWith(`/${firstVersion}`));
  const second = Number(new URL(clerk.url()).pathname.split('/').pop());
  await clerk.getByRole('heading', { name: /第 2 版/ }).waitFor();

  await lead.goto(`${url}/submissions/${second}`);
  await lead.getByRole('button', { name: '确认提交' }).click();
  await lead.locator('[data-status="confirmed"]').first().waitFor();

  await coordinator.goto(`${url}/submissions/${second}`);
  await coordinator.getByRole('button', { name: '审核通过' }).click();
  await coordinator.locator('[data-status="approved"]').first().waitFor();
});

test('the task board shows the department approved, the other one still not started', async () => {
  await coordinator.goto(`${url}/tasks/${taskId}`);
  await expect(coordinator.getByTestId('board-row-芜湖市统计局').getAttribute('data-state')).resolves.toBe('approved');
  await expect(coordinator.getByTestId('board-row-芜湖市民政局').getAttribute('data-state')).resolves.toBe('not-started');
  await coordinator.getByTestId('board-row-芜湖市统计局').getByRole('link', { name: '第 2 版' }).waitFor();
  await suite.screenshot(coordinator, 'task-board');
});

test('another department’s clerk cannot open the submission or any admin page, by link or by API', async () => {
  const other = await signIn('minzheng', `/submissions/${firstVersion}`);
  await other.getByRole('alert').getByText('提交不存在，或您无权查看').waitFor();
  await expect(other.locator('td[data-cell]').count()).resolves.toBe(0);
  await other.goto(`${url}/admin/users`);
  await other.getByTestId('forbidden').getByText('无权访问').waitFor();
  // The same through the API, with the page's own session cookie.
  const status = (path: string) => other.evaluate(async (p) => (await fetch(p)).status, path);
  await expect(status(`/api/submissions/${firstVersion}`)).resolves.toBe(404);
  await expect(status(`/api/submissions/${firstVersion}/versions`)).resolves.toBe(404);
  await expect(status('/api/users')).resolves.toBe(403);
  const board = await other.evaluate(async (p) => (await fetch(p)).json(), `/api/tasks/${taskId}/board`);
  expect(board.rows.map((r: { department: { name: string } }) => r.department.name)).toEqual(['芜湖市民政局']);
  // Nor can a clerk decide anything: refused without the CSRF token, and for the role with it.
  const decide = (withToken: boolean) =>
    other.evaluate(async ([id, withToken]) => {
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      if (withToken) headers['X-CSRF-Token'] = (await (await fetch('/api/session')).json()).csrfToken;
      const res = await fetch(`/api/submissions/${id}/approve`, { method: 'POST', headers, body: '{}' });
      return `${res.status} ${(await res.json()).error.code}`;
    }, [firstVersion, withToken] as const);
  await expect(decide(false)).resolves.toBe('403 csrf-failed');
  await expect(decide(true)).resolves.toBe('403 forbidden');
});

test('every page path serves the app; the bundle is compressed; API paths and other clients get JSON', async () => {
  for (const path of ['/', '/tasks/1', '/admin/users', '/no/such/page']) {
    const res = await fetch(url + path, { headers: { Accept: 'text/html' } });
    expect([path, res.status, await res.text()]).toEqual([path, 200, expect.stringContaining('<script defer src="/web/app.js">')]);
  }
  const bundle = await fetch(`${url}/web/app.js`, { headers: { 'Accept-Encoding': 'gzip' } });
  expect(bundle.headers.get('content-encoding')).toBe('gzip');
  const api = await fetch(`${url}/api/nothing-here`, { headers: { Accept: 'text/html' } });
  expect([api.status, (await api.json()).error.code]).toEqual([404, 'no-such-endpoint']);
  const program = await fetch(`${url}/no/such/page`, { headers: { Accept: 'application/json' } });
  expect([program.status, (await program.json()).error.code]).toEqual([404, 'not-found']);
});

test('a long sheet is read a page at a time: issues far down turn to their page, a row can be jumped to, long issue groups show more', async () => {
  // 260 one-item resources, the last 250 "有条件共享" without a condition: 250 issues of one rule.
  const many = Array.from({ length: 260 }, (_, i) =>
    validResource({ 资源代码: `307021022100/${String(100 + i).padStart(6, '0')}`, 数据资源名称: `长表资源${i + 1}`, items: [['字段', 'C', 10]], ...(i >= 10 ? { 共享类型: '有条件共享' } : {}) }),
  );
  const sent = await api('/api/submissions', 'minzheng', { body: { workbook: { sheets: [catalogueSheet(many)] } } });
  expect(sent.status).toBe(201);
  await coordinator.goto(`${url}/submissions/${sent.body.submission.id}`);
  await coordinator.getByText(/第 1–200 行，共 262 行/).waitFor();
  // The page's rows arrive after the outline: wait for the last of them.
  await coordinator.locator('tr[data-row="200"]').waitFor();
  await expect(coordinator.locator('tr[data-row]').count()).resolves.toBe(200);

  const group = coordinator.locator('[data-rule]', { has: coordinator.getByRole('button', { name: '……另有 150 处，再显示 100 处' }) });
  const rule = await group.getAttribute('data-rule');
  const issues = coordinator.locator(`[data-rule="${rule}"] [data-issue-cell]`);
  await expect(issues.count()).resolves.toBe(100);
  await coordinator.getByRole('button', { name: '……另有 150 处，再显示 100 处' }).click();
  await coordinator.getByRole('button', { name: '……另有 50 处，再显示 50 处' }).click();
  await expect(issues.count()).resolves.toBe(250);

  // The last issue sits on the second page: picking it turns there, and the cell is marked.
  const last = issues.last();
  const [, cell] = ((await last.getAttribute('data-issue-cell')) ?? '').split('!');
  await last.click();
  await coordinator.getByText(/第 201–262 行/).waitFor();
  // The header row is not on this page: it is pinned above the rows, so the columns keep their names.
  await expect(coordinator.locator('tr[data-pinned-header] td').first().textContent()).resolves.toBe('序号');
  await coordinator.locator(`td[data-cell="${cell}"]`).waitFor();
  await expect(coordinator.locator(`td[data-cell="${cell}"]`).getAttribute('data-mark')).resolves.toBe('error');

  // Back to a row on the first page by its number.
  await coordinator.getByLabel(/跳到第几行/).fill('150');
  await coordinator.getByRole('button', { name: '跳转' }).click();
  await coordinator.getByText(/第 1–200 行/).waitFor();
  // Shown (scrolled into view within the grid) and outlined.
  await coordinator.locator('tr[data-row="150"]').waitFor({ state: 'visible' });
  await expect(coordinator.locator('tr[data-row="150"]').evaluate((row) => getComputedStyle(row).outlineStyle)).resolves.toBe('solid');
});
