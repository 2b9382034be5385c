import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { loadConfig } from '../../server/src/config';
import type { Store } from '../../server/src/db/store';
import { start } from '../../server/src/main';
import { launchChromium } from './browser';
import { buildFrontEnds } from './front-end-build';

/**
 * What every browser suite stands on: the front ends built, a real server on a free port over a
 * fresh SQLite folder (no demo bureau), and Debian's Chromium.
 */
export interface BrowserSuite {
  server: Server;
  store: Store;
  url: string;
  browser: Browser;
  dir: string;
  close(): Promise<void>;
}

export async function startBrowserSuite(name: string, env: Record<string, string> = {}, chromiumArgs: string[] = []): Promise<BrowserSuite> {
  await buildFrontEnds();
  const dir = mkdtempSync(join(tmpdir(), `govcat-${name}-`));
  const { server, store, url } = await start(loadConfig({ DATA_DIR: dir, DEMO: 'false', HOST: '127.0.0.1', PORT: '0', VALIDATION_WORKERS: '0', ...env }));
  const browser = await launchChromium(chromiumArgs);
  return {
    server,
    store,
    url,
    browser,
    dir,
    async close() {
      await browser.close();
      await new Promise((r) => server.close(r));
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
