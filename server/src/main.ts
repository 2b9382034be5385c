import { mkdirSync, readFileSync } from 'node:fs';
import { createServer as createHttp, type Server } from 'node:http';
import { createServer as createHttps } from 'node:https';
import { createDemoBureau, describeCredentials, isEmpty } from './bureau';
import { ConfigError, loadConfig, type Config } from './config';
import { openStore } from './db/connect';
import type { Store } from './db/store';
import { createApp } from './http/app';
import { calendarStartupNotice } from './services/bureau-calendar';
import { SubmissionChecker } from './services/checker';

/**
 * `npm start`: the server on its embedded default (SQLite in DATA_DIR), with a demo bureau on
 * an empty database, or on PostgreSQL when DATABASE_URL says so.
 */
export async function start(config: Config): Promise<{ server: Server; store: Store; checker: SubmissionChecker; url: string }> {
  mkdirSync(config.dataDir, { recursive: true });
  const store = await openStore(config.databaseUrl, { sqliteSynchronous: config.sqliteSynchronous });
  if (config.demo && (await isEmpty(store))) {
    const credentials = await createDemoBureau(store);
    console.log('数据库为空，已创建演示单位（正式部署请先运行 npx govcat init-bureau，或设置 DEMO=false）。可用以下账号登录：');
    console.log(describeCredentials(credentials));
  }
  const checker = new SubmissionChecker(config.validationWorkers);
  const app = createApp({ config, store, checker });
  const server = config.tls
    ? createHttps({ cert: readFileSync(config.tls.certFile), key: readFileSync(config.tls.keyFile) }, app)
    : createHttp(app);
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
    console.log(`govcat 已启动：审核网页 ${url}/   加载项清单 ${url}/manifest.xml   API 文档 ${url}/api/docs   数据库：${config.databaseUrl.startsWith('sqlite:') ? config.databaseUrl : config.databaseUrl.replace(/\/\/[^@]*@/, '//')}`);
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
