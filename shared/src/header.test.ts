import { findHeader, isColumnNumberRow, isFootnoteRow } from './header';
import { SHEET_DEFS } from './sheets';
import { headerKey } from './text';
import type { CellValue } from './grid';

const keys = (rows: CellValue[][], name = 'Sheet1') => {
  const m = findHeader(name, rows, SHEET_DEFS);
  return m && { kind: m.def.kind, headerIndex: m.headerIndex, keys: m.columns.map((c) => c.def.key), unknown: m.unknown.map((u) => u.header), missing: m.missing.map((c) => c.label) };
};

describe('headerKey: headers as staff write them', () => {
  test.each([
    ['数据\n资源名称', '数据资源名称'],
    [' 共享 类型 ', '共享类型'],
    ['共享类型（无条件共享/有条件共享/不予共享）', '共享类型'],
    ['*数据资源名称', '数据资源名称'],
    ['更新周期：', '更新周期'],
    ['数据长度(字节)', '数据长度'],
    ['固定资产投资\n绝对数（亿元）', '固定资产投资绝对数'],
    ['ＥＭＡＩＬ', 'email'],
    ['数据共享责任\n(数据大类)', '数据共享责任'],
  ])('%j reads as %j', (raw, expected) => {
    expect(headerKey(raw)).toBe(expected);
  });
});

describe('findHeader', () => {
  test('finds the header under a title and a blank row, in any column order, with synonyms', () => {
    const m = keys([['芜湖市政务数据共享目录（2019年版）'], [], ['责任科室', '数据字段', '数据类别', '部门名称', '部门间数据使用属性']]);
    expect(m).toMatchObject({ kind: 'catalogue', headerIndex: 2, keys: ['responsibleOffice', 'itemName', 'resourceName', 'department', 'shareType'], unknown: [], missing: [] });
  });

  test('reports unknown columns and missing required columns', () => {
    const m = keys([['序号', '信息资源名称', '信息项', '共享属性', '联系人QQ']]);
    expect(m?.unknown).toEqual(['联系人QQ']);
    expect(m?.missing).toEqual(['部门名称', '责任科室']);
  });

  test('reads a two-row header where group cells are merged down', () => {
    const rows: CellValue[][] = [
      ['序号', '部门名称', '数据资源名称', '信息项名称', '共享属性', '共享属性', '责任科室'],
      ['序号', '部门名称', '数据资源名称', '信息项名称', '共享类型', '共享条件', '责任科室'],
    ];
    // With merges filled, the upper row repeats the group label; the lower row names the columns.
    const m = keys(rows);
    expect(m?.headerIndex).toBe(1);
    expect(m?.keys).toContain('shareCondition');
  });

  test('takes a column from the row above when the lower header cell is empty', () => {
    const rows: CellValue[][] = [
      ['序号', '部门名称', '数据资源名称', '信息项', null, '责任科室'],
      [null, null, null, '信息项名称', '数据类型', null],
    ];
    const m = findHeader('目录', rows, SHEET_DEFS);
    expect(m?.headerIndex).toBe(1);
    expect(m?.columns.map((c) => c.def.key).sort()).toEqual(['dataType', 'department', 'itemName', 'resourceName', 'responsibleOffice', 'seq']);
  });

  test('does not look past the first 20 rows', () => {
    const rows: CellValue[][] = Array.from({ length: 20 }, (_, i) => [`说明第${i + 1}条`]);
    rows.push(['序号', '部门名称', '数据资源名称', '信息项名称', '共享类型', '责任科室']);
    expect(keys(rows)).toBeNull();
    expect(keys(rows.slice(1))).not.toBeNull();
  });

  test('tells the kinds apart', () => {
    expect(keys([['序号', '单位', '数据供需差异', '被需求数据字段', '责任科室']])?.kind).toBe('demand');
    expect(keys([['序号', '部门名称', '数据资源名称', '信息项', '不予共享理由', '法律法规依据', '责任科室']])?.kind).toBe('negative');
    expect(keys([['单位', '负责人', '职务', '联系人', '办公电话', '手机', '电子邮箱']])?.kind).toBe('contact');
    const resp = [['序号', '部门名称', '数据资源名称', '信息项', '共享类型', '更新周期', '责任科室']];
    expect(keys(resp, '共享责任清单')?.kind).toBe('responsibility');
    // Without a name that says so, the same columns are a catalogue.
    expect(keys(resp, 'Sheet1')?.kind).toBe('catalogue');
  });

  test('a row of data is not a header', () => {
    expect(keys([['263', '芜湖市统计局', '全市经济指标相关数据', '上年同期增幅']])).toBeNull();
  });
});

describe('rows under the header that are not data', () => {
  test('a row numbering the columns', () => {
    expect(isColumnNumberRow([1, 2, 3, 4, 5])).toBe(true);
    expect(isColumnNumberRow(['(1)', '(2)', '(3)'])).toBe(true);
    expect(isColumnNumberRow([263, '芜湖市统计局', 3])).toBe(false);
    expect(isColumnNumberRow([1, 2])).toBe(false);
  });

  test('a note under the table, also when merged across the row', () => {
    expect(isFootnoteRow(['注：以当年目录为准。'])).toBe(true);
    expect(isFootnoteRow(['填表说明：', '填表说明：', '填表说明：'])).toBe(true);
    expect(isFootnoteRow(['注：以当年目录为准。', '综合科'])).toBe(false);
    expect(isFootnoteRow(['注册资本'])).toBe(false);
  });
});
