/**
 * Durability of acknowledged submissions: a real server process (the tsc build, as `npm start`
 * runs it) on SQLite is SIGKILLed while eight clients stream submissions into it. After a
 * restart on the same data directory, every submission answered with 201 must be there with the
 * same id, department, version, grid (byte for byte) and report; nothing may be half-written;
 * and every request that got no answer must be either wholly present or absent, and stored
 * exactly once after the client retries it with its Idempotency-Key.
 *
 * The build goes to a temporary directory (not dist/, which `npm run build` may be rewriting
 * at the same time); NODE_PATH lets it find the repository's node_modules from there.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { hashPassword, newToken } from '../server/src/auth/secrets';
import { openStore } from '../server/src/db/connect';
import type { Role } from '../server/src/db/store';
import type { WorkbookGrid } from '../shared/src';
import { catalogueSheet, validResource } from '../shared/src/testing';
import { freePort } from './fixtures/free-port';
import { inflateRawSync } from 'node:zlib';
import { compileInto, nodePath } from './fixtures/compiled-build';

const STREAMS = 8;
/** Data rows per submission: 100 resources × 2 items. */
const RESOURCES_PER_SUBMISSION = 100;
const STREAM_MS = 1500;
const MIN_ACKED = 20;

interface Attempt {
  key: string;
  stream: number;
  clerk: 'a' | 'b';
  /** JSON of the workbook exactly as sent. */
  workbookJson: string;
  body: string;
  state: 'pending' | 'acked' | 'refused' | 'failed';
  status?: number;
  error?: string;
  ack?: { id: number; departmentId: number; version: number; report: unknown };
}

interface StoredRow {
  id: number;
  department_id: number;
  task_key: number;
  version: number;
  submitted_by: number;
  idempotency_key: string | null;
  grid_deflated: Buffer | null;
  report: string | null;
  errors: number;
  warnings: number;
  sheet_kinds: string | null;
}

let tmp: string;
let buildDir: string;
let dataDir: string;
let dbFile: string;
let server: ChildProcess | null = null;
/** Tells the streaming clients to send nothing more (also set when the test fails half-way). */
let stopping = false;
let serverLog = '';
const agents: http.Agent[] = [];
const ids = { deptA: 0, deptB: 0, clerkA: 0, clerkB: 0 };
const tokens = { clerkA: '', clerkB: '', admin: '' };


interface Reply {
  status: number;
  json: any;
}

function call(port: number, method: string, path: string, token: string, body?: string, headers: Record<string, string> = {}, agent?: http.Agent): Promise<Reply> {
  return new Promise((ok, fail) => {
    const req = http.request(
      { host: '127.0.0.1', port, method, path, agent, timeout: 15_000, headers: { Authorization: `Bearer ${token}`, ...(body !== undefined ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } : {}), ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', fail);
        res.on('aborted', () => fail(new Error('response aborted')));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          try {
            ok({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : null });
          } catch (e) {
            fail(e);
          }
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', fail);
    req.end(body);
  });
}

async function startServer(): Promise<number> {
  const port = await freePort();
  // The default database, sqlite:<DATA_DIR>/govcat.db, whatever the caller's environment says.
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const child = spawn(process.execPath, [join(buildDir, 'server/src/main.js')], {
    cwd: tmp,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO: 'false', NODE_PATH: nodePath },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server = child;
  child.stdout!.on('data', (c: Buffer) => (serverLog += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (serverLog += c.toString()));
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited at start:\n${serverLog}`);
    try {
      const r = await call(port, 'GET', '/api/health', '');
      if (r.status === 200) return port;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start:\n${serverLog}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((ok) => child.once('exit', () => ok()));
}

async function stopServer(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  const child = server!;
  child.kill(signal);
  await exited(child);
  server = null;
  return { code: child.exitCode, signal: child.signalCode };
}

function makeAttempt(stream: number, n: number, runId: string): Attempt {
  const clerk = stream % 2 === 0 ? 'a' : 'b';
  const marker = `耐久${runId}-${stream}-${n}`;
  const resources = Array.from({ length: RESOURCES_PER_SUBMISSION }, (_, i) => validResource({ 数据资源名称: `${marker}-资源${i + 1}` }));
  const workbook = { sheets: [catalogueSheet(resources)] };
  const workbookJson = JSON.stringify(workbook);
  return { key: `dur-${runId}-${stream}-${n}`, stream, clerk, workbookJson, body: `{"workbook":${workbookJson}}`, state: 'pending' };
}

const userOf = (a: Attempt) => (a.clerk === 'a' ? ids.clerkA : ids.clerkB);
const tokenOf = (a: Attempt) => (a.clerk === 'a' ? tokens.clerkA : tokens.clerkB);
const deptOf = (a: Attempt) => (a.clerk === 'a' ? ids.deptA : ids.deptB);

/**
 * Everything that must hold of the database file at any moment, crash or not; returns the
 * submissions by "user:key". Each row must be one of our requests, stored whole.
 */
function checkDatabase(file: string, byKey: Map<string, Attempt>): Map<string, StoredRow> {
  const db = new BetterSqlite3(file);
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const rows = db
      .prepare('select id, department_id, task_key, version, submitted_by, idempotency_key, grid_deflated, report, errors, warnings, sheet_kinds from submissions order by id')
      .all() as StoredRow[];
    const stored = new Map<string, StoredRow>();
    for (const row of rows) {
      const k = `${row.submitted_by}:${row.idempotency_key}`;
      const attempt = byKey.get(k);
      expect({ id: row.id, known: attempt !== undefined }).toEqual({ id: row.id, known: true });
      expect(stored.has(k)).toBe(false);
      stored.set(k, row);
      // Whole: the grid as sent, byte for byte, a parseable report agreeing with the counts.
      expect(row.department_id).toBe(deptOf(attempt!));
      // Stored deflated (grid-codec.ts): the request body as sent, byte for byte, holding the grid.
      expect(row.grid_deflated).not.toBeNull();
      expect(inflateRawSync(row.grid_deflated!).toString('utf8') === attempt!.body).toBe(true);
      const report = JSON.parse(row.report ?? 'null');
      expect(report).toEqual(expect.objectContaining({ counts: expect.objectContaining({ errors: row.errors, warnings: row.warnings }) }));
      expect(JSON.parse(row.sheet_kinds ?? 'null')).toEqual(['catalogue']);
    }
    // Versions per department: 1…n, no gap, no duplicate.
    const versions = new Map<string, number[]>();
    for (const row of rows) {
      const series = `${row.department_id}/${row.task_key}`;
      versions.set(series, [...(versions.get(series) ?? []), row.version]);
    }
    for (const [, vs] of versions) {
      vs.sort((x, y) => x - y);
      expect(vs).toEqual(Array.from({ length: vs.length }, (_, i) => i + 1));
    }
    // Exactly one creation entry per stored submission, and none for a submission that is not there.
    const audit = db.prepare("select entity, entity_id, details from audit_log where action = 'submission.create'").all() as Array<{ entity: string; entity_id: string; details: string }>;
    const byId = new Map(rows.map((r) => [String(r.id), r]));
    const seen = new Set<string>();
    for (const entry of audit) {
      expect(entry.entity).toBe('submission');
      expect(byId.has(entry.entity_id)).toBe(true);
      expect(seen.has(entry.entity_id)).toBe(false);
      seen.add(entry.entity_id);
      const row = byId.get(entry.entity_id)!;
      expect(JSON.parse(entry.details)).toMatchObject({ departmentId: row.department_id, version: row.version, errors: row.errors });
    }
    expect(seen.size).toBe(rows.length);
    return stored;
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'govcat-durability-'));
  buildDir = join(tmp, 'build');
  dataDir = join(tmp, 'data');
  dbFile = join(dataDir, 'govcat.db');
  mkdirSync(dataDir);

  const t0 = Date.now();
  compileInto(buildDir);
  console.log(`durability: tsc build ${Date.now() - t0} ms`);

  const store = await openStore(`sqlite:${dbFile}`);
  try {
    ids.deptA = (await store.departments.create({ name: '芜湖市统计局', code: 'TJJ' })).id;
    ids.deptB = (await store.departments.create({ name: '芜湖市民政局', code: 'MZJ' })).id;
    const people: Array<[keyof typeof tokens, Role, number | null]> = [
      ['clerkA', 'clerk', ids.deptA],
      ['clerkB', 'clerk', ids.deptB],
      ['admin', 'admin', null],
    ];
    for (const [name, role, departmentId] of people) {
      const user = await store.users.create({ username: name.toLowerCase(), displayName: name, role, departmentId, passwordHash: await hashPassword(`pw-${name}-0123456789`) });
      const t = newToken();
      await store.tokens.create({ userId: user.id, name: 'durability', prefix: t.prefix, tokenHash: t.hash });
      tokens[name] = t.token;
      if (name !== 'admin') ids[name] = user.id;
    }
  } finally {
    await store.close();
  }
}, 90_000);

afterAll(async () => {
  stopping = true;
  for (const a of agents) a.destroy();
  if (server && server.exitCode === null && server.signalCode === null) {
    server.kill('SIGKILL');
    await exited(server);
  }
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

test('acknowledged submissions survive SIGKILL mid-stream; unanswered ones are all-or-nothing and retry exactly once', async () => {
  const runId = Date.now().toString(36);
  let port = await startServer();

  // Stream: eight clients (four per department, so versions race), each posting one distinct
  // 200-row catalogue after another until told to stop.
  const attempts: Attempt[] = [];
  let inFlight = 0;
  const streams = Array.from({ length: STREAMS }, async (_, stream) => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    agents.push(agent);
    for (let n = 0; !stopping; n++) {
      const a = makeAttempt(stream, n, runId);
      attempts.push(a);
      inFlight++;
      try {
        const r = await call(port, 'POST', '/api/submissions', tokenOf(a), a.body, { 'Idempotency-Key': a.key }, agent);
        a.status = r.status;
        if (r.status === 201) {
          a.state = 'acked';
          a.ack = { id: r.json.submission.id, departmentId: r.json.submission.departmentId, version: r.json.submission.version, report: r.json.report };
        } else {
          a.state = 'refused';
          a.error = JSON.stringify(r.json);
        }
      } catch (e) {
        a.state = 'failed';
        a.error = (e as Error).message;
      } finally {
        inFlight--;
      }
    }
  });

  const t0 = Date.now();
  const acked = () => attempts.filter((a) => a.state === 'acked').length;
  while (Date.now() - t0 < STREAM_MS || acked() < MIN_ACKED) {
    if (Date.now() - t0 > 20_000) throw new Error(`only ${acked()} acknowledged in 20 s:\n${serverLog}`);
    await new Promise((r) => setTimeout(r, 10));
  }
  // Kill when most streams have a request out, so that some are mid-write.
  while (inFlight < STREAMS / 2 && Date.now() - t0 < STREAM_MS + 1000) await new Promise((r) => setImmediate(r));
  stopping = true;
  const inFlightAtKill = inFlight;
  const ackedBeforeKill = acked();
  const refusedBeforeKill = attempts.filter((a) => a.state === 'refused').map((a) => `${a.status} ${a.error}`);
  const killed = await stopServer('SIGKILL');
  await Promise.all(streams);
  expect(killed.signal).toBe('SIGKILL');

  const byKey = new Map(attempts.map((a) => [`${userOf(a)}:${a.key}`, a]));
  const ackedAttempts = attempts.filter((a) => a.state === 'acked');
  const unanswered = attempts.filter((a) => a.state !== 'acked');
  // No answer but 201 before the kill: a 4xx/5xx under load would itself be a bug.
  expect(refusedBeforeKill).toEqual([]);
  expect(unanswered.every((a) => a.state === 'failed')).toBe(true);
  expect(ackedBeforeKill).toBeGreaterThanOrEqual(MIN_ACKED);
  expect(inFlightAtKill).toBeGreaterThanOrEqual(1);

  // The state the crash left, read from a copy of the database and its WAL (so the server's
  // own recovery on restart still starts from the crashed files).
  const snapshotDir = join(tmp, 'snapshot');
  mkdirSync(snapshotDir);
  for (const suffix of ['', '-wal']) if (existsSync(dbFile + suffix)) copyFileSync(dbFile + suffix, join(snapshotDir, `govcat.db${suffix}`));
  const afterCrash = checkDatabase(join(snapshotDir, 'govcat.db'), byKey);
  for (const a of ackedAttempts) {
    const row = afterCrash.get(`${userOf(a)}:${a.key}`);
    expect(row && { id: row.id, departmentId: row.department_id, version: row.version }).toEqual({ id: a.ack!.id, departmentId: a.ack!.departmentId, version: a.ack!.version });
  }
  const unansweredStored = unanswered.filter((a) => afterCrash.has(`${userOf(a)}:${a.key}`));

  // Restart on the same files: the server sees exactly that state, and serves every
  // acknowledged submission whole.
  port = await startServer();
  const listed = await call(port, 'GET', '/api/submissions?limit=1', tokens.admin);
  expect(listed.status).toBe(200);
  expect(listed.json.total).toBe(afterCrash.size);
  const reader = new http.Agent({ keepAlive: true, maxSockets: 8 });
  agents.push(reader);
  await Promise.all(
    ackedAttempts.map(async (a) => {
      const r = await call(port, 'GET', `/api/submissions/${a.ack!.id}`, tokenOf(a), undefined, {}, reader);
      expect(r.status).toBe(200);
      const { report, ...summary } = r.json;
      expect(summary).toMatchObject({ id: a.ack!.id, departmentId: a.ack!.departmentId, version: a.ack!.version, submittedBy: userOf(a) });
      expect(report).toEqual(a.ack!.report);
      // The sheets read back through the page API, row for row.
      const sent = JSON.parse(a.workbookJson) as WorkbookGrid;
      const outline = await call(port, 'GET', `/api/submissions/${a.ack!.id}/sheets`, tokenOf(a), undefined, {}, reader);
      expect(outline.json.sheets.map((o: { name: string; rowCount: number }) => [o.name, o.rowCount])).toEqual(sent.sheets.map((g) => [g.name, g.rows.length]));
      const rows = await call(port, 'GET', `/api/submissions/${a.ack!.id}/sheets/0/rows?limit=1000`, tokenOf(a), undefined, {}, reader);
      expect(JSON.stringify(rows.json.rows)).toBe(JSON.stringify(sent.sheets[0].rows));
    }),
  );

  // Retrying each unanswered request with its key: the stored ones are replayed (same id),
  // the others are created now. Then a few acknowledged ones once more: replayed too.
  for (const a of unanswered) {
    const before = afterCrash.get(`${userOf(a)}:${a.key}`);
    const r = await call(port, 'POST', '/api/submissions', tokenOf(a), a.body, { 'Idempotency-Key': a.key });
    if (before) {
      expect({ status: r.status, replayed: r.json.replayed, id: r.json.submission?.id, version: r.json.submission?.version }).toEqual({ status: 200, replayed: true, id: before.id, version: before.version });
    } else {
      expect({ status: r.status, replayed: r.json.replayed }).toEqual({ status: 201, replayed: false });
    }
  }
  for (const a of ackedAttempts.slice(0, 10)) {
    const r = await call(port, 'POST', '/api/submissions', tokenOf(a), a.body, { 'Idempotency-Key': a.key });
    expect({ status: r.status, id: r.json.submission?.id, version: r.json.submission?.version }).toEqual({ status: 200, id: a.ack!.id, version: a.ack!.version });
  }

  // A clean stop, then the file itself: every request stored exactly once, whole, with its audit entry.
  const stopped = await stopServer('SIGTERM');
  expect(stopped.code).toBe(0);
  const final = checkDatabase(dbFile, byKey);
  expect(final.size).toBe(attempts.length);
  for (const a of ackedAttempts) expect(final.get(`${userOf(a)}:${a.key}`)!.id).toBe(a.ack!.id);

  console.log(
    `durability: ${attempts.length} requests in ${Date.now() - t0} ms over ${STREAMS} streams; ` +
      `acknowledged before kill ${ackedBeforeKill} (total ${ackedAttempts.length}); in flight at kill ${inFlightAtKill}; ` +
      `stored after crash ${afterCrash.size} (of which unanswered ${unansweredStored.length}); unanswered ${unanswered.length}, ` +
      `retried: ${unansweredStored.length} replayed, ${unanswered.length - unansweredStored.length} created; stored at end ${final.size}`,
  );
}, 60_000);
