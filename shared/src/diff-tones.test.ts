import { diffCatalogues } from './diff';
import { diffTones } from './diff-tones';
import { book, catalogueSheet, validResource } from './testing';
import { readCatalogue } from './validate';

const resourcesOf = (w: Parameters<typeof readCatalogue>[0]) => readCatalogue(w).resources;
const locationsOf = (w: Parameters<typeof readCatalogue>[0]) => readCatalogue(w).locations;

const rowsOf = (marks: ReturnType<typeof diffTones>) => Object.fromEntries(marks.filter((m) => m.sheet === '目录').map((m) => [m.row, m.tone]));

describe('diffTones', () => {
  const before = book(catalogueSheet([
    validResource({ 资源代码: '307021022100/000001', 数据资源名称: '人口统计', items: [['年份', 'N', 4], ['人口数', 'N', 12]] }),
    validResource({ 资源代码: '307021022100/000002', 数据资源名称: '企业名录', items: [['企业名称', 'C', 100]] }),
  ]));
  const after = book(catalogueSheet([
    // Rows 3–5: share type changed, one item widened, one item added.
    validResource({ 资源代码: '307021022100/000001', 数据资源名称: '人口统计', 共享类型: '有条件共享', 共享条件: '限统计用途', items: [['年份', 'N', 4], ['人口数', 'N', 14], ['地区', 'C', 20]] }),
    // Row 6: unchanged.
    validResource({ 资源代码: '307021022100/000002', 数据资源名称: '企业名录', items: [['企业名称', 'C', 100]] }),
    // Rows 7–8: new.
    validResource({ 资源代码: '307021022100/000003', 数据资源名称: '社团名录', items: [['社团名称', 'C', 100], ['登记日期', 'D', 8]] }),
  ]));

  test('new resources, changed resources and items are tinted on their own rows; unchanged rows are not', () => {
    const diff = diffCatalogues(resourcesOf(before), resourcesOf(after));
    expect(rowsOf(diffTones(locationsOf(after), diff))).toEqual({ 3: 'changed', 4: 'changed', 5: 'added', 7: 'added', 8: 'added' });
  });

  test('with nothing approved before, every resource row is new', () => {
    const diff = diffCatalogues([], resourcesOf(after));
    expect(diffTones(locationsOf(after), diff).map((m) => m.row)).toEqual([3, 4, 5, 6, 7, 8]);
  });
});
