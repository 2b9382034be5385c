import { createSheet, listSource } from './create-sheet';
import { countingContext } from '../../test-support/mock-context';
import { capabilitiesOf } from './capabilities';

const ALL = capabilitiesOf(() => true);

function mockWorkbook() {
  const ranges = new Map<string, Record<string, unknown>>();
  const range = (key: string) => {
    if (!ranges.has(key)) ranges.set(key, { format: { font: {}, fill: {} }, dataValidation: {} });
    return ranges.get(key)!;
  };
  const sheet = {
    name: '',
    frozenRows: 0,
    activated: false,
    getRange: (address: string) => range(address),
    freezePanes: { freezeRows: (n: number) => (sheet.frozenRows = n) },
    activate: () => (sheet.activated = true),
  };
  const data = {
    workbook: {
      worksheets: {
        add(name: string) {
          sheet.name = name;
          return sheet;
        },
      },
    },
  };
  return { ...countingContext(data), sheet, ranges };
}

beforeAll(() => {
  (globalThis as { Excel?: unknown }).Excel = { DataValidationAlertStyle: { warning: 'Warning' } };
});

test('a catalogue sheet with its head rows, bold frozen header, widths and drop-down lists, in one sync', async () => {
  const wb = mockWorkbook();
  await createSheet(
    wb.context,
    { name: '数据资源目录', headRows: [['芜湖市政务数据资源目录（2026年版）']], headers: ['序号', '数据资源名称', '共享类型'], columnWidths: [6, 30, 12], lists: [{ column: 2, values: ['无条件共享', '有条件共享', '不予共享'] }], dataRows: 500 },
    ALL,
  );
  expect(wb.sheet.name).toBe('数据资源目录');
  expect(wb.ranges.get('A1:C2')!.values).toEqual([['芜湖市政务数据资源目录（2026年版）', '', ''], ['序号', '数据资源名称', '共享类型']]);
  expect(wb.ranges.get('A2:C2')!.format).toMatchObject({ font: { bold: true }, wrapText: true });
  expect(wb.sheet.frozenRows).toBe(2);
  expect((wb.ranges.get('B:B')!.format as { columnWidth: number }).columnWidth).toBe(360);
  expect(wb.ranges.get('C3:C502')!.dataValidation).toMatchObject({ rule: { list: { inCellDropDown: true, source: '无条件共享,有条件共享,不予共享' } } });
  expect(wb.sheet.activated).toBe(true);
  expect(wb.syncs()).toBe(1);
});

test('no drop-downs where the host cannot make them', async () => {
  const wb = mockWorkbook();
  await createSheet(wb.context, { name: 'T', headRows: [], headers: ['共享类型'], columnWidths: [], lists: [{ column: 0, values: ['是', '否'] }], dataRows: 10 }, { ...ALL, dataValidation: false });
  expect([...wb.ranges.keys()].some((k) => k.startsWith('A2'))).toBe(false);
});

test('inline lists stay within Excel’s 255 characters', () => {
  expect(listSource(['是', '否'])).toBe('是,否');
  expect(listSource(Array.from({ length: 100 }, (_, i) => `选项${i}`))).toBeNull();
  expect(listSource(['a,b'])).toBeNull();
});
