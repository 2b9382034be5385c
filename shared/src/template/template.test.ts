import { dateToSerial, isDateText, isDateTimeText, serialToDate, isYmdNumber } from '../dates';
import { book, resource, templateSheet } from '../testing';
import { problemMessage } from '../rules';
import { validateWorkbook } from '../validate';
import { compileTypeCheck, numberOf } from './cells';
import { findMarker, formatMarker, parseMarkerText } from './marker';
import { templateHeadRows } from './layout';

describe('Excel dates', () => {
  test('serials round-trip, including across the phantom 1900-02-29', () => {
    expect(dateToSerial(new Date(Date.UTC(1900, 0, 1)))).toBe(1);
    expect(dateToSerial(new Date(Date.UTC(1900, 2, 1)))).toBe(61);
    expect(dateToSerial(new Date(Date.UTC(2020, 0, 31)))).toBe(43861);
    expect(serialToDate(43861).toISOString().slice(0, 10)).toBe('2020-01-31');
    expect(serialToDate(1).toISOString().slice(0, 10)).toBe('1900-01-01');
  });

  test.each(['2020-01-31', '2020/1/31', '2020.01.31', '2020年1月31日', '20200131', '2020 年 1 月 31 日'])('%s is a date', (s) => {
    expect(isDateText(s)).toBe(true);
  });
  test.each(['2020-02-30', '2021-02-29', '31/01/2020', '2020-13-01', 'abc', '2020年1月'])('%s is not a date', (s) => {
    expect(isDateText(s)).toBe(false);
  });
  test('date-times', () => {
    expect(isDateTimeText('2020-01-31 08:30:00')).toBe(true);
    expect(isDateTimeText('2020-01-31T08:30:00+08:00')).toBe(true);
    expect(isDateTimeText('2020年1月31日 8时30分')).toBe(true);
    expect(isDateTimeText('2020-01-31')).toBe(true);
    expect(isDateTimeText('2020-01-31 24:00')).toBe(false);
    expect(isDateTimeText('08:30')).toBe(false);
  });
  test('YYYYMMDD typed as a number', () => {
    expect(isYmdNumber(20200131)).toBe(true);
    expect(isYmdNumber(20200230)).toBe(false);
  });
});

describe('typed cells', () => {
  const ok = (type: string, len: number | null, v: string | number | boolean) => compileTypeCheck(type, len, '列')!(v);
  test('numbers written as text', () => {
    expect(numberOf('1,234.5')).toBe(1234.5);
    expect(numberOf('￥12.30')).toBe(12.3);
    expect(numberOf('12%')).toBeCloseTo(0.12);
    expect(numberOf('1.2e3')).toBe(1200);
    expect(numberOf('一百')).toBeNaN();
  });
  test('D accepts serials, text dates and YYYYMMDD numbers, not other numbers', () => {
    expect(ok('D', null, 43861)).toBeNull();
    expect(ok('D', null, '2020/1/31')).toBeNull();
    expect(ok('D', null, 20200131)).toBeNull();
    expect(ok('D', null, 9999999)?.ruleId).toBe('template.date');
    expect(ok('D', null, true)?.ruleId).toBe('template.date');
  });
  test('T accepts serials with a time part', () => {
    expect(ok('T', null, 43861.5)).toBeNull();
  });
  test('C length counts characters, not bytes', () => {
    expect(ok('C', 6, '芜湖市统计局')).toBeNull();
    expect(problemMessage(ok('C', 5, '芜湖市统计局')!)).toContain('6 个');
    expect(ok('C', 3, 12345)?.ruleId).toBe('template.text-length');
  });
  test('N length counts digits', () => {
    expect(ok('N', 5, 123.45)).toBeNull();
    expect(ok('N', 5, 0.1234)).toBeNull();
    expect(ok('N', 4, 123.45)?.ruleId).toBe('template.number-length');
  });
  test('L accepts 是/否, true/false, 1/0 and booleans', () => {
    for (const v of ['是', '否', 'TRUE', 'false', '1', 0, true]) expect(ok('L', null, v)).toBeNull();
  });
  test('G and an unknown type check nothing', () => {
    expect(compileTypeCheck('G', null, '列')).toBeNull();
    expect(compileTypeCheck(null, null, '列')).toBeNull();
  });
});

describe('template identity', () => {
  const res = resource({ version: 3 });
  test('the marker round-trips and survives full-width punctuation', () => {
    const text = formatMarker({ resourceName: res.name, resourceCode: res.code, department: res.department, version: 3, period: '2026-11', zeroReport: true, keys: ['证件编号'] });
    expect(parseMarkerText(text)).toEqual({ resourceName: res.name, resourceCode: res.code, department: res.department, version: 3, period: '2026-11', zeroReport: true, keys: ['证件编号'] });
    expect(parseMarkerText(text.replace(/；/g, ';'))?.version).toBe(3);
    expect(parseMarkerText('模板标识：别的系统；资源名称：x')).toBeNull();
  });
  test('a resource name containing the separator does not break the marker', () => {
    const text = formatMarker({ resourceName: '甲；乙', resourceCode: null, department: null, version: null, period: null, zeroReport: false, keys: [] });
    expect(parseMarkerText(text)?.resourceName).toBe('甲,乙');
  });
  test('found in the first rows of a generated template', () => {
    const rows = templateHeadRows(res, { period: '2026-11' });
    expect(findMarker(rows)).toMatchObject({ rowIndex: 1, marker: { resourceName: res.name, version: 3, period: '2026-11' } });
  });
});

describe('template sheets in a workbook', () => {
  const res = resource();
  const good = [['TJ001', '张三', '11010519491231002X', '2020-01-31']];

  test('a template is found by its marker and checked against the resource', () => {
    const r = validateWorkbook(book(templateSheet(res, good, { period: '2026-11' })), { catalogue: [res] });
    expect(r.counts).toMatchObject({ errors: 0, warnings: 0 });
    expect(r.sheets[0]).toMatchObject({ kind: 'template', headerRow: 3, dataRows: 1, template: { resourceName: res.name, matchedBy: 'marker', period: '2026-11' } });
  });

  test('without a marker, headers that name the resource items make it a template', () => {
    const r = validateWorkbook(book({ name: '数据', rows: [['证件编号', '姓名', '身份证号', '发证日期'], ...good] }), { catalogue: [res] });
    expect(r.sheets[0]).toMatchObject({ kind: 'template', headerRow: 1, template: { matchedBy: 'headers' } });
  });

  test('the catalogue sheet of the same workbook supplies the resource', () => {
    const catalogue = {
      name: '目录',
      rows: [
        ['序号', '部门名称', '数据资源名称', '信息项名称', '数据类型', '数据长度', '共享类型', '共享方式', '更新周期', '责任科室'],
        [1, '芜湖市统计局', '统计调查证信息表', '证件编号', 'C', 20, '有条件共享', '接口', '每月', '法规科'],
        [null, null, null, '发证日期', 'D', null, null, null, null, null],
      ],
    };
    const r = validateWorkbook(book(catalogue, { name: '模板', rows: [['证件编号', '发证日期'], ['TJ001', '2020-02-30']] }));
    expect(r.sheets[1].kind).toBe('template');
    expect(r.issues.find((i) => i.sheet === '模板')).toMatchObject({ ruleId: 'template.date', cell: 'B2', column: '发证日期', value: '2020-02-30' });
  });

  test('a marked template whose resource is nowhere says so', () => {
    const r = validateWorkbook(book(templateSheet(res, good)));
    expect(r.issues).toEqual([expect.objectContaining({ ruleId: 'template.resource-not-found', row: 2 })]);
    expect(r.issues[0].message).toContain('--catalog');
  });

  test('duplicate rows count as duplicates when the resource names no key', () => {
    const noKey = resource({ items: res.items.map((i) => ({ ...i, isKey: false })) });
    const r = validateWorkbook(book(templateSheet(noKey, [...good, ...good])), { catalogue: [noKey] });
    expect(r.issues.map((i) => [i.ruleId, i.row])).toEqual([['template.duplicate-key', 5]]);
  });

  test('证件号码 is checked as a 身份证号 when 证件类型 says so', () => {
    const r2 = resource({ items: [{ name: '姓名', dataType: 'C', dataLength: 50, isKey: false }, { name: '证件类型', dataType: 'C', dataLength: 10, isKey: false }, { name: '证件号码', dataType: 'C', dataLength: 30, isKey: true }] });
    const rows = [['张三', '居民身份证', '110105194912310025'], ['李四', '护照', 'E12345678']];
    const r = validateWorkbook(book(templateSheet(r2, rows)), { catalogue: [r2] });
    expect(r.issues.map((i) => [i.ruleId, i.cell])).toEqual([['id.idcard', 'C4']]);
  });

  test('residence permits and the 2023 permanent-residence card are identity numbers too, and a fault names the document', () => {
    const r2 = resource({ items: [{ name: '姓名', dataType: 'C', dataLength: 50, isKey: false }, { name: '证件类型', dataType: 'C', dataLength: 20, isKey: false }, { name: '证件号码', dataType: 'C', dataLength: 30, isKey: true }] });
    const rows = [
      ['陈大文', '港澳居民居住证', '810000199408230021'],
      ['林小美', '台湾居民居住证', '830000198802290048'],
      ['John Smith', '外国人永久居留身份证', '932682198501010017'],
      ['何美玲', '港澳台居民居住证', '820000197512310033'],
      ['Anna Lee', '外国人永久居留身份证', '932682198501010018'],
    ];
    const r = validateWorkbook(book(templateSheet(r2, rows)), { catalogue: [r2] });
    expect(r.issues.map((i) => [i.ruleId, i.cell, i.message])).toEqual([
      ['id.idcard', 'C7', '“证件号码”：港澳居民居住证号码校验位应为“2”，实际为“3”，请核对号码'],
      ['id.idcard', 'C8', '“证件号码”：外国人永久居留身份证号码校验位应为“7”，实际为“8”，请核对号码'],
    ]);
  });

  test('a 身份证号 column takes the other numbers too; its message is not led by the header it repeats', () => {
    const r3 = resource({ items: [{ name: '姓名', dataType: 'C', dataLength: 50, isKey: false }, { name: '身份证号', dataType: 'C', dataLength: 18, isKey: true }] });
    const r = validateWorkbook(book(templateSheet(r3, [['甲', '830000198802290048'], ['乙', '932682198501010017'], ['丙', '110105194912310025']])), { catalogue: [r3] });
    expect(r.issues.map((i) => [i.cell, i.message])).toEqual([['B6', '身份证号校验位应为“X”，实际为“5”，请核对号码']]);
  });
});
