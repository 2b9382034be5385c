/**
 * Where catalogue rules point: a rule about a resource lands on the resource's first row, in the
 * column that is wrong or decides it, and names the resource; a column the sheet lacks is also
 * reported once on the header.
 */
import { issueText, withColumn } from '../report-groups';
import { book, catalogueSheet, CATALOGUE_HEADERS, validResource } from '../testing';
import { validateWorkbook } from '../validate';

const unshared = (name: string) => validResource({ 数据资源名称: name, 共享类型: '不予共享', 不予共享依据: null, 开放属性: '不予开放', items: [['年份', 'N', 4], ['地区', 'C', 20]] });
const headers = (...without: string[]) => CATALOGUE_HEADERS.filter((h) => !without.includes(h));

describe('a column the rules need is missing', () => {
  // Rows: 1 title, 2 header, 3–4 甲, 5–6 乙 (shared), 7–8 丙.
  const r = validateWorkbook(book(catalogueSheet([unshared('甲'), validResource({ 数据资源名称: '乙' }), unshared('丙')], { headers: headers('不予共享依据') })));
  const of = (rule: string) => r.issues.filter((i) => i.ruleId === rule);

  test('once on the header row, for the sheet', () => {
    expect(of('header.missing-column').map((i) => [i.row, i.cell, i.column])).toEqual([[2, null, '不予共享依据']]);
  });

  test('and once per affected resource, on its 共享类型 cell, naming it', () => {
    // 共享类型 is column H; 不予共享依据 dropped, so it stays H.
    expect(of('catalogue.unshared-basis').map((i) => [i.cell, i.column, i.value])).toEqual([['H3', '共享类型', '不予共享'], ['H7', '共享类型', '不予共享']]);
    expect(of('catalogue.unshared-basis').map((i) => i.message.slice(0, 6))).toEqual(['资源“甲”：', '资源“丙”：']);
    expect(of('catalogue.unshared-basis')[0].message).toContain('表中还没有“不予共享依据”列');
  });

  test('4级 without an 开放属性 column points at the 安全级别 cell', () => {
    const rep = validateWorkbook(book(catalogueSheet([validResource({ 数据资源名称: '丁', 安全级别: '4级' })], { headers: headers('开放属性', '开放条件') })));
    const level = rep.issues.filter((i) => i.ruleId === 'catalogue.level4-open');
    expect(level.map((i) => [i.cell, i.column])).toEqual([['O3', '安全级别']]);
    expect(rep.issues.filter((i) => i.ruleId === 'header.missing-column').map((i) => i.column)).toEqual(['开放属性']);
  });
});

describe('a column that is there but blank', () => {
  test('the blank cell on the resource’s first row, with the resource’s name', () => {
    const r = validateWorkbook(book(catalogueSheet([validResource({ 数据资源名称: '甲' }), unshared('乙')])));
    const basis = r.issues.filter((i) => i.ruleId === 'catalogue.unshared-basis');
    expect(basis.map((i) => [i.cell, i.column])).toEqual([['J5', '不予共享依据']]);
    expect(basis[0].message).toMatch(/^资源“乙”：/);
  });

  test('a value written lower in the group is reported on the group’s first row, in its column', () => {
    const s = catalogueSheet([validResource({ 数据资源名称: '甲', 开放属性: null, 安全级别: '3级' })]);
    s.rows[3][CATALOGUE_HEADERS.indexOf('开放属性')] = '无条件开放';
    const [issue] = validateWorkbook(book(s)).issues.filter((i) => i.ruleId === 'catalogue.level3-open');
    expect(issue).toMatchObject({ cell: 'M3', value: '无条件开放' });
  });

  test('a required resource cell left blank names the resource and the column once', () => {
    const r = validateWorkbook(book(catalogueSheet([validResource({ 数据资源名称: '甲', 责任科室: null })])));
    expect(r.issues.map((i) => [i.cell, i.message])).toEqual([['R3', '资源“甲”的“责任科室”不能为空，请填写']]);
  });
});

describe('the column is said once', () => {
  test('a synonym header is named as written, with the standard name after it', () => {
    const s = catalogueSheet([validResource({ 数据资源名称: '甲', 共享类型: null })], { headers: CATALOGUE_HEADERS.map((h) => (h === '共享类型' ? '部门间数据使用属性' : h)) });
    const [issue] = validateWorkbook(book(s)).issues.filter((i) => i.ruleId === 'cell.required');
    expect(issue.message).toBe('资源“甲”的“部门间数据使用属性”（共享类型）不能为空，请填写');
    expect(issueText(issue)).toBe(issue.message);
  });

  test('issueText leads with 【column】 only when the message does not name it', () => {
    expect(issueText({ column: '被需求数据字段', message: '请列出所需的信息项' })).toBe('【被需求数据字段】请列出所需的信息项');
    expect(issueText({ column: '责任科室', message: '“责任科室”不能为空，请填写' })).toBe('“责任科室”不能为空，请填写');
    expect(issueText({ column: null, message: '只有表头' })).toBe('只有表头');
    expect(withColumn('手机', '手机号码应为 11 位数字', (c) => `${c}：`)).toBe('手机号码应为 11 位数字');
    expect(withColumn('移动电话', '手机号码应为 11 位数字', (c) => `${c}：`)).toBe('移动电话：手机号码应为 11 位数字');
  });
});

describe('an empty catalogue', () => {
  test('a header with no resources under it is an error, not a quiet pass', () => {
    const r = validateWorkbook(book(catalogueSheet([])));
    expect(r.counts.errors).toBe(1);
    expect(r.issues).toEqual([expect.objectContaining({ ruleId: 'catalogue.empty', severity: 'error', row: 2, cell: null })]);
    expect(r.issues[0].message).toContain('没有登记任何数据资源');
  });
});
