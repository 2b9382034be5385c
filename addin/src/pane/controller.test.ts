import { catalogueSheet, validResource } from '../../../shared/src/testing';
import { MemoryHost, memorySheet } from '../host/memory-host';
import { MARK_FILLS } from '../../../shared/src';
import { ApiClient, ApiError } from './api-client';
import { LAST_SUBMISSION_KEY, PaneController } from './controller';

function workbook() {
  const s = catalogueSheet([validResource({ 责任科室: null }), validResource()]);
  return new MemoryHost([memorySheet(s.name, s.rows, { fills: new Map([['R3', '#00B050']]) }), memorySheet('Sheet2', [])]);
}

function fakeApi(respond: (path: string, init?: RequestInit) => Promise<Response>) {
  const calls: Array<{ path: string; init?: RequestInit }> = [];
  const api = new ApiClient('https://x', 't', async (url, init) => {
    const path = url.replace('https://x/api', '');
    calls.push({ path, init });
    return respond(path, init);
  });
  return { api, calls };
}
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status });

test('validating marks each problem cell and reports progress; values stay as they were', async () => {
  const host = workbook();
  const before = JSON.stringify(host.sheets[0].cells);
  const progress: number[] = [];
  const report = await new PaneController(host).validate('workbook', { onProgress: (done, total) => progress.push(done / total) });
  expect(report.issues.map((i) => [i.ruleId, i.cell])).toEqual([['cell.required', 'R3']]);
  expect(host.sheets[0].fills.get('R3')).toBe(MARK_FILLS.error);
  expect(host.sheets[0].notes.get('R3')).toContain('不能为空');
  expect(JSON.stringify(host.sheets[0].cells)).toBe(before);
  expect(progress.at(-1)).toBe(1);
});

test('a fixed cell is unmarked by the next validation, and its own fill comes back', async () => {
  const host = workbook();
  const pane = new PaneController(host);
  await pane.validate('active');
  host.sheets[0].cells[2][17] = '综合科';
  const report = await pane.validate('active');
  expect(report.counts.errors).toBe(0);
  expect(host.sheets[0].fills.get('R3')).toBe('#00B050');
});

test('submitting sends the grid once per key, paints the server’s report, and remembers the submission', async () => {
  const host = workbook();
  const pane = new PaneController(host, () => 'key-00000001');
  const serverReport = { issues: [{ sheet: '目录', cell: 'D3', row: 3, col: 4, column: '数据资源名称', ruleId: 'cell.required', severity: 'error', message: '服务器：名称不能为空', value: null }], counts: { errors: 1, warnings: 0, bySheet: {}, byRule: {} }, sheets: [], engineVersion: '1', truncated: false };
  const { api, calls } = fakeApi(async () => json(201, { submission: { id: 42, status: 'confirmed' }, report: serverReport, replayed: false }));
  await pane.validate('workbook');
  await pane.submit(api);
  expect(calls[0].init?.headers).toMatchObject({ 'Idempotency-Key': 'key-00000001' });
  expect(host.sheets[0].notes.get('D3')).toContain('服务器：名称不能为空');
  expect(host.sheets[0].fills.get('R3')).toBe('#00B050');
  expect(await host.settings.get(LAST_SUBMISSION_KEY)).toBe('42');
});

test('submitting reads the workbook as it is now: a cell fixed after the check goes fixed, and every sheet goes', async () => {
  const host = workbook();
  const pane = new PaneController(host);
  const sent: Array<{ taskId: number | null; workbook: { sheets: Array<{ name: string; rows: unknown[][] }> } }> = [];
  const { api } = fakeApi(async (_path, init) => {
    sent.push(JSON.parse(String(init?.body)));
    return json(201, { submission: { id: 7, version: 1 }, report: { issues: [], counts: { errors: 0, warnings: 0 } }, replayed: false });
  });
  await pane.validate('active');
  host.sheets[0].cells[2][17] = '综合科';
  const progress: number[] = [];
  const result = await pane.submit(api, 5, { onProgress: (done, total) => progress.push(done / total) });
  expect(sent[0].taskId).toBe(5);
  expect(sent[0].workbook.sheets.map((s) => s.name)).toEqual(['目录', 'Sheet2']);
  expect(sent[0].workbook.sheets[0].rows[2][17]).toBe('综合科');
  expect(result.sheets).toEqual(['目录', 'Sheet2']);
  expect(progress.at(-1)).toBe(1);
  expect(host.sheets[0].notes.has('R3')).toBe(false);
});

test('a cancelled submission sends nothing', async () => {
  const host = workbook();
  const { api, calls } = fakeApi(async () => json(201, {}));
  const abort = new AbortController();
  abort.abort();
  await expect(new PaneController(host).submit(api, null, { signal: abort.signal })).rejects.toThrow();
  expect(calls).toEqual([]);
});

test('a failed submission changes nothing in the workbook, and its retry reuses the key', async () => {
  const host = workbook();
  let n = 0;
  const pane = new PaneController(host, () => `key-${++n}-abcdefgh`);
  await pane.validate('workbook');
  const marked = new Map(host.sheets[0].fills);
  const { api, calls } = fakeApi(async () => Promise.reject(new TypeError('network down')));
  await expect(pane.submit(api)).rejects.toBeInstanceOf(ApiError);
  await expect(pane.submit(api)).rejects.toThrow('无法连接服务器');
  expect(host.sheets[0].fills).toEqual(marked);
  expect(calls.map((c) => (c.init?.headers as Record<string, string>)['Idempotency-Key'])).toEqual(['key-1-abcdefgh', 'key-1-abcdefgh']);
});

test('when the pane opens later, a returned submission shows the reviewer’s cell comments on the cells', async () => {
  const host = workbook();
  await host.settings.set(LAST_SUBMISSION_KEY, '42');
  const { api } = fakeApi(async () =>
    json(200, { id: 42, status: 'returned', decisions: [{ decision: 'return', reason: '请补充共享条件', comments: [{ sheet: '目录', row: 3, cell: 'I3', message: '有条件共享须写明条件' }], createdAt: '' }], report: {} }),
  );
  const detail = await new PaneController(host).review(api);
  expect(detail?.status).toBe('returned');
  expect(host.sheets[0].fills.get('I3')).toBe(MARK_FILLS.review);
  expect(host.sheets[0].notes.get('I3')).toBe('【审核意见】有条件共享须写明条件');
});

test('the reviewer’s comments stay joined with the check’s notes when the clerk checks again, and messages that found no cell are listed', async () => {
  const host = workbook();
  host.sheets[0].locked.add('D3');
  await host.settings.set(LAST_SUBMISSION_KEY, '42');
  const comments = [
    { sheet: '目录', row: 3, cell: 'R3', message: '请填写责任科室' },
    { sheet: '目录', row: 3, cell: 'D3', message: '名称不规范' },
    { sheet: '旧表', row: 2, cell: 'A2', message: '此表已删除' },
  ];
  const { api } = fakeApi(async () => json(200, { id: 42, status: 'returned', decisions: [{ decision: 'return', reason: '', comments, createdAt: '' }], report: {} }));
  const pane = new PaneController(host);
  await pane.review(api);
  await pane.validate('workbook');
  expect(host.sheets[0].notes.get('R3')).toBe('【错误】资源“统计资源15”的“责任科室”不能为空，请填写\n【审核意见】请填写责任科室');
  expect(pane.unplaced).toEqual([
    { sheet: '旧表', cell: 'A2', text: '【审核意见】此表已删除' },
    { sheet: '目录', cell: 'D3', text: '【审核意见】名称不规范' },
  ]);
});
