/**
 * The review pages as most intranets serve them: plain HTTP, reached by a host name (not
 * localhost, which browsers treat as secure anyway). Chromium maps the name to this machine.
 * A header that upgrades the page's requests to https:// leaves the page white.
 */
import { startBrowserSuite, type BrowserSuite } from './suite';

const HOST = 'govcat.intranet';
let suite: BrowserSuite;

beforeAll(async () => {
  suite = await startBrowserSuite('plain-http', {}, [`--host-resolver-rules=MAP ${HOST} 127.0.0.1`]);
}, 60_000);

afterAll(async () => {
  await suite?.close();
});

test('the sign-in page loads over plain HTTP under a host name, its script fetched over http', async () => {
  const origin = `http://${HOST}:${new URL(suite.url).port}`;
  const page = await suite.browser.newPage({ locale: 'zh-CN' });
  const loaded: string[] = [];
  const failed: string[] = [];
  page.on('requestfinished', (r) => void loaded.push(r.url()));
  page.on('requestfailed', (r) => void failed.push(r.url()));
  const response = await page.goto(`${origin}/`);
  expect(response?.url()).toBe(`${origin}/`);
  expect(response?.status()).toBe(200);
  // goto waits for the load event, by which the deferred script has been fetched or failed.
  expect(failed).toEqual([]);
  expect(loaded).toContain(`${origin}/web/app.js`);
  await page.locator('input[name=username]').waitFor();
  await page.getByRole('button', { name: '登录' }).waitFor();
  expect(await page.locator('#root').innerText()).toContain('用户名');
  await page.close();
});
