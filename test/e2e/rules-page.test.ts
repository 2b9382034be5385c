/**
 * The rule reference (GET /help/rules) in Chromium at 1366×768 against a running server: per
 * sheet kind its columns with what they accept and when they are required, every rule with its
 * source and examples, links from a column to its rules; the pane's and the review pages' 填报说明
 * links lead to it (the pane's in its preview, the pages' after signing in). The screenshot is the README's (GOVCAT_SCREENSHOTS=1).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { RULES } from '../../shared/src';
import { hashPassword } from '../../server/src/auth/secrets';
import { projectRoot } from '../../server/src/paths';
import { startBrowserSuite, type BrowserSuite } from './suite';

let suite: BrowserSuite;
let context: BrowserContext;
let page: Page;
let shots: string;

beforeAll(async () => {
  suite = await startBrowserSuite('rules');
  shots = process.env.GOVCAT_SCREENSHOTS ? join(projectRoot(), 'server', 'web', 'screenshots') : suite.dir;
  mkdirSync(shots, { recursive: true });
  context = await suite.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  context.setDefaultTimeout(15_000);
  page = await context.newPage();
}, 60_000);

afterAll(async () => {
  await context?.close();
  await suite?.close();
});

test('the page lists each sheet kind’s columns, what they accept and when they are required', async () => {
  const res = await page.goto(`${suite.url}/help/rules`);
  expect(res?.status()).toBe(200);
  expect(await page.title()).toBe('填报说明 · 政务数据资源目录');
  for (const label of ['数据资源目录', '共享责任清单', '负面清单', '共享需求清单', '工作联系表', '数据模板']) {
    expect(await page.locator('header nav').getByRole('link', { name: label, exact: true }).count()).toBe(1);
    expect(await page.locator(`section.kind h2`, { hasText: label }).count()).toBe(1);
  }
  const condition = page.locator('#kind-catalogue tr[data-column="共享条件"]');
  await expect(condition.textContent()).resolves.toContain('“共享类型”为“有条件共享”时必填');
  await expect(condition.locator('a[title="catalogue.share-condition"]', { hasText: '有条件共享须填写共享条件' }).count()).resolves.toBe(1);
  await expect(page.locator('#kind-catalogue tr[data-column="共享类型"]').textContent()).resolves.toContain('无条件共享、有条件共享、不予共享');

  // The header and the first columns of the catalogue fit the first screen.
  const row = await page.locator('#kind-catalogue tr[data-column="部门名称"]').boundingBox();
  expect(row && row.y + row.height).toBeLessThan(768);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(1366);
  await page.screenshot({ path: join(shots, 'rules.png'), fullPage: false });
});

test('every rule is there with its source and both examples, and a column’s rule link jumps to it', async () => {
  expect(await page.locator('article.rule').count()).toBe(Object.keys(RULES).length);
  const basis = page.locator('article[id="catalogue.unshared-basis"]');
  const text = await basis.textContent();
  expect(text).toContain('第七条');
  expect(text).toMatch(/触发.*不予共享，依据为空.*→ “资源“甲”：共享类型为“不予共享”时须填写不予共享依据/);
  expect(text).toContain('通过');
  // The cited article's own words, folded away until asked for.
  await basis.locator('summary', { hasText: '原文' }).click();
  await expect(basis.locator('blockquote').first().textContent()).resolves.toContain('凡列入不予共享类的政务信息资源');

  await page.locator('#kind-catalogue tr[data-column="不予共享依据"] a[title="catalogue.unshared-basis"]').click();
  await page.waitForFunction(() => location.hash === '#catalogue.unshared-basis');
  const box = await basis.boundingBox();
  expect(box && box.y).toBeGreaterThanOrEqual(0);
  expect(box && box.y).toBeLessThan(768);
});

test('the pane’s 填报说明 link leads to the page', async () => {
  const pane = await context.newPage();
  await pane.setViewportSize({ width: 350, height: 620 });
  await pane.goto(`${suite.url}/addin/taskpane.html`);
  const link = pane.getByTestId('rules-help');
  await link.waitFor();
  expect(await link.getAttribute('href')).toBe(`${suite.url}/help/rules`);
  await pane.close();
});

test('the review pages’ header links to it', async () => {
  await suite.store.users.create({ username: 'jsk', displayName: '计算科审核员', role: 'coordinator', departmentId: null, passwordHash: await hashPassword('a-long-password') });
  const review = await context.newPage();
  await review.goto(`${suite.url}/tasks`);
  await review.locator('input[name=username]').fill('jsk');
  await review.locator('input[name=password]').fill('a-long-password');
  await review.getByRole('button', { name: '登录' }).click();
  const link = review.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '填报说明' });
  const [opened] = await Promise.all([context.waitForEvent('page'), link.click()]);
  await opened.waitForLoadState();
  expect(new URL(opened.url()).pathname).toBe('/help/rules');
  expect(await opened.locator('article.rule').count()).toBe(Object.keys(RULES).length);
  await opened.close();
  await review.close();
});
