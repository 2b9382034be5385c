import { MemoryHost, memorySheet } from './memory-host';
import { MARK_FILLS } from '../../../shared/src';

function host() {
  const s = memorySheet('目录', [['序号', '部门名称'], [1, '芜湖市统计局'], [2, null]], { fills: new Map([['B2', '#00FF00']]) });
  return { h: new MemoryHost([s, memorySheet('需求', [['序号']])]), s };
}

test('marks colour cells and put the messages on them, without changing values', async () => {
  const { h, s } = host();
  const before = JSON.stringify(s.cells);
  await h.applyMarks([
    { sheet: '目录', cell: 'B3', kind: 'error', message: '部门名称不能为空' },
    { sheet: '目录', cell: 'B2', kind: 'warning', message: '请核对' },
    { sheet: '目录', cell: 'B2', kind: 'error', message: '取值不在代码表中' },
  ]);
  expect(JSON.stringify(s.cells)).toBe(before);
  expect(s.fills.get('B3')).toBe(MARK_FILLS.error);
  expect(s.fills.get('B2')).toBe(MARK_FILLS.error);
  expect(s.notes.get('B2')).toBe('【警告】请核对\n【错误】取值不在代码表中');
});

test('clearing restores each cell’s own fill exactly, also after marking twice', async () => {
  const { h, s } = host();
  await h.applyMarks([{ sheet: '目录', cell: 'B2', kind: 'warning', message: 'a' }, { sheet: '目录', cell: 'A3', kind: 'error', message: 'b' }]);
  await h.applyMarks([{ sheet: '目录', cell: 'B2', kind: 'error', message: 'c' }]);
  await h.clearMarks();
  expect([...s.fills]).toEqual([['B2', '#00FF00']]);
  expect(s.notes.size).toBe(0);
});

test('clearing one sheet leaves the others marked', async () => {
  const { h } = host();
  await h.applyMarks([{ sheet: '目录', cell: 'A2', kind: 'error', message: 'x' }, { sheet: '需求', cell: 'A1', kind: 'review', message: '请补充' }]);
  await h.clearMarks(['目录']);
  expect(h.sheets[0].fills.has('A2')).toBe(false);
  expect(h.sheets[1].fills.get('A1')).toBe(MARK_FILLS.review);
});

test('a new sheet gets its head rows, headers, widths, frozen header and drop-down lists', async () => {
  const { h } = host();
  await h.createSheet({ name: '负面清单', headRows: [['负面清单']], headers: ['序号', '不予共享理由'], columnWidths: [6, 30], lists: [{ column: 1, values: ['涉密'] }], dataRows: 200 });
  const s = h.sheets.find((x) => x.name === '负面清单')!;
  expect(s.cells).toEqual([['负面清单'], ['序号', '不予共享理由']]);
  expect(s.frozenRows).toBe(2);
  expect(s.lists.get(1)).toEqual(['涉密']);
  await expect(h.createSheet({ name: '负面清单', headRows: [], headers: [], columnWidths: [], lists: [], dataRows: 0 })).rejects.toThrow('已有');
});

test('reading gives a copy, and honours cancellation', async () => {
  const { h, s } = host();
  const grid = await h.readSheet('目录');
  grid.rows[0][0] = '改';
  expect(s.cells[0][0]).toBe('序号');
  const controller = new AbortController();
  controller.abort();
  await expect(h.readSheet('目录', { signal: controller.signal })).rejects.toThrow();
});

test('settings are kept by the host', async () => {
  const { h } = host();
  await h.settings.set('serverUrl', 'https://data.example.gov.cn');
  expect(await h.settings.get('serverUrl')).toBe('https://data.example.gov.cn');
  await h.settings.set('serverUrl', null);
  expect(await h.settings.get('serverUrl')).toBeNull();
});

test('a reviewer’s note joins the check’s note on a cell; the clerk’s own note is kept and comes back on clearing', async () => {
  const { h, s } = host();
  s.notes.set('A2', '本行待核');
  await h.applyMarks([{ sheet: '目录', cell: 'B3', kind: 'error', message: '不能为空' }, { sheet: '目录', cell: 'A2', kind: 'warning', message: '请核对' }]);
  await h.applyMarks([{ sheet: '目录', cell: 'B3', kind: 'review', message: '请补充' }, { sheet: '目录', cell: 'A2', kind: 'review', message: '序号重复' }]);
  expect(s.notes.get('B3')).toBe('【错误】不能为空\n【审核意见】请补充');
  expect(s.notes.get('A2')).toBe('本行待核\n\n【警告】请核对\n【审核意见】序号重复');
  await h.clearMarks();
  expect([...s.notes]).toEqual([['A2', '本行待核']]);
});

test('a cell no message can be written to is coloured and reported', async () => {
  const { h, s } = host();
  s.locked.add('B3');
  const outcome = await h.applyMarks([{ sheet: '目录', cell: 'B3', kind: 'error', message: '不能为空' }]);
  expect(outcome.unplaced).toEqual([{ sheet: '目录', cell: 'B3', text: '【错误】不能为空' }]);
  expect(s.fills.get('B3')).toBe(MARK_FILLS.error);
  expect(s.notes.has('B3')).toBe(false);
});
