/**
 * The task pane end to end, in headless Chromium against a really running server: the pane on
 * the in-memory host, a catalogue with mistakes, validate, the issue list, click an issue (its
 * cell is selected), fix without validating again, submit under the department's task (the
 * server gets the fixed values, the task board shows the department), a coordinator returns it
 * with a reason on a cell, and the pane shows the reason and marks that cell.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { hashPassword, newToken } from '../../server/src/auth/secrets';
import type { Store } from '../../server/src/db/store';
import { projectRoot } from '../../server/src/paths';
import { startBrowserSuite, type BrowserSuite } from './suite';

let suite: BrowserSuite;
let dir: string;
let store: Store;
let url: string;
let page: Page;
const tokens = { clerk: '', coordinator: '' };
let departmentId: number;
let taskId: number;
/** Excel's task pane on a 1366×768 screen: about 350 px wide, and what is left under the ribbon and formula bar. */
const PANE = { width: 350, height: 620 };

beforeAll(async () => {
  suite = await startBrowserSuite('pane');
  ({ store, url, dir } = suite);
  const dept = await store.departments.create({ name: '芜湖市统计局' });
  departmentId = dept.id;
  for (const [who, role, departmentId] of [['clerk', 'clerk', dept.id], ['coordinator', 'coordinator', null]] as const) {
    const user = await store.users.create({ username: who, displayName: who === 'clerk' ? '统计局填报员' : '计算科审核员', role, departmentId, passwordHash: await hashPassword('a-long-password') });
    const t = newToken();
    await store.tokens.create({ userId: user.id, name: 'e2e', prefix: t.prefix, tokenHash: t.hash });
    tokens[who] = t.token;
  }
  page = await suite.browser.newPage({ viewport: PANE, locale: 'zh-CN' });
  await page.goto(`${url}/addin/taskpane.html`);
}, 60_000);

afterAll(async () => {
  await suite?.close();
});

const as = (who: keyof typeof tokens, init: RequestInit = {}) => ({ ...init, headers: { Authorization: `Bearer ${tokens[who]}`, 'Content-Type': 'application/json', ...(init.headers ?? {}) } });
const getJson = async (who: keyof typeof tokens, path: string) => (await fetch(`${url}/api${path}`, as(who))).json();
// GOVCAT_SCREENSHOTS=1 npm test refreshes the README's pictures; otherwise they go to the temp folder.
const screenshot = async (name: string) => {
  const shots = process.env.GOVCAT_SCREENSHOTS ? join(projectRoot(), 'addin', 'screenshots') : dir;
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, name), fullPage: true });
};

const preview = <T>(fn: string) => page.evaluate(`(() => { const host = window.govcatPreview; return (${fn})(host); })()`) as Promise<T>;

test('the server serves its manifest and everything the manifest and the pane name, none from the internet', async () => {
  const manifest = await (await fetch(`${url}/manifest.xml`)).text();
  const named = [...manifest.matchAll(/DefaultValue="(https?:[^"]+)"/g)].map((m) => m[1]);
  expect(named.length).toBeGreaterThan(5);
  for (const address of new Set(named)) {
    expect(new URL(address).origin).toBe(url);
    expect([address, (await fetch(address)).status]).toEqual([address, 200]);
  }
  const page = await (await fetch(`${url}/addin/taskpane.html`)).text();
  const scripts = [...page.matchAll(/src="([^"]+)"/g)].map((m) => m[1]);
  expect(scripts).toEqual(['/office-js/office.js', 'legacy-check.js', 'taskpane.js']);
  for (const path of ['/office-js/office.js', '/addin/legacy-check.js', '/addin/taskpane.js']) expect([path, (await fetch(url + path)).status]).toEqual([path, 200]);
});

test('validate, see the issues, click one: its cell is selected', async () => {
  await page.getByText('预览：示例工作簿，不是您的 Excel 文件').waitFor();
  await page.getByRole('button', { name: '校验', exact: true }).click();
  await page.getByTestId('issues').waitFor();
  await page.getByText(/发现 \d+ 个错误/).waitFor();
  const first = page.getByTestId('issues').getByRole('button').first();
  const label = (await first.textContent()) ?? '';
  const cell = label.split('：')[0];
  expect(cell).toMatch(/^[A-Z]+\d+$/);
  await first.click();
  await expect(preview<{ cell: string } | null>('h => h.selection')).resolves.toMatchObject({ cell });
  await expect(preview<string>(`h => h.sheets[0].fills.get('${cell}')`)).resolves.toBe('#FFC7CE');
  await screenshot('taskpane.png');
});

test('fix the cells and submit without validating again: the server gets the fixed values, filed under the department’s task', async () => {
  const created = await fetch(`${url}/api/tasks`, as('coordinator', { method: 'POST', body: JSON.stringify({ title: '2026年政务数据资源目录更新', sheetKinds: ['catalogue'], departmentIds: [departmentId], dueInWorkingDays: 10 }) }));
  expect(created.status).toBe(201);
  taskId = (await created.json()).id;

  // The clerk fixes every problem in the preview workbook: fill the blank office, cite a law, stop opening the unshared resource.
  await preview(`h => {
    const rows = h.sheets[0].cells; const header = rows[1];
    const col = (name) => header.indexOf(name);
    for (const r of rows.slice(2)) {
      if (r[col('数据资源名称')] === '统计调查证信息') r[col('责任科室')] = '法规科';
      if (r[col('数据资源名称')] === '统计原始资料') { r[col('不予共享依据')] = '《中华人民共和国统计法》第二十五条'; r[col('开放属性')] = '不予开放'; }
    }
  }`);

  await page.getByRole('tab', { name: '设置' }).click();
  await page.getByLabel('服务器地址').fill(url);
  await page.getByLabel('个人访问令牌').fill(tokens.clerk);
  await page.getByRole('button', { name: '保存并测试连接' }).click();
  await page.getByText('已连接：统计局填报员').waitFor();

  await page.getByRole('tab', { name: '提交' }).click();
  await page.getByText('将提交：目录、Sheet2（共 2 张表）').waitFor();
  // The only open task is chosen for the clerk, with its deadline by the server's calendar.
  const task = page.getByRole('radio', { name: /2026年政务数据资源目录更新/ });
  await expect(task.isChecked()).resolves.toBe(true);
  await page.getByTestId('tasks').getByText(/截止日期 \d{4}-\d{2}-\d{2}，还剩 10 个工作日/).waitFor();
  await page.getByTestId('tasks').getByText('未开始').waitFor();
  await page.getByRole('radio', { name: '不属于任务' }).waitFor();
  await screenshot('taskpane-submit.png');

  await page.getByRole('button', { name: '提交', exact: true }).click();
  await page.getByText(/已提交第 1 版.*任务“2026年政务数据资源目录更新”，共 2 张表）/).waitFor();
  const list = await getJson('coordinator', '/submissions');
  expect(list.total).toBe(1);
  const id = list.items[0].id;
  expect(list.items[0]).toMatchObject({ taskId, errors: 0 });

  // What the server stored is the workbook as it was at 提交, not as it was at 校验.
  const rows: unknown[][] = (await getJson('coordinator', `/submissions/${id}/sheets/0/rows`)).rows;
  const row = (name: string) => rows.find((r) => r.includes(name)) ?? [];
  expect(row('统计调查证信息')).toContain('法规科');
  expect(row('统计原始资料')).toEqual(expect.arrayContaining(['《中华人民共和国统计法》第二十五条', '不予开放']));
  await expect(preview<string | undefined>(`h => h.sheets[0].notes.get('R4')`)).resolves.toBeUndefined();

  const board = await getJson('coordinator', `/tasks/${taskId}/board`);
  expect(board.rows).toEqual([expect.objectContaining({ department: expect.objectContaining({ id: departmentId }), state: 'submitted', latest: expect.objectContaining({ id }) })]);
});

test('a coordinator returns it with a cell comment; the pane shows the reason and the comment on the cell', async () => {
  const id = (await getJson('coordinator', '/submissions')).items[0].id;
  // One cell takes no message (as on a protected sheet): the pane must say so, not drop it.
  await preview(`h => h.sheets[0].locked.add('D4')`);
  const returned = await fetch(`${url}/api/submissions/${id}/return`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${tokens.coordinator}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ reason: '请补充共享条件', comments: [{ sheet: '目录', row: 3, cell: 'I3', message: '有条件共享须写明具体条件' }, { sheet: '目录', row: 4, cell: 'D4', message: '名称请与三定方案一致' }] }),
  });
  expect(returned.status).toBe(200);

  await page.getByRole('button', { name: '查看审核结果' }).click();
  await page.getByTestId('review').getByText('已退回').waitFor();
  await page.getByText('退回理由：请补充共享条件').waitFor();
  await page.getByText('目录!I3：有条件共享须写明具体条件').waitFor();
  await expect(preview<string>(`h => h.sheets[0].fills.get('I3')`)).resolves.toBe('#BDD7EE');
  await expect(preview<string>(`h => h.sheets[0].notes.get('I3')`)).resolves.toBe('【审核意见】有条件共享须写明具体条件');
  await page.getByText('有 1 处批注无法写入单元格，已在窗格中列出').waitFor();
  await page.getByTestId('unplaced').getByText('目录!D4：【审核意见】名称请与三定方案一致').waitFor();
  await preview(`h => h.sheets[0].locked.clear()`);
});

test('a data template and a zero report are generated from the approved catalogue', async () => {
  // The clerk sends a new version, which the coordinator approves.
  await page.getByRole('tab', { name: '提交' }).click();
  await page.getByTestId('tasks').getByText('已退回').waitFor();
  await page.getByRole('button', { name: '提交', exact: true }).click();
  await page.getByText(/已提交第 2 版/).waitFor();
  const list = await getJson('coordinator', '/submissions?status=confirmed');
  const approved = await fetch(`${url}/api/submissions/${list.items[0].id}/approve`, { method: 'POST', headers: { Authorization: `Bearer ${tokens.coordinator}`, 'Content-Type': 'application/json' }, body: '{}' });
  expect(approved.status).toBe(200);

  await page.getByRole('tab', { name: '新建表' }).click();
  await page.getByRole('button', { name: '读取目录资源' }).click();
  await page.getByRole('button', { name: /^企业登记信息（/ }).click();
  await page.getByLabel('报送期次').fill('2026-11');
  await page.getByRole('button', { name: '生成数据模板' }).click();
  await page.getByText('已生成“企业登记信息”的数据模板').waitFor();
  await page.getByRole('button', { name: '生成零上报' }).click();
  await page.getByText('已生成“企业登记信息”2026-11的零上报。').waitFor();
  const names = await preview<string[]>('h => h.sheets.map((s) => s.name)');
  expect(names).toEqual(expect.arrayContaining(['企业登记信息', '企业登记信息（零上报）']));
  const marker = await preview<string>(`h => h.sheets.find((s) => s.name === '企业登记信息（零上报）').cells[1][0]`);
  expect(marker).toContain('零上报：是');
  // The department's first approved catalogue (第 2 版 of the series, the first having been returned).
  expect(marker).toContain('目录版本：1');
  expect(marker).toContain('报送期次：2026-11');
});

test('a submission with errors gets a warning bar naming them, not a success', async () => {
  await preview(`h => { const rows = h.sheets[0].cells; rows[3][rows[1].indexOf('责任科室')] = null; }`);
  await page.getByRole('tab', { name: '提交' }).click();
  // The task is approved now: nothing open is left, so the submission goes under no task.
  await page.getByText('本部门没有未完成的填报任务').waitFor();
  await page.getByRole('button', { name: '提交', exact: true }).click();
  const bar = page.getByTestId('message');
  // Outside the task it starts a series of its own.
  await bar.getByText(/已提交第 1 版（编号 \d+，共 4 张表），但服务器校验发现 1 个错误/).waitFor();
  await expect(bar.getAttribute('data-intent')).resolves.toBe('warning');
});

test('设置 names what this Excel can do; on Office 2019 the pane says what it does differently', async () => {
  await page.getByRole('tab', { name: '设置' }).click();
  await page.getByTestId('excel-level').getByText(/预览中没有连接 Excel/).waitFor();

  // The preview posing as Office 2019 (ExcelApi 1.7): the texts a clerk there reads.
  const old = await suite.browser.newPage({ viewport: PANE, locale: 'zh-CN' });
  await old.goto(`${url}/addin/taskpane.html?excelApi=1.7`);
  await old.getByRole('tab', { name: '设置' }).click();
  const level = old.getByTestId('excel-level');
  await level.getByText('此 Excel 支持 ExcelApi 1.7（相当于 Office 2019），以下功能有所不同：').waitFor();
  await level.getByText(/以条件格式着色标注.*需要 ExcelApi 1\.9：标注直接改单元格的填充色/).waitFor();
  await level.getByText(/读取合并单元格需要 ExcelApi 1\.13/).waitFor();
  if (process.env.GOVCAT_SCREENSHOTS) await old.screenshot({ path: join(projectRoot(), 'addin', 'screenshots', 'taskpane-excel-2019.png'), fullPage: true });
  await old.getByRole('tab', { name: '校验' }).click();
  await old.getByRole('button', { name: '校验', exact: true }).click();
  await old.getByTestId('merges-not-read').getByText(/此 Excel 不能读取合并单元格（需要 ExcelApi 1\.13）/).waitFor();
  await old.close();
});
