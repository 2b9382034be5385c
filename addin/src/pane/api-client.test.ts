import { ApiClient, ApiError } from './api-client';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

test('submits with the token and the idempotency key', async () => {
  const seen: Array<{ url: string; init?: RequestInit }> = [];
  const client = new ApiClient('https://data.example.gov.cn/', 'gct_abc', async (url, init) => {
    seen.push({ url, init });
    return json(201, { submission: { id: 7 }, report: {}, replayed: false });
  });
  const r = await client.submit({ sheets: [] }, 'key-12345678', 3);
  expect(r.submission.id).toBe(7);
  expect(seen[0].url).toBe('https://data.example.gov.cn/api/submissions');
  expect(seen[0].init?.headers).toMatchObject({ Authorization: 'Bearer gct_abc', 'Idempotency-Key': 'key-12345678', 'Content-Type': 'application/json' });
  expect(JSON.parse(String(seen[0].init?.body))).toEqual({ taskId: 3, workbook: { sheets: [] } });
});

test.each([
  ['network loss', async () => Promise.reject(new TypeError('fetch failed')), 'network', /无法连接服务器/],
  ['an expired token', async () => json(401, { error: { code: 'unauthenticated', message: 'x' } }), 'unauthenticated', /令牌无效或已过期/],
  ['a refusal', async () => json(413, { error: { code: 'too-many-rows', message: '提交的数据共 400000 行，超过上限' } }), 'refused', /超过上限/],
  ['a server fault', async () => json(500, { error: { code: 'internal', message: '服务器内部错误' } }), 'server', /稍后重试/],
  ['a busy server', async () => json(503, { error: { code: 'server-busy', message: '服务器正忙：同时处理的提交已达上限，请稍等片刻再提交；重试不会重复提交' } }), 'server', /服务器正忙.*重试不会重复提交/],
])('%s becomes one clear message', async (_name, respond, kind, message) => {
  const client = new ApiClient('https://x', 't', respond as () => Promise<Response>);
  const error = await client.me().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  expect((error as ApiError).kind).toBe(kind);
  expect((error as ApiError).message).toMatch(message);
});

test('open tasks come from each task’s board: the server’s working days left, whether its calendar covers them, and the department’s state; finished ones drop out', async () => {
  const boards: Record<string, unknown> = {
    '/tasks/1/board': { task: { id: 1, title: '2027年目录更新', dueDate: '2027-01-20' }, workingDaysLeft: 12, calendarCovered: false, rows: [{ state: 'returned' }] },
    '/tasks/2/board': { task: { id: 2, title: '2025年目录', dueDate: '2026-01-10' }, workingDaysLeft: -230, calendarCovered: true, rows: [{ state: 'approved' }] },
    '/tasks/3/board': { task: { id: 3, title: '需求清单征集', dueDate: '2026-12-08' }, workingDaysLeft: 4, calendarCovered: true, rows: [] },
  };
  const client = new ApiClient('https://x', 't', async (url) => {
    const path = url.replace('https://x/api', '');
    return json(200, path === '/tasks' ? [{ id: 1 }, { id: 2 }, { id: 3 }] : boards[path]);
  });
  expect(await client.openTasks()).toEqual([
    { id: 3, title: '需求清单征集', dueDate: '2026-12-08', workingDaysLeft: 4, state: 'not-started', calendarCovered: true },
    // Due in a year whose holidays the server does not know: the pane warns about the count.
    { id: 1, title: '2027年目录更新', dueDate: '2027-01-20', workingDaysLeft: 12, state: 'returned', calendarCovered: false },
  ]);
});
