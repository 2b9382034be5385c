import { book, catalogueSheet, sheet, validResource } from './testing';
import { validateWorkbook } from './validate';
import { resourcesOf } from './resources';
import { findHeader } from './header';
import { parseSheet } from './parse';
import { SHEET_DEFS } from './sheets';
import { fillMerges, type CellValue, type SheetGrid } from './grid';

const HEADER = ['序号', '部门名称', '数据资源名称', '信息项名称', '共享类型', '共享方式', '更新周期', '责任科室'];

function parse(s: SheetGrid) {
  const rows = fillMerges(s);
  const issues: string[] = [];
  const p = parseSheet(s.name, rows, 1, 1, findHeader(s.name, rows, SHEET_DEFS)!, (rule, _m, at) => issues.push(`${rule}@${at?.row}:${at?.col}`));
  return { p, issues };
}

describe('resource groups', () => {
  test('continuation rows with blank resource cells belong to the resource above', () => {
    const s = sheet('目录', [
      HEADER,
      [1, '市统计局', '企业名录', '企业名称', '无条件共享', '接口', '每月', '综合科'],
      [null, null, null, '统一社会信用代码', null, null, null, null],
      [2, null, '人口统计', '年份', '有条件共享', '文件', '每年', '社会科'],
    ]);
    const { p, issues } = parse(s);
    expect(issues).toEqual([]);
    expect(p.groups!.map((g) => [g.row, g.fields.resourceName!.text, g.items.length])).toEqual([[2, '企业名录', 2], [4, '人口统计', 1]]);
    // The department is written once for the sheet and carried down.
    expect(p.groups![1].fields.department).toMatchObject({ norm: '市统计局', inherited: true });
  });

  test('merged resource cells are honoured and raise nothing', () => {
    const s = sheet(
      '目录',
      [HEADER, [1, '市统计局', '企业名录', '企业名称', '无条件共享', '接口', '每月', '综合科'], [null, null, null, '统一社会信用代码', null, null, null, null]],
      [1, 2, 3, 5, 6, 7, 8].map((c) => ({ top: 2, left: c, bottom: 3, right: c })),
    );
    const { p, issues } = parse(s);
    expect(issues).toEqual([]);
    expect(p.groups).toHaveLength(1);
    expect(p.groups![0].items).toHaveLength(2);
  });

  test('a resource value repeated on every row is fine; a different one is an error at that cell', () => {
    const rows: CellValue[][] = [HEADER, [1, '市统计局', '企业名录', '企业名称', '无条件共享', '接口', '每月', '综合科'], [null, null, '企业名录', '注册资本', '无条件使用', null, '每季度', null]];
    const { p, issues } = parse(sheet('目录', rows));
    expect(p.groups).toHaveLength(1);
    expect(issues).toEqual(['group.inconsistent@3:7']);
  });

  test('a value written only on a later row of the group still belongs to the resource', () => {
    const rows: CellValue[][] = [HEADER, [1, '市统计局', '企业名录', '企业名称', null, '接口', '每月', '综合科'], [null, null, null, '注册资本', '无条件共享', null, null, null]];
    const { p, issues } = parse(sheet('目录', rows));
    expect(issues).toEqual([]);
    expect(p.groups![0].fields.shareType!.norm).toBe('无条件共享');
  });

  test('a new 序号 or a new resource name starts a new resource', () => {
    const rows: CellValue[][] = [HEADER, [1, '市统计局', '甲', 'a', '无条件共享', '接口', '每月', '综合科'], [null, null, '乙', 'b', '无条件共享', '接口', '每月', '综合科'], [3, null, null, 'c', '无条件共享', '接口', '每月', '综合科']];
    expect(parse(sheet('目录', rows)).p.groups!.map((g) => g.items.length)).toEqual([1, 1, 1]);
  });

  test('blank rows, a column-number row and a note under the table are skipped', () => {
    const rows: CellValue[][] = [HEADER, [1, 2, 3, 4, 5, 6, 7, 8], [1, '市统计局', '甲', 'a', '无条件共享', '接口', '每月', '综合科'], [], [null, null], ['注：本表由计算科汇总。']];
    const { p, issues } = parse(sheet('目录', rows));
    expect(issues).toEqual([]);
    expect(p.rows.map((r) => r.row)).toEqual([3]);
  });

  test('a required item cell left blank is reported on its row', () => {
    const rows: CellValue[][] = [HEADER, [1, '市统计局', '甲', 'a', '无条件共享', '接口', '每月', '综合科'], [null, null, null, null, null, '文件', null, null]];
    expect(parse(sheet('目录', rows)).issues).toContain('cell.required@3:4');
  });
});

describe('catalogue resources for templates and the server', () => {
  test('carry items with their type, length and key', () => {
    const s = catalogueSheet([validResource({ 数据资源名称: '企业名录', items: [['统一社会信用代码', '字符型C', 18], ['注册资本', 'Y', null]] })]);
    const wb = book(s);
    expect(validateWorkbook(wb).counts.errors).toBe(0);
    const rows = fillMerges(s);
    const p = parseSheet(s.name, rows, 1, 1, findHeader(s.name, rows, SHEET_DEFS)!, () => undefined);
    expect(resourcesOf(p)).toEqual([
      expect.objectContaining({
        name: '企业名录',
        department: '芜湖市统计局',
        shareType: '无条件共享',
        items: [
          { name: '统一社会信用代码', dataType: 'C', dataLength: 18, isKey: false },
          { name: '注册资本', dataType: 'Y', dataLength: null, isKey: false },
        ],
      }),
    ]);
  });
});
