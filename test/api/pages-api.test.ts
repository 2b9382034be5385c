/**
 * What the review pages need from the API: cookie sessions with CSRF protection, password
 * change, the task board, a submission's versions, checking an upload without storing it,
 * and refusing decisions on versions that are no longer the newest.
 */
import request from 'supertest';
import { backends, catalogueBook, expectError, xlsx } from './helpers';
import { startHarness, type Harness } from './harness';
import { createApp } from '../../server/src/http/app';
import { SubmissionChecker } from '../../server/src/modules/submissions/checker';
import { progressState } from '../../server/src/modules/tasks/task-board';
import { hashPassword, hashToken } from '../../server/src/auth/secrets';
import type { Store } from '../../server/src/db/store';

describe.each(backends)('review pages API on %s', (backend) => {
  let h: Harness;
  const as = (who: keyof Harness['tokens']) => ({ Authorization: `Bearer ${h.tokens[who]}` });

  beforeAll(async () => {
    h = await startHarness({}, backend);
  });
  afterAll(async () => h.close());

  /** Signs in through /api/session; returns an agent holding the cookie, and the CSRF token. */
  async function signIn(username: string, password = h.passwords[username]) {
    const agent = request.agent(h.app);
    const res = await agent.post('/api/session').send({ username, password });
    expect(res.status).toBe(201);
    return { agent, csrf: res.body.csrfToken as string, res };
  }

  describe('sessions', () => {
    test('the cookie is httpOnly, SameSite and carries no user data; the session names its user', async () => {
      const { agent, csrf, res } = await signIn('clerka');
      const cookie = String(res.headers['set-cookie']);
      expect(cookie).toMatch(/^govcat_session=[A-Za-z0-9_-]{43};/);
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Lax/i);
      expect(cookie).not.toMatch(/clerk/);
      const me = await agent.get('/api/session');
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ user: { username: 'clerka', role: 'clerk' }, csrfToken: csrf });
      expect((await agent.get('/api/submissions')).status).toBe(200);
    });

    test('a wrong password: 401, no cookie', async () => {
      const res = await request(h.app).post('/api/session').send({ username: 'clerka', password: 'not-the-password' });
      expectError(res, 401, 'bad-credentials');
      expect(res.headers['set-cookie']).toBeUndefined();
    });

    test('a state-changing request without the CSRF token, or with a wrong one, is refused and changes nothing', async () => {
      const { agent, csrf } = await signIn('admin');
      const before = (await agent.get('/api/departments')).body.length;
      expectError(await agent.post('/api/departments').send({ name: '跨站请求局' }), 403, 'csrf-failed');
      expectError(await agent.post('/api/departments').set('X-CSRF-Token', csrf.slice(0, -1) + (csrf.endsWith('A') ? 'B' : 'A')).send({ name: '跨站请求局' }), 403, 'csrf-failed');
      expect((await agent.get('/api/departments')).body.length).toBe(before);
      const ok = await agent.post('/api/departments').set('X-CSRF-Token', csrf).send({ name: `会话新建局${backend}` });
      expect(ok.status).toBe(201);
    });

    test('a forged or unknown cookie is no session', async () => {
      const res = await request(h.app).get('/api/session').set('Cookie', `govcat_session=${'x'.repeat(43)}`);
      expectError(res, 401, 'unauthenticated');
      expectError(await request(h.app).get('/api/session').set(as('clerkA')), 401, 'no-session');
    });

    test('signing out ends the session on the server, not only in the browser', async () => {
      const { agent, csrf, res } = await signIn('leada');
      const cookie = String(res.headers['set-cookie']).split(';')[0];
      expectError(await agent.delete('/api/session'), 403, 'csrf-failed');
      const out = await agent.delete('/api/session').set('X-CSRF-Token', csrf);
      expect(out.status).toBe(204);
      expect(String(out.headers['set-cookie'])).toMatch(/govcat_session=;.*Max-Age=0/i);
      // The old cookie, replayed, no longer works.
      expectError(await request(h.app).get('/api/session').set('Cookie', cookie), 401, 'unauthenticated');
    });

    test('changing one’s password: the current one is checked, other sessions end, the new one signs in', async () => {
      const user = await h.store.users.create({ username: 'changer', displayName: '改密码的人', role: 'clerk', departmentId: h.departments.a, passwordHash: await hashPassword('old-password-1') });
      const first = await signIn('changer', 'old-password-1');
      const second = await signIn('changer', 'old-password-1');
      expectError(await first.agent.put('/api/me/password').set('X-CSRF-Token', first.csrf).send({ currentPassword: 'wrong-one-123', newPassword: 'new-password-22' }), 400, 'wrong-password');
      expectError(await first.agent.put('/api/me/password').set('X-CSRF-Token', first.csrf).send({ currentPassword: 'old-password-1', newPassword: 'short' }), 400, 'invalid-request');
      const ok = await first.agent.put('/api/me/password').set('X-CSRF-Token', first.csrf).send({ currentPassword: 'old-password-1', newPassword: 'new-password-22' });
      expect(ok.body).toEqual({ ok: true, sessionsEnded: 1, tokensRevoked: 0 });
      expect((await first.agent.get('/api/session')).status).toBe(200);
      expect((await second.agent.get('/api/session')).status).toBe(401);
      expectError(await request(h.app).post('/api/session').send({ username: 'changer', password: 'old-password-1' }), 401, 'bad-credentials');
      await signIn('changer', 'new-password-22');
      expect((await h.store.audit.list({ entity: 'user', entityId: String(user.id) })).map((e) => e.action)).toContain('user.password-change');
    });

    test('an admin disabling a user ends that user’s sessions', async () => {
      const user = await h.store.users.create({ username: 'leaver', displayName: '离职的人', role: 'clerk', departmentId: h.departments.b, passwordHash: await hashPassword('leaver-password-1') });
      const session = await signIn('leaver', 'leaver-password-1');
      expect((await request(h.app).patch(`/api/users/${user.id}`).set(as('admin')).send({ active: false })).status).toBe(200);
      expectError(await session.agent.get('/api/session'), 401, 'unauthenticated');
    });
  });

  test('the last active admin cannot be disabled or demoted; with a second one, the first can', async () => {
    expectError(await request(h.app).patch(`/api/users/${h.users.admin}`).set(as('admin')).send({ active: false }), 409, 'last-admin');
    expectError(await request(h.app).patch(`/api/users/${h.users.admin}`).set(as('admin')).send({ role: 'coordinator' }), 409, 'last-admin');
    const second = await request(h.app).post('/api/users').set(as('admin')).send({ username: 'second-admin', displayName: '第二管理员', role: 'admin', password: 'second-admin-pw' });
    expect(second.status).toBe(201);
    expect((await request(h.app).patch(`/api/users/${second.body.id}`).set(as('admin')).send({ active: false })).status).toBe(200);
    expectError(await request(h.app).patch(`/api/users/${h.users.admin}`).set(as('admin')).send({ active: false }), 409, 'last-admin');
  });

  describe('task board', () => {
    test('each department’s state and last activity; a clerk sees only their own row', async () => {
      const task = (await request(h.app).post('/api/tasks').set(as('coordinator')).send({ title: '看板任务', sheetKinds: ['catalogue'], departmentIds: [h.departments.a, h.departments.b], dueInWorkingDays: 10 })).body;
      let board = await request(h.app).get(`/api/tasks/${task.id}/board`).set(as('coordinator'));
      expect(board.status).toBe(200);
      expect(board.body.rows.map((r: { state: string }) => r.state)).toEqual(['not-started', 'not-started']);
      expect(board.body.workingDaysLeft).toBe(10);

      const sent = await request(h.app).post('/api/submissions').set(as('clerkA')).send({ taskId: task.id, workbook: catalogueBook() });
      expect(sent.status).toBe(201);
      board = await request(h.app).get(`/api/tasks/${task.id}/board`).set(as('coordinator'));
      const rowA = board.body.rows.find((r: { department: { id: number } }) => r.department.id === h.departments.a);
      // The lead step is off: the version arrived confirmed, but nobody confirmed it, so it reads 已提交.
      expect(rowA).toMatchObject({ state: 'submitted', latest: { id: sent.body.submission.id, version: 1, status: 'confirmed' }, lastActivityAt: sent.body.submission.createdAt });
      expect(board.body.counts).toMatchObject({ submitted: 1, confirmed: 0, 'not-started': 1, approved: 0 });

      const approved = await request(h.app).post(`/api/submissions/${sent.body.submission.id}/approve`).set(as('coordinator')).send({ reason: '' });
      board = await request(h.app).get(`/api/tasks/${task.id}/board`).set(as('coordinator'));
      expect(board.body.rows[0]).toMatchObject({ state: 'approved', lastActivityAt: approved.body.createdAt });

      const clerkView = await request(h.app).get(`/api/tasks/${task.id}/board`).set(as('clerkB'));
      expect(clerkView.body.rows).toHaveLength(1);
      expect(clerkView.body.rows[0].department.id).toBe(h.departments.b);
    });

    test('a task given to other departments is not found for a clerk', async () => {
      const task = (await request(h.app).post('/api/tasks').set(as('coordinator')).send({ title: '只给 A', sheetKinds: ['catalogue'], departmentIds: [h.departments.a], dueDate: '2030-01-31' })).body;
      expectError(await request(h.app).get(`/api/tasks/${task.id}/board`).set(as('clerkB')), 404, 'not-found');
    });

    test('overdue: nothing sent, or returned, after the due date; waiting for review never is', () => {
      expect(progressState(null, '2026-01-05', '2026-01-06')).toBe('overdue');
      expect(progressState('returned', '2026-01-05', '2026-01-06')).toBe('overdue');
      expect(progressState('confirmed', '2026-01-05', '2026-01-06')).toBe('confirmed');
      expect(progressState('approved', '2026-01-05', '2026-01-06')).toBe('approved');
      expect(progressState(null, '2026-01-05', '2026-01-05')).toBe('not-started');
      expect(progressState('returned', '2026-01-05', '2026-01-04')).toBe('returned');
      expect(progressState('confirmed', '2026-01-05', '2026-01-04', false)).toBe('submitted');
    });
  });

  describe('versions and decisions', () => {
    test('the history lists every version with its decisions and the names of the people', async () => {
      const v1 = (await request(h.app).post('/api/submissions').set(as('clerkB')).send({ workbook: catalogueBook() })).body.submission;
      await request(h.app).post(`/api/submissions/${v1.id}/return`).set(as('coordinator')).send({ reason: '请补充', comments: [{ sheet: '目录', row: 3, cell: 'B3', message: '名称不规范' }] });
      const v2 = (await request(h.app).post('/api/submissions').set(as('clerkB')).send({ workbook: catalogueBook({}, 3) })).body.submission;
      const res = await request(h.app).get(`/api/submissions/${v2.id}/versions`).set(as('clerkB'));
      expect(res.status).toBe(200);
      expect(res.body.versions.map((v: { id: number; status: string }) => [v.id, v.status])).toEqual([
        [v1.id, 'returned'],
        [v2.id, 'confirmed'],
      ]);
      expect(res.body.versions[0].decisions[0]).toMatchObject({ decision: 'return', reason: '请补充' });
      expect(res.body.people[h.users.coordinator]).toBe('coordinator');
      expect(res.body.people[h.users.clerkB]).toBe('clerkB');
      expectError(await request(h.app).get(`/api/submissions/${v2.id}/versions`).set(as('clerkA')), 404, 'not-found');
    });

    test('a returned version cannot be approved; nor can an older one once a newer exists', async () => {
      const v1 = (await request(h.app).post('/api/submissions').set(as('clerkA')).send({ workbook: catalogueBook() })).body.submission;
      await request(h.app).post(`/api/submissions/${v1.id}/return`).set(as('coordinator')).send({ reason: '重报' });
      expectError(await request(h.app).post(`/api/submissions/${v1.id}/approve`).set(as('coordinator')).send({ reason: '' }), 409, 'status-conflict');
      const v2 = (await request(h.app).post('/api/submissions').set(as('clerkA')).send({ workbook: catalogueBook() })).body.submission;
      const v3 = (await request(h.app).post('/api/submissions').set(as('clerkA')).send({ workbook: catalogueBook({}, 3) })).body.submission;
      expectError(await request(h.app).post(`/api/submissions/${v2.id}/approve`).set(as('coordinator')).send({ reason: '' }), 409, 'superseded');
      expect((await request(h.app).post(`/api/submissions/${v3.id}/approve`).set(as('coordinator')).send({ reason: '' })).status).toBe(200);
    });

    test('a new version stored between the reviewer’s look and the approval: 409 superseded, and the older one stays as it was', async () => {
      const submit = () => request(h.app).post('/api/submissions').set(as('clerkA')).send({ workbook: catalogueBook() });
      const v1 = (await submit()).body.submission;
      // The app under test reads the series, then (once) the clerk's new version is stored, then
      // the approval goes on as if nothing had happened: the window a real race has.
      let raced: number | null = null;
      const racing = new Proxy(h.store, {
        get(target, key) {
          if (key === 'submissions') {
            return {
              ...target.submissions,
              versions: async (...args: Parameters<Store['submissions']['versions']>) => {
                const seen = await target.submissions.versions(...args);
                if (raced === null) raced = (await submit()).body.submission.id;
                return seen;
              },
            };
          }
          const value = Reflect.get(target, key);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
      const app = createApp({ config: h.config, store: racing, checker: new SubmissionChecker(0), log: () => undefined });
      const res = await request(app).post(`/api/submissions/${v1.id}/approve`).set(as('coordinator')).send({ reason: '' });
      expect(raced).not.toBeNull();
      expectError(res, 409, 'superseded');
      const versions = (await request(h.app).get(`/api/submissions/${v1.id}/versions`).set(as('coordinator'))).body.versions as Array<{ id: number; status: string; decisions: unknown[] }>;
      expect(versions.find((v) => v.id === v1.id)).toMatchObject({ status: 'confirmed', decisions: [] });
      expect((await request(h.app).post(`/api/submissions/${raced}/approve`).set(as('coordinator')).send({ reason: '' })).status).toBe(200);
    });

    test('new versions racing approvals: never an approved version with a newer one stored before the approval', async () => {
      // A series of its own: department B, a task of its own.
      const task = (await request(h.app).post('/api/tasks').set(as('coordinator')).send({ title: `竞争测试 ${backend}`, sheetKinds: ['catalogue'], departmentIds: [h.departments.b], dueInWorkingDays: 5 })).body;
      const submit = () => request(h.app).post('/api/submissions').set(as('clerkB')).send({ taskId: task.id, workbook: catalogueBook() });
      let current = (await submit()).body.submission;
      for (let round = 0; round < 15; round++) {
        const [next, approval] = await Promise.all([submit(), request(h.app).post(`/api/submissions/${current.id}/approve`).set(as('coordinator')).send({ reason: '' })]);
        expect(next.status).toBe(201);
        if (approval.status !== 200) expectError(approval, 409, 'superseded');
        current = next.body.submission;
      }
      const versions = (await request(h.app).get(`/api/submissions/${current.id}/versions`).set(as('coordinator'))).body.versions as Array<{ id: number; status: string }>;
      // Audit ids are handed out in the order the rows are written, so they order the approval
      // and the storing of the next version without reading a clock.
      const entry = async (action: string, id: number) => (await h.store.audit.list({ action, entityId: String(id) }))[0]?.id;
      for (let i = 0; i < versions.length - 1; i++) {
        if (versions[i].status !== 'approved') continue;
        expect(await entry('submission.create', versions[i + 1].id)).toBeGreaterThan((await entry('submission.approve', versions[i].id))!);
      }
    });

    test('the queue can show only the newest version of each series', async () => {
      const all = (await request(h.app).get('/api/submissions').query({ departmentId: h.departments.a, limit: 500 }).set(as('coordinator'))).body.items;
      const latest = (await request(h.app).get('/api/submissions').query({ departmentId: h.departments.a, latest: 'true', limit: 500 }).set(as('coordinator'))).body.items;
      const newestPerSeries = new Map<number, number>();
      for (const s of all) newestPerSeries.set(s.taskId ?? 0, Math.max(newestPerSeries.get(s.taskId ?? 0) ?? 0, s.version));
      expect(latest.length).toBe(newestPerSeries.size);
      expect(latest.length).toBeLessThan(all.length);
      for (const s of latest) expect(s.version).toBe(newestPerSeries.get(s.taskId ?? 0));
    });
  });

  describe('checking an upload without storing it', () => {
    test('returns the report and the sheets, whose rows its owner reads by the check id; nothing is stored', async () => {
      const before = (await request(h.app).get('/api/submissions').query({ limit: 500 }).set(as('coordinator'))).body.total;
      const file = await xlsx(catalogueBook({ 数据资源名称: '' }));
      const res = await request(h.app).post('/api/checks').set(as('clerkA')).attach('file', file, '目录.xlsx');
      expect(res.status).toBe(200);
      expect(res.body.filename).toBe('目录.xlsx');
      expect(res.body.report.counts.errors).toBeGreaterThan(0);
      expect(res.body.report.issues.some((i: { cell: string | null; column: string }) => /^D\d+$/.test(i.cell ?? '') && i.column === '数据资源名称')).toBe(true);
      expect(res.body.workbook).toBeUndefined();
      expect(res.body.sheets[0]).toMatchObject({ index: 0, name: '目录', rowCount: expect.any(Number) });
      expect(res.body.sheets[0].rowCount).toBeGreaterThan(2);
      expect((await request(h.app).get('/api/submissions').query({ limit: 500 }).set(as('coordinator'))).body.total).toBe(before);
      // The checked rows are read by the check's id, by the person who checked only.
      const rows = `/api/checks/${res.body.checkId}/sheets/0/rows`;
      const mine = await request(h.app).get(rows).query({ limit: 3 }).set(as('clerkA'));
      expect(mine.status).toBe(200);
      expect(mine.body.rows).toHaveLength(3);
      expect(mine.body.rows.flat()).toContain('数据资源名称');
      expectError(await request(h.app).get(rows).set(as('clerkB')), 404, 'not-found');
      // Another server instance on the same database serves the same rows, as behind a load balancer.
      const other = createApp({ config: h.config, store: h.store, checker: new SubmissionChecker(0), log: () => undefined });
      expect((await request(other).get(rows).query({ limit: 3 }).set(as('clerkA'))).body).toEqual(mine.body);
      expectError(await request(other).get(rows).set(as('clerkB')), 404, 'not-found');
      expectError(await request(h.app).get(rows).set(as('coordinator')), 404, 'not-found');
      expectError(await request(h.app).get('/api/checks/00000000-0000-4000-8000-000000000000/sheets/0/rows').set(as('clerkA')), 404, 'not-found');
      expectError(await request(h.app).get(`/api/checks/${res.body.checkId}/sheets/1/rows`).set(as('clerkA')), 404, 'not-found');
    });

    test('not an xlsx, no file, not signed in: refused', async () => {
      expectError(await request(h.app).post('/api/checks').set(as('clerkA')).attach('file', Buffer.from('hello'), 'a.txt'), 415, 'unsupported-file-type');
      expectError(await request(h.app).post('/api/checks').set(as('clerkA')).field('x', '1'), 400, 'file-missing');
      expectError(await request(h.app).post('/api/checks').attach('file', Buffer.from('x'), 'a.xlsx'), 401, 'unauthenticated');
    });
  });
});

describe.each(backends)('sign-in policy from the bureau settings, on %s', (backend) => {
  let h: Harness;
  const signIn = (username: string, password: string, path = '/api/session') => request(h.app).post(path).send({ username, password });

  beforeAll(async () => {
    h = await startHarness({ SIGN_IN_LIMIT: '100', ACCOUNT_LOCK_ATTEMPTS: '3', ACCOUNT_LOCK_MINUTES: '20', SESSION_IDLE_MINUTES: '30', SESSION_MAX_HOURS: '2' }, backend);
  });
  afterAll(async () => h.close());

  test('three failures lock the account, even against the right password, by session or token; other accounts go on', async () => {
    for (let i = 0; i < 3; i++) expectError(await signIn('clerka', 'wrong-password-x'), 401, 'bad-credentials');
    const locked = await signIn('clerka', h.passwords.clerka);
    expectError(locked, 429, 'account-locked');
    expect(locked.body.error.message).toContain('20 分钟');
    expectError(await signIn('clerka', h.passwords.clerka, '/api/auth/token'), 429, 'account-locked');
    expect((await signIn('clerkb', h.passwords.clerkb)).status).toBe(201);
  });

  test('a name nobody has locks the same way, so a lock tells nothing about who exists', async () => {
    for (let i = 0; i < 3; i++) expectError(await signIn('nobody-here', 'wrong-password-x'), 401, 'bad-credentials');
    expectError(await signIn('nobody-here', 'wrong-password-x'), 429, 'account-locked');
  });

  test('a successful sign-in clears the failures before it', async () => {
    expectError(await signIn('leada', 'wrong-password-x'), 401, 'bad-credentials');
    expectError(await signIn('leada', 'wrong-password-x'), 401, 'bad-credentials');
    expect((await signIn('leada', h.passwords.leada)).status).toBe(201);
    expectError(await signIn('leada', 'wrong-password-x'), 401, 'bad-credentials');
    expectError(await signIn('leada', 'wrong-password-x'), 401, 'bad-credentials');
    expect((await signIn('leada', h.passwords.leada)).status).toBe(201);
  });

  test('an admin setting a new password lifts the lock', async () => {
    expectError(await signIn('clerka', h.passwords.clerka), 429, 'account-locked');
    const reset = await request(h.app).patch(`/api/users/${h.users.clerkA}`).set({ Authorization: `Bearer ${h.tokens.admin}` }).send({ password: 'a-brand-new-password' });
    expect(reset.status).toBe(200);
    expect((await signIn('clerka', 'a-brand-new-password')).status).toBe(201);
  });

  test('a page session lasts as the bureau set it: the cookie for the maximum, the server for the idle time', async () => {
    const res = await signIn('leadb', h.passwords.leadb);
    expect(res.status).toBe(201);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/Max-Age=7200/);
    const id = /govcat_session=([A-Za-z0-9_-]{43})/.exec(cookie)![1];
    const found = await h.store.sessions.find(hashToken(id));
    const idleLeft = Date.parse(found!.session.expiresAt) - Date.now();
    expect(idleLeft).toBeGreaterThan(29 * 60_000);
    expect(idleLeft).toBeLessThanOrEqual(30 * 60_000);
  });
});
