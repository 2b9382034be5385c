import { addressBatches, areasOf } from '../marks/batches';
import { MARK_FILLS } from '../../../shared/src';
import type { CellMark, HostCapabilities } from '../host/types';
import { applyMarks, clearMarks, markSyncs } from './marks';
import { readSheet } from './read-sheet';
import { readSyncs } from './blocks';
import { countingContext, type MockNode } from '../../test-support/mock-context';


const CAPS: HostCapabilities = { notes: true, comments: true, dataValidation: true };

/** A workbook whose sheet records conditional formats and notes made, and what was deleted. */
function mockWorkbook(cells: unknown[][] = [['x']]) {
  const made: Array<{ address: string; node: MockNode }> = [];
  const notes = new Map<string, string>();
  const deleted: string[] = [];
  const valuesWritten: string[] = [];
  /** Formats a clerk deleted by hand. */
  const gone = new Set<string>();
  let n = 0;
  const data = {
    workbook: {
      worksheets: {
        sheet: {
          used: { isNullObject: false, rowIndex: 0, columnIndex: 0, rowCount: cells.length, columnCount: cells[0].length, merged: { isNullObject: true, address: '' }, getMergedAreasOrNullObject() { return this.merged; } },
          getUsedRangeOrNullObject() {
            return this.used;
          },
          getRangeByIndexes(this: MockNode, row: number, _col: number, rowCount: number, colCount: number) {
            const key = `block_${row}_${rowCount}`;
            if (!this[key]) {
              this.addMock(key);
              (this[key] as MockNode).populate({ values: cells.slice(row, row + rowCount).map((r) => r.slice(0, colCount)) });
            }
            return this[key];
          },
          getRanges(this: MockNode, address: string) {
            const sheet = this;
            return {
              set values(_v: unknown) {
                valuesWritten.push(address);
              },
              conditionalFormats: {
                add() {
                  const key = `cf_${++n}`;
                  sheet.addMock(key);
                  const node = sheet[key] as MockNode;
                  node.populate({ id: `{CF-${n}}`, custom: { rule: { formula: '' }, format: { fill: { color: '' } } } });
                  made.push({ address, node });
                  return node;
                },
              },
            };
          },
          getRange() {
            const live = new Set(made.map((m) => String(m.node.id)).filter((id) => !gone.has(id)));
            return { conditionalFormats: { getItemOrNullObject: (id: string) => ({ isNullObject: !live.has(id), load: () => undefined, delete: () => deleted.push(id) }) } };
          },
          notes: {
            add: (cell: string, text: string) => notes.set(cell, text),
            getItemOrNullObject: (cell: string) => ({ isNullObject: !notes.has(cell), load: () => undefined, delete: () => notes.delete(cell) }),
          },
        },
        getItem() {
          return this.sheet;
        },
      },
      comments: { add: () => undefined, getItemByCell: () => ({ delete: () => undefined }) },
    },
  };
  return { ...countingContext(data), made, notes, deleted, valuesWritten, gone };
}

beforeAll(() => {
  (globalThis as { Excel?: unknown }).Excel = { ConditionalFormatType: { custom: 'Custom' } };
});

const mark = (cell: string, kind: CellMark['kind'], message = '请修改'): CellMark => ({ sheet: '目录', cell, kind, message });

test('marks become conditional formats over batched areas and notes on cells; values are never written', async () => {
  const wb = mockWorkbook();
  const applied = await applyMarks(wb.context, [mark('B3', 'error', '不能为空'), mark('B4', 'error'), mark('B4', 'warning', '请核对'), mark('D9', 'warning')], CAPS);
  expect(wb.made.map((m) => [m.address, (m.node.custom as { format: { fill: { color: string } } }).format.fill.color])).toEqual([
    ['D9', MARK_FILLS.warning],
    ['B3:B4', MARK_FILLS.error],
  ]);
  expect((wb.made[0].node.custom as { rule: { formula: string } }).rule.formula).toBe('=TRUE');
  expect(wb.notes.get('B4')).toBe('【错误】请修改\n【警告】请核对');
  expect(wb.valuesWritten).toEqual([]);
  expect(applied).toEqual({ formats: { 目录: ['{CF-1}', '{CF-2}'] }, notes: { 目录: ['B3', 'B4', 'D9'] } });
});

test('clearing deletes exactly the formats and notes the add-in made', async () => {
  const wb = mockWorkbook();
  const applied = await applyMarks(wb.context, [mark('A2', 'error'), mark('C5', 'review', '审核意见')], CAPS);
  wb.notes.set('Z1', '用户自己的批注');
  const left = await clearMarks(wb.context, applied, CAPS);
  expect(wb.deleted.sort()).toEqual([...applied.formats['目录']].sort());
  expect([...wb.notes]).toEqual([['Z1', '用户自己的批注']]);
  expect(left).toEqual({ formats: {}, notes: {} });
});

test('clearing still works when the clerk already deleted some marks by hand', async () => {
  const wb = mockWorkbook();
  const applied = await applyMarks(wb.context, [mark('A2', 'error'), mark('C5', 'warning')], CAPS);
  wb.gone.add(applied.formats['目录'][0]);
  wb.notes.delete('A2');
  const syncsBefore = wb.syncs();
  await expect(clearMarks(wb.context, applied, CAPS)).resolves.toEqual({ formats: {}, notes: {} });
  expect(wb.deleted).toEqual([applied.formats['目录'][1]]);
  expect(wb.notes.size).toBe(0);
  expect(wb.syncs() - syncsBefore).toBe(2);
});

test('without notes or comments (older Excel) only the colours are applied', async () => {
  const wb = mockWorkbook();
  const applied = await applyMarks(wb.context, [mark('A2', 'error')], { notes: false, comments: false, dataValidation: false });
  expect(wb.notes.size).toBe(0);
  expect(applied.notes).toEqual({});
});

test('validating and marking a 100,000 × 12 sheet with 5,000 problem cells stays within the stated sync count', async () => {
  const cells = Array.from({ length: 100_000 }, (_, i) => [`MZ${i}`, '张三', '340202198001010015', '男', 43861, '340202', '13800138000', 'a@b.cn', 1.5, 3, 45000.5, '是']);
  const wb = mockWorkbook(cells);
  const grid = await readSheet(wb.context, '目录');
  const afterRead = wb.syncs();
  expect(afterRead).toBeLessThanOrEqual(readSyncs(100_000, 12, 40));
  expect(grid.rows).toHaveLength(100_000);
  // 5,000 problem cells scattered over two columns, every 40th row: no two adjacent.
  const marks: CellMark[] = Array.from({ length: 5000 }, (_, i) => mark(`${i % 2 ? 'C' : 'G'}${2 + Math.floor(i / 2) * 40}`, i % 3 ? 'error' : 'warning'));
  await applyMarks(wb.context, marks, CAPS);
  const errorBatches = addressBatches(areasOf(marks.filter((m) => m.kind === 'error').map((m) => m.cell))).length;
  const warningBatches = addressBatches(areasOf(marks.filter((m) => m.kind === 'warning').map((m) => m.cell))).length;
  const formula = markSyncs(errorBatches + warningBatches, 5000, true);
  expect(wb.syncs() - afterRead).toBeLessThanOrEqual(formula);
  // Far fewer round trips than one per problem cell.
  expect(wb.syncs()).toBeLessThan(40);
});
