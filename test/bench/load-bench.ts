/**
 * Submission load: 50 connections for 20 s posting one 1,000-row catalogue as JSON to
 * POST /api/submissions (no Idempotency-Key, so every request stores a new version), against a
 * server on the embedded SQLite default. Prints throughput, latency, failures, and checks that
 * what was stored is exactly what was acknowledged.
 *
 * The server runs in this process (`start()`), so the count of 201s it sent can be taken at the
 * source; autocannon shares the event loop with it. `{ server: 'child' }` runs the server as
 * `node dist/server/src/main.js` in its own process instead, to see what that sharing costs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { catalogueSheet, validResource } from '../../shared/src/testing';
import { hashPassword, newToken } from '../../server/src/auth/secrets';
import { loadConfig } from '../../server/src/config';
import { openStore } from '../../server/src/db/connect';
import type { Actor, Store } from '../../server/src/db/store';
import { start } from '../../server/src/main';
import { freePort } from '../fixtures/free-port';

export const LOAD = { connections: 50, seconds: 20, resources: 250, itemsPerResource: 4, p99TargetMs: 250 } as const;

const ADMIN: Actor = { userId: 0, role: 'admin', departmentId: null };

/** 250 resources × 4 items = 1,000 data rows under the title and header. */
export function loadBody(): string {
  const items: Array<[string, string, number]> = [['统一社会信用代码', 'C', 18], ['单位名称', 'C', 200], ['登记日期', 'D', 8], ['注册资本', 'N', 16]];
  const resources = Array.from({ length: LOAD.resources }, (_, i) => validResource({ 数据资源名称: `压测资源${i + 1}`, items: items.slice(0, LOAD.itemsPerResource) }));
  return JSON.stringify({ workbook: { sheets: [catalogueSheet(resources)] } });
}

/** A department and a clerk with a token. */
async function seed(store: Store): Promise<string> {
  const dept = await store.departments.create({ name: '芜湖市统计局', code: 'TJJ' });
  const user = await store.users.create({ username: 'loadclerk', displayName: '压测填报员', role: 'clerk', departmentId: dept.id, passwordHash: await hashPassword('load-bench-password') });
  const t = newToken();
  await store.tokens.create({ userId: user.id, name: 'bench', prefix: t.prefix, tokenHash: t.hash });
  return t.token;
}

async function storedCount(store: Store): Promise<number> {
  return (await store.submissions.list(ADMIN, { limit: 1 })).total;
}

/** The stored count once it has held for a second: the server may still be finishing requests whose clients left. */
async function settledCount(count: () => Promise<number>): Promise<number> {
  let last = await count();
  for (let steady = 0, waited = 0; steady < 10 && waited < 30_000; waited += 100) {
    await sleep(100);
    const n = await count();
    steady = n === last ? steady + 1 : 0;
    last = n;
  }
  return last;
}


const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Run {
  result: autocannon.Result;
  /** Latencies of every response but each connection's first, in ms. */
  afterFirst: number[];
  /** When each response arrived (performance.now()). */
  arrivals: number[];
}

/**
 * Node 20's libuv accepts one connection per event-loop turn, so while the server is saturated
 * autocannon's connections are admitted one by one over seconds and their first requests carry
 * that wait. The latencies without each connection's first response show the steady state.
 */
function cannon(url: string, token: string, body: string, connections: number, length: { seconds: number } | { amount: number }): Promise<Run> {
  return new Promise((ok, fail) => {
    const afterFirst: number[] = [];
    const arrivals: number[] = [];
    const answered = new Set<autocannon.Client>();
    const instance = autocannon(
      {
        url: `${url}/api/submissions`,
        method: 'POST',
        connections,
        ...('seconds' in length ? { duration: length.seconds } : { amount: length.amount }),
        timeout: 10,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body,
      },
      (err, result) => (err ? fail(err) : ok({ result, afterFirst, arrivals })),
    );
    instance.on('response', (client, _status, _bytes, ms) => {
      arrivals.push(performance.now());
      if (answered.has(client)) afterFirst.push(ms);
      else answered.add(client);
    });
  });
}

const PROBE = { seconds: 5, measuredFromSecond: 2 } as const;

/** Responses per second after the probe's ramp (connections still being admitted). */
function steadyRate(arrivals: number[]): number {
  const from = arrivals[0] + PROBE.measuredFromSecond * 1000;
  const steady = arrivals.filter((t) => t >= from);
  if (steady.length < 2) return arrivals.length / PROBE.seconds;
  return ((steady.length - 1) / (steady[steady.length - 1] - steady[0])) * 1000;
}

function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

interface Target {
  url: string;
  token: string;
  /** Stored submissions, read once the server has finished every request it took. */
  stored(): Promise<number>;
  stop(): Promise<void>;
}

async function inProcess(dir: string): Promise<Target> {
  const config = loadConfig({ DATA_DIR: dir, DEMO: 'false', HOST: '127.0.0.1', PORT: '0' });
  const { server, store, url } = await start(config);
  const token = await seed(store);
  return {
    url,
    token,
    stored: () => settledCount(() => storedCount(store)),
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await store.close();
    },
  };
}

/** The server as `npm start` runs it; the count read through the API as an admin. */
async function childProcess(dir: string): Promise<Target> {
  const setup = await openStore(`sqlite:${join(dir, 'govcat.db')}`);
  const token = await seed(setup);
  const admin = newToken();
  const adminUser = await setup.users.create({ username: 'loadadmin', displayName: '压测管理员', role: 'admin', departmentId: null, passwordHash: await hashPassword('load-bench-password') });
  await setup.tokens.create({ userId: adminUser.id, name: 'bench', prefix: admin.prefix, tokenHash: admin.hash });
  await setup.close();
  const port = await freePort();
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const child: ChildProcess = spawn(process.execPath, [join(__dirname, '../../server/src/main.js')], {
    env: { ...env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dir, DEMO: 'false' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error('服务器进程启动失败');
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      if (i > 300) throw new Error('服务器进程 15 秒内未就绪');
    }
    await sleep(50);
  }
  const count = async () => ((await (await fetch(`${url}/api/submissions?limit=1`, { headers: { authorization: `Bearer ${admin.token}` } })).json()) as { total: number }).total;
  return {
    url,
    token,
    stored: () => settledCount(count),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

export async function loadBench(options: { server?: 'in-process' | 'child' } = {}): Promise<void> {
  const mode = options.server ?? 'in-process';
  const dir = mkdtempSync(join(tmpdir(), 'govcat-load-'));
  const body = loadBody();
  let target: Target | null = null;
  try {
    target = mode === 'child' ? await childProcess(dir) : await inProcess(dir);
    console.log('');
    console.log(`提交负载：${LOAD.connections} 个并发连接 × ${LOAD.seconds} 秒，POST /api/submissions，每次 ${(LOAD.resources * LOAD.itemsPerResource).toLocaleString()} 行目录（JSON ${(Buffer.byteLength(body) / 1024).toFixed(0)} KB，无 Idempotency-Key），SQLite（WAL，synchronous=FULL）`);
    console.log(`  服务器：${mode === 'child' ? '独立子进程（node dist/server/src/main.js）' : '与 autocannon 同一进程（start()）'}`);

    // Warm-up on one connection (JIT, first reads), which also gives the unloaded service time.
    const { result: single } = await cannon(target.url, target.token, body, 1, { seconds: 3 });
    // A short probe at full concurrency sizes the main run: a fixed number of requests, all of
    // them answered, so that what was stored can be held to exactly what was acknowledged
    // (a run cut off at a deadline drops the requests in flight, which the server still stores).
    // The probe's first seconds (connections admitted one by one, worker threads warming up) run
    // slower than the steady state and would size a run well short of its 20 s: probe twice,
    // size from the second one's last seconds.
    await cannon(target.url, target.token, body, LOAD.connections, { seconds: 3 });
    const { arrivals } = await cannon(target.url, target.token, body, LOAD.connections, { seconds: PROBE.seconds });
    const amount = Math.max(LOAD.connections, Math.round(steadyRate(arrivals) * LOAD.seconds));
    const before = await target.stored();

    const { result: r, afterFirst } = await cannon(target.url, target.token, body, LOAD.connections, { amount });
    const acked = r.statusCodeStats?.['201']?.count ?? 0;
    const stored = (await target.stored()) - before;
    const answered = r['2xx'] + r.non2xx;
    const others = Object.entries(r.statusCodeStats ?? {}).filter(([code]) => code !== '201').map(([code, s]) => `${code}×${s.count ?? 0}`);

    console.log(`  单连接（预热 3 秒）：${(single['2xx'] / single.duration).toFixed(1)} 次/秒，延迟 p50 ${single.latency.p50} ms，p99 ${single.latency.p99} ms`);
    console.log(`  吞吐  ${(answered / r.duration).toFixed(1)} 次/秒（${answered} 个响应 / ${r.duration.toFixed(1)} 秒）`);
    console.log(`  延迟  p50 ${r.latency.p50} ms，p99 ${r.latency.p99} ms，最大 ${r.latency.max} ms   目标 p99 ≤ ${LOAD.p99TargetMs} ms ${r.latency.p99 <= LOAD.p99TargetMs ? '✓' : '✗'}`);
    console.log(`        不计每个连接的首个请求（含等待服务器接受连接）：p50 ${Math.round(percentile(afterFirst, 50))} ms，p99 ${Math.round(percentile(afterFirst, 99))} ms（${afterFirst.length} 个）`);
    console.log(`  失败  非 2xx ${r.non2xx}${others.length ? `（${others.join('，')}）` : ''}，连接错误 ${r.errors}，其中超时 ${r.timeouts}   目标 0 ${r.non2xx + r.errors === 0 ? '✓' : '✗'}`);
    console.log(`  已确认（客户端收到 201） ${acked}（共发出 ${amount} 个请求，按 ${PROBE.seconds} 秒探测后段的吞吐折算约 ${LOAD.seconds} 秒）`);
    console.log(`  库中新增 ${stored}   ${stored === acked ? '✓ 与已确认数相等' : '✗ 与已确认数不等'}`);
  } finally {
    await target?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
