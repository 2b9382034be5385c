/**
 * What running the service needs: the audit log as admins read it (who did what and when,
 * filtered and paged; exported as a CSV that Excel opens as it is and in which nothing a user
 * typed runs as a formula), a health check a load balancer can trust, and a bound on the
 * submissions taken in at once.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { parse } from 'csv-parse/sync';
import { chinaDate } from '../../shared/src';
import { backends, catalogueBook, expectError } from './helpers';
import { startHarness, type Harness } from './harness';

describe.each(backends)('audit log on %s', (backend) => {
  let h: Harness;
  const as = (who: keyof Harness['tokens']) => ({ Authorization: `Bearer ${h.tokens[who]}` });
  let submissionId: number;

  beforeAll(async () => {
    h = await startHarness({}, backend);
    submissionId = (await request(h.app).post('/api/submissions').set(as('clerkA')).send({ workbook: catalogueBook() })).body.submission.id;
    await request(h.app).post(`/api/submissions/${submissionId}/return`).set(as('coordinator')).send({ reason: '请补充' });
    // A department, and a person, whose names a spreadsheet would run as formulas.
    await request(h.app).post('/api/departments').set(as('admin')).send({ name: '=HYPERLINK("http://evil.example","点我")' });
    await request(h.app).post('/api/users').set(as('admin')).send({ username: 'formula', displayName: '=1+2', role: 'coordinator', departmentId: null, password: 'formula-password-1' });
    await request(h.app).post('/api/session').send({ username: 'formula', password: 'formula-password-1' });
  });
  afterAll(async () => h.close());

  test('admins read every write, newest first, with the people’s names; others may not', async () => {
    const res = await request(h.app).get('/api/audit').set(as('admin'));
    expect(res.status).toBe(200);
    expect(res.body.items.slice(0, 5).map((e: { action: string }) => e.action)).toEqual(['session.sign-in', 'user.create', 'department.create', 'submission.return', 'submission.create']);
    expect(res.body.items[3]).toMatchObject({ userId: h.users.coordinator, userName: 'coordinator', entity: 'submission', entityId: String(submissionId), details: { reason: '请补充' } });
    expect(res.body.total).toBe(res.body.items.length);
    for (const who of ['coordinator', 'clerkA', 'leadA'] as const) expectError(await request(h.app).get('/api/audit').set(as(who)), 403, 'forbidden');
    expectError(await request(h.app).get('/api/audit'), 401, 'unauthenticated');
  });

  test('filters by person, action, object and China date; pages with a total', async () => {
    const get = async (query: Record<string, string | number>) => (await request(h.app).get('/api/audit').query(query).set(as('admin'))).body;
    expect((await get({ userId: h.users.clerkA })).items.map((e: { action: string }) => e.action)).toEqual(['submission.create']);
    expect((await get({ action: 'submission.return' })).items).toHaveLength(1);
    expect((await get({ entity: 'submission', entityId: String(submissionId) })).total).toBe(2);
    const today = chinaDate();
    expect((await get({ from: today, to: today })).total).toBe((await get({})).total);
    expect((await get({ to: '2000-01-01' })).total).toBe(0);
    const all = await get({});
    const page = await get({ limit: 2, offset: 1 });
    expect(page.total).toBe(all.total);
    expect(page.items.map((e: { id: number }) => e.id)).toEqual(all.items.slice(1, 3).map((e: { id: number }) => e.id));
    expectError(await request(h.app).get('/api/audit').query({ from: '2026/11/01' }).set(as('admin')), 400, 'invalid-request');
    expectError(await request(h.app).get('/api/audit').query({ limit: 501 }).set(as('admin')), 400, 'invalid-request');
  });

  test('exports as CSV with a BOM and Chinese headings; a formula typed by a user stays text', async () => {
    const res = await request(h.app).get('/api/audit/export').set(as('admin')).buffer(true).parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers['content-disposition']).toBe(`attachment; filename=audit-log-${chinaDate()}.csv; filename*=UTF-8''${encodeURIComponent(`操作日志-${chinaDate()}.csv`)}`);
    const bytes = res.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows: string[][] = parse(bytes.subarray(3).toString('utf8'));
    expect(rows[0]).toEqual(['时间（北京时间）', '用户', '操作', '对象', '对象编号', '详情']);
    expect(rows).toHaveLength(1 + (await request(h.app).get('/api/audit').set(as('admin'))).body.total);
    const created = rows.find((r) => r[2] === '新建部门')!;
    expect(created[1]).toBe('admin');
    expect(created[0]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(created[5]).toContain('HYPERLINK');
    // The person named "=1+2" signed in: the name is there, as text.
    expect(rows.find((r) => r[2] === '网页登录')![1]).toBe("'=1+2");
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@]/);
    expectError(await request(h.app).get('/api/audit/export').set(as('coordinator')), 403, 'forbidden');
  });
});

describe.each(backends)('health check on %s', (backend) => {
  test('healthy while the database answers; 503 with a Chinese message once it does not', async () => {
    const h = await startHarness({}, backend);
    expect((await request(h.app).get('/api/health')).body).toEqual({ ok: true });
    await h.store.close();
    expectError(await request(h.app).get('/api/health'), 503, 'database-unavailable');
  });
});

describe('a burst of large submissions', () => {
  test('past the pending-body bound a submission gets 503 server-busy at once; room comes back when the earlier one ends', async () => {
    const h = await startHarness({ PENDING_BODY_MB: '1' });
    const server = h.app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const { port } = server.address() as AddressInfo;
    const post = (body: string) =>
      fetch(`http://127.0.0.1:${port}/api/submissions`, { method: 'POST', headers: { Authorization: `Bearer ${h.tokens.clerkA}`, 'Content-Type': 'application/json' }, body });
    try {
      // A 900 KB body still arriving: its room is taken.
      const held = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/api/submissions', headers: { Authorization: `Bearer ${h.tokens.clerkA}`, 'Content-Type': 'application/json', 'Content-Length': 900_000 } });
      held.on('error', () => undefined);
      held.write('{"workbook":');
      let busy: Response | null = null;
      for (let i = 0; i < 50 && !busy; i++) {
        const res = await post(`{"workbook":${JSON.stringify(catalogueBook())},"pad":"${'x'.repeat(300_000)}"}`);
        if (res.status === 503) busy = res;
        else await new Promise((r) => setTimeout(r, 20));
      }
      expect(busy?.status).toBe(503);
      expect(busy?.headers.get('retry-after')).toBe('10');
      expect(await busy?.json()).toMatchObject({ error: { code: 'server-busy', message: expect.stringContaining('重试不会重复提交') } });

      held.destroy();
      let after = 0;
      for (let i = 0; i < 50 && after !== 201; i++) {
        after = (await post(JSON.stringify({ workbook: catalogueBook() }))).status;
        if (after !== 201) await new Promise((r) => setTimeout(r, 20));
      }
      expect(after).toBe(201);
    } finally {
      server.close();
      await h.close();
    }
  });
});
