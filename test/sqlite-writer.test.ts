/**
 * The SQLite writer thread as the server runs it: compiled (a thread needs its .js), in a
 * process of its own. Concurrent submissions, one of them bad; the class of a database error
 * crossing the thread; a file's bytes; a thread that dies with writes in hand; a clean close.
 */
import { join } from 'node:path';
import { compiledBuildFor } from './fixtures/compiled-build';

const compiled = compiledBuildFor('govcat-writer-');

/** Runs in a child process against the compiled build; prints its findings as JSON. */
const SCENARIO = `
const { join } = require('node:path');
const build = process.argv[1];
const db = (m) => require(join(build, 'server/src/db', m));
const { openStore } = db('connect.js');
const { SqliteWriter } = db('sqlite-writer.js');
const { InvalidReferenceError } = db('errors.js');
(async () => {
  const file = process.argv[2];
  const store = await openStore('sqlite:' + file);
  const dept = await store.departments.create({ name: '统计局' });
  const clerk = await store.users.create({ username: 'clerk', displayName: '填报员', role: 'clerk', departmentId: dept.id, passwordHash: 'x' });
  const admin = { userId: 0, role: 'admin', departmentId: null };
  const report = { engineVersion: 'x', sheets: [], issues: [], counts: { errors: 0, warnings: 1, bySheet: {}, byRule: {} }, truncated: false };
  const input = (over = {}) => ({ departmentId: dept.id, taskId: null, sheetKinds: ['catalogue'], grid: { sheets: [{ name: '目录', rows: [['名称'], ['人口']] }] }, report, submittedBy: clerk.id, idempotencyKey: null, requestHash: null, originalFile: null, status: 'confirmed', ...over });
  const out = { available: SqliteWriter.available };

  const outcomes = await Promise.allSettled(Array.from({ length: 40 }, (_, i) => store.recordSubmission(input(i === 7 ? { taskId: 999999 } : {}))));
  out.rejected = outcomes.flatMap((o, i) => (o.status === 'rejected' ? [{ i, invalidReference: o.reason instanceof InvalidReferenceError, message: o.reason.message }] : []));
  out.versions = outcomes.filter((o) => o.status === 'fulfilled').map((o) => o.value.submission.version).sort((a, b) => a - b);
  out.stored = (await store.submissions.list(admin, { limit: 1 })).total;
  out.audited = (await store.audit.list({ entity: 'submission' })).length;

  const withFile = await store.recordSubmission(input({ originalFile: { filename: '目录.xlsx', content: Buffer.from([0, 1, 2, 255]) } }));
  const f = await store.submissions.originalFile(admin, withFile.submission.id);
  out.file = { filename: f.filename, bytes: [...f.content], isBuffer: Buffer.isBuffer(f.content) };

  // A writer whose thread dies with writes in hand: they fail; the next write gets a new thread.
  const writer = new SqliteWriter(file, 'full');
  const first = await writer.record(input());
  const inHand = Array.from({ length: 5 }, () => writer.record(input()).then(() => 'stored', (e) => 'failed: ' + e.message));
  await writer.thread.worker.terminate();
  out.afterDeath = await Promise.all(inHand);
  out.recovered = (await writer.record(input())).submission.version > first.submission.version;
  await writer.close();
  out.closedRefuses = await writer.record(input()).then(() => false, () => true);

  await store.close();
  console.log(JSON.stringify(out));
})().catch((e) => { console.error(e); process.exit(1); });
`;

it('commits concurrent submissions on its thread, fails only the bad one, survives a dying thread and closes cleanly', () => {
  const run = compiled.run(SCENARIO, [join(compiled.tmp, 'govcat.db')], 60_000);
  // The process ends by itself: a closed writer leaves nothing running.
  expect(run.error).toBeUndefined();
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  const out = JSON.parse(run.stdout);
  expect(out.available).toBe(true);
  expect(out.rejected).toEqual([{ i: 7, invalidReference: true, message: '引用的部门、用户或任务不存在' }]);
  expect(out.versions).toEqual(Array.from({ length: 39 }, (_, i) => i + 1));
  expect(out.stored).toBe(39);
  expect(out.audited).toBe(39);
  expect(out.file).toEqual({ filename: '目录.xlsx', bytes: [0, 1, 2, 255], isBuffer: true });
  // Each write in hand was either committed before the thread died or failed; none is left waiting.
  expect(out.afterDeath).toHaveLength(5);
  for (const r of out.afterDeath) expect(r === 'stored' || r.startsWith('failed: SQLite 写入线程已退出')).toBe(true);
  expect(out.recovered).toBe(true);
  expect(out.closedRefuses).toBe(true);
}, 90_000);
