import type { CellValue } from './grid';
import { book, catalogueSheet, resource, sheet, templateSheet, validResource } from './testing';
import { validateWorkbook, WorkbookValidation, INTERNAL_SHEET_PREFIX, readCatalogue } from './validate';

const res = resource();
const catalogue = catalogueSheet([
  validResource({ 资源代码: res.code, 数据资源名称: res.name, 共享类型: '有条件共享', 共享条件: '限统计执法', items: res.items.map((i) => [i.name, i.dataType, i.dataLength]) }),
]);
const rows: CellValue[][] = [['TJ001', '张三', '11010519491231002X', '2020-01-31'], ['TJ002', '李四', '110105194912310025', '2020-02-30']];

describe('validateWorkbook', () => {
  test('blank sheets (Sheet2, Sheet3) and the product’s own sheets are passed over silently', () => {
    const r = validateWorkbook(book(catalogue, sheet('Sheet2', []), sheet('Sheet3', [[null, ''], [' ']]), sheet(`${INTERNAL_SHEET_PREFIX}_lists`, [['无条件共享']])));
    expect(r.issues).toEqual([]);
    expect(r.sheets.map((s) => [s.name, s.kind])).toEqual([['目录', 'catalogue'], ['Sheet2', null], ['Sheet3', null]]);
  });

  test('addresses follow a grid read from a used range lower and to the right', () => {
    const s = { ...catalogueSheet([validResource({ 责任科室: null })]), startRow: 5, startCol: 3 };
    expect(validateWorkbook(book(s)).issues.map((i) => [i.cell, i.row, i.col])).toEqual([['T7', 7, 20]]);
  });

  test('counts cover every issue even when the list is cut at maxIssues', () => {
    const many = catalogueSheet(Array.from({ length: 30 }, () => validResource({ 责任科室: null, 共享方式: null })));
    const r = validateWorkbook(book(many), { maxIssues: 10 });
    expect(r.issues).toHaveLength(10);
    expect(r.truncated).toBe(true);
    expect(r.counts.errors).toBe(60);
    expect(r.counts.byRule).toEqual({ 'cell.required': 30, 'catalogue.share-method': 30 });
  });
});

describe('WorkbookValidation fed row by row', () => {
  function feed(v: WorkbookValidation, name: string, grid: CellValue[][], afterRows?: () => void) {
    const sink = v.beginSheet(name);
    grid.forEach((r, i) => sink.row(i, r));
    afterRows?.();
    sink.end([]);
  }

  test('gives the same report as the grid, whichever sheet comes first', () => {
    const tpl = templateSheet(res, rows);
    const expected = validateWorkbook(book(catalogue, tpl));
    const v = new WorkbookValidation();
    feed(v, catalogue.name, catalogue.rows);
    feed(v, tpl.name, tpl.rows);
    expect(v.finish()).toEqual(expected);
    const later = validateWorkbook(book(tpl, catalogue));
    expect(later.counts).toEqual(expected.counts);
    expect(later.issues.map((i) => i.cell).sort()).toEqual(expected.issues.map((i) => i.cell).sort());
  });

  test('a template whose resource is already known is checked as rows arrive, not held until the end', () => {
    const filler = Array.from({ length: 40 }, (_, i): CellValue[] => [`TJ1${i}`, '王五', '340202198001010015', '2021-06-30']);
    const tpl = templateSheet(res, [...rows, ...filler]);
    const v = new WorkbookValidation({ catalogue: [res] });
    // Mending the rows after handing them over changes nothing: they were checked on arrival.
    feed(v, tpl.name, tpl.rows, () => {
      tpl.rows[4][2] = '11010519491231002X';
      tpl.rows[4][3] = '2020-01-31';
    });
    const r = v.finish();
    expect(r.sheets[0]).toMatchObject({ kind: 'template', dataRows: 42 });
    expect(r.issues.map((i) => [i.ruleId, i.cell])).toEqual([['id.idcard', 'C5'], ['template.date', 'D5']]);
  });

  test('a template seen before its catalogue is held and checked at the end', () => {
    const tpl = templateSheet(res, rows);
    const v = new WorkbookValidation();
    feed(v, tpl.name, tpl.rows);
    feed(v, catalogue.name, catalogue.rows);
    expect(v.finish().sheets[0]).toMatchObject({ kind: 'template', dataRows: 2 });
  });

  test('rows may skip indexes (empty rows in the file are not sent)', () => {
    const v = new WorkbookValidation();
    const sink = v.beginSheet(catalogue.name);
    // Title row 1 and rows 3-4 are empty in the file; the header is row 2.
    sink.row(1, catalogue.rows[1]);
    catalogue.rows.slice(2).forEach((r, i) => sink.row(4 + i, r));
    sink.end([]);
    const r = v.finish();
    expect(r.sheets[0]).toMatchObject({ kind: 'catalogue', headerRow: 2, dataRows: catalogue.rows.length - 2 });
    expect(r.issues.length).toBe(0);
    expect(r.issues).toEqual([]);
  });
});

describe('readCatalogue locations', () => {
  test('each resource’s sheet rows and its items’ rows, below a title row', () => {
    const located = readCatalogue(book(
      catalogueSheet([
        validResource({ 数据资源名称: '人口统计', items: [['年份', 'N', 4], ['人口数', 'N', 12], ['地区', 'C', 20]] }),
        validResource({ 数据资源名称: '企业名录', items: [['企业名称', 'C', 100]] }),
      ]),
      sheet('说明', [['这不是目录']]),
    )).locations;
    expect(located).toEqual([
      { sheet: '目录', name: '人口统计', row: 3, lastRow: 5, items: [{ name: '年份', row: 3 }, { name: '人口数', row: 4 }, { name: '地区', row: 5 }] },
      { sheet: '目录', name: '企业名录', row: 6, lastRow: 6, items: [{ name: '企业名称', row: 6 }] },
    ]);
  });
});
