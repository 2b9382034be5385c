import { resolve } from 'node:path';
import { z } from 'zod';
import './zod-zh';

/**
 * Everything a bureau can set, from environment variables, checked once at start. A wrong value
 * stops the server with a Chinese message naming the variable, never a stack trace.
 */
const MiB = 1024 * 1024;
const int = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const YES = ['true', '1', 'yes', 'on'] as const;
const NO = ['false', '0', 'no', 'off'] as const;
/** true, false, or 'auto' for the server to decide. */
const tristate = () =>
  z
    .enum(['auto', ...YES, ...NO])
    .default('auto')
    .transform((v) => (v === 'auto' ? v : (YES as readonly string[]).includes(v)));

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000).describe('监听端口（0 表示任选空闲端口）'),
  HOST: z.string().default('0.0.0.0').describe('监听地址'),
  DATA_DIR: z.string().default('data').describe('数据目录（SQLite 数据库、日志），首次启动时创建（权限 0700，数据库文件 0600）'),
  DATABASE_URL: z.string().optional().describe('数据库：sqlite:路径 或 postgres://用户@主机:端口/库名；默认 DATA_DIR 下的 SQLite'),
  PUBLIC_URL: z.string().url().optional().describe('用户访问服务器的地址，如 https://data.example.gov.cn；加载项清单据此生成（未设置时清单只能在服务器本机通过 localhost 下载）'),
  ADDIN_CONNECT_SRC: z.string().optional().describe('任务窗格还可以连接的其他服务器地址，逗号分隔（如 https://data2.example.gov.cn）；本服务器和 PUBLIC_URL 总是允许；这些地址提供的任务窗格也可以用访问令牌调用本服务器的 API'),
  TLS_CERT_FILE: z.string().optional().describe('HTTPS 证书文件（PEM）'),
  TLS_KEY_FILE: z.string().optional().describe('HTTPS 私钥文件（PEM）'),
  UPLOAD_MAX_BYTES: int(20 * MiB).describe('上传 .xlsx 的最大字节数'),
  JSON_MAX_BYTES: int(64 * MiB).describe('加载项提交的 JSON 请求体最大字节数'),
  MAX_ROWS: int(300_000).describe('一次提交的最大行数（所有工作表合计）'),
  MAX_CELLS: int(6_000_000).describe('一次提交的最大单元格数（合并区域在数据范围内展开的单元格也计入；合并区域覆盖的单元格合计也不得超过此数）'),
  MAX_UNCOMPRESSED_BYTES: int(256 * MiB).describe('上传文件解压后的最大字节数（防止压缩炸弹）'),
  PENDING_BODY_MB: int(512).describe('同时接收和校验中的提交请求体总量上限（MB）；超出时新的提交立即得到 503，稍后重试即可；每个用户最多占其中四分之一（至少一次提交的上限），超出时得到 429'),
  BODY_IDLE_SECONDS: int(30).describe('接收请求内容时，连续多少秒收不到数据即断开连接（408），停滞的连接不再占用提交名额'),
  SIGN_IN_LIMIT: int(10).describe('同一地址每 15 分钟最多登录失败次数（成功的登录不计）'),
  ACCOUNT_LOCK_ATTEMPTS: int(5).describe('同一账号连续登录失败多少次后暂时锁定'),
  ACCOUNT_LOCK_MINUTES: int(15).describe('账号锁定的时长（分钟）；管理员重设密码可提前解锁'),
  SESSION_IDLE_MINUTES: int(480).describe('审核网页无操作多少分钟后须重新登录'),
  SESSION_MAX_HOURS: int(168).describe('审核网页登录后最长保持多少小时'),
  TRUST_PROXY: z.string().optional().describe('位于负载均衡或反向代理之后时设置（如 1 或 loopback）'),
  DEMO: tristate().describe('空数据库首次启动时是否创建演示单位：auto 只在未设置 DATABASE_URL（DATA_DIR 下的内置 SQLite）时创建，true 总是创建，false 从不创建'),
  SQLITE_SYNCHRONOUS: z.enum(['full', 'normal']).default('full').describe('SQLite 提交时的同步方式：full 每次提交都落盘（断电也不丢已确认的提交）；normal 更快，进程崩溃不丢数据，断电可能丢失最近的提交'),
  OFFICE_JS: z.enum(['local', 'cdn']).default('local').describe('任务窗格从哪里加载 office.js：local 为本服务器的副本（内网可用），cdn 为微软的 CDN'),
  GRID_CACHE_MB: int(256).describe('审核页面分页读取表格时，内存中缓存已解析表格的上限（MB）'),
  VALIDATION_WORKERS: z.coerce.number().int().min(0).max(32).optional().describe('校验提交用的工作线程数（0 表示在主线程校验）；默认为处理器核数减一，至少 1'),
  CHECK_TIMEOUT_SECONDS: z.coerce.number().positive().max(3600).default(120).describe('一次提交在工作线程中校验的最长时间（秒，不含排队）；超时即放弃，该线程被替换，提交得到 422（工作簿过于复杂）'),
  CHECK_WORKER_MEMORY_MB: z.coerce.number().int().min(64).max(65536).default(2048).describe('每个校验工作线程的内存（V8 老生代堆）上限（MB）；超出时该线程被替换，提交得到 422（工作簿过大）'),
});

export type Config = ReturnType<typeof loadConfig>;

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`环境变量 ${String(issue.path[0])} 的值无效：${issue.message}`);
  }
  const e = parsed.data;
  // A worker meeting one allocation past its heap aborts the whole process, not just itself
  // (nodejs/node#47224): the heap must dwarf the largest body a worker parses.
  if (e.CHECK_WORKER_MEMORY_MB * MiB < 8 * e.JSON_MAX_BYTES) {
    throw new ConfigError(`CHECK_WORKER_MEMORY_MB（${e.CHECK_WORKER_MEMORY_MB}）至少应为 JSON_MAX_BYTES 的 8 倍（${Math.ceil((8 * e.JSON_MAX_BYTES) / MiB)} MB），否则一次大的提交可能使整个服务退出`);
  }
  if (Boolean(e.TLS_CERT_FILE) !== Boolean(e.TLS_KEY_FILE)) throw new ConfigError('启用 HTTPS 需要同时设置 TLS_CERT_FILE 和 TLS_KEY_FILE');
  const dataDir = resolve(e.DATA_DIR);
  const publicUrl = e.PUBLIC_URL ?? null;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL ?? `sqlite:${resolve(dataDir, 'govcat.db')}`,
    publicUrl,
    addinConnectSrc: [...new Set([...(publicUrl ? [new URL(publicUrl).origin] : []), ...origins('ADDIN_CONNECT_SRC', e.ADDIN_CONNECT_SRC)])],
    tls: e.TLS_CERT_FILE && e.TLS_KEY_FILE ? { certFile: e.TLS_CERT_FILE, keyFile: e.TLS_KEY_FILE } : null,
    limits: {
      uploadBytes: e.UPLOAD_MAX_BYTES,
      jsonBytes: e.JSON_MAX_BYTES,
      rows: e.MAX_ROWS,
      cells: e.MAX_CELLS,
      uncompressedBytes: e.MAX_UNCOMPRESSED_BYTES,
      signInPer15Min: e.SIGN_IN_LIMIT,
      pendingBodyBytes: e.PENDING_BODY_MB * MiB,
      bodyIdleMs: e.BODY_IDLE_SECONDS * 1000,
    },
    signIn: {
      lockAfterFailures: e.ACCOUNT_LOCK_ATTEMPTS,
      lockMs: e.ACCOUNT_LOCK_MINUTES * 60_000,
      session: { idleMs: e.SESSION_IDLE_MINUTES * 60_000, absoluteMs: e.SESSION_MAX_HOURS * 3_600_000 },
    },
    trustProxy: e.TRUST_PROXY ?? null,
    // The demo bureau belongs to the embedded default only, never to a database someone named.
    demo: e.DEMO === 'auto' ? e.DATABASE_URL === undefined : e.DEMO,
    validationWorkers: e.VALIDATION_WORKERS,
    checkLimits: { timeoutMs: e.CHECK_TIMEOUT_SECONDS * 1000, workerMemoryMb: e.CHECK_WORKER_MEMORY_MB },
    gridCacheBytes: e.GRID_CACHE_MB * MiB,
    officeJs: e.OFFICE_JS,
    sqliteSynchronous: e.SQLITE_SYNCHRONOUS,
  };
}

function origins(name: string, list: string | undefined): string[] {
  return (list ?? '')
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((item) => {
      let url: URL | null = null;
      try {
        url = new URL(item);
      } catch {
        // reported below
      }
      if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) throw new ConfigError(`环境变量 ${name} 中的“${item}”不是有效的地址，应写成 https://主机名[:端口]`);
      return url.origin;
    });
}

/** The variables and what they mean, for the README's configuration reference. */
export function configReference(): Array<{ name: string; description: string }> {
  return Object.entries(EnvSchema.shape).map(([name, schema]) => ({ name, description: schema.description ?? '' }));
}
