/**
 * The API through HTTP (supertest): every route, and each refusal a client can meet — with its
 * status, stable code and a Chinese message, never a stack or a hint about other departments.
 */
import request from 'supertest';
import ExcelJS from 'exceljs';
import type { WorkbookGrid } from '../../shared/src';
import { catalogueSheet, validResource } from '../../shared/src/testing';
import { backends, catalogueBook, CJK, expectError, xlsx } from './helpers';
import { zerosEntry, zip, deflatedEntry } from '../../server/src/xlsx/test-zip';
import { startHarness, type Harness } from './harness';
import { createApp } from '../../server/src/http/app';
import { SubmissionChecker } from '../../server/src/modules/submissions/checker';

describe.each(backends)('API on %s', (backend) => {
  let h: Harness;
  const as = (who: keyof Harness['tokens']) => ({ Authorization: `Bearer ${h.tokens[who]}` });
  const submit = (who: keyof Harness['tokens'], workbook: WorkbookGrid, headers: Record<string, string> = {}) =>
    request(h.app).post('/api/submissions').set(as(who)).set(headers).send({ workbook });

  beforeAll(async () => {
    h = await startHarness({}, backend);
  });
  afterAll(async () => h.close());

  describe('authentication', () => {
    test('no token, a wrong token, a malformed header: 401', async () => {
      expectError(await request(h.app).get('/api/me'), 401, 'unauthenticated');
      expectError(await request(h.app).get('/api/me').set('Authorization', 'Bearer gct_nope'), 401, 'unauthenticated');
      expectError(await request(h.app).get('/api/submissions').set('Authorization', 'Basic abc'), 401, 'unauthenticated');
    });

    test('a token names its user', async () => {
      const res = await request(h.app).get('/api/me').set(as('clerkA'));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ username: 'clerka', role: 'clerk', departmentId: h.departments.a });
      expect(res.body.passwordHash).toBeUndefined();
    });

    test('signing in with a password gives a working token; a wrong password does not', async () => {
      const ok = await request(h.app).post('/api/auth/token').send({ username: 'clerka', password: h.passwords.clerka });
      expect(ok.status).toBe(201);
      expect(ok.body.token).toMatch(/^gct_/);
      expect((await request(h.app).get('/api/me').set('Authorization', `Bearer ${ok.body.token}`)).status).toBe(200);
      expectError(await request(h.app).post('/api/auth/token').send({ username: 'clerka', password: 'wrong-password' }), 401, 'bad-credentials');
      expectError(await request(h.app).post('/api/auth/token').send({ username: 'nobody', password: 'wrong-password' }), 401, 'bad-credentials');
    });

    test('security headers are set', async () => {
      const res = await request(h.app).get('/api/health');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-powered-by']).toBeUndefined();
    });
  });

  describe('submitting', () => {
    test('JSON grids from the add-in: stored with the server’s own report', async () => {
      const workbook = catalogueBook({ 责任科室: null });
      const res = await submit('clerkA', workbook);
      expect(res.status).toBe(201);
      expect(res.body.submission).toMatchObject({ departmentId: h.departments.a, version: 1, status: 'confirmed', sheetKinds: ['catalogue'], errors: 2 });
      expect(res.body.report.issues[0]).toMatchObject({ ruleId: 'cell.required', cell: 'R3', sheet: '目录' });
      expect(res.body.replayed).toBe(false);
      const second = await submit('clerkA', catalogueBook());
      expect(second.body.submission.version).toBe(2);
    });

    test('a client’s own verdict is ignored: the report is recomputed', async () => {
      const workbook = { ...catalogueBook({ 共享类型: '随便' }), report: { counts: { errors: 0 } } };
      const res = await request(h.app).post('/api/submissions').set(as('clerkA')).send({ workbook, report: { counts: { errors: 0 } } });
      expect(res.status).toBe(201);
      expect(res.body.report.counts.errors).toBeGreaterThan(0);
    });

    test('a retried request with the same Idempotency-Key counts once', async () => {
      const key = 'retry-0001-abcdef';
      const workbook = catalogueBook();
      const first = await submit('clerkB', workbook, { 'Idempotency-Key': key });
      const again = await submit('clerkB', workbook, { 'Idempotency-Key': key });
      expect(first.status).toBe(201);
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ replayed: true, submission: { id: first.body.submission.id } });
      const list = await request(h.app).get('/api/submissions').set(as('clerkB'));
      expect(list.body.items.filter((s: { id: number }) => s.id === first.body.submission.id)).toHaveLength(1);
      expectError(await submit('clerkB', catalogueBook(), { 'Idempotency-Key': 'short' }), 400, 'invalid-idempotency-key');
      // The same key with another workbook is refused, not answered with the first one.
      expectError(await submit('clerkB', catalogueBook({ 责任科室: '办公室' }), { 'Idempotency-Key': key }), 409, 'idempotency-key-reused');
    });

    test('an .xlsx upload (for WPS and LibreOffice users) keeps the original file', async () => {
      const file = await xlsx(catalogueBook());
      const res = await request(h.app).post('/api/submissions').set(as('clerkA')).attach('file', file, { filename: '统计局目录.xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
      expect(res.status).toBe(201);
      expect(res.body.submission).toMatchObject({ originalFilename: '统计局目录.xlsx', errors: 0 });
      const back = await request(h.app).get(`/api/submissions/${res.body.submission.id}/file`).set(as('clerkA')).buffer(true).parse((r, cb) => {
        const parts: Buffer[] = [];
        r.on('data', (c: Buffer) => parts.push(c));
        r.on('end', () => cb(null, Buffer.concat(parts)));
      });
      expect(back.status).toBe(200);
      expect(Buffer.compare(back.body as Buffer, file)).toBe(0);
    });

    test('bad input is refused with a reason and nothing is stored', async () => {
      const before = (await request(h.app).get('/api/submissions').set(as('admin'))).body.total;
      expectError(await request(h.app).post('/api/submissions').set(as('clerkA')).set('Content-Type', 'application/json').send('{"workbook": [1,'), 400, 'malformed-json');
      expectError(await request(h.app).post('/api/submissions').set(as('clerkA')).send({ workbook: { sheets: 'x' } }), 400, 'invalid-request');
      expectError(await request(h.app).post('/api/submissions').set(as('clerkA')).send({ workbook: { sheets: [{ name: '目录', rows: [[{ formula: '=1' }]] }] } }), 400, 'invalid-request');
      expectError(await request(h.app).post('/api/submissions').set(as('clerkA')).set('Content-Type', 'text/plain').send('hello'), 400, 'unsupported-content-type');
      expectError(await submit('clerkA', { sheets: [{ name: '汇总', rows: [['年份', '数量'], [2025, 3]] }] }), 422, 'workbook-unrecognised');
      expectError(await request(h.app).post('/api/submissions').set(as('clerkA')).attach('file', Buffer.from('序号,名称\n1,a\n'), { filename: '目录.csv', contentType: 'text/csv' }), 415, 'unsupported-file-type');
      const good = await xlsx(catalogueBook());
      expectError(await request(h.app).post('/api/submissions').set(as('clerkA')).attach('file', good.subarray(0, good.length >> 1), { filename: '坏文件.xlsx', contentType: 'application/octet-stream' }), 422, 'workbook-corrupt');
      expectError(await request(h.app).post('/api/submissions').set(as('clerkA')).field('taskId', '1'), 400, 'file-missing');
      expectError(await submit('clerkA', catalogueBook(), {}).then(() => request(h.app).post('/api/submissions').set(as('clerkA')).send({ taskId: 99999, workbook: catalogueBook() })), 404, 'not-found');
      expect((await request(h.app).get('/api/submissions').set(as('admin'))).body.total).toBe(before + 1);
    });

    test('coordinators and admins do not submit for a department', async () => {
      expectError(await submit('coordinator', catalogueBook()), 403, 'forbidden');
    });
  });

  describe('reading, with each department kept to itself', () => {
    let aId: number;
    beforeAll(async () => {
      aId = (await submit('clerkA', catalogueBook())).body.submission.id;
    });

    test('a clerk lists only their department; a coordinator lists all, with filters', async () => {
      const a = await request(h.app).get('/api/submissions').set(as('clerkA'));
      expect(a.body.items.length).toBeGreaterThan(0);
      expect(a.body.items.every((s: { departmentId: number }) => s.departmentId === h.departments.a)).toBe(true);
      const spy = await request(h.app).get(`/api/submissions?departmentId=${h.departments.b}`).set(as('clerkA'));
      expect(spy.body).toEqual({ items: [], total: 0 });
      const all = await request(h.app).get('/api/submissions?sheetKind=catalogue&order=oldest&limit=2').set(as('coordinator'));
      expect(all.body.items).toHaveLength(2);
      expect(new Set((await request(h.app).get('/api/submissions?limit=500').set(as('coordinator'))).body.items.map((s: { departmentId: number }) => s.departmentId))).toEqual(new Set([h.departments.a, h.departments.b]));
      expectError(await request(h.app).get('/api/submissions?status=maybe').set(as('coordinator')), 400, 'invalid-request');
    });

    test('another department’s submission is "not found", exactly like one that does not exist', async () => {
      const other = await request(h.app).get(`/api/submissions/${aId}`).set(as('clerkB'));
      const missing = await request(h.app).get('/api/submissions/987654').set(as('clerkB'));
      expectError(other, 404, 'not-found');
      expect(other.body).toEqual(missing.body);
      expectError(await request(h.app).get(`/api/submissions/${aId}/file`).set(as('clerkB')), 404, 'not-found');
      expectError(await request(h.app).get(`/api/submissions/${aId}/diff`).set(as('clerkB')), 404, 'not-found');
      // A lead of another department cannot decide on it either, and learns nothing.
      expectError(await request(h.app).post(`/api/submissions/${aId}/confirm`).set(as('leadB')).send({}), 404, 'not-found');
      expectError(await request(h.app).post(`/api/submissions/${aId}/return`).set(as('leadB')).send({ reason: '不对' }), 404, 'not-found');
      expectError(await request(h.app).get('/api/submissions/abc').set(as('clerkA')), 400, 'invalid-id');
    });

    test('a submission reads back with its report; its sheets are read a page of rows at a time', async () => {
      const res = await request(h.app).get(`/api/submissions/${aId}`).set(as('clerkA'));
      expect(res.status).toBe(200);
      expect(res.body.workbook).toBeUndefined();
      expect(res.body.report.sheets[0].kind).toBe('catalogue');

      // A catalogue and a long second sheet with a merged title: rows cross the server's 500-row chunks.
      const long = Array.from({ length: 1203 }, (_, i) => [i === 0 ? '附表标题' : null, `第${i + 1}行`, i]);
      const book: WorkbookGrid = { sheets: [...catalogueBook().sheets, { name: '附表', rows: long, merges: [{ top: 2, left: 2, bottom: 2, right: 4 }], startRow: 2, startCol: 2 }] };
      const id = (await submit('clerkA', book)).body.submission.id;
      const sheets = await request(h.app).get(`/api/submissions/${id}/sheets`).set(as('coordinator'));
      expect(sheets.status).toBe(200);
      expect(sheets.body.sheets.map((s: { name: string }) => s.name)).toEqual(['目录', '附表']);
      expect(sheets.body.sheets[0]).toMatchObject({ index: 0, rowCount: book.sheets[0].rows.length, startRow: 1, startCol: 1 });
      expect(sheets.body.sheets[1]).toEqual({ index: 1, name: '附表', startRow: 2, startCol: 2, rowCount: 1203, width: 3, merges: [{ top: 2, left: 2, bottom: 2, right: 4, value: '附表标题' }] });

      const rows = (offset: number, limit: number, who: Parameters<typeof as>[0] = 'clerkA') => request(h.app).get(`/api/submissions/${id}/sheets/1/rows`).query({ offset, limit }).set(as(who));
      expect((await rows(498, 5)).body).toEqual({ offset: 498, rows: long.slice(498, 503) });
      expect((await rows(1000, 1000)).body.rows).toEqual(long.slice(1000));
      expect((await rows(5000, 10)).body.rows).toEqual([]);
      const first = await request(h.app).get(`/api/submissions/${id}/sheets/0/rows`).set(as('coordinator'));
      expect(first.body).toEqual({ offset: 0, rows: book.sheets[0].rows });

      expectError(await rows(0, 1001), 400, 'invalid-request');
      expectError(await rows(-1, 10), 400, 'invalid-request');
      expectError(await request(h.app).get(`/api/submissions/${id}/sheets/2/rows`).set(as('clerkA')), 404, 'not-found');
      expectError(await request(h.app).get(`/api/submissions/${id}/sheets/x/rows`).set(as('clerkA')), 404, 'not-found');
      // Another department's sheets are "not found", like everything else of it.
      expectError(await rows(0, 10, 'clerkB'), 404, 'not-found');
      expectError(await request(h.app).get(`/api/submissions/${id}/sheets`).set(as('clerkB')), 404, 'not-found');
      expectError(await request(h.app).get(`/api/submissions/${id}/sheets`), 401, 'unauthenticated');
    });
  });

  describe('review', () => {
    test('return with a reason on a cell, then the returned version cannot be approved; a new version can', async () => {
      const v = (await submit('clerkA', catalogueBook())).body.submission;
      const ret = await request(h.app).post(`/api/submissions/${v.id}/return`).set(as('coordinator')).send({ reason: '请补充共享条件', comments: [{ sheet: '目录', cell: 'I3', row: 3, message: '有条件共享须写明条件' }] });
      expect(ret.status).toBe(200);
      const seen = await request(h.app).get(`/api/submissions/${v.id}`).set(as('clerkA'));
      expect(seen.body).toMatchObject({ status: 'returned', decisions: [{ decision: 'return', reason: '请补充共享条件', comments: [{ sheet: '目录', cell: 'I3', row: 3, message: '有条件共享须写明条件' }] }] });
      expectError(await request(h.app).post(`/api/submissions/${v.id}/approve`).set(as('coordinator')).send({}), 409, 'status-conflict');
      const next = (await submit('clerkA', catalogueBook())).body.submission;
      expect((await request(h.app).post(`/api/submissions/${next.id}/approve`).set(as('coordinator')).send({})).status).toBe(200);
      expectError(await request(h.app).post(`/api/submissions/${next.id}/approve`).set(as('coordinator')).send({}), 409, 'status-conflict');
    });

    test('a return needs a reason or a comment; clerks cannot decide', async () => {
      const v = (await submit('clerkA', catalogueBook())).body.submission;
      expectError(await request(h.app).post(`/api/submissions/${v.id}/return`).set(as('coordinator')).send({}), 400, 'reason-required');
      expectError(await request(h.app).post(`/api/submissions/${v.id}/approve`).set(as('clerkA')).send({}), 403, 'forbidden');
      expectError(await request(h.app).post(`/api/submissions/${v.id}/return`).set(as('coordinator')).send({ comments: [{ sheet: '目录', cell: 'not-a-cell', message: 'x' }] }), 400, 'invalid-request');
    });

    test('the diff against the last approved version names resources and items added, removed and changed', async () => {
      const base = (await submit('clerkB', catalogueBook({}, 2))).body.submission;
      await request(h.app).post(`/api/submissions/${base.id}/approve`).set(as('coordinator')).send({});
      const changed: WorkbookGrid = { sheets: [catalogueSheet([validResource({ 数据资源名称: '资源1', 资源代码: null, 共享类型: '有条件共享', 共享条件: '限业务使用' }), validResource({ 数据资源名称: '资源3', 资源代码: null })])] };
      const next = (await submit('clerkB', changed)).body.submission;
      const diff = await request(h.app).get(`/api/submissions/${next.id}/diff`).set(as('coordinator'));
      expect(diff.status).toBe(200);
      expect(diff.body.base).toEqual({ id: base.id, version: base.version });
      expect(diff.body.resources.added).toEqual(['资源3']);
      expect(diff.body.resources.removed).toEqual(['资源2']);
      expect(diff.body.resources.changed[0]).toMatchObject({ name: '资源1', fields: expect.arrayContaining([{ field: '共享类型', before: '无条件共享', after: '有条件共享' }]) });
      // The rows to tint on the sheet: 资源1's first row changed, every row of 资源3 new.
      const rowsOf = (name: string) => changed.sheets[0].rows.flatMap((r, i) => (r.includes(name) ? [i + 1] : []));
      const [first1] = rowsOf('资源1');
      const [first3] = rowsOf('资源3');
      const tones = diff.body.tones as Array<{ sheet: string; row: number; tone: string }>;
      expect(tones).toContainEqual({ sheet: '目录', row: first1, tone: 'changed' });
      expect(tones.filter((t) => t.tone === 'added').map((t) => t.row)).toEqual(Array.from({ length: changed.sheets[0].rows.length - first3 + 1 }, (_, i) => first3 + i));
    });

    test('the approved catalogue is offered as resources for data templates, with their version', async () => {
      type Offered = { name: string; department: string; version: number };
      const versionOfA = async () => ((await request(h.app).get('/api/catalogue/resources').set(as('clerkB'))).body as Offered[]).find((r) => r.department === '芜湖市统计局')?.version ?? 0;
      const before = await versionOfA();
      const v = (await submit('clerkA', { sheets: [catalogueSheet([validResource({ 数据资源名称: '统计调查证信息表' })])] })).body.submission;
      expect((await request(h.app).post(`/api/submissions/${v.id}/approve`).set(as('coordinator')).send({})).status).toBe(200);
      const res = await request(h.app).get('/api/catalogue/resources').set(as('clerkB'));
      expect(res.status).toBe(200);
      // The department's catalogue version: one more with each approval (catalogue-version.test.ts).
      expect(res.body.find((r: { name: string }) => r.name === '统计调查证信息表')).toMatchObject({ version: before + 1, department: '芜湖市统计局' });
      expect(res.body[0]).toEqual(expect.objectContaining({ version: expect.any(Number), items: expect.any(Array) }));
      expectError(await request(h.app).get('/api/catalogue/resources'), 401, 'unauthenticated');
    });

    test('with the lead step on, a lead confirms before the coordinator may approve', async () => {
      expectError(await request(h.app).put('/api/settings').set(as('coordinator')).send({ leadConfirmation: true }), 403, 'forbidden');
      expect((await request(h.app).put('/api/settings').set(as('admin')).send({ leadConfirmation: true })).status).toBe(200);
      const v = (await submit('clerkA', catalogueBook())).body.submission;
      expect(v.status).toBe('submitted');
      expectError(await request(h.app).post(`/api/submissions/${v.id}/approve`).set(as('coordinator')).send({}), 409, 'status-conflict');
      expect((await request(h.app).post(`/api/submissions/${v.id}/confirm`).set(as('leadA')).send({})).body.decision).toBe('confirm');
      // Confirmed, the version is the coordinators' to decide: the lead can no longer return it.
      const late = await request(h.app).post(`/api/submissions/${v.id}/return`).set(as('leadA')).send({ reason: '还要改' });
      expectError(late, 409, 'status-conflict');
      expect(late.body.error.message).toContain('待审核');
      expect((await request(h.app).post(`/api/submissions/${v.id}/approve`).set(as('coordinator')).send({})).status).toBe(200);
      await request(h.app).put('/api/settings').set(as('admin')).send({ leadConfirmation: false });
      expect((await request(h.app).get('/api/settings').set(as('clerkA'))).body).toEqual({ leadConfirmation: false });
    });
  });

  describe('administration', () => {
    test('departments: anyone signed in lists, only an admin creates or renames; names are unique', async () => {
      expect((await request(h.app).get('/api/departments').set(as('clerkA'))).body.length).toBeGreaterThanOrEqual(2);
      expectError(await request(h.app).post('/api/departments').set(as('coordinator')).send({ name: '芜湖市公安局' }), 403, 'forbidden');
      const created = await request(h.app).post('/api/departments').set(as('admin')).send({ name: '芜湖市公安局', code: 'GAJ' });
      expect(created.status).toBe(201);
      expectError(await request(h.app).post('/api/departments').set(as('admin')).send({ name: '芜湖市公安局' }), 409, 'department-name-taken');
      expect((await request(h.app).patch(`/api/departments/${created.body.id}`).set(as('admin')).send({ name: '芜湖市公安局（改）' })).body.name).toBe('芜湖市公安局（改）');
      expectError(await request(h.app).patch('/api/departments/99999').set(as('admin')).send({ name: '无' }), 404, 'not-found');
    });

    test('users: created by an admin, unique names, department rules, deactivation ends their tokens', async () => {
      expectError(await request(h.app).get('/api/users').set(as('coordinator')), 403, 'forbidden');
      const body = { username: 'wang.li', displayName: '王丽', role: 'clerk', departmentId: h.departments.a, password: 'a-long-password' };
      const created = await request(h.app).post('/api/users').set(as('admin')).send(body);
      expect(created.status).toBe(201);
      expect(created.body.passwordHash).toBeUndefined();
      expectError(await request(h.app).post('/api/users').set(as('admin')).send(body), 409, 'user-username-taken');
      expectError(await request(h.app).post('/api/users').set(as('admin')).send({ ...body, username: 'x1', departmentId: null }), 400, 'department-required');
      expectError(await request(h.app).post('/api/users').set(as('admin')).send({ ...body, username: 'x2', password: 'short' }), 400, 'invalid-request');
      const token = await request(h.app).post('/api/tokens').set(as('admin')).send({ name: '王丽的加载项', userId: created.body.id });
      expect(token.status).toBe(201);
      expect((await request(h.app).get('/api/me').set('Authorization', `Bearer ${token.body.token}`)).status).toBe(200);
      expect((await request(h.app).patch(`/api/users/${created.body.id}`).set(as('admin')).send({ active: false })).body.active).toBe(false);
      expectError(await request(h.app).get('/api/me').set('Authorization', `Bearer ${token.body.token}`), 401, 'unauthenticated');
    });

    test('tokens: shown once, listed without the secret, revoked', async () => {
      const t = await request(h.app).post('/api/tokens').set(as('clerkA')).send({ name: '第二台电脑' });
      expect(t.status).toBe(201);
      const list = await request(h.app).get('/api/tokens').set(as('clerkA'));
      expect(JSON.stringify(list.body)).not.toContain(t.body.token);
      expect(list.body.some((x: { id: number }) => x.id === t.body.id)).toBe(true);
      expectError(await request(h.app).post('/api/tokens').set(as('clerkA')).send({ name: 'x', userId: h.users.clerkB }), 403, 'forbidden');
      expectError(await request(h.app).delete(`/api/tokens/${t.body.id}`).set(as('clerkB')), 404, 'not-found');
      expect((await request(h.app).delete(`/api/tokens/${t.body.id}`).set(as('clerkA'))).status).toBe(204);
      expectError(await request(h.app).get('/api/me').set('Authorization', `Bearer ${t.body.token}`), 401, 'unauthenticated');
    });

    test('tasks: a coordinator gives one to departments with a working-day deadline; clerks see only theirs', async () => {
      expectError(await request(h.app).post('/api/tasks').set(as('clerkA')).send({}), 403, 'forbidden');
      expectError(await request(h.app).post('/api/tasks').set(as('coordinator')).send({ title: '2026年目录', sheetKinds: ['catalogue'], departmentIds: [h.departments.a] }), 400, 'invalid-request');
      expectError(await request(h.app).post('/api/tasks').set(as('coordinator')).send({ title: 't', sheetKinds: ['catalogue'], departmentIds: [424242], dueDate: '2026-12-31' }), 400, 'unknown-department');
      const task = await request(h.app).post('/api/tasks').set(as('coordinator')).send({ title: '2026年度目录梳理', sheetKinds: ['catalogue', 'negative'], departmentIds: [h.departments.a], dueInWorkingDays: 10 });
      expect(task.status).toBe(201);
      expect(task.body.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect((await request(h.app).get(`/api/tasks/${task.body.id}`).set(as('clerkA'))).status).toBe(200);
      expectError(await request(h.app).get(`/api/tasks/${task.body.id}`).set(as('clerkB')), 404, 'not-found');
      expect((await request(h.app).get('/api/tasks').set(as('clerkB'))).body.some((t: { id: number }) => t.id === task.body.id)).toBe(false);
      const sub = await request(h.app).post('/api/submissions').set(as('clerkA')).send({ taskId: task.body.id, workbook: catalogueBook() });
      expect(sub.body.submission).toMatchObject({ taskId: task.body.id, version: 1 });
      expectError(await request(h.app).post('/api/submissions').set(as('clerkB')).send({ taskId: task.body.id, workbook: catalogueBook() }), 404, 'not-found');
    });

    test('every write is in the audit log', async () => {
      const entries = await h.store.audit.list({ limit: 1000 });
      const actions = new Set(entries.map((e) => e.action));
      for (const a of ['submission.create', 'submission.return', 'submission.approve', 'submission.confirm', 'department.create', 'user.create', 'user.update', 'token.create', 'token.revoke', 'task.create', 'settings.update']) {
        expect(actions).toContain(a);
      }
    });
  });

  test('documentation and unknown endpoints', async () => {
    const doc = await request(h.app).get('/api/openapi.json');
    expect(doc.body.paths['/api/submissions'].post).toBeDefined();
    expect(doc.body.components.schemas.WorkbookGrid).toBeDefined();
    expect((await request(h.app).get('/api/docs/')).text).toContain('swagger');
    expectError(await request(h.app).get('/api/nope').set(as('clerkA')), 404, 'no-such-endpoint');
  });
});

describe('limits', () => {
  let h: Harness;
  const as = (who: keyof Harness['tokens']) => ({ Authorization: `Bearer ${h.tokens[who]}` });
  beforeAll(async () => {
    h = await startHarness({ UPLOAD_MAX_BYTES: '200000', JSON_MAX_BYTES: '20000', MAX_ROWS: '40', MAX_UNCOMPRESSED_BYTES: '5000000', SIGN_IN_LIMIT: '3' });
  });
  afterAll(async () => h.close());

  test('a JSON body over the limit: 413', async () => {
    expectErrorLike(await request(h.app).post('/api/submissions').set(as('clerkA')).send({ workbook: catalogueBook({}, 200) }), 413, 'payload-too-large');
  });

  test('more rows than allowed: 413, in JSON and in an upload', async () => {
    expectErrorLike(await request(h.app).post('/api/submissions').set(as('clerkA')).send({ workbook: catalogueBook({}, 25) }), 413, 'too-many-rows');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('目录');
    for (let i = 0; i < 100; i++) ws.addRow([i, '部门', '资源', '信息项']);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    expectErrorLike(await request(h.app).post('/api/submissions').set(as('clerkA')).attach('file', file, { filename: 'big.xlsx', contentType: 'application/octet-stream' }), 413, 'workbook-too-large');
  });

  test('an oversized upload: 413 before it is read', async () => {
    expectErrorLike(await request(h.app).post('/api/submissions').set(as('clerkA')).attach('file', Buffer.alloc(300_000, 1), { filename: 'huge.xlsx', contentType: 'application/octet-stream' }), 413, 'file-too-large');
  });

  test('a zip bomb is refused from its directory, without inflating it', async () => {
    const bomb = zip([deflatedEntry({ name: '[Content_Types].xml', data: Buffer.from('<Types/>') }), deflatedEntry({ name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') }), zerosEntry('xl/worksheets/sheet1.xml', 150)]);
    expect(bomb.length).toBeLessThan(200_000);
    const before = process.memoryUsage().rss;
    expectErrorLike(await request(h.app).post('/api/submissions').set(as('clerkA')).attach('file', bomb, { filename: 'bomb.xlsx', contentType: 'application/octet-stream' }), 413, 'workbook-too-large');
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
  });

  test('sign-in attempts are rate-limited, counted in the database across server instances', async () => {
    // A second instance on the same database, as behind a load balancer.
    const other = createApp({ config: h.config, store: h.store, checker: new SubmissionChecker(0), log: () => undefined });
    const attempt = (app: typeof h.app) => request(app).post('/api/auth/token').send({ username: 'clerka', password: 'wrong-password' });
    expect((await attempt(h.app)).status).toBe(401);
    expect((await attempt(other)).status).toBe(401);
    expect((await attempt(h.app)).status).toBe(401);
    expectErrorLike(await attempt(other), 429, 'too-many-attempts');
    expectErrorLike(await request(h.app).post('/api/session').send({ username: 'clerka', password: h.passwords.clerka }), 429, 'too-many-attempts');
  });
});

function expectErrorLike(res: request.Response, status: number, code: string) {
  expect({ status: res.status, code: res.body?.error?.code }).toEqual({ status, code });
  expect(res.body.error.message).toMatch(CJK);
}
