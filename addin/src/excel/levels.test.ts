/**
 * The Office.js host on the Excel versions government offices keep: Office 2016 (ExcelApi 1.1),
 * 2019 (1.7), 2021 (1.14) and Microsoft 365 (1.18 and later; 1.20 here). At each level the host
 * reads the seed 000 catalogue, marks and clears it, creates a sheet and selects a cell, on a mock
 * workbook that refuses every member above the level as that Excel does; and the sync counts
 * follow the stated formulas.
 */
import { MARK_FILLS, marksFromReport, validateWorkbook, type CellMark, type CellValue, type SheetGrid } from '../../../shared/src';
import { seedCatalogue } from '../../../test/fixtures/seed-000';
import { levelledWorkbook } from '../../test-support/levelled-workbook';
import { excelMembers } from '../../test-support/office-api-sets';
import { addressBatches, areasOf } from '../marks/batches';
import { readSyncs } from './blocks';
import { BASE_CALLS, BASE_SET, capabilitiesOf, capabilityReport, compareSets, FEATURES } from './capabilities';
import { browserSettings, ExcelHost, type DocumentSettings } from './excel-host';
import { fillSyncs } from './fills';
import { clearSyncs, markSyncs } from './marks';

const LEVELS = [
  { office: 'Office 2016', level: '1.1' },
  { office: 'Office 2019', level: '1.7' },
  { office: 'Office 2021', level: '1.14' },
  { office: 'Microsoft 365', level: '1.20' },
] as const;

const SHEET = '附件1 共享目录';
/** The clerk's own fills: the header row light blue, one blank required cell (G6) yellow, and a formatted empty cell past the data. */
const OWN_FILLS: Record<string, string> = { ...Object.fromEntries('ABCDEFGHIJKL'.split('').map((c) => [`${c}2`, '#DDEBF7'])), G6: '#FFFF00', N80: '#E2EFDA' };

beforeAll(() => {
  (globalThis as { Excel?: unknown }).Excel = { ConditionalFormatType: { custom: 'Custom' }, DataValidationAlertStyle: { warning: 'Warning' } };
});

function documentSettings(): DocumentSettings {
  const values = new Map<string, unknown>();
  return { get: (k) => values.get(k), set: (k, v) => void values.set(k, v), saveAsync: (cb) => cb?.({ status: 'succeeded' }) };
}

function hostAt(level: string, merged = true, rows: CellValue[][] = seedCatalogue().rows) {
  const seed = seedCatalogue();
  const wb = levelledWorkbook(level, [{ name: SHEET, rows, merges: merged ? seed.merges : [], fills: OWN_FILLS }]);
  const host = new ExcelHost((batch) => batch(wb.context), capabilitiesOf(wb.isSetSupported), documentSettings(), browserSettings(new Map() as never));
  return { wb, host };
}

/** The seed grid as Excel gives it: a rectangle of the used range, empty cells null. */
function asRead(grid: SheetGrid): CellValue[][] {
  const width = Math.max(...grid.rows.map((r) => r.length));
  return grid.rows.map((r) => Array.from({ length: width }, (_, j) => r[j] ?? null));
}

/** Every member the host touched, with its set: none above the level. */
function above(calls: Set<string>, level: string): string[] {
  const members = excelMembers();
  return [...calls].filter((c) => {
    const info = members.get(c.replace(/=$/, ''));
    const set = c.endsWith('=') && info?.setForWrite ? info.setForWrite : info?.set;
    return set && (set === 'preview' || compareSets(set, level) > 0);
  });
}

describe.each(LEVELS)('$office (ExcelApi $level)', ({ level }) => {
  const mergesRead = compareSets(level, '1.13') >= 0;
  const formats = compareSets(level, '1.9') >= 0;

  test('reads the seed 000 layout, with merges where this Excel reads them', async () => {
    for (const merged of [true, false]) {
      const { wb, host } = hostAt(level, merged);
      const grid = await host.readSheet(SHEET);
      expect(grid.rows).toEqual(asRead(seedCatalogue()));
      expect(grid.merges).toEqual(merged && mergesRead ? seedCatalogue().merges : []);
      expect([grid.startRow, grid.startCol]).toEqual([1, 1]);
      expect(host.capabilities.merges).toBe(mergesRead);
      expect(wb.refused).toEqual([]);
    }
  });

  test('the engine gives the same verdict as on the workbook itself', async () => {
    const { host } = hostAt(level);
    const grid = await host.readSheet(SHEET);
    expect(validateWorkbook({ sheets: [grid] })).toEqual(validateWorkbook({ sheets: [seedCatalogue()] }));
  });

  test('marks and clears: the cells’ own fills come back exactly, and the messages go where this Excel can put them', async () => {
    const { wb, host } = hostAt(level);
    const before = new Map(wb.sheet(SHEET).fills);
    const report = validateWorkbook({ sheets: [await host.readSheet(SHEET)] });
    const marks = marksFromReport(report);
    const { unplaced } = await host.applyMarks(marks);
    const sheet = wb.sheet(SHEET);
    const cells = new Set(marks.map((m) => m.cell));
    if (formats) {
      expect(sheet.fills).toEqual(before);
      expect(sheet.formats.length).toBeGreaterThan(0);
    } else {
      expect(sheet.formats).toEqual([]);
      for (const cell of cells) expect(Object.values(MARK_FILLS)).toContain(sheet.fills.get(cell));
      expect(sheet.fills.get('G6')).toBe(MARK_FILLS.error);
    }
    if (compareSets(level, '1.10') >= 0) {
      expect(unplaced).toEqual([]);
      const written = compareSets(level, '1.18') >= 0 ? [...sheet.notes.keys()] : sheet.comments.map((c) => c.cell);
      expect(new Set(written)).toEqual(cells);
    } else {
      // The pane lists them, each a click from its cell.
      expect(new Set(unplaced.map((u) => u.cell))).toEqual(cells);
    }
    // A reviewer's comment joins later on a marked cell and on a fresh one.
    await host.applyMarks([{ sheet: SHEET, cell: 'G6', kind: 'review', message: '请填写' }, { sheet: SHEET, cell: 'C4', kind: 'review', message: '名称请核对' }]);
    await host.clearMarks();
    expect(sheet.fills).toEqual(before);
    expect(sheet.formats).toEqual([]);
    expect(sheet.notes.size + sheet.comments.length).toBe(0);
    expect(wb.refused).toEqual([]);
  });

  test('a cell the clerk refilled after marking keeps the clerk’s fill', async () => {
    const { wb, host } = hostAt(level);
    await host.applyMarks([{ sheet: SHEET, cell: 'G16', kind: 'error', message: '不能为空' }, { sheet: SHEET, cell: 'G17', kind: 'error', message: '不能为空' }]);
    wb.sheet(SHEET).fills.set('G16', '#00B050');
    await host.clearMarks();
    expect(wb.sheet(SHEET).fills.get('G16')).toBe('#00B050');
    expect(wb.sheet(SHEET).fills.has('G17')).toBe(false);
  });

  test('creates a sheet, with what this Excel can do, and says what it left out', async () => {
    const { wb, host } = hostAt(level);
    const outcome = await host.createSheet({ name: '负面清单', headRows: [['政务数据共享负面清单']], headers: ['序号', '数据资源名称', '共享类型'], columnWidths: [6, 30, 12], lists: [{ column: 2, values: ['有条件共享', '不予共享'] }], dataRows: 100 });
    const made = wb.sheet('负面清单');
    expect(made.cells.slice(0, 2)).toEqual([['政务数据共享负面清单', '', ''], ['序号', '数据资源名称', '共享类型']]);
    expect(made.bold.has('B2')).toBe(true);
    expect(made.widths.get(2)).toBe(compareSets(level, '1.2') >= 0 ? 360 : undefined);
    expect(made.frozenRows).toBe(compareSets(level, '1.7') >= 0 ? 2 : 0);
    expect([...made.lists.values()]).toEqual(compareSets(level, '1.8') >= 0 ? ['有条件共享,不予共享'] : []);
    const lacking = (['columnWidths', 'freezePanes', 'dataValidation'] as const).filter((f) => compareSets(level, FEATURES[f].set) < 0);
    expect(outcome.skipped).toEqual(lacking.map((f) => FEATURES[f].without));
    expect(wb.state.active).toBe('负面清单');
    expect(wb.refused).toEqual([]);
  });

  test('lists the sheets and selects a cell', async () => {
    const { wb, host } = hostAt(level);
    expect(await host.listSheets()).toEqual([SHEET]);
    expect(await host.activeSheet()).toBe(SHEET);
    await host.selectCell(SHEET, 'G6');
    expect(wb.state.selection).toEqual({ sheet: SHEET, cell: 'G6' });
  });

  test('never asks for an API this Excel lacks', async () => {
    const { wb, host } = hostAt(level);
    const report = validateWorkbook({ sheets: [await host.readSheet(SHEET)] });
    await host.applyMarks(marksFromReport(report));
    await host.clearMarks();
    await host.createSheet({ name: 'T', headRows: [], headers: ['共享类型'], columnWidths: [8], lists: [{ column: 0, values: ['是', '否'] }], dataRows: 5 });
    await host.selectCell(SHEET, 'A1');
    expect(wb.refused).toEqual([]);
    expect(above(wb.calls, level)).toEqual([]);
    // The table is complete: every member with a set of its own is a base call or a listed feature's.
    const listed = new Set<string>([...BASE_CALLS, ...Object.values(FEATURES).flatMap((f) => f.apis)]);
    expect([...wb.calls].map((c) => c.replace(/=$/, '')).filter((c) => excelMembers().get(c)?.set && !listed.has(c))).toEqual([]);
    // And it uses what the level has.
    if (formats) expect(wb.calls).toContain('Worksheet.getRanges');
    if (mergesRead) expect(wb.calls).toContain('Range.getMergedAreasOrNullObject');
    if (compareSets(level, '1.18') >= 0) expect(wb.calls).toContain('Worksheet.notes');
  });

  test('the sync counts follow the formulas: reading, marking, clearing, within one request’s limits', async () => {
    const rows: CellValue[][] = Array.from({ length: 100_000 }, (_, i) => [`MZ${String(i).padStart(8, '0')}`, '张三', '340202198001010015', '男', 43861, '340202', '13800138000', 'user@wuhu.gov.cn', 1234.5, 3, 45000.5, '是']);
    const wb = levelledWorkbook(level, [{ name: '低保对象', rows, fills: { C2: '#FFFF00' } }]);
    const caps = capabilitiesOf(wb.isSetSupported);
    const host = new ExcelHost((batch) => batch(wb.context), caps, documentSettings(), browserSettings(new Map() as never));
    await host.readSheet('低保对象');
    const read = wb.syncs();
    // The first block is sized on a guess, later ones on the measured cells: at most the formula at the larger size.
    const measured = Math.ceil(JSON.stringify(rows.slice(0, 1000)).length / 12_000);
    expect(read).toBeLessThanOrEqual(readSyncs(100_000, 12, Math.max(40, measured)));

    // 5,000 problem cells over two columns, every 40th row: no two adjacent, one of them on the clerk's yellow C2.
    const marks: CellMark[] = Array.from({ length: 5000 }, (_, i) => ({ sheet: '低保对象', cell: `${i % 2 ? 'C' : 'G'}${2 + Math.floor(i / 2) * 40}`, kind: i % 3 ? 'error' : 'warning', message: '请修改' }));
    await host.applyMarks(marks);
    const marking = wb.syncs() - read;
    const byKind = (k: string) => areasOf(marks.filter((m) => m.kind === k).map((m) => m.cell));
    const areas = areasOf(marks.map((m) => m.cell));
    if (caps.conditionalFormats) {
      const batches = addressBatches(byKind('error')).length + addressBatches(byKind('warning')).length;
      expect(marking).toBeLessThanOrEqual(markSyncs(batches, 5000, caps.notes || caps.comments));
    } else {
      // Every area here is one cell, so none has mixed fills.
      expect(marking).toBe(fillSyncs(areas.length, 0, byKind('error').length + byKind('warning').length));
    }
    await host.clearMarks();
    const clearing = wb.syncs() - read - marking;
    // The threads are ours, one per cell, where comments carry the messages (2021).
    if (caps.conditionalFormats) expect(clearing).toBe(clearSyncs(5000, caps.notes ? 0 : 5000, caps.notes));
    else expect(clearing).toBe(fillSyncs(areas.length, 0, areas.length));
    expect(wb.sheet('低保对象').fills).toEqual(new Map([['C2', '#FFFF00']]));
    // One request stays far below Excel's 5 MB: about a thousand small commands at most (a few hundred bytes each).
    expect(Math.max(...wb.batches)).toBeLessThanOrEqual(1100);
    expect(wb.syncs()).toBeLessThan(40);
  });
});

describe('the capability table', () => {
  test('every feature’s set is the highest set of the members it uses, as Microsoft’s typings give them', () => {
    const members = excelMembers();
    for (const [feature, row] of Object.entries(FEATURES)) {
      const sets = row.apis.map((api) => [api, members.get(api)?.set] as const);
      expect([feature, sets.filter(([, set]) => !set)]).toEqual([feature, []]);
      const highest = sets.map(([, set]) => set!).sort(compareSets).at(-1);
      expect([feature, highest]).toEqual([feature, row.set]);
    }
  });

  test('the calls made on every level are all in the manifest’s base set', () => {
    const members = excelMembers();
    expect(BASE_CALLS.filter((api) => { const set = members.get(api)?.set; return set && compareSets(set, BASE_SET) > 0; })).toEqual([]);
  });

  test('the pane names the level and what is degraded', () => {
    const at = (level: string) => capabilityReport(capabilitiesOf(levelledWorkbook(level, []).isSetSupported));
    expect(at('1.7').level).toBe('此 Excel 支持 ExcelApi 1.7（相当于 Office 2019），以下功能有所不同：');
    expect(at('1.7').degraded.map((d) => d.split('：')[0])).toEqual(['读取合并单元格需要 ExcelApi 1.13', '以条件格式着色标注（不改动单元格自己的填充色）需要 ExcelApi 1.9', '新建表时添加下拉列表需要 ExcelApi 1.8', '把说明写在单元格批注（comments）中需要 ExcelApi 1.10']);
    expect(at('1.1').level).toContain('（相当于 Office 2016）');
    expect(at('1.1').degraded).toHaveLength(6);
    expect(at('1.14').degraded.map((d) => d.split('：')[0])).toEqual(['把说明写在单元格备注（notes）中需要 ExcelApi 1.18']);
    expect(at('1.20')).toEqual({ level: '此 Excel 支持 ExcelApi 1.20（相当于 Microsoft 365），加载项的全部功能可用。', degraded: [] });
  });
});

describe('the engine on seed 000 with and without merges read', () => {
  /** The resource (序号) each row belongs to: a blank 序号 continues the one above. */
  function errorsByResource(grid: SheetGrid): Record<string, string[]> {
    const report = validateWorkbook({ sheets: [grid] });
    const seqOf: Array<string | null> = [];
    let seq: string | null = null;
    grid.rows.forEach((row, i) => {
      if (i >= 2 && typeof row[0] === 'number') seq = String(row[0]);
      seqOf.push(i >= 2 ? seq : null);
    });
    const out: Record<string, string[]> = {};
    for (const issue of report.issues.filter((x) => x.severity === 'error')) {
      const key = (issue.row && seqOf[issue.row - 1]) ?? '表头';
      (out[key] ??= []).push(`${issue.ruleId} ${issue.cell ?? ''}`);
    }
    return out;
  }

  test('the same errors per resource: the merged cells Excel gives are blank below their first row, which the engine reads as the group’s', () => {
    const merged = seedCatalogue();
    const unmerged = { ...merged, merges: [] };
    const withMerges = errorsByResource(merged);
    expect(errorsByResource(unmerged)).toEqual(withMerges);
    // Not trivially equal: the header and nine of the ten resources have errors.
    expect(Object.keys(withMerges).sort()).toEqual(['264', '265', '266', '267', '268', '269', '270', '271', '272', '表头']);
    // Nor does anything else differ (warnings, counts, sheet summaries): the whole report is the same.
    expect(validateWorkbook({ sheets: [unmerged] })).toEqual(validateWorkbook({ sheets: [merged] }));
  });
});
