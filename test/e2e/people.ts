import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { hashPassword, newToken } from '../../server/src/auth/secrets';
import type { Role, Store } from '../../server/src/db/store';
import { projectRoot } from '../../server/src/paths';
import { startBrowserSuite, type BrowserSuite } from './suite';

/**
 * A browser suite with people: each made in the store with one password and a token; the API
 * called as one of them by token; a browser of their own, signed in through the sign-in page;
 * and where pictures go (GOVCAT_SCREENSHOTS=1 refreshes the README's, otherwise a temp folder).
 */
export const PASSWORD = 'a-long-password';

export type Person = readonly [username: string, displayName: string, role: Role, departmentId: number | null];

export interface PeopleSuite extends BrowserSuite {
  /** A JSON call to the API as `who`: the status and the parsed body. */
  api(path: string, who: string, init?: { method?: string; body?: unknown }): Promise<{ status: number; body: any }>;
  /** A browser context of its own, signed in as `username` on `path`. */
  signIn(username: string, path: string): Promise<Page>;
  /** Saves what `page` shows as `<name>.png`. */
  screenshot(page: Page, name: string): Promise<void>;
}

export async function startPeopleSuite(name: string, people: (store: Store) => Promise<readonly Person[]>, viewport: { width: number; height: number }): Promise<PeopleSuite> {
  const suite = await startBrowserSuite(name);
  const shots = process.env.GOVCAT_SCREENSHOTS ? join(projectRoot(), 'server', 'web', 'screenshots') : suite.dir;
  mkdirSync(shots, { recursive: true });
  const tokens: Record<string, string> = {};
  for (const [username, displayName, role, departmentId] of await people(suite.store)) {
    const user = await suite.store.users.create({ username, displayName, role, departmentId, passwordHash: await hashPassword(PASSWORD) });
    const t = newToken();
    await suite.store.tokens.create({ userId: user.id, name: 'e2e', prefix: t.prefix, tokenHash: t.hash });
    tokens[username] = t.token;
  }
  const contexts: BrowserContext[] = [];
  return {
    ...suite,
    async api(path, who, init = {}) {
      const res = await fetch(suite.url + path, {
        method: init.method ?? (init.body ? 'POST' : 'GET'),
        headers: { Authorization: `Bearer ${tokens[who]}`, 'Content-Type': 'application/json' },
        body: init.body ? JSON.stringify(init.body) : undefined,
      });
      return { status: res.status, body: await res.json().catch(() => null) };
    },
    async signIn(username, path) {
      const context = await suite.browser.newContext({ viewport, locale: 'zh-CN' });
      // Shorter than a test's own limit, so a missing element is named in the failure.
      context.setDefaultTimeout(15_000);
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(suite.url + path);
      await page.locator('input[name=username]').fill(username);
      await page.locator('input[name=password]').fill(PASSWORD);
      await page.getByRole('button', { name: '登录' }).click();
      await page.getByRole('button', { name: '退出' }).waitFor();
      return page;
    },
    async screenshot(page, name) {
      await page.screenshot({ path: join(shots, `${name}.png`), fullPage: false });
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await suite.close();
    },
  };
}
