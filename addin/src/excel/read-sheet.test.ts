import { readSheet, mergesOf } from './read-sheet';
import { readSyncs, rowsPerBlock } from './blocks';
import { countingContext, type MockNode } from '../../test-support/mock-context';
import { parseRange } from '../../../shared/src';
import { capabilitiesOf } from './capabilities';

const ALL = capabilitiesOf(() => true);


/**
 * A worksheet in office-addin-mock: getRange adds the block it is asked for to the
 * object model, so that context.sync() loads it like Excel would; syncs are counted.
 */
function mockWorkbook(cells: unknown[][], merged: string | null, origin = { row: 0, col: 0 }) {
  const columns = Math.max(0, ...cells.map((r) => r.length));
  const data = {
    workbook: {
      worksheets: {
        sheet: {
          used: {
            isNullObject: cells.length === 0,
            rowIndex: origin.row,
            columnIndex: origin.col,
            rowCount: cells.length,
            columnCount: columns,
            merged: { isNullObject: merged === null, address: merged ?? '' },
            getMergedAreasOrNullObject() {
              return this.merged;
            },
          },
          getUsedRangeOrNullObject() {
            return this.used;
          },
          getRange(this: MockNode, address: string) {
            const area = parseRange(address)!;
            const [row, col, rowCount, colCount] = [area.top - 1, area.left - 1, area.bottom - area.top + 1, area.right - area.left + 1];
            const key = `block_${row}_${col}_${rowCount}_${colCount}`;
            if (!this[key]) {
              this.addMock(key);
              const values = cells.slice(row - origin.row, row - origin.row + rowCount).map((r) => Array.from({ length: colCount }, (_, j) => r[col - origin.col + j] ?? ''));
              (this[key] as MockNode).populate({ values });
              requested.push([row, rowCount]);
            }
            return this[key];
          },
        },
        getItem() {
          return this.sheet;
        },
      },
    },
  };
  const requested: Array<[number, number]> = [];
  return { ...countingContext(data), requested };
}

test('a sheet comes back as a grid with its merges and where its used range starts', async () => {
  const { context, syncs } = mockWorkbook([['目录'], ['序号', '部门名称'], [1, '芜湖市统计局'], [2, '']], 'Sheet1!$B$3:$B$4,Sheet1!A1:B1', { row: 2, col: 1 });
  const grid = await readSheet(context, '目录', ALL);
  expect(grid).toEqual({
    name: '目录',
    rows: [['目录', null], ['序号', '部门名称'], [1, '芜湖市统计局'], [2, null]],
    merges: [{ top: 3, left: 2, bottom: 4, right: 2 }, { top: 1, left: 1, bottom: 1, right: 2 }],
    startRow: 3,
    startCol: 2,
  });
  expect(syncs()).toBe(2);
});

test('an empty sheet takes one sync and gives no rows', async () => {
  const { context, syncs } = mockWorkbook([], null);
  expect(await readSheet(context, '空表', ALL)).toEqual({ name: '空表', rows: [] });
  expect(syncs()).toBe(1);
});

test('100,000 rows × 12 columns are read in blocks within the payload limits, in 1 + ⌈rows ÷ block⌉ syncs', async () => {
  const cells = Array.from({ length: 100_000 }, (_, i) => [`MZ${String(i).padStart(8, '0')}`, '张三', '340202198001010015', '男', 43861, '340202', '13800138000', 'user@wuhu.gov.cn', 1234.5, 3, 45000.5, '是']);
  const { context, syncs, requested } = mockWorkbook(cells, null);
  const progress: number[] = [];
  const grid = await readSheet(context, '低保对象', ALL, { onProgress: (done) => progress.push(done) });
  expect(grid.rows).toHaveLength(100_000);
  expect(grid.rows[99_999][0]).toBe('MZ00099999');
  // Every block asked for is within the limits, and together they cover each row once.
  expect(requested.reduce((n, [, count]) => n + count, 0)).toBe(100_000);
  for (const [, count] of requested) expect(count).toBeLessThanOrEqual(rowsPerBlock(12, 40));
  // The first block is sized on a guess, later ones on what the cells measured.
  const measured = Math.ceil(JSON.stringify(cells.slice(0, 1000)).length / 12000);
  expect(syncs()).toBeLessThanOrEqual(readSyncs(100_000, 12, Math.max(40, measured)));
  expect(syncs()).toBe(1 + requested.length);
  expect(progress.at(-1)).toBe(100_000);
});

test('a read can be cancelled between blocks', async () => {
  const cells = Array.from({ length: 50_000 }, () => ['x'.repeat(100), 1]);
  const { context } = mockWorkbook(cells, null);
  const controller = new AbortController();
  await expect(readSheet(context, 'T', ALL, { signal: controller.signal, onProgress: () => controller.abort() })).rejects.toThrow();
});

test('merged-area addresses are read with or without sheet names and dollar signs', () => {
  expect(mergesOf("'附件1 共享目录'!$A$1:$L$1,B3:B9")).toEqual([{ top: 1, left: 1, bottom: 1, right: 12 }, { top: 3, left: 2, bottom: 9, right: 2 }]);
});
