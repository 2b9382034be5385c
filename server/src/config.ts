import { resolve } from 'node:path';
import { z } from 'zod';
import './zod-zh';

/**
 * Everything a bureau can set, from environment variables, checked once at start. A wrong value
 * stops the server with a Chinese message naming the variable, never a stack trace.
 */
const MiB = 1024 * 1024;
const int = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'])
    .default(fallback ? 'true' : 'false')
    .transform((v) => ['true', '1', 'yes', 'on'].includes(v));

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000).describe('监听端口（0 表示任选空闲端口）'),
  HOST: z.string().default('0.0.0.0').describe('监听地址'),
  DATA_DIR: z.string().default('data').describe('数据目录（SQLite 数据库、日志），首次启动时创建'),
  DATABASE_URL: z.string().optional().describe('数据库：sqlite:路径 或 postgres://用户@主机:端口/库名；默认 DATA_DIR 下的 SQLite'),
  PUBLIC_URL: z.string().url().optional().describe('用户访问服务器的地址（用于加载项清单），如 https://data.example.gov.cn'),
  TLS_CERT_FILE: z.string().optional().describe('HTTPS 证书文件（PEM）'),
  TLS_KEY_FILE: z.string().optional().describe('HTTPS 私钥文件（PEM）'),
  UPLOAD_MAX_BYTES: int(20 * MiB).describe('上传 .xlsx 的最大字节数'),
  JSON_MAX_BYTES: int(64 * MiB).describe('加载项提交的 JSON 请求体最大字节数'),
  MAX_ROWS: int(300_000).describe('一次提交的最大行数（所有工作表合计）'),
  MAX_CELLS: int(6_000_000).describe('一次提交的最大单元格数（合并区域在数据范围内展开的单元格也计入）'),
  MAX_UNCOMPRESSED_BYTES: int(256 * MiB).describe('上传文件解压后的最大字节数（防止压缩炸弹）'),
  PENDING_BODY_MB: int(512).describe('同时接收和校验中的提交请求体总量上限（MB）；超出时新的提交立即得到 503，稍后重试即可'),
  SIGN_IN_LIMIT: int(10).describe('同一地址每 15 分钟最多登录尝试次数'),
  ACCOUNT_LOCK_ATTEMPTS: int(5).describe('同一账号连续登录失败多少次后暂时锁定'),
  ACCOUNT_LOCK_MINUTES: int(15).describe('账号锁定的时长（分钟）；管理员重设密码可提前解锁'),
  SESSION_IDLE_MINUTES: int(480).describe('审核网页无操作多少分钟后须重新登录'),
  SESSION_MAX_HOURS: int(168).describe('审核网页登录后最长保持多少小时'),
  TRUST_PROXY: z.string().optional().describe('位于负载均衡或反向代理之后时设置（如 1 或 loopback）'),
  DEMO: bool(true).describe('空数据库首次启动时是否创建演示单位'),
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
  if (Boolean(e.TLS_CERT_FILE) !== Boolean(e.TLS_KEY_FILE)) throw new ConfigError('启用 HTTPS 需要同时设置 TLS_CERT_FILE 和 TLS_KEY_FILE');
  const dataDir = resolve(e.DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL ?? `sqlite:${resolve(dataDir, 'govcat.db')}`,
    publicUrl: e.PUBLIC_URL ?? null,
    tls: e.TLS_CERT_FILE && e.TLS_KEY_FILE ? { certFile: e.TLS_CERT_FILE, keyFile: e.TLS_KEY_FILE } : null,
    limits: {
      uploadBytes: e.UPLOAD_MAX_BYTES,
      jsonBytes: e.JSON_MAX_BYTES,
      rows: e.MAX_ROWS,
      cells: e.MAX_CELLS,
      uncompressedBytes: e.MAX_UNCOMPRESSED_BYTES,
      signInPer15Min: e.SIGN_IN_LIMIT,
      pendingBodyBytes: e.PENDING_BODY_MB * MiB,
    },
    signIn: {
      lockAfterFailures: e.ACCOUNT_LOCK_ATTEMPTS,
      lockMs: e.ACCOUNT_LOCK_MINUTES * 60_000,
      session: { idleMs: e.SESSION_IDLE_MINUTES * 60_000, absoluteMs: e.SESSION_MAX_HOURS * 3_600_000 },
    },
    trustProxy: e.TRUST_PROXY ?? null,
    demo: e.DEMO,
    validationWorkers: e.VALIDATION_WORKERS,
    checkLimits: { timeoutMs: e.CHECK_TIMEOUT_SECONDS * 1000, workerMemoryMb: e.CHECK_WORKER_MEMORY_MB },
    gridCacheBytes: e.GRID_CACHE_MB * MiB,
    officeJs: e.OFFICE_JS,
    sqliteSynchronous: e.SQLITE_SYNCHRONOUS,
  };
}

/** The variables and what they mean, for the README's configuration reference. */
export function configReference(): Array<{ name: string; description: string }> {
  return Object.entries(EnvSchema.shape).map(([name, schema]) => ({ name, description: schema.description ?? '' }));
}
