import { ConfigError, loadConfig, type Config } from '../config';
import { openStore } from '../db/connect';
import type { Store } from '../db/store';
import type { CliIo } from './io';

/** The server's configuration as a command sees it; null, with the reason printed, when it is wrong. */
export function cliConfig(io: CliIo, env: NodeJS.ProcessEnv): Config | null {
  try {
    return loadConfig(env);
  } catch (e) {
    io.stderr(`${e instanceof ConfigError ? e.message : '配置有误'}\n`);
    return null;
  }
}

/**
 * Runs `work` on the bureau's database (per DATABASE_URL / DATA_DIR, migrated to the newest
 * schema) and closes it; exit code 2, with the reason printed, when it cannot be opened.
 */
export async function withBureauStore(io: CliIo, config: Config, work: (store: Store) => Promise<number>): Promise<number> {
  let store: Store;
  try {
    store = await openStore(config.databaseUrl);
  } catch (e) {
    io.stderr(`无法打开数据库：${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
