/**
 * Correcting collection tasks through the API, on both backends: edit, a past due date needs
 * confirming, one department given more time (the board and 逾期 follow its own date), close
 * (no more submissions), delete only without submissions, each in the audit log; and the
 * bureau's own holiday year moving a deadline. Today is fixed by an injected clock.
 */
import type { Express } from 'express';
import request from 'supertest';
import { backends, catalogueBook, expectError } from './helpers';
import { startHarness, type Harness } from './harness';
import { createApp } from '../../server/src/http/app';
import { SubmissionChecker } from '../../server/src/modules/submissions/checker';
import { chinaDayStart } from '../../shared/src';

/**
 * TEST DATA, not the State Council's notice (the real 2027 arrangement could not be found from
 * here): New Year 1–3 January, Spring Festival 5–13 February with Saturday 20 February at work.
 */
const NOTICE_2027_TEST_DATA = '元旦：2027-01-01 至 2027-01-03 放假\n春节：2027-02-05 至 2027-02-13 放假\n2027-02-20 上班';

describe.each(backends)('task management API on %s', (backend) => {
  let h: Harness;
  let app: Express;
  /** Today in China; the app's clock reads it. */
  let today = '2026-12-10';
  const as = (who: keyof Harness['tokens']) => ({ Authorization: `Bearer ${h.tokens[who]}` });
  const newTask = (body: Record<string, unknown> = {}) =>
    request(app).post('/api/tasks').set(as('coordinator')).send({ title: '2027 年目录更新', sheetKinds: ['catalogue'], departmentIds: [h.departments.a, h.departments.b], dueDate: '2026-12-31', ...body });
  const auditOf = async (action: string, taskId: number) => h.store.audit.list({ action, entity: 'task', entityId: String(taskId) });

  beforeAll(async () => {
    h = await startHarness({}, backend);
    // Noon in China on `today`, whatever the machine's clock says.
    app = createApp({ config: h.config, store: h.store, checker: new SubmissionChecker(0), log: () => undefined, now: () => new Date(Date.parse(chinaDayStart(today)) + 12 * 3600_000) });
  });
  afterAll(async () => h.close());
  beforeEach(() => {
    today = '2026-12-10';
  });

  test('only coordinators and admins change tasks', async () => {
    const task = (await newTask()).body;
    expectError(await request(app).patch(`/api/tasks/${task.id}`).set(as('clerkA')).send({ title: 'x' }), 403, 'forbidden');
    expectError(await request(app).post(`/api/tasks/${task.id}/extensions`).set(as('leadA')).send({ departmentId: h.departments.a, dueDate: '2027-01-15' }), 403, 'forbidden');
    expectError(await request(app).post(`/api/tasks/${task.id}/close`).set(as('clerkA')), 403, 'forbidden');
    expectError(await request(app).delete(`/api/tasks/${task.id}`).set(as('clerkA')), 403, 'forbidden');
    expectError(await request(app).patch('/api/tasks/987654').set(as('coordinator')).send({ title: 'x' }), 404, 'not-found');
  });

  test('edit title, due date, departments and sheet kinds; the change is audited with before and after', async () => {
    const task = (await newTask({ departmentIds: [h.departments.a] })).body;
    const res = await request(app)
      .patch(`/api/tasks/${task.id}`)
      .set(as('coordinator'))
      .send({ title: '2027 年目录更新（修订）', dueDate: '2027-01-15', departmentIds: [h.departments.b, h.departments.a], sheetKinds: ['catalogue', 'negative'] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ title: '2027 年目录更新（修订）', dueDate: '2027-01-15', departmentIds: [h.departments.a, h.departments.b], sheetKinds: ['catalogue', 'negative'], closedAt: null });
    const [entry] = await auditOf('task.update', task.id);
    expect(entry.userId).toBe(h.users.coordinator);
    expect(entry.details.changes).toMatchObject({ title: { before: '2027 年目录更新', after: '2027 年目录更新（修订）' }, dueDate: { before: '2026-12-31', after: '2027-01-15' } });
    // The clerk of the department added now sees it.
    expect((await request(app).get('/api/tasks').set(as('clerkB'))).body.map((t: { id: number }) => t.id)).toContain(task.id);

    expectError(await request(app).patch(`/api/tasks/${task.id}`).set(as('coordinator')).send({ departmentIds: [424242] }), 400, 'unknown-department');
    expectError(await request(app).patch(`/api/tasks/${task.id}`).set(as('coordinator')).send({ title: '' }), 400, 'invalid-request');
    expectError(await request(app).patch(`/api/tasks/${task.id}`).set(as('coordinator')).send({ dueDate: '2027-01-20', dueInWorkingDays: 3 }), 400, 'invalid-request');
    // A department that has submitted cannot be taken off the task.
    expect((await request(app).post('/api/submissions').set(as('clerkA')).send({ taskId: task.id, workbook: catalogueBook() })).status).toBe(201);
    expectError(await request(app).patch(`/api/tasks/${task.id}`).set(as('coordinator')).send({ departmentIds: [h.departments.b] }), 409, 'department-has-submissions');
  });

  test('a due date before today is refused unless confirmed, when creating and when editing', async () => {
    const refused = await newTask({ dueDate: '2026-12-09' });
    expectError(refused, 400, 'due-date-past');
    expect(refused.body.error.message).toContain('早于今天');
    const created = await newTask({ dueDate: '2026-12-09', confirmPastDue: true });
    expect(created.status).toBe(201);
    expect((await newTask({ dueDate: today })).status).toBe(201);

    const task = (await newTask()).body;
    expectError(await request(app).patch(`/api/tasks/${task.id}`).set(as('coordinator')).send({ dueDate: '2026-11-30' }), 400, 'due-date-past');
    expect((await request(app).get(`/api/tasks/${task.id}`).set(as('coordinator'))).body.dueDate).toBe('2026-12-31');
    const confirmed = await request(app).patch(`/api/tasks/${task.id}`).set(as('coordinator')).send({ dueDate: '2026-11-30', confirmPastDue: true });
    expect(confirmed.body.dueDate).toBe('2026-11-30');
    // 0 working days is today: the schema says to write the date instead.
    const zero = await newTask({ dueDate: undefined, dueInWorkingDays: 0 });
    expectError(zero, 400, 'invalid-request');
    expect(zero.body.error.message).toContain('工作日天数至少为 1');
  });

  test('one department given more time: the board and 逾期 follow its own date, its clerk sees it', async () => {
    const task = (await newTask({ dueDate: '2026-12-08', confirmPastDue: true })).body;
    const ext = await request(app).post(`/api/tasks/${task.id}/extensions`).set(as('coordinator')).send({ departmentId: h.departments.b, dueDate: '2026-12-31' });
    expect(ext.status).toBe(201);
    expect(ext.body.extensions).toEqual([{ departmentId: h.departments.b, dueDate: '2026-12-31' }]);
    expect(ext.body.dueDate).toBe('2026-12-08');

    const board = (await request(app).get(`/api/tasks/${task.id}/board`).set(as('coordinator'))).body;
    const row = (id: number, b = board) => b.rows.find((r: { department: { id: number } }) => r.department.id === id);
    expect(row(h.departments.a)).toMatchObject({ state: 'overdue', dueDate: '2026-12-08', extended: false });
    expect(row(h.departments.b)).toMatchObject({ state: 'not-started', dueDate: '2026-12-31', extended: true });
    expect(row(h.departments.b).workingDaysLeft).toBeGreaterThan(0);

    // The department's own people see their date as the task's.
    const mine = (await request(app).get('/api/tasks').set(as('clerkB'))).body.find((t: { id: number }) => t.id === task.id);
    expect(mine).toMatchObject({ dueDate: '2026-12-31', extensions: [{ departmentId: h.departments.b, dueDate: '2026-12-31' }] });
    expect((await request(app).get(`/api/tasks/${task.id}`).set(as('clerkA'))).body).toMatchObject({ dueDate: '2026-12-08', extensions: [] });
    const clerkBoard = (await request(app).get(`/api/tasks/${task.id}/board`).set(as('clerkB'))).body;
    expect(clerkBoard.task.dueDate).toBe('2026-12-31');
    expect(clerkBoard.rows).toHaveLength(1);

    // Past its own date, B is overdue too.
    today = '2027-01-04';
    expect(row(h.departments.b, (await request(app).get(`/api/tasks/${task.id}/board`).set(as('coordinator'))).body).state).toBe('overdue');
    today = '2026-12-10';

    // N more working days count from the department's current date, Thu 2026-12-31; with no 2027 data
    // New Year's Day counts as a working day (1, 4, 5 January), and the task says its date may be off.
    const preview = await request(app).get('/api/calendar/due?workingDays=3&from=2026-12-31').set(as('coordinator'));
    expect(preview.body).toMatchObject({ dueDate: '2027-01-05', calendarCovered: false });
    const more = await request(app).post(`/api/tasks/${task.id}/extensions`).set(as('coordinator')).send({ departmentId: h.departments.b, dueInWorkingDays: 3 });
    expect(more.body.extensions).toEqual([{ departmentId: h.departments.b, dueDate: '2027-01-05' }]);
    expect(more.body.calendarCovered).toBe(false);
    expectError(await request(app).post(`/api/tasks/${task.id}/extensions`).set(as('coordinator')).send({ departmentId: h.departments.a, dueDate: '2026-12-01', confirmPastDue: true }), 400, 'extension-before-due-date');
    expectError(await request(app).post(`/api/tasks/${task.id}/extensions`).set(as('coordinator')).send({ departmentId: 424242, dueDate: '2027-01-10' }), 400, 'department-not-in-task');
    // A date that was past needs confirming here too.
    expectError(await request(app).post(`/api/tasks/${task.id}/extensions`).set(as('coordinator')).send({ departmentId: h.departments.a, dueDate: '2026-12-09' }), 400, 'due-date-past');

    const entries = await auditOf('task.extend', task.id);
    expect(entries.map((e) => e.details)).toEqual([
      { departmentId: h.departments.b, before: '2026-12-31', after: '2027-01-05' },
      { departmentId: h.departments.b, before: '2026-12-08', after: '2026-12-31' },
    ]);

    // Moving the task's own date past an extension makes the extension moot.
    const moved = await request(app).patch(`/api/tasks/${task.id}`).set(as('coordinator')).send({ dueDate: '2027-01-08' });
    expect(moved.body.extensions).toEqual([]);
  });

  test('a closed task takes no more submissions and leaves the clerks’ open lists; it cannot be edited', async () => {
    const task = (await newTask()).body;
    const closed = await request(app).post(`/api/tasks/${task.id}/close`).set(as('coordinator'));
    expect(closed.status).toBe(200);
    expect(closed.body.closedAt).toEqual(expect.any(String));
    const again = await request(app).post(`/api/tasks/${task.id}/close`).set(as('admin'));
    expect(again.body.closedAt).toBe(closed.body.closedAt);
    expect(await auditOf('task.close', task.id)).toHaveLength(1);

    const refused = await request(app).post('/api/submissions').set(as('clerkA')).send({ taskId: task.id, workbook: catalogueBook() });
    expectError(refused, 409, 'task-closed');
    expect(refused.body.error.message).toContain('已关闭');
    expect(await h.store.submissions.list({ userId: h.users.coordinator, role: 'coordinator', departmentId: null }, { taskId: task.id })).toMatchObject({ total: 0 });

    // A close that lands while a workbook is being validated: the write itself refuses, in its transaction.
    const late = h.store.recordSubmission({
      departmentId: h.departments.a, taskId: task.id, sheetKinds: ['catalogue'], grid: { sheets: [] }, report: { issues: [], counts: { errors: 0, warnings: 0 } } as never,
      submittedBy: h.users.clerkA, idempotencyKey: null, requestHash: null, originalFile: null, status: 'confirmed',
    });
    await expect(late).rejects.toMatchObject({ name: 'TaskClosedError' });

    const ids = async (who: keyof Harness['tokens'], q = '') => (await request(app).get(`/api/tasks${q}`).set(as(who))).body.map((t: { id: number }) => t.id);
    expect(await ids('clerkA')).not.toContain(task.id);
    expect(await ids('clerkA', '?state=all')).toContain(task.id);
    expect(await ids('coordinator')).toContain(task.id);
    expect(await ids('coordinator', '?state=open')).not.toContain(task.id);
    expect(await ids('coordinator', '?state=closed')).toContain(task.id);
    expectError(await request(app).get('/api/tasks?state=shut').set(as('clerkA')), 400, 'invalid-request');

    expectError(await request(app).patch(`/api/tasks/${task.id}`).set(as('coordinator')).send({ title: 'x' }), 409, 'task-closed');
    expectError(await request(app).post(`/api/tasks/${task.id}/extensions`).set(as('coordinator')).send({ departmentId: h.departments.a, dueDate: '2027-02-01' }), 409, 'task-closed');
  });

  test('a task is deleted only while it has no submissions', async () => {
    const empty = (await newTask({ title: '建错的任务' })).body;
    await request(app).post(`/api/tasks/${empty.id}/extensions`).set(as('coordinator')).send({ departmentId: h.departments.a, dueDate: '2027-01-20' });
    expect((await request(app).delete(`/api/tasks/${empty.id}`).set(as('coordinator'))).status).toBe(204);
    expectError(await request(app).get(`/api/tasks/${empty.id}`).set(as('coordinator')), 404, 'not-found');
    expectError(await request(app).delete(`/api/tasks/${empty.id}`).set(as('coordinator')), 404, 'not-found');
    const [entry] = await auditOf('task.delete', empty.id);
    expect(entry.details).toMatchObject({ title: '建错的任务', dueDate: '2026-12-31' });

    const used = (await newTask()).body;
    expect((await request(app).post('/api/submissions').set(as('clerkA')).send({ taskId: used.id, workbook: catalogueBook() })).status).toBe(201);
    const refused = await request(app).delete(`/api/tasks/${used.id}`).set(as('coordinator'));
    expectError(refused, 409, 'task-has-submissions');
    expect(refused.body.error.message).toContain('关闭任务');
    expect((await request(app).get(`/api/tasks/${used.id}`).set(as('coordinator'))).status).toBe(200);
    expect(await auditOf('task.delete', used.id)).toHaveLength(0);
  });

  describe('the bureau’s own holiday year', () => {
    afterEach(async () => {
      await request(app).delete('/api/calendar/years/2027').set(as('admin'));
    });

    test('an entered 2027 moves a deadline across New Year; without it the date is weekends-only and flagged', async () => {
      today = '2026-12-24';
      const before = await request(app).get('/api/calendar/due?workingDays=10').set(as('coordinator'));
      expect(before.body).toMatchObject({ dueDate: '2027-01-07', calendarCovered: false, source: 'none' });
      const unflagged = (await newTask({ dueDate: undefined, dueInWorkingDays: 10 })).body;
      expect(unflagged).toMatchObject({ dueDate: '2027-01-07', calendarCovered: false });

      expectError(await request(app).put('/api/calendar/years/2027').set(as('coordinator')).send({ notice: NOTICE_2027_TEST_DATA, source: '测试数据' }), 403, 'forbidden');
      const bad = await request(app).put('/api/calendar/years/2027').set(as('admin')).send({ notice: '2027-01-01 放假\n明天上班', source: '测试数据' });
      expectError(bad, 400, 'calendar-notice-invalid');
      expect(bad.body.error.details).toEqual([expect.objectContaining({ line: 2 })]);

      const saved = await request(app).put('/api/calendar/years/2027').set(as('admin')).send({ notice: NOTICE_2027_TEST_DATA, source: '测试数据（非国务院通知）' });
      expect(saved.status).toBe(200);
      expect(saved.body).toMatchObject({ year: 2027, workdays: ['2027-02-20'], source: '测试数据（非国务院通知）', updatedBy: h.users.admin });
      const calendar = (await request(app).get('/api/calendar').set(as('clerkA'))).body;
      expect(calendar.years).toEqual(expect.arrayContaining([{ year: 2026, source: 'package' }, { year: 2027, source: 'bureau' }, { year: 2028, source: 'none' }]));
      expect(calendar.entries[0].notice).toBe(NOTICE_2027_TEST_DATA);

      // Read again at once: the write reloads this instance's calendar.
      const task = (await newTask({ dueDate: undefined, dueInWorkingDays: 10 })).body;
      expect(task).toMatchObject({ dueDate: '2027-01-08', calendarCovered: true });
      expect((await request(app).get(`/api/tasks/${unflagged.id}`).set(as('coordinator'))).body.calendarCovered).toBe(true);
      today = '2027-02-01';
      expect((await request(app).get('/api/calendar/due?workingDays=10').set(as('coordinator'))).body).toMatchObject({ dueDate: '2027-02-22', calendarCovered: true, source: 'bureau' });

      const [entry] = await h.store.audit.list({ action: 'calendar.update', entityId: '2027' });
      expect(entry).toMatchObject({ userId: h.users.admin, details: { holidays: 3 + 9, workdays: 1 } });
    });

    test('a board whose due date has no holiday data says so', async () => {
      const task = (await newTask({ dueDate: '2028-03-01' })).body;
      expect(task.calendarCovered).toBe(false);
      const board = (await request(app).get(`/api/tasks/${task.id}/board`).set(as('coordinator'))).body;
      expect(board.calendarCovered).toBe(false);
    });

    test('a year param that is not a year is refused; deleting what is not there is 404', async () => {
      expectError(await request(app).put('/api/calendar/years/27').set(as('admin')).send({ notice: NOTICE_2027_TEST_DATA, source: 'x' }), 400, 'invalid-request');
      expectError(await request(app).delete('/api/calendar/years/2031').set(as('admin')), 404, 'not-found');
      expectError(await request(app).get('/api/calendar/due').set(as('clerkA')), 400, 'invalid-request');
    });
  });

  test('the OpenAPI document lists the new endpoints', async () => {
    const doc = (await request(app).get('/api/openapi.json')).body;
    expect(doc.paths['/api/tasks/{id}'].patch).toBeDefined();
    expect(doc.paths['/api/tasks/{id}'].delete).toBeDefined();
    expect(doc.paths['/api/tasks/{id}/extensions'].post).toBeDefined();
    expect(doc.paths['/api/tasks/{id}/close'].post).toBeDefined();
    expect(doc.paths['/api/calendar/years/{year}'].put).toBeDefined();
    expect(doc.components.schemas.TaskUpdate).toBeDefined();
  });
});
