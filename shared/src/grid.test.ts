import { clipMerges, dataExtent, declaredMergeCells, EXCEL_COLUMNS, fillMerges, mergedCellCount, oversizedMergesMessage, type CellValue, type SheetGrid } from './grid';

describe('merged areas are filled only as far as the sheet has values', () => {
  test('a merge over A1:XFD2000 with values in A1 and A2000 fills column A only, not 32 million cells', () => {
    const rows: CellValue[][] = Array.from({ length: 2000 }, () => []);
    rows[0] = ['数据资源名称'];
    rows[1999] = ['x'];
    const sheet: SheetGrid = { name: '目录', rows, merges: [{ top: 1, left: 1, bottom: 2000, right: EXCEL_COLUMNS }] };
    expect(clipMerges(sheet.merges!, dataExtent(sheet))).toEqual([{ top: 1, left: 1, bottom: 2000, right: 1 }]);
    const filled = fillMerges(sheet);
    expect(Math.max(...filled.map((r) => r.length))).toBe(1);
    expect(filled[1]).toEqual(['数据资源名称']);
    expect(filled[1999]).toEqual(['x']);
    // The input is not changed.
    expect(rows[1]).toEqual([]);
  });

  test('a merge within the values is filled as before; one beyond them adds nothing', () => {
    const sheet: SheetGrid = {
      name: '目录',
      rows: [['标题', null, null], ['甲', 'a', 1], [null, 'b', 2]],
      merges: [
        { top: 1, left: 1, bottom: 1, right: 3 },
        { top: 2, left: 1, bottom: 3, right: 1 },
        { top: 1, left: 5, bottom: 3, right: 9 },
        { top: 9, left: 1, bottom: 12, right: 1 },
      ],
    };
    expect(fillMerges(sheet)).toEqual([['标题', '标题', '标题'], ['甲', 'a', 1], ['甲', 'b', 2]]);
  });

  test('clipping keeps each top-left cell: a merge whose anchor lies outside the values is dropped, one cut to a single cell too', () => {
    // Values in rows 3–6, columns B–D.
    const extent = { startRow: 3, startCol: 2, rowCount: 4, width: 3 };
    const merges = [
      { top: 2, left: 2, bottom: 5, right: 3 },
      { top: 3, left: 1, bottom: 4, right: 3 },
      { top: 6, left: 4, bottom: 9, right: 9 },
      { top: 6, left: 3, bottom: 6, right: 9 },
      { top: 4, left: 2, bottom: 5, right: 3 },
    ];
    expect(clipMerges(merges, extent)).toEqual([{ top: 6, left: 3, bottom: 6, right: 4 }, merges[4]]);
  });

  test('the cells a fill writes are counted, so a limit can refuse a wide and long merge before it is filled', () => {
    const wide: SheetGrid = { name: '表', rows: [Array.from({ length: EXCEL_COLUMNS }, () => 1), ...Array.from({ length: 1999 }, () => [1])], merges: [{ top: 1, left: 1, bottom: 2000, right: EXCEL_COLUMNS }] };
    expect(mergedCellCount(clipMerges(wide.merges!, dataExtent(wide)))).toBe(2000 * EXCEL_COLUMNS - 1);
    expect(mergedCellCount([{ top: 1, left: 1, bottom: 2, right: 2 }, { top: 5, left: 1, bottom: 5, right: 3 }])).toBe(3 + 2);
  });
});

describe('declared merges', () => {
  test('count every cell they cover, and the refusal names the largest', () => {
    const merges = [
      { top: 1, left: 1, bottom: 2, right: 2 },
      { top: 1, left: 1, bottom: 2000, right: 16_384 },
    ];
    expect(declaredMergeCells(merges)).toBe(4 + 32_768_000);
    expect(oversizedMergesMessage(merges, 32_768_004, 6_000_000)).toContain('32,768,004 个单元格（最大的是 A1:XFD2000），超过 6,000,000 个单元格的上限');
  });
});
