/**
 * Seed 000's 附件1 and 附件2, written as a real .xlsx with exceljs (title rows, multi-line
 * headers, merged resource cells, the seed's synonyms), read back and validated: the report a
 * clerk of 芜湖市统计局 would get on the workbook they actually sent in 2020.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateWorkbook, type Report } from '../shared/src';
import { readWorkbook } from '../server/src/xlsx/read';
import { seedCatalogue, seedDemand, writeSeedWorkbook } from './fixtures/seed-000';

let dir: string;
let report: Report;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'govcat-seed-'));
  const file = join(dir, '芜湖市统计局一目录三清单.xlsx');
  await writeSeedWorkbook(file);
  report = validateWorkbook(await readWorkbook(file));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const issues = (sheet: string, rule?: string) => report.issues.filter((i) => i.sheet === sheet && (!rule || i.ruleId === rule));

test('reading the .xlsx gives the same grid the fixture was written from, merges included', async () => {
  const grid = await readWorkbook(join(dir, '芜湖市统计局一目录三清单.xlsx'));
  expect(grid.sheets.map((s) => s.name)).toEqual(['附件1 共享目录', '附件2 需求清单']);
  const expected = seedCatalogue();
  expect(grid.sheets[0].rows[1]).toEqual(expected.rows[1]);
  expect(grid.sheets[0].merges).toEqual(expect.arrayContaining(expected.merges!));
  expect(grid.sheets[0].merges).toHaveLength(expected.merges!.length);
  expect(validateWorkbook({ sheets: [expected, seedDemand()] })).toEqual(report);
});

test('both sheets are recognised below their titles', () => {
  expect(report.sheets).toEqual([
    { name: '附件1 共享目录', kind: 'catalogue', kindLabel: '数据资源目录', headerRow: 2, dataRows: 73, resources: 10, template: null },
    { name: '附件2 需求清单', kind: 'demand', kindLabel: '共享需求清单', headerRow: 2, dataRows: 8, resources: null, template: null },
  ]);
});

describe('附件1 共享目录', () => {
  const S = '附件1 共享目录';

  test('the seed synonyms are all understood: no unknown or missing standard columns', () => {
    expect(issues(S, 'header.unknown-column')).toEqual([]);
    expect(issues(S, 'header.missing-column').map((i) => i.column)).toEqual(['不予共享依据']);
  });

  test('resource 264 is 不可使用 (不予共享) but the sheet has no column for its legal basis: once on the header, once on the resource', () => {
    const [missing] = issues(S, 'header.missing-column');
    expect(missing).toMatchObject({ row: 2, cell: null, severity: 'error' });
    expect(missing.message).toContain('“不可使用”（不予共享）');
    // The clerk is taken to resource 264's own row (G5), the 部门间数据使用属性 cell that decides it.
    const [basis] = issues(S, 'catalogue.unshared-basis');
    expect(issues(S, 'catalogue.unshared-basis')).toHaveLength(1);
    expect(basis).toMatchObject({ cell: 'G5', row: 5, column: '部门间数据使用属性', value: '不可使用', severity: 'error' });
    expect(basis.message).toContain('资源“各部门统计报表数据”');
    expect(basis.message).toContain('不予共享依据');
  });

  test('resources 265–272 leave 部门间数据使用属性 blank: one error each, on the resource first row', () => {
    expect(issues(S, 'cell.required').map((i) => i.cell)).toEqual(['G6', 'G16', 'G33', 'G40', 'G47', 'G55', 'G64', 'G71']);
    expect(issues(S, 'cell.required')[0].message).toContain('部门间数据使用属性');
  });

  test('the merged department and resource cells raise no inconsistency', () => {
    expect(issues(S, 'group.inconsistent')).toEqual([]);
    expect(issues(S, 'cell.duplicate')).toEqual([]);
  });

  test('legal-person lists without 统一社会信用代码 and a person list without identity number are flagged', () => {
    expect(issues(S, 'catalogue.legal-person-items').map((i) => i.value)).toEqual(['芜湖市统计基层基础规范化建设达标企业名单', '芜湖市\n工业规上企业名单']);
    expect(issues(S, 'catalogue.natural-person-items').map((i) => [i.cell, i.message.includes('证件类型、证件号码')])).toEqual([['C64', true]]);
  });

  test('totals', () => {
    expect(report.counts.bySheet[S]).toEqual({ errors: 10, warnings: 3 });
  });
});

describe('附件2 需求清单', () => {
  const S = '附件2 需求清单';

  test('the multi-line synonym headers are read; the unknown column is reported once', () => {
    expect(issues(S, 'header.unknown-column').map((i) => [i.cell, i.column])).toEqual([['C2', '数据共享责任(数据大类)']]);
  });

  test('the list names no providing department: one error for the sheet, not one per row', () => {
    expect(issues(S, 'header.missing-column').map((i) => i.column)).toEqual(['提供部门']);
  });

  test('demands without the wanted items get a warning on their cell; the note under the table is not a demand', () => {
    expect(issues(S, 'demand.items').map((i) => i.cell)).toEqual(['E7', 'E8', 'E9', 'E10']);
    expect(report.issues.some((i) => i.row === 11)).toBe(false);
  });

  test('totals', () => {
    expect(report.counts.bySheet[S]).toEqual({ errors: 1, warnings: 5 });
    expect(report.counts).toMatchObject({ errors: 11, warnings: 8 });
  });
});
