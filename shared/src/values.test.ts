import { SHARE_METHOD, SHARE_TYPE, YES_NO, OPEN_TYPE } from './codes';
import { problemMessage } from './rules';
import { readDataType, readValue } from './values';

describe('coded values in the forms the seeds use', () => {
  test.each([
    [SHARE_TYPE, '无条件使用', '无条件共享'],
    [SHARE_TYPE, '不可使用', '不予共享'],
    [SHARE_TYPE, ' 有条件共享 ', '有条件共享'],
    [OPEN_TYPE, '不可开放', '不予开放'],
    [YES_NO, '不可以', '否'],
    [YES_NO, '可以', '是'],
  ])('%#: %s', (codes, raw, expected) => {
    expect(readValue({ kind: 'code', codes }, codes.label, raw)).toEqual({ norm: expected });
  });

  test('several share methods in one cell', () => {
    expect(readValue({ kind: 'code', codes: SHARE_METHOD, multiple: true }, '共享方式', '接口、文件，库表')).toEqual({ norm: '接口、文件、库表' });
    const bad = readValue({ kind: 'code', codes: SHARE_METHOD, multiple: true }, '共享方式', '接口、邮寄');
    expect(bad.problem?.ruleId).toBe('cell.code');
    expect(problemMessage(bad.problem!)).toContain('“邮寄”');
  });

  test('更新周期: aliases, other with a period, other without one', () => {
    expect(readValue({ kind: 'frequency' }, '更新周期', '每天').norm).toBe('每日');
    expect(readValue({ kind: 'frequency' }, '更新周期', '每半年').problem).toBeUndefined();
    expect(readValue({ kind: 'frequency' }, '更新周期', '其他(每3年)').problem).toBeUndefined();
    expect(readValue({ kind: 'frequency' }, '更新周期', '其它').problem?.ruleId).toBe('cell.frequency-period');
    expect(readValue({ kind: 'frequency' }, '更新周期', '不定期').problem?.ruleId).toBe('cell.code');
  });

  test('所属领域: the standard list, or another domain written out', () => {
    expect(readValue({ kind: 'domain' }, '所属领域', '财税金融')).toEqual({ norm: '财税金融' });
    expect(readValue({ kind: 'domain' }, '所属领域', '档案管理').problem).toBeUndefined();
    expect(readValue({ kind: 'domain' }, '所属领域', '其他').problem?.ruleId).toBe('cell.domain-other');
  });

  test('正整数 accepts numbers and digit text, refuses the rest', () => {
    expect(readValue({ kind: 'positiveInt' }, '序号', 3).norm).toBe('3');
    expect(readValue({ kind: 'positiveInt' }, '序号', '１２').norm).toBe('12');
    for (const bad of [0, -1, 2.5, '三', '1a']) expect(readValue({ kind: 'positiveInt' }, '序号', bad).problem?.ruleId).toBe('cell.positive-int');
  });

  test('资源代码 checks the shape, not one length', () => {
    for (const ok of ['307021022100/000009', 'BA6006/000218', '３０７０２１/０００００１']) expect(readValue({ kind: 'resourceCode' }, '资源代码', ok).problem).toBeUndefined();
    for (const bad of ['307021022100', '/000009', '3070 21/abc']) expect(readValue({ kind: 'resourceCode' }, '资源代码', bad).problem?.ruleId).toBe('cell.resource-code');
  });
});

describe('数据类型', () => {
  test.each([
    ['C', 'C'], ['c', 'C'], ['字符型', 'C'], ['字符型C', 'C'], ['C字符型', 'C'], ['字符型(C)', 'C'], ['字符型（C）', 'C'],
    ['日期时间型', 'T'], ['整型', 'I'], ['Ｎ', 'N'], ['浮点型F', 'F'],
  ])('%s reads as %s', (raw, letter) => {
    expect(readDataType(raw)).toBe(letter);
  });

  test.each(['字符型N', 'X', 'CN', '文本', ''])('%j is refused', (raw) => {
    expect(readDataType(raw)).toBeNull();
  });
});
