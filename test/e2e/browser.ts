import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium, driven by playwright-core; no test tool downloads a browser of its own. */
export const CHROMIUM = process.env.GOVCAT_CHROMIUM ?? '/usr/bin/chromium';

/** `extraArgs`: more Chromium switches, e.g. --host-resolver-rules to reach the server by a host name. */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`找不到 Chromium（${CHROMIUM}）：请安装 Debian 的 chromium 软件包（.ci/run 会安装）`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-quic', '--no-first-run', '--disable-sync', ...extraArgs],
  });
}
