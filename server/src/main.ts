import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer as createHttp, type Server } from 'node:http';
import { createServer as createHttps } from 'node:https';
import { createDemoBureau, describeCredentials, isEmpty } from './bureau';
import { ConfigError, loadConfig, type Config } from './config';
import { openStore } from './db/connect';
import { withoutCredentials } from './db/database-url';
import { trimChars } from '../../shared/src/text';
import type { Store } from './db/store';
import { createApp } from './http/app';
import { receiveTimeouts } from './http/body';
import { calendarStartupNotice } from './modules/tasks/bureau-calendar';
import { SubmissionChecker } from './modules/submissions/checker';

/** Where the demo bureau's passwords are also written, so they outlive the terminal they were printed in. */
export const DEMO_ACCOUNTS_FILE = 'demo-accounts.txt';

/**
 * `npm start`: the server on its embedded default (SQLite in DATA_DIR), with a demo bureau on
 * an empty database there, or on PostgreSQL when DATABASE_URL says so.
 */
export async function start(config: Config): Promise<{ server: Server; store: Store; checker: SubmissionChecker; url: string }> {
  // The database and the demo passwords live here: the server's own account only.
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const store = await openStore(config.databaseUrl, { sqliteSynchronous: config.sqliteSynchronous });
  if (config.demo && (await isEmpty(store))) {
    const accounts = describeCredentials(await createDemoBureau(store));
    const file = join(config.dataDir, DEMO_ACCOUNTS_FILE);
    writeFileSync(file, `govcat 演示单位的账号和初始密码\n${accounts}\n`, { mode: 0o600 });
    chmodSync(file, 0o600); // a file left from an earlier demo keeps its old mode otherwise
    console.log('数据库为空，已创建演示单位（正式部署请先运行 npx govcat init-bureau，或设置 DEMO=false）。可用以下账号登录：');
    console.log(accounts);
    console.log(`这些账号和密码也已写入 ${file}（仅本服务器的运行账户可读）。`);
  }
  const checker = new SubmissionChecker(config.validationWorkers, config.checkLimits);
  const app = createApp({ config, store, checker });
  // A slow but healthy 64 MB upload must not be cut off by Node's default 5 minutes.
  const receiving = receiveTimeouts(config.limits);
  const server = config.tls
    ? createHttps({ ...receiving, cert: readFileSync(config.tls.certFile), key: readFileSync(config.tls.keyFile) }, app)
    : createHttp(receiving, app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `${config.tls ? 'https' : 'http'}://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  server.once('close', () => void checker.close());
  return { server, store, checker, url };
}

if (require.main === module) {
  (async () => {
    let config: Config;
    try {
      config = loadConfig();
    } catch (e) {
      console.error(e instanceof ConfigError ? e.message : '配置有误');
      process.exit(2);
    }
    const { server, store, url } = await start(config);
    // No demo here (a named database, or DEMO=false) and no one yet to sign in as.
    if (await isEmpty(store)) console.log('数据库中还没有用户：请运行 npx govcat init-bureau --admin 用户名 创建第一个管理员。');
    console.log(`govcat 已启动：审核网页 ${url}/   加载项清单 ${config.publicUrl ? trimChars(config.publicUrl, '/', 'end') : url}/manifest.xml   API 文档 ${url}/api/docs   数据库：${withoutCredentials(config.databaseUrl)}`);
    if (!config.publicUrl) console.log('未设置 PUBLIC_URL：加载项清单只能在服务器本机通过 localhost 下载。请把 PUBLIC_URL 设为用户访问本服务器的地址（如 https://data.example.gov.cn）。');
    const calendarNotice = await calendarStartupNotice(store);
    if (calendarNotice) console.warn(calendarNotice);
    const stop = () => {
      server.close(() => void store.close().finally(() => process.exit(0)));
      setTimeout(() => process.exit(0), 5000).unref();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  })().catch((e: unknown) => {
    const code = (e as { code?: string })?.code;
    console.error(code === 'EADDRINUSE' ? '端口已被占用，请设置 PORT 换一个端口' : `启动失败：${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
