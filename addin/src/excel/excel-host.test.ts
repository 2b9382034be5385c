import { browserSettings, capabilitiesOf, ExcelHost, MARKS_KEY, type DocumentSettings } from './excel-host';

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

/** A context just rich enough for marks: every call is recorded. */
function fakeRun() {
  const calls: string[] = [];
  let n = 0;
  const sheet = {
    getRanges: (address: string) => ({
      conditionalFormats: {
        add: () => {
          const id = `{CF-${++n}}`;
          calls.push(`cf ${address} ${id}`);
          return { id, custom: { rule: {}, format: { fill: {} } }, load: () => undefined };
        },
      },
    }),
    getRange: () => ({ conditionalFormats: { getItemOrNullObject: (id: string) => ({ isNullObject: false, load: () => undefined, delete: () => calls.push(`delete ${id}`) }) } }),
    notes: { add: (cell: string) => calls.push(`note ${cell}`), getItemOrNullObject: (cell: string) => ({ isNullObject: false, load: () => undefined, delete: () => calls.push(`delete note ${cell}`) }) },
  };
  const context = { workbook: { worksheets: { getItem: () => sheet } }, sync: async () => undefined } as unknown as Excel.RequestContext;
  const run = <T>(batch: (c: Excel.RequestContext) => Promise<T>) => batch(context);
  return { run, calls };
}

beforeAll(() => {
  (globalThis as { Excel?: unknown }).Excel = { ConditionalFormatType: { custom: 'Custom' } };
});

test('capabilities follow the ExcelApi requirement sets', () => {
  expect(capabilitiesOf((_n, v) => Number(v.split('.')[1]) <= 12)).toEqual({ notes: false, comments: true, dataValidation: true });
  expect(capabilitiesOf(() => true)).toEqual({ notes: true, comments: true, dataValidation: true });
});

test('what was marked is recorded in the workbook, so a reopened pane clears it', async () => {
  const { run, calls } = fakeRun();
  const doc = documentSettings();
  const caps = { notes: true, comments: true, dataValidation: true };
  await new ExcelHost(run, caps, doc, browserSettings(new Map() as never)).applyMarks([{ sheet: '目录', cell: 'B3', kind: 'error', message: '不能为空' }]);
  expect(JSON.parse(doc.values.get(MARKS_KEY) as string)).toEqual({ formats: { 目录: ['{CF-1}'] }, notes: { 目录: ['B3'] } });

  // A new host (the pane reopened) on the same workbook.
  await new ExcelHost(run, caps, doc, browserSettings(new Map() as never)).clearMarks();
  expect(calls).toEqual(['cf B3 {CF-1}', 'note B3', 'delete {CF-1}', 'delete note B3']);
  expect(JSON.parse(doc.values.get(MARKS_KEY) as string)).toEqual({ formats: {}, notes: {} });
  expect(doc.saves).toBe(2);
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
