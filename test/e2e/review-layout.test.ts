/**
 * The review pages at 1366×768, the screen of most offices, in headless Chromium against a really
 * running server with the lead step off: a clerk's upload page offers the department's only open
 * task; the board says 已提交 for a version nobody confirmed; a coordinator sees a 21-column
 * catalogue's grid on the first screen with codes on one line; approving a version with errors
 * asks first; a returned clerk sees the reason and every comment on the first screen and in the
 * issue list; the clerk's task list shows the department's status and a way to submit again.
 */
import type { Page } from 'playwright-core';
import type { CellValue, WorkbookGrid } from '../../shared/src';
import { CATALOGUE_HEADERS, catalogueSheet, validResource, type ResourceSpec } from '../../shared/src/testing';
import { xlsx } from '../api/helpers';
import { startPeopleSuite, type PeopleSuite } from './people';

const VIEWPORT = { width: 1366, height: 768 };
let suite: PeopleSuite;
let url: string;
let taskId: number;
const api = (path: string, who: string, body?: unknown) => suite.api(path, who, { body });
const signIn = (username: string, path: string) => suite.signIn(username, path);

/** 21 columns, as the catalogues offices really send: the test headers and three more text columns. */
const HEADERS = [...CATALOGUE_HEADERS, '资源摘要', '应用场景', '备注'];
const SUMMARY = '本资源汇总全市常住人口、户籍人口及其年度变化情况，供各部门开展统计分析与政策评估使用。';

/** 40 resources of one item each; the first `conditional` share conditionally without saying on what (one error each). */
function catalogue(conditional: number, name = '人口资源'): WorkbookGrid {
  const resources = Array.from({ length: 40 }, (_, i): ResourceSpec => {
    const r = validResource({ 资源代码: `307021022100/${String(500 + i).padStart(6, '0')}`, 数据资源名称: `${name}${i + 1}`, items: [['统计年份', 'N', 4]], ...(i < conditional ? { 共享类型: '有条件共享' } : {}) });
    return Object.assign(r, { 资源摘要: SUMMARY, 应用场景: '人口规划', 备注: i % 5 === 0 ? '年报' : null } as Record<string, CellValue>);
  });
  return { sheets: [catalogueSheet(resources, { headers: HEADERS })] };
}

/** An element's box, asserted to lie wholly on the first screen (the page not scrolled). */
async function onFirstScreen(page: Page, selector: string) {
  const box = await page.locator(selector).first().boundingBox();
  expect(box).not.toBeNull();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  expect({ selector, top: box!.y >= 0, bottom: box!.y + box!.height <= VIEWPORT.height }).toEqual({ selector, top: true, bottom: true });
  return box!;
}

/** Where the grid starts, how many of its rows are wholly visible on the first screen, and the rows' height. */
function gridFigures(page: Page) {
  return page.evaluate((screen) => {
    const wrap = document.querySelector('[data-testid="grid-scroll"]') ?? document.querySelector('table[aria-label^="工作表"]')!.parentElement!;
    const box = wrap.getBoundingClientRect();
    const head = wrap.querySelector('thead')!.getBoundingClientRect();
    const bottom = Math.min(box.bottom, screen);
    const rows = [...wrap.querySelectorAll('tbody tr')].map((r) => r.getBoundingClientRect()).filter((r) => r.top >= head.bottom - 1 && r.bottom <= bottom + 1);
    return { top: Math.round(box.top), rowsVisible: rows.length, rowHeight: rows.length ? Math.round(rows[rows.length - 1].height) : 0 };
  }, VIEWPORT.height);
}

beforeAll(async () => {
  let department = 0;
  suite = await startPeopleSuite('layout', async (store) => {
    department = (await store.departments.create({ name: '芜湖市统计局' })).id;
    return [
      ['shenhe', '计算科审核员', 'coordinator', null],
      ['tongji', '统计局填报员', 'clerk', department],
    ];
  }, VIEWPORT);
  url = suite.url;
  const task = await api('/api/tasks', 'shenhe', { title: '2026 年度政务数据资源目录编制', sheetKinds: ['catalogue'], departmentIds: [department], dueInWorkingDays: 10 });
  expect(task.status).toBe(201);
  taskId = task.body.id;
}, 120_000);

afterAll(async () => {
  await suite?.close();
});

let clerk: Page;
let coordinator: Page;
let first: { id: number; errors: number };

test('the upload page lists the department’s open task with its due date and days left, and chooses it', async () => {
  clerk = await signIn('tongji', '/upload');
  const row = clerk.getByTestId(`open-task-${taskId}`);
  await row.getByText('2026 年度政务数据资源目录编制').waitFor();
  await row.getByText('还有 10 个工作日').waitFor();
  await row.getByText('未开始').waitFor();
  await expect(clerk.getByLabel('填报任务').inputValue()).resolves.toBe(String(taskId));
  // A clean workbook checked: the issue column says so in little room and the grid takes the rest.
  await clerk.locator('input[type=file]').setInputFiles({ name: '目录.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await xlsx(catalogue(0)) });
  await clerk.getByRole('button', { name: '检查' }).click();
  await clerk.getByText('没有发现错误，可以提交。').waitFor();
  const list = await clerk.getByLabel('问题列表').boundingBox();
  expect(list!.width).toBeLessThanOrEqual(180);
  expect((await clerk.getByTestId('grid-scroll').boundingBox())!.width).toBeGreaterThan(1100);
});

test('with the lead step off, a submitted version reads 已提交 on the board, not 已确认', async () => {
  const sent = await api('/api/submissions', 'tongji', { taskId, workbook: catalogue(9) });
  expect(sent.status).toBe(201);
  first = { id: sent.body.submission.id, errors: sent.body.submission.errors };
  expect(first.errors).toBe(9);
  coordinator = await signIn('shenhe', `/tasks/${taskId}`);
  const row = coordinator.getByTestId('board-row-芜湖市统计局');
  await expect(row.getAttribute('data-state')).resolves.toBe('submitted');
  await row.getByText('已提交').waitFor();
  await expect(row.getByText('已确认').count()).resolves.toBe(0);
});

test('a 21-column catalogue: the grid starts on the first screen, shows 15 rows or more, codes on one line', async () => {
  await coordinator.goto(`${url}/submissions/${first.id}`);
  await coordinator.locator('tr[data-row="42"]').waitFor();
  const figures = await gridFigures(coordinator);
  console.log(`grid at 1366×768: top ${figures.top}px, ${figures.rowsVisible} rows visible, row height ${figures.rowHeight}px`);
  expect(figures.top).toBeLessThan(300);
  expect(figures.rowsVisible).toBeGreaterThanOrEqual(15);
  // 资源代码 is column C; row 3 is the first resource. Its text is laid out on one line.
  const code = coordinator.locator('td[data-cell="C3"]');
  await expect(code.textContent()).resolves.toBe('307021022100/000500');
  const lines = await code.evaluate((td) => {
    const range = document.createRange();
    range.selectNodeContents(td);
    return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
  });
  expect(lines).toBe(1);
  // The header row and the first column stay while the grid scrolls.
  await coordinator.locator('[data-testid="grid-scroll"]').evaluate((el) => el.scrollBy(600, 400));
  const header = await coordinator.locator('tr[data-row="2"] td').first().boundingBox();
  const wrap = await coordinator.locator('[data-testid="grid-scroll"]').boundingBox();
  expect(header!.y).toBeLessThan(wrap!.y + 60);
  const rowHead = await coordinator.locator('tr[data-row="30"] th').boundingBox();
  expect(Math.abs(rowHead!.x - wrap!.x)).toBeLessThan(4);
  await coordinator.locator('[data-testid="grid-scroll"]').evaluate((el) => el.scrollTo(0, 0));

  // The issue column folds away and gives the grid its width.
  const before = (await coordinator.getByTestId('grid-scroll').boundingBox())!.width;
  await coordinator.getByRole('button', { name: '收起问题与意见' }).click();
  expect((await coordinator.getByTestId('grid-scroll').boundingBox())!.width).toBeGreaterThan(before + 200);
  await coordinator.getByRole('button', { name: '展开问题与意见' }).click();
  await coordinator.getByLabel('问题列表').waitFor();
});

test('approving a version with errors asks first: cancel leaves it waiting', async () => {
  await coordinator.getByRole('button', { name: '审核通过' }).click();
  const dialog = coordinator.getByRole('alertdialog');
  await dialog.getByText(`此版本有 ${first.errors} 个错误，确定审核通过吗？通过后它将成为以后比较的基准`).waitFor();
  await dialog.getByRole('button', { name: '取消' }).click();
  await dialog.waitFor({ state: 'detached' });
  await expect(api(`/api/submissions/${first.id}`, 'shenhe').then((r) => r.body.status)).resolves.toBe('confirmed');
  await expect(coordinator.locator('h1 [data-status]').getAttribute('data-status')).resolves.toBe('confirmed');
});

let commentCell: string;

test('the coordinator returns it with a reason, a comment on an error cell and one on a row', async () => {
  const issue = coordinator.locator('[data-issue-cell]').first();
  commentCell = ((await issue.getAttribute('data-issue-cell')) ?? '').split('!')[1];
  await issue.click();
  await coordinator.getByLabel(`批注 目录!${commentCell}`).fill('请写明共享条件，如“仅用于人口规划”');
  await coordinator.getByRole('button', { name: '添加批注' }).click();
  await coordinator.locator('td[data-cell="D20"]').click();
  await coordinator.getByLabel('批注 目录!D20').fill('此资源与第 21 行重复，请合并');
  await coordinator.getByRole('radio', { name: '第 20 行' }).check();
  await coordinator.getByRole('button', { name: '添加批注' }).click();
  await coordinator.getByLabel('理由或意见').fill('共享条件缺失，请按批注修改后重新提交');
  await suite.screenshot(coordinator, 'submission');
  await coordinator.getByRole('button', { name: '退回修改' }).click();
  await coordinator.locator('h1 [data-status="returned"]').waitFor();
});

test('the returned clerk sees the reason and both comments on the first screen, and in the issue list under 审核意见', async () => {
  await clerk.goto(`${url}/submissions/${first.id}`);
  await clerk.locator('tr[data-row="42"]').waitFor();
  const banner = clerk.getByRole('region', { name: '退回意见' });
  await banner.getByText('共享条件缺失，请按批注修改后重新提交').waitFor();
  await onFirstScreen(clerk, '[aria-label="退回意见"] [data-testid="return-reason"]');
  await onFirstScreen(clerk, `[aria-label="退回意见"] [data-comment="目录!${commentCell}"]`);
  await onFirstScreen(clerk, '[aria-label="退回意见"] [data-comment="目录!20"]');
  await banner.getByText('请写明共享条件，如“仅用于人口规划”').waitFor();
  await banner.getByText('此资源与第 21 行重复，请合并').waitFor();

  // In the issue list the reviewer's words come before the engine's.
  const list = clerk.getByLabel('问题列表');
  const sections = await list.locator('section > :first-child').allTextContents();
  expect(sections[0]).toContain('审核意见');
  await list.locator(`[data-comment="目录!${commentCell}"]`).getByText('请写明共享条件').waitFor();
  await list.locator('[data-comment="目录!20"]').getByText('此资源与第 21 行重复').waitFor();

  // The comment on an error cell stays visible over the red fill; the row's header is marked.
  const cell = clerk.locator(`td[data-cell="${commentCell}"]`);
  await expect(cell.getAttribute('data-mark')).resolves.toBe('error');
  await expect(cell.getAttribute('data-review')).resolves.toBe('true');
  await expect(cell.evaluate((td) => getComputedStyle(td).boxShadow)).resolves.not.toBe('none');
  const rowHead = clerk.locator('tr[data-row="20"] th');
  await expect(rowHead.getAttribute('data-row-comment')).resolves.toBe('true');
  await expect(rowHead.evaluate((th) => getComputedStyle(th).borderLeftWidth)).resolves.not.toBe('1px');
  await suite.screenshot(clerk, 'returned');

  // A comment in the banner is a way to its cell.
  await banner.locator(`[data-comment="目录!${commentCell}"]`).click();
  await expect(cell.evaluate((td) => getComputedStyle(td).outlineStyle)).resolves.toBe('solid');
});

test('the clerk’s task list shows the department’s status and a way to submit to the task', async () => {
  await clerk.goto(`${url}/tasks`);
  const row = clerk.getByTestId(`task-${taskId}`);
  await row.locator('[data-state="returned"]').waitFor();
  // Columns about the task across departments are the coordinator's, not the clerk's.
  const headers = await clerk.getByRole('table', { name: '填报任务' }).getByRole('columnheader').allTextContents();
  expect(headers).toContain('截止日期');
  expect(headers).not.toContain('部门数');
  await row.getByRole('link', { name: '提交' }).click();
  await clerk.waitForURL(/\/upload\?task=\d+$/);
  await expect(clerk.getByLabel('填报任务').inputValue()).resolves.toBe(String(taskId));
});

test('approving a version with errors: confirming approves it', async () => {
  const sent = await api('/api/submissions', 'tongji', { taskId, workbook: catalogue(2, '人口资源信息') });
  expect(sent.status).toBe(201);
  // In the queue the whole row opens the submission, not only its link.
  await coordinator.goto(`${url}/queue`);
  await coordinator.getByTestId(`queue-row-${sent.body.submission.id}`).getByText('第 2 版').click();
  await coordinator.waitForURL(`${url}/submissions/${sent.body.submission.id}`);
  await coordinator.getByRole('button', { name: '审核通过' }).click();
  const dialog = coordinator.getByRole('alertdialog');
  await dialog.getByText('此版本有 2 个错误，确定审核通过吗？').waitFor();
  await dialog.getByRole('button', { name: '仍然通过' }).click();
  await coordinator.locator('h1 [data-status="approved"]').waitFor();
  await expect(api(`/api/submissions/${sent.body.submission.id}`, 'shenhe').then((r) => r.body.status)).resolves.toBe('approved');
});
