/**
 * Starting the server as `npm start` and `govcat init-bureau` do: the embedded SQLite database
 * created on first run, owner-only; the demo bureau on an empty embedded database (and only
 * then, unless DEMO=true); a real bureau's first administrator from the CLI; and HTTPS with a
 * bureau's own certificate.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import type { IncomingHttpHeaders, Server } from 'node:http';
import { get, type RequestOptions } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Pool } from 'pg';
import { verifyPassword } from '../server/src/auth/secrets';
import { runCli } from '../server/src/cli/main';
import { loadConfig } from '../server/src/config';
import { openStore } from '../server/src/db/connect';
import { createPostgresPool } from '../server/src/db/postgres-pool';
import type { Store } from '../server/src/db/store';
import { DEMO_ACCOUNTS_FILE, start } from '../server/src/main';
import { PG_URL } from './api/harness';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'govcat-start-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function httpsGet(address: string, options: RequestOptions): Promise<{ body: string; headers: IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    get(address, options, (res) => {
      let data = '';
      res.on('data', (c) => (data += c));
      res.on('end', () => resolve({ body: data, headers: res.headers }));
    }).on('error', reject);
  });
}

async function stop({ server, store }: { server: Server; store: Store }) {
  await new Promise((r) => server.close(r));
  await store.close();
}

/** Permission bits, e.g. 0o600. */
const mode = (path: string) => statSync(path).mode & 0o777;

async function quietly<T>(work: () => Promise<T>): Promise<{ result: T; printed: string }> {
  const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  try {
    const result = await work();
    return { result, printed: log.mock.calls.map((c) => c.join(' ')).join('\n') };
  } finally {
    log.mockRestore();
  }
}

test('first start on an empty database creates the data directory, the SQLite file and a demo bureau, once', async () => {
  const dataDir = join(dir, 'data');
  const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' });
  const first = await quietly(() => start(config));
  expect(existsSync(join(dataDir, 'govcat.db'))).toBe(true);
  expect(first.printed).toContain('已创建演示单位');
  const admin = /管理员\S*\s+admin\s+密码 (\S+)/.exec(first.printed);
  expect(admin).not.toBeNull();
  // The passwords outlive the terminal, readable by the server's account only, and the console says where.
  const accounts = join(dataDir, DEMO_ACCOUNTS_FILE);
  expect(first.printed).toContain(accounts);
  expect(readFileSync(accounts, 'utf8')).toContain(`admin            密码 ${admin![1]}`);
  expect(mode(accounts)).toBe(0o600);
  const users = await first.result.store.users.list();
  expect(users.map((u) => u.role).sort()).toEqual(['admin', 'clerk', 'clerk', 'clerk', 'coordinator', 'lead', 'lead', 'lead']);
  const signedIn = await fetch(`${first.result.url}/api/auth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: admin![1] }) });
  expect(signedIn.status).toBe(201);
  await stop(first.result);

  const second = await quietly(() => start(config));
  expect(second.printed).not.toContain('演示单位');
  expect(await second.result.store.users.list()).toHaveLength(8);
  await stop(second.result);
});

test('the data directory and every database file are the server account’s only', async () => {
  const dataDir = join(dir, 'data', 'nested');
  const { result } = await quietly(() => start(loadConfig({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', DEMO: 'false' })));
  try {
    await result.store.departments.create({ name: '芜湖市统计局' });
    expect(mode(dataDir)).toBe(0o700);
    expect(mode(join(dir, 'data'))).toBe(0o700);
    for (const file of ['govcat.db', 'govcat.db-wal', 'govcat.db-shm']) expect([file, mode(join(dataDir, file))]).toEqual([file, 0o600]);
  } finally {
    await stop(result);
  }
});

describe('the demo bureau on a database someone named', () => {
  let pool: Pool;
  let schema: string;
  beforeEach(async () => {
    pool = createPostgresPool(PG_URL);
    schema = `t_${randomBytes(6).toString('hex')}`;
    await pool.query(`CREATE SCHEMA ${schema}`);
  });
  afterEach(async () => {
    await pool.query(`DROP SCHEMA ${schema} CASCADE`);
    await pool.end();
  });
  // A fresh schema of its own, named to every connection the way a bureau would name its database.
  const inSchema = () => `${PG_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;

  test('an empty PostgreSQL database gets no demo bureau and no printed passwords', async () => {
    const { result, printed } = await quietly(() => start(loadConfig({ DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: inSchema() })));
    try {
      expect(await result.store.users.list()).toEqual([]);
      expect(printed).not.toContain('密码');
      expect(existsSync(join(dir, DEMO_ACCOUNTS_FILE))).toBe(false);
      expect((await pool.query(`SELECT count(*)::int AS n FROM ${schema}.users`)).rows[0].n).toBe(0);
    } finally {
      await stop(result);
    }
  });

  test('unless DEMO=true asks for one', async () => {
    const { result, printed } = await quietly(() => start(loadConfig({ DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: inSchema(), DEMO: 'true' })));
    try {
      expect(await result.store.users.list()).toHaveLength(8);
      expect(printed).toContain('已创建演示单位');
      expect(mode(join(dir, DEMO_ACCOUNTS_FILE))).toBe(0o600);
    } finally {
      await stop(result);
    }
  });
});

test('DEMO defaults to auto: a demo bureau only on the embedded SQLite, never on a named DATABASE_URL', () => {
  expect(loadConfig({}).demo).toBe(true);
  expect(loadConfig({ DATABASE_URL: 'sqlite:/srv/govcat/govcat.db' }).demo).toBe(false);
  expect(loadConfig({ DATABASE_URL: 'postgres://db/govcat' }).demo).toBe(false);
  expect(loadConfig({ DATABASE_URL: 'postgres://db/govcat', DEMO: 'true' }).demo).toBe(true);
  expect(loadConfig({ DEMO: 'false' }).demo).toBe(false);
  expect(() => loadConfig({ DEMO: 'maybe' })).toThrow(/DEMO/);
});

test('DEMO=false starts on an empty database without demo data', async () => {
  const { result } = await quietly(() => start(loadConfig({ DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', DEMO: 'false' })));
  expect(await result.store.users.list()).toEqual([]);
  await stop(result);
});

test('the server gives a 64 MB body at 64 KB/s time to arrive, and headers a minute', async () => {
  const { result } = await quietly(() => start(loadConfig({ DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', DEMO: 'false' })));
  // Node's defaults are 5 minutes for a request and 60 s for its headers.
  expect(result.server.requestTimeout).toBe(1024 * 1000);
  expect(result.server.headersTimeout).toBe(60_000);
  await stop(result);
});

describe('govcat init-bureau', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  async function cli(...args: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
    return { code, stdout, stderr };
  }

  test('creates the database and the first administrator, shows the password once, and refuses to run twice', async () => {
    process.env.DATA_DIR = dir;
    delete process.env.DATABASE_URL;
    const r = await cli('init-bureau', '--admin', 'jsk.admin', '--name', '计算科管理员');
    expect(r.code).toBe(0);
    const password = /初始密码：(\S+)/.exec(r.stdout)![1];
    const store = await openStore(`sqlite:${join(dir, 'govcat.db')}`);
    const user = await store.users.findForSignIn('jsk.admin');
    expect(user).toMatchObject({ role: 'admin', displayName: '计算科管理员', departmentId: null });
    expect(await verifyPassword(user!.passwordHash, password)).toBe(true);
    expect(await store.departments.list()).toEqual([]);
    await store.close();

    const again = await cli('init-bureau', '--admin', 'other');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('已有用户');
  });

  test('refuses a bad user name and a missing --admin, in Chinese', async () => {
    process.env.DATA_DIR = dir;
    const bad = await cli('init-bureau', '--admin', '管理员 一');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('用户名只能包含');
    const missing = await cli('init-bureau');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('缺少必填选项');
  });
});

test('HTTPS with the bureau’s certificate and key', async () => {
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=localhost'], { stdio: 'ignore' });
  const { result } = await quietly(() => start(loadConfig({ DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', DEMO: 'false', TLS_CERT_FILE: cert, TLS_KEY_FILE: key })));
  expect(result.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  const { body, headers } = await httpsGet(`${result.url}/api/health`, { rejectUnauthorized: false });
  expect(JSON.parse(body)).toEqual({ ok: true });
  // Served over HTTPS by the server itself: the HTTPS-only headers belong here.
  expect(headers['strict-transport-security']).toMatch(/max-age=\d+/);
  expect(headers['content-security-policy']).toContain('upgrade-insecure-requests');
  await stop(result);
});

test('a configuration error names the variable in Chinese', () => {
  expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
  expect(() => loadConfig({ TLS_CERT_FILE: '/x.pem' })).toThrow('同时设置 TLS_CERT_FILE 和 TLS_KEY_FILE');
  // A worker heap near the JSON limit could abort the whole process on one large submission.
  expect(() => loadConfig({ CHECK_WORKER_MEMORY_MB: '256' })).toThrow('CHECK_WORKER_MEMORY_MB（256）至少应为 JSON_MAX_BYTES 的 8 倍（512 MB）');
  expect(loadConfig({ CHECK_WORKER_MEMORY_MB: '256', JSON_MAX_BYTES: String(32 * 1024 * 1024) }).checkLimits.workerMemoryMb).toBe(256);
});

test('HTTPS with a development certificate from office-addin-dev-certs', async () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { generateCertificates } = require('office-addin-dev-certs') as { generateCertificates: (ca: string, cert: string, key: string, days: number) => Promise<void> };
  const [ca, cert, key] = ['ca.crt', 'localhost.crt', 'localhost.key'].map((f) => join(dir, 'certs', f));
  await generateCertificates(ca, cert, key, 1);
  const { result } = await quietly(() => start(loadConfig({ DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', DEMO: 'false', TLS_CERT_FILE: cert, TLS_KEY_FILE: key })));
  const { body } = await httpsGet(`${result.url}/api/health`, { ca: readFileSync(ca) });
  expect(JSON.parse(body)).toEqual({ ok: true });
  await stop(result);
});
