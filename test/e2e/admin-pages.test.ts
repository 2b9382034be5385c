/**
 * The admin and account pages end to end, in headless Chromium against a really running server:
 * an admin signs in, adds a department and a clerk in it, makes a token for the clerk (shown
 * once; it works, then is revoked and stops working), switches the lead-confirmation setting and
 * finds the manifest link, reads the operation log and exports it; the clerk changes their password and is kept out of the admin pages;
 * the admin's reset says how many of the clerk's tokens it revoked; a one-time password opens only the page that replaces it.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createAdmin, type Credential } from '../../server/src/bureau';
import type { Store } from '../../server/src/db/store';
import { resetPassword } from '../../server/src/modules/identity/accounts';
import { startBrowserSuite, type BrowserSuite } from './suite';

let suite: BrowserSuite;
let store: Store;
let url: string;
let browser: Browser;
let admin: Credential;
let adminContext: BrowserContext;
let page: Page;

const CLERK = { username: 'ceshi', displayName: '测试局 填报员', password: 'first-password-1', newPassword: 'second-password-2' };
const DEPARTMENT = '芜湖市测试局';

beforeAll(async () => {
  // Several sign-ins from one address: more than the default limit allows in 15 minutes.
  suite = await startBrowserSuite('admin', { SIGN_IN_LIMIT: '100' });
  ({ store, url, browser } = suite);
  // The bureau's first admin, as `govcat init-bureau` makes it.
  admin = await createAdmin(store, 'admin', '系统管理员');
  adminContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  // Shorter than the test's own limit, so a missing element is named in the failure.
  adminContext.setDefaultTimeout(10_000);
  page = await adminContext.newPage();
}, 60_000);

afterAll(async () => {
  await suite?.close();
});

async function signIn(p: Page, username: string, password: string) {
  await p.locator('input[name="username"]').fill(username);
  await p.locator('input[name="password"]').fill(password);
  await p.getByRole('button', { name: '登录' }).click();
}

const bearer = (token: string) => fetch(`${url}/api/me`, { headers: { Authorization: `Bearer ${token}` } });

test('the admin signs in from any page and lands on the departments tab', async () => {
  await page.goto(`${url}/admin`);
  await signIn(page, admin.username, admin.password);
  await page.getByRole('tab', { name: '部门', selected: true }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/admin/departments');
});

test('adds a department, is refused a duplicate with the server’s message, and edits its code', async () => {
  const form = page.getByRole('region', { name: '添加部门' });
  await form.getByLabel('部门名称').fill(DEPARTMENT);
  await form.getByLabel('部门代码（可选）').fill('CSJ');
  await form.getByRole('button', { name: '添加部门' }).click();
  const row = page.getByTestId(`department-row-${DEPARTMENT}`);
  await row.getByText('CSJ').waitFor();

  await form.getByLabel('部门名称').fill(DEPARTMENT);
  await form.getByRole('button', { name: '添加部门' }).click();
  await form.getByRole('alert').getByText('部门名称已存在').waitFor();

  await row.getByRole('button', { name: `编辑 ${DEPARTMENT}` }).click();
  const dialog = page.getByRole('dialog', { name: '编辑部门' });
  await dialog.getByLabel('部门代码（可选）').fill('CSJ2');
  await dialog.getByRole('button', { name: '保存' }).click();
  await dialog.waitFor({ state: 'detached' });
  await row.getByText('CSJ2').waitFor();
});

test('creates a clerk in the department; the form asks for a department and a long enough password', async () => {
  await page.getByRole('tab', { name: '用户' }).click();
  await page.waitForURL(`${url}/admin/users`);
  await page.getByRole('button', { name: '新建用户' }).click();
  const dialog = page.getByRole('dialog', { name: '新建用户' });
  await dialog.getByLabel('用户名').fill(CLERK.username);
  await dialog.getByLabel('姓名').fill(CLERK.displayName);
  await dialog.getByLabel('角色').selectOption({ label: '填报人员' });
  await dialog.getByLabel('初始密码').fill('short');
  await dialog.getByRole('button', { name: '创建' }).click();
  await dialog.getByText('填报人员和部门领导必须属于一个部门').waitFor();
  await dialog.getByText('密码至少 10 位', { exact: true }).waitFor();

  await dialog.getByLabel('部门').selectOption({ label: DEPARTMENT });
  await dialog.getByLabel('初始密码').fill(CLERK.password);
  await dialog.getByRole('button', { name: '创建' }).click();
  await dialog.waitFor({ state: 'detached' });
  const row = page.getByTestId(`user-row-${CLERK.username}`);
  for (const text of [CLERK.displayName, '填报人员', DEPARTMENT, '启用']) await row.getByText(text, { exact: true }).waitFor();
});

test('makes a token for the clerk, shown once; it works until revoked', async () => {
  await page.getByRole('tab', { name: '令牌' }).click();
  await page.waitForURL(`${url}/admin/tokens`);
  await page.getByLabel(/^用户/).selectOption({ label: `${CLERK.displayName}（${CLERK.username}）` });
  await page.getByLabel('令牌名称').fill('e2e 令牌');
  await page.getByRole('button', { name: '生成令牌' }).click();
  const token = (await page.getByTestId('new-token').textContent())?.trim() ?? '';
  expect(token.length).toBeGreaterThan(30);
  await page.getByText('令牌只显示这一次').waitFor();
  // The name was this token's: the field is empty for the next one.
  await expect(page.getByLabel('令牌名称').inputValue()).resolves.toBe('');
  await page.getByRole('button', { name: '复制令牌' }).click();
  await page.getByText(/已复制到剪贴板|请按 Ctrl\+C 复制/).waitFor();

  const me = await bearer(token);
  expect(me.status).toBe(200);
  expect(await me.json()).toMatchObject({ username: CLERK.username, role: 'clerk' });

  // Once dismissed (or after a reload) the token is nowhere on the page.
  await page.getByRole('button', { name: '我已保存，关闭' }).click();
  await page.reload();
  const row = page.locator('[data-testid^="token-row-"]').filter({ hasText: 'e2e 令牌' });
  await row.getByText(`${CLERK.displayName}（${CLERK.username}）`).waitFor();
  expect(await page.getByTestId('new-token').count()).toBe(0);
  expect(await page.content()).not.toContain(token);

  await row.getByRole('button', { name: /^吊销/ }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: '确认吊销' }).click();
  await row.getByText(/已吊销/).waitFor();
  expect((await bearer(token)).status).toBe(401);
});

test('the lead-confirmation switch persists; the manifest link points at /manifest.xml', async () => {
  await page.getByRole('tab', { name: '单位设置' }).click();
  await page.waitForURL(`${url}/admin/settings`);
  const toggle = page.getByRole('switch', { name: '部门领导确认' });
  expect(await toggle.isChecked()).toBe(false);
  await toggle.click();
  await page.getByText('已开启部门领导确认').waitFor();
  expect(await (await page.request.get(`${url}/api/settings`)).json()).toEqual({ leadConfirmation: true });
  await page.reload();
  expect(await page.getByRole('switch', { name: '部门领导确认' }).isChecked()).toBe(true);

  const link = page.getByRole('link', { name: /下载 manifest\.xml/ });
  expect(await link.getAttribute('href')).toBe('/manifest.xml');
  expect(await link.getAttribute('download')).not.toBeNull();
  const manifest = await page.request.get(`${url}/manifest.xml`);
  expect(manifest.status()).toBe(200);
  expect(await manifest.text()).toContain('<OfficeApp');
});

test('the operation log shows what the admin did, filters by action, and exports the same as CSV', async () => {
  await page.getByRole('tab', { name: '操作日志' }).click();
  await page.waitForURL(`${url}/admin/audit`);
  const log = page.getByRole('table', { name: '操作日志' });
  for (const action of ['settings.update', 'token.revoke', 'token.create', 'user.create', 'department.create']) await log.locator(`[data-action="${action}"]`).first().waitFor();
  await log.locator('[data-action="settings.update"]').first().getByText('修改单位设置').waitFor();
  // Names and labelled details, not ids and JSON with English keys.
  await log.locator('[data-action="settings.update"]').first().getByText('部门领导确认：是').waitFor();
  const created = log.locator('[data-action="user.create"]').filter({ hasText: CLERK.username }).first();
  await created.getByText(`用户 ${CLERK.displayName}（${CLERK.username}）`).waitFor();
  await created.getByText(`用户名：${CLERK.username}；角色：填报人员`).waitFor();
  expect(await log.textContent()).not.toMatch(/[{}"]|用户 #\d/);

  await page.getByRole('combobox', { name: '操作' }).selectOption('department.create');
  await page.getByRole('button', { name: '查询' }).click();
  await page.getByText('共 1 条').waitFor();
  expect(await log.locator('[data-action]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')))).toEqual(['department.create']);
  await log.getByText('系统管理员').waitFor();

  const href = await page.getByRole('link', { name: /导出当前条件下的日志/ }).getAttribute('href');
  expect(href).toBe('/api/audit/export?action=department.create');
  const csv = await page.request.get(url + href);
  expect(csv.status()).toBe(200);
  const text = (await csv.body()).toString('utf8');
  expect(text.split('\n').filter((l) => l.trim()).length).toBe(2);
  expect(text).toContain('新建部门');
  expect(text).toContain(DEPARTMENT);
});

describe('the clerk', () => {
  let clerk: Page;
  beforeAll(async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    context.setDefaultTimeout(10_000);
    clerk = await context.newPage();
  });

  test('sees their account, changes the password (a wrong current one refused), and signs in with the new one', async () => {
    await clerk.goto(`${url}/account`);
    await signIn(clerk, CLERK.username, CLERK.password);
    const facts = clerk.getByTestId('account-facts');
    for (const text of [CLERK.displayName, CLERK.username, '填报人员', DEPARTMENT]) await facts.getByText(text, { exact: true }).waitFor();
    expect(await clerk.getByTestId('server-origin').textContent()).toBe(url);

    // A second sign-in elsewhere, to be signed out by the change.
    const elsewhere = await fetch(`${url}/api/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: CLERK.username, password: CLERK.password }) });
    expect(elsewhere.status).toBe(201);
    const cookie = (elsewhere.headers.get('set-cookie') ?? '').split(';')[0];

    const form = clerk.getByRole('region', { name: '修改密码' });
    await form.getByLabel('当前密码').fill('not-my-password');
    await form.getByLabel(/^新密码/).fill(CLERK.newPassword);
    await form.getByLabel('再次输入新密码').fill(CLERK.newPassword + 'x');
    await form.getByRole('button', { name: '修改密码' }).click();
    await form.getByText('两次输入的新密码不一致').waitFor();

    await form.getByLabel('再次输入新密码').fill(CLERK.newPassword);
    await form.getByRole('button', { name: '修改密码' }).click();
    await form.getByRole('alert').getByText('当前密码不正确').waitFor();

    await form.getByLabel('当前密码').fill(CLERK.password);
    await form.getByRole('button', { name: '修改密码' }).click();
    await form.getByText('其他 1 处登录已退出').waitFor();
    expect((await fetch(`${url}/api/session`, { headers: { cookie } })).status).toBe(401);

    await clerk.getByRole('button', { name: '退出' }).click();
    await signIn(clerk, CLERK.username, CLERK.password);
    await clerk.getByText('用户名或密码不正确').waitFor();
    await signIn(clerk, CLERK.username, CLERK.newPassword);
    await clerk.getByRole('heading', { name: '我的账户' }).waitFor();
  });

  test('makes a token for themselves, shown once with where it goes', async () => {
    await clerk.getByLabel('令牌名称').fill('办公室电脑');
    await clerk.getByRole('button', { name: '生成令牌' }).click();
    const token = (await clerk.getByTestId('new-token').textContent())?.trim() ?? '';
    expect((await bearer(token)).status).toBe(200);
    await clerk.locator('[data-testid^="token-row-"]').filter({ hasText: '办公室电脑' }).getByText('有效').waitFor();
  });

  test('is kept out of the admin pages, and so is their session by the API', async () => {
    await clerk.goto(`${url}/admin/users`);
    await clerk.getByTestId('forbidden').getByText('无权访问').waitFor();
    expect((await clerk.request.get(`${url}/api/users`)).status()).toBe(403);
  });
});

test('an admin resetting the clerk’s password is told how many of their tokens it revoked', async () => {
  await page.getByRole('tab', { name: '用户' }).click();
  await page.getByRole('button', { name: `重设密码 ${CLERK.username}` }).click();
  const dialog = page.getByRole('dialog', { name: /重设密码/ });
  await dialog.getByText('访问令牌全部吊销').waitFor();
  await dialog.getByLabel(/^新密码/).fill('third-password-3');
  await dialog.getByLabel('再次输入新密码').fill('third-password-3');
  await dialog.getByRole('button', { name: '重设密码' }).click();
  await dialog.waitFor({ state: 'detached' });
  // The clerk's own token from the account page; the admin's one was revoked before.
  await page.getByText('已同时吊销该用户的 1 个访问令牌').waitFor();
});

test('after govcat reset-password the pages ask only for a new password, then open', async () => {
  const reset = await resetPassword(store, CLERK.username);
  const clerk = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' })).newPage();
  clerk.setDefaultTimeout(10_000);
  await clerk.goto(`${url}/account`);
  await signIn(clerk, CLERK.username, reset!.password);
  await clerk.getByRole('heading', { name: '请设置新密码' }).waitFor();
  expect(await clerk.getByRole('navigation', { name: '主导航' }).count()).toBe(0);
  const form = clerk.getByRole('region', { name: '修改密码' });
  await form.getByLabel('当前密码').fill(reset!.password);
  await form.getByLabel(/^新密码/).fill('fourth-password-4');
  await form.getByLabel('再次输入新密码').fill('fourth-password-4');
  await form.getByRole('button', { name: '修改密码' }).click();
  await clerk.getByRole('heading', { name: '我的账户' }).waitFor();
  await clerk.getByRole('navigation', { name: '主导航' }).waitFor();
});
