import { addressBatches, areasOf } from '../marks/batches';
import { MARK_FILLS } from '../../../shared/src';
import type { CellMark, HostCapabilities } from '../host/types';
import { applyMarks, clearMarks, markSyncs } from './marks';
import { readSheet } from './read-sheet';
import { readSyncs } from './blocks';
import { mockWorkbook } from '../../test-support/mock-workbook';
import { capabilitiesOf } from './capabilities';

const CAPS: HostCapabilities = capabilitiesOf(() => true);

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
  expect(applied.formats).toEqual({ 目录: ['{CF-1}', '{CF-2}'] });
  expect(Object.keys(applied.messages['目录'])).toEqual(['B3', 'B4', 'D9']);
  expect(applied.unplaced).toEqual([]);
});

test('clearing deletes exactly the formats and notes the add-in made', async () => {
  const wb = mockWorkbook();
  const applied = await applyMarks(wb.context, [mark('A2', 'error'), mark('C5', 'review', '审核意见')], CAPS);
  wb.notes.set('Z1', '用户自己的批注');
  const left = await clearMarks(wb.context, applied, CAPS);
  expect(wb.deleted.sort()).toEqual([...applied.formats['目录']].sort());
  expect([...wb.notes]).toEqual([['Z1', '用户自己的批注']]);
  expect(left).toEqual({ formats: {}, fills: {}, messages: {} });
});

test('clearing still works when the clerk already deleted some marks by hand', async () => {
  const wb = mockWorkbook();
  const applied = await applyMarks(wb.context, [mark('A2', 'error'), mark('C5', 'warning')], CAPS);
  wb.gone.add(applied.formats['目录'][0]);
  wb.notes.delete('A2');
  const syncsBefore = wb.syncs();
  await expect(clearMarks(wb.context, applied, CAPS)).resolves.toEqual({ formats: {}, fills: {}, messages: {} });
  expect(wb.deleted).toEqual([applied.formats['目录'][1]]);
  expect(wb.notes.size).toBe(0);
  expect(wb.syncs() - syncsBefore).toBe(2);
});

test('without notes or comments (older Excel) only the colours are applied, and the messages are reported unplaced', async () => {
  const wb = mockWorkbook();
  const applied = await applyMarks(wb.context, [mark('A2', 'error')], { ...CAPS, notes: false, comments: false, dataValidation: false });
  expect(wb.notes.size).toBe(0);
  expect(applied.messages).toEqual({});
  expect(applied.unplaced).toEqual([{ sheet: '目录', cell: 'A2', text: '【错误】请修改' }]);
});

test('a reviewer’s comment joins the engine’s note on the same cell, each labelled; marking it again does not repeat it', async () => {
  const wb = mockWorkbook();
  const first = await applyMarks(wb.context, [mark('I3', 'error', '共享条件不能为空')], CAPS);
  const second = await applyMarks(wb.context, [mark('I3', 'review', '有条件共享须写明具体条件')], CAPS, first);
  await applyMarks(wb.context, [mark('I3', 'review', '有条件共享须写明具体条件')], CAPS, second);
  expect(wb.notes.get('I3')).toBe('【错误】共享条件不能为空\n【审核意见】有条件共享须写明具体条件');
  const left = await clearMarks(wb.context, second, CAPS);
  expect(wb.notes.has('I3')).toBe(false);
  expect(left.messages).toEqual({});
});

test('a clerk’s own note keeps its words: ours follows it, and clearing gives it back exactly', async () => {
  const wb = mockWorkbook();
  wb.notes.set('B3', '数据来自2025年台账');
  const applied = await applyMarks(wb.context, [mark('B3', 'error', '不能为空')], CAPS);
  expect(wb.notes.get('B3')).toBe('数据来自2025年台账\n\n【错误】不能为空');
  await clearMarks(wb.context, applied, CAPS);
  expect(wb.notes.get('B3')).toBe('数据来自2025年台账');
});

test('in a clerk’s comment thread ours is a reply of its own, and clearing deletes that reply alone', async () => {
  const wb = mockWorkbook();
  wb.clerkComment('C4', '待科长确认');
  const applied = await applyMarks(wb.context, [mark('C4', 'warning', '请核对')], CAPS);
  expect(wb.notes.has('C4')).toBe(false);
  expect(wb.comments).toEqual([expect.objectContaining({ cell: 'C4', content: '待科长确认', replies: [expect.objectContaining({ content: '【警告】请核对' })] })]);
  await clearMarks(wb.context, applied, CAPS);
  expect(wb.comments).toEqual([expect.objectContaining({ cell: 'C4', content: '待科长确认', replies: [] })]);
});

test('a cell Excel refuses costs only itself: the others are written, and it is reported', async () => {
  const wb = mockWorkbook();
  wb.refused.add('B4');
  const applied = await applyMarks(wb.context, [mark('B3', 'error'), mark('B4', 'error', '不能为空'), mark('B5', 'error')], CAPS);
  expect([...wb.notes.keys()].sort()).toEqual(['B3', 'B5']);
  expect(applied.unplaced).toEqual([{ sheet: '目录', cell: 'B4', text: '【错误】不能为空' }]);
  expect(Object.keys(applied.messages['目录']).sort()).toEqual(['B3', 'B5']);
});

test('with comments only (ExcelApi 1.10) a message is a comment of ours, addressed with the quoted sheet name', async () => {
  const wb = mockWorkbook([['x']], '附件1 共享目录');
  const caps = { ...CAPS, notes: false };
  const first = await applyMarks(wb.context, [{ sheet: '附件1 共享目录', cell: 'D2', kind: 'error', message: '不能为空' }], caps);
  await applyMarks(wb.context, [{ sheet: '附件1 共享目录', cell: 'D2', kind: 'review', message: '请补充' }], caps, first);
  expect(wb.comments.map((c) => [c.cell, c.content])).toEqual([['D2', '【错误】不能为空\n【审核意见】请补充']]);
});

test('validating and marking a 100,000 × 12 sheet with 5,000 problem cells stays within the stated sync count', async () => {
  const cells = Array.from({ length: 100_000 }, (_, i) => [`MZ${i}`, '张三', '340202198001010015', '男', 43861, '340202', '13800138000', 'a@b.cn', 1.5, 3, 45000.5, '是']);
  const wb = mockWorkbook(cells);
  const grid = await readSheet(wb.context, '目录', CAPS);
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
