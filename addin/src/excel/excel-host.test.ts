import { mockWorkbook } from '../../test-support/mock-workbook';
import { capabilitiesOf } from './capabilities';
import { browserSettings, ExcelHost, MARKS_KEY, type DocumentSettings } from './excel-host';

function documentSettings(): DocumentSettings & { values: Map<string, unknown>; saves: number } {
  const values = new Map<string, unknown>();
  const s = {
    values,
    saves: 0,
    get: (name: string) => values.get(name),
    set: (name: string, value: unknown) => void values.set(name, value),
    saveAsync: (cb?: (r: { status: string }) => void) => {
      s.saves++;
      cb?.({ status: 'succeeded' });
    },
  };
  return s;
}

beforeAll(() => {
  (globalThis as { Excel?: unknown }).Excel = { ConditionalFormatType: { custom: 'Custom' } };
});

test('capabilities follow the ExcelApi requirement sets', () => {
  const upTo = (last: number) => (_n: string, v: string) => Number(v.split('.')[1]) <= last;
  expect(capabilitiesOf(upTo(12))).toMatchObject({ notes: false, comments: true, dataValidation: true, merges: false, apiVersion: '1.12' });
  expect(capabilitiesOf(() => true)).toMatchObject({ notes: true, comments: true, dataValidation: true, merges: true, apiVersion: '1.20' });
});

const CAPS = capabilitiesOf(() => true);

/** An ExcelHost over an office-addin-mock workbook; `doc` is the workbook's document settings. */
function hostOn(wb: ReturnType<typeof mockWorkbook>, doc = documentSettings()) {
  const run = <T>(batch: (c: Excel.RequestContext) => Promise<T>) => batch(wb.context);
  return new ExcelHost(run, CAPS, doc, browserSettings(new Map() as never));
}

test('what was marked is recorded in the workbook, so a reopened pane clears it', async () => {
  const wb = mockWorkbook();
  const doc = documentSettings();
  await hostOn(wb, doc).applyMarks([{ sheet: '目录', cell: 'B3', kind: 'error', message: '不能为空' }]);
  expect(JSON.parse(doc.values.get(MARKS_KEY) as string)).toEqual({ formats: { 目录: ['{CF-1}'] }, fills: {}, messages: { 目录: { B3: { on: 'note', own: null, text: '【错误】不能为空' } } } });

  // A new host (the pane reopened) on the same workbook.
  await hostOn(wb, doc).clearMarks();
  expect(wb.deleted).toEqual(['{CF-1}']);
  expect(wb.notes.size).toBe(0);
  expect(JSON.parse(doc.values.get(MARKS_KEY) as string)).toEqual({ formats: {}, fills: {}, messages: {} });
  expect(doc.saves).toBe(2);
});

test('a reviewer’s note joins the engine’s note on the same cell, also from a reopened pane, and both go on clearing', async () => {
  const wb = mockWorkbook();
  const doc = documentSettings();
  const unplaced = await hostOn(wb, doc).applyMarks([{ sheet: '目录', cell: 'I3', kind: 'error', message: '共享条件不能为空' }]);
  expect(unplaced).toEqual({ unplaced: [] });
  await hostOn(wb, doc).applyMarks([{ sheet: '目录', cell: 'I3', kind: 'review', message: '有条件共享须写明具体条件' }]);
  expect(wb.notes.get('I3')).toBe('【错误】共享条件不能为空\n【审核意见】有条件共享须写明具体条件');
  await hostOn(wb, doc).clearMarks();
  expect(wb.notes.has('I3')).toBe(false);
});

test('a cell with the clerk’s own note keeps it, after marking and after clearing', async () => {
  const wb = mockWorkbook();
  wb.notes.set('B3', '本行为2025年新增');
  const host = hostOn(wb);
  await host.applyMarks([{ sheet: '目录', cell: 'B3', kind: 'error', message: '不能为空' }]);
  await host.applyMarks([{ sheet: '目录', cell: 'B3', kind: 'review', message: '请补充' }]);
  expect(wb.notes.get('B3')).toBe('本行为2025年新增\n\n【错误】不能为空\n【审核意见】请补充');
  await host.clearMarks();
  expect(wb.notes.get('B3')).toBe('本行为2025年新增');
});

test('a workbook marked by an older add-in (cells only) is still cleared', async () => {
  const wb = mockWorkbook();
  const doc = documentSettings();
  wb.notes.set('A2', '【错误】旧标注');
  doc.values.set(MARKS_KEY, JSON.stringify({ formats: {}, notes: { 目录: ['A2'] } }));
  await hostOn(wb, doc).clearMarks();
  expect(wb.notes.size).toBe(0);
});

test('the server address and token live in the pane’s storage, not in the workbook', async () => {
  const store = new Map<string, string>();
  const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v), removeItem: (k: string) => void store.delete(k) };
  const settings = browserSettings(storage);
  await settings.set('token', 'gct_secret');
  expect(store.get('govcat.token')).toBe('gct_secret');
  expect(await settings.get('token')).toBe('gct_secret');
  await settings.set('token', null);
  expect(await settings.get('token')).toBeNull();
});
