/**
 * Every rule the engine has, each with a workbook that makes it fire and one that keeps it
 * quiet. The first test keeps this table complete: a new rule without cases fails it.
 */
import type { CellValue, WorkbookGrid } from './grid';
import type { Report } from './report';
import { RULES, type RuleId } from './rules';
import { book, catalogueSheet, resource, sheet, templateSheet, validResource, type ResourceSpec } from './testing';
import type { CatalogueItem, CatalogueResource } from './resources';
import { validateWorkbook, type ValidateOptions } from './validate';

interface Case {
  fire: WorkbookGrid;
  quiet: WorkbookGrid;
  options?: ValidateOptions;
  /** Where the first issue of the rule must point, when the rule points at a cell. */
  cell?: string;
}

const cat = (...specs: ResourceSpec[]) => book(catalogueSheet(specs.map((s) => validResource(s))));

function catWithRow(edit: (rows: CellValue[][]) => void, ...specs: ResourceSpec[]): WorkbookGrid {
  const s = catalogueSheet(specs.map((x) => validResource(x)));
  edit(s.rows);
  return book(s);
}

const CONTACT_HEADER = ['单位', '负责人', '职务', '联系人', '办公电话', '手机', '电子邮箱'];
const contact = (phone: CellValue, mobile: CellValue, email: CellValue = 'tjj@wuhu.gov.cn') =>
  book(sheet('工作联系表', [['政务数据资源目录编制工作联系表'], CONTACT_HEADER, ['芜湖市统计局', '王局长', '副局长', '李明', phone, mobile, email]]));

const DEMAND_HEADER = ['序号', '需求部门', '需求数据名称', '提供部门', '需求信息项', '应用场景', '共享方式', '更新频率', '是否已申请', '驳回理由', '数据来源依据', '责任科室'];
type Demand = Partial<Record<(typeof DEMAND_HEADER)[number], CellValue>>;
const demand = (d: Demand) => {
  const row: Demand = {
    序号: 1, 需求部门: '芜湖市统计局', 需求数据名称: '统计调查证信息表', 提供部门: '芜湖市公安局', 需求信息项: '姓名、身份证号',
    应用场景: '减材料：统计执法人员资格核验', 共享方式: '信息核验接口', 更新频率: '每月', 是否已申请: '否', 驳回理由: null, 数据来源依据: null, 责任科室: '法规科', ...d,
  };
  return book(sheet('共享需求清单', [['共享需求清单'], DEMAND_HEADER, DEMAND_HEADER.map((h) => row[h] ?? null)]));
};

const NEGATIVE_HEADER = ['序号', '部门名称', '数据资源名称', '不予共享理由', '法律法规依据', '责任科室'];
const negative = (name: string) => sheet('负面清单', [['负面清单'], NEGATIVE_HEADER, [1, '芜湖市统计局', name, '涉及统计调查对象的商业秘密', '《中华人民共和国统计法》第二十五条', '综合科']]);
const unshared = (name: string): ResourceSpec => ({ 数据资源名称: name, 共享类型: '不予共享', 不予共享依据: '《中华人民共和国统计法》第二十五条', 开放属性: '不予开放' });

const RESP_HEADER = ['序号', '部门名称', '数据资源名称', '信息项', '共享类型', '更新周期', '责任科室'];
const responsibility = (name: string, item: string, share: string) =>
  sheet('共享责任清单', [['芜湖市统计局共享责任清单'], RESP_HEADER, [1, '芜湖市统计局', name, item, share, '每月', '综合科']]);

type ItemSpec = [string, string | null, number | null, boolean?];
const res = (items: ItemSpec[], extra: Partial<CatalogueResource> = {}): CatalogueResource =>
  resource({ items: items.map(([name, dataType, dataLength, isKey]): CatalogueItem => ({ name, dataType, dataLength, isKey: isKey ?? false })), ...extra });

/** A template of `r` with the workbook's catalogue passed as the CLI's --catalog would. */
const tpl = (r: CatalogueResource, data: CellValue[][], opts: { zeroReport?: boolean } = {}) => book(templateSheet(r, data, opts));
const single = (name: string, type: string | null, len: number | null, value: CellValue) => {
  const r = res([[name, type, len]]);
  return { wb: tpl(r, [[value]]), options: { catalogue: [r] } };
};
function typeCase(name: string, type: string, len: number | null, bad: CellValue, good: CellValue): Case {
  const f = single(name, type, len, bad);
  return { fire: f.wb, quiet: single(name, type, len, good).wb, options: f.options, cell: 'A4' };
}

const person = res([['证件编号', 'C', 20, true], ['姓名', 'C', 50], ['身份证号', 'C', 18]]);
const company = res([['企业名称', 'C', 100], ['统一社会信用代码', 'C', 18, true]], { name: '规上企业名单', code: 'BA6006/000003' });

const CASES: Record<RuleId, Case> = {
  'sheet.unrecognised': { fire: book(sheet('填表说明', [['填表说明'], ['一、请按编制规范填写'], ['二、不予共享须写明依据']])), quiet: cat({}) },
  'sheet.empty': { fire: book(sheet('共享需求清单', [['共享需求清单'], DEMAND_HEADER])), quiet: demand({}) },
  'header.missing-column': {
    fire: book(catalogueSheet([validResource()], { headers: ['序号', '部门名称', '数据资源名称', '信息项名称', '共享类型', '共享方式', '更新周期'] })),
    quiet: cat({}),
  },
  'header.unknown-column': {
    fire: book(catalogueSheet([validResource()], { headers: ['序号', '部门名称', '数据资源名称', '信息项名称', '共享类型', '共享方式', '更新周期', '责任科室', '联系人QQ'] })),
    quiet: cat({}),
    cell: 'I2',
  },
  'header.duplicate-column': {
    fire: book(catalogueSheet([validResource()], { headers: ['序号', '部门名称', '数据资源名称', '信息资源名称', '信息项名称', '共享类型', '共享方式', '更新周期', '责任科室'] })),
    quiet: cat({}),
    cell: 'D2',
  },
  'cell.required': { fire: cat({ 责任科室: null }), quiet: cat({}), cell: 'R3' },
  // Excel stops a cell at 32,767 characters; only a crafted grid holds more.
  'cell.too-long': { fire: cat({ 共享条件: 'x'.repeat(32_768), 共享类型: '有条件共享' }), quiet: cat({ 共享条件: 'x'.repeat(32_767), 共享类型: '有条件共享' }), cell: 'I3' },
  'cell.code': { fire: cat({ 共享类型: '部分共享' }), quiet: cat({ 共享类型: '无条件使用' }), cell: 'H3' },
  'cell.positive-int': { fire: cat({ 序号: '第一' }), quiet: cat({ 序号: 7 }), cell: 'A3' },
  'cell.duplicate': { fire: cat({ 序号: 1 }, { 序号: 1 }), quiet: cat({ 序号: 1 }, { 序号: 2 }), cell: 'A5' },
  'cell.resource-code': { fire: cat({ 资源代码: '307021022100-000009' }), quiet: cat({ 资源代码: 'BA6006/000218' }), cell: 'C3' },
  'cell.frequency-period': { fire: cat({ 更新周期: '其他' }), quiet: cat({ 更新周期: '其他（每三年）' }), cell: 'L3' },
  'cell.domain-other': { fire: cat({ 所属领域: '其他' }), quiet: cat({ 所属领域: '其他：档案管理' }), cell: 'O3' },
  'cell.citation': { fire: cat({ ...unshared('甲'), 不予共享依据: '涉及国家秘密' }), quiet: cat(unshared('甲')), cell: 'J3' },
  'cell.citation-article': { fire: cat({ ...unshared('甲'), 不予共享依据: '《中华人民共和国统计法》' }), quiet: cat(unshared('甲')), cell: 'J3' },
  'cell.mobile': { fire: contact(null, '1380013800'), quiet: contact(null, '138 0013 8000'), cell: 'F3' },
  'cell.landline': { fire: contact('12345', null), quiet: contact('0553-3831234', null), cell: 'E3' },
  'cell.email': { fire: contact('0553-3831234', null, '李明@wuhu'), quiet: contact('0553-3831234', null, 'liming@wuhu.gov.cn'), cell: 'G3' },
  'group.inconsistent': {
    fire: catWithRow((rows) => (rows[3][7] = '不予共享'), {}),
    quiet: catWithRow((rows) => (rows[3][7] = '无条件共享'), {}),
    cell: 'H4',
  },
  'catalogue.empty': { fire: book(catalogueSheet([])), quiet: cat({}) },
  'catalogue.duplicate-item': { fire: cat({ items: [['年份', 'N', 4], ['年份', 'N', 4]] }), quiet: cat({}), cell: 'E4' },
  'catalogue.duplicate-resource': {
    fire: cat({ 数据资源名称: '企业名录' }, { 数据资源名称: '企业名录' }),
    quiet: cat({ 数据资源名称: '企业名录' }, { 数据资源名称: '个体户名录' }),
    cell: 'D5',
  },
  'catalogue.unshared-basis': { fire: cat({ ...unshared('甲'), 不予共享依据: null }), quiet: cat(unshared('甲')), cell: 'J3' },
  'catalogue.unshared-open': { fire: cat({ ...unshared('甲'), 开放属性: '无条件开放' }), quiet: cat(unshared('甲')), cell: 'M3' },
  'catalogue.share-condition': { fire: cat({ 共享类型: '有条件共享' }), quiet: cat({ 共享类型: '有条件共享', 共享条件: '仅限办理统计执法业务使用' }), cell: 'I3' },
  'catalogue.open-condition': { fire: cat({ 开放属性: '有条件开放' }), quiet: cat({ 开放属性: '有条件开放', 开放条件: '实名申请后开放' }), cell: 'N3' },
  'catalogue.share-method': { fire: cat({ 共享方式: null }), quiet: cat({ ...unshared('甲'), 共享方式: null }), cell: 'K3' },
  'catalogue.update-frequency': { fire: cat({ 更新周期: null }), quiet: cat({ 更新周期: '每季度' }), cell: 'L3' },
  'catalogue.level4-open': { fire: cat({ 安全级别: '4级', 开放属性: '有条件开放', 开放条件: '申请' }), quiet: cat({ 安全级别: '4级', 开放属性: '不予开放' }), cell: 'M3' },
  'catalogue.level3-open': { fire: cat({ 安全级别: '3级', 开放属性: '无条件开放' }), quiet: cat({ 安全级别: '3级', 开放属性: '不予开放' }), cell: 'M3' },
  'catalogue.personal-id-open': {
    fire: cat({ 开放属性: '无条件开放', items: [['姓名', 'C', 50], ['身份证号', 'C', 18]] }),
    quiet: cat({ 开放属性: '有条件开放', 开放条件: '本人授权', items: [['姓名', 'C', 50], ['身份证号', 'C', 18]] }),
    cell: 'M3',
  },
  'catalogue.natural-person-items': { fire: cat({ items: [['姓名', 'C', 50], ['性别', 'C', 2]] }), quiet: cat({ items: [['姓名', 'C', 50], ['身份证号', 'C', 18]] }), cell: 'D3' },
  'catalogue.legal-person-items': {
    fire: cat({ items: [['企业名称', 'C', 100], ['组织机构代码', 'C', 10]] }),
    quiet: cat({ items: [['企业名称', 'C', 100], ['统一社会信用代码', 'C', 18]] }),
    cell: 'D3',
  },
  'demand.rejection-reason': { fire: demand({ 是否已申请: '是' }), quiet: demand({ 是否已申请: '是', 驳回理由: '申请已通过' }), cell: 'J3' },
  'demand.source-basis': {
    fire: demand({ 需求数据名称: '不动产登记信息' }),
    quiet: demand({ 需求数据名称: '统计调查证信息表' }),
    options: { catalogue: [resource()] },
    cell: 'K3',
  },
  'demand.one-provider': { fire: demand({ 提供部门: '市公安局、市民政局' }), quiet: demand({}), cell: 'D3' },
  'demand.scene': { fire: demand({ 应用场景: '方便群众办事' }), quiet: demand({ 应用场景: '减填写、业务协同：企业开办' }), cell: 'F3' },
  'demand.items': { fire: demand({ 需求信息项: null }), quiet: demand({}), cell: 'E3' },
  'contact.phone-required': { fire: contact(null, null), quiet: contact(null, '13800138000'), cell: 'F3' },
  'cross.negative-not-in-catalogue': {
    fire: book(catalogueSheet([validResource(unshared('统计调查原始资料'))]), negative('统计原始资料')),
    quiet: book(catalogueSheet([validResource(unshared('统计调查原始资料'))]), negative('统计调查原始资料')),
    cell: 'C3',
  },
  'cross.negative-not-unshared': {
    fire: book(catalogueSheet([validResource({ 数据资源名称: '统计调查原始资料' })]), negative('统计调查原始资料')),
    quiet: book(catalogueSheet([validResource(unshared('统计调查原始资料'))]), negative('统计调查原始资料')),
    cell: 'C3',
  },
  'cross.unshared-not-in-negative': {
    fire: book(catalogueSheet([validResource(unshared('甲')), validResource(unshared('乙'))]), negative('乙')),
    quiet: book(catalogueSheet([validResource(unshared('甲'))]), negative('甲')),
    cell: 'D3',
  },
  'cross.responsibility-not-in-catalogue': {
    fire: book(catalogueSheet([validResource({ 数据资源名称: '年度统计公报' })]), responsibility('年度统计公报', '人口数', '无条件共享')),
    quiet: book(catalogueSheet([validResource({ 数据资源名称: '年度统计公报' })]), responsibility('年度统计公报', '年份', '无条件共享')),
    cell: 'D3',
  },
  'cross.responsibility-mismatch': {
    fire: book(catalogueSheet([validResource({ 数据资源名称: '年度统计公报' })]), responsibility('年度统计公报', '年份', '有条件共享')),
    quiet: book(catalogueSheet([validResource({ 数据资源名称: '年度统计公报' })]), responsibility('年度统计公报', '年份', '无条件使用')),
    cell: 'E3',
  },
  'template.resource-not-found': { fire: tpl(person, [['TJ001', '张三', '11010519491231002X']]), quiet: tpl(person, [['TJ001', '张三', '11010519491231002X']]), options: undefined },
  'template.missing-column': {
    fire: book({ name: 'T', rows: [['证件编号', '姓名'], ['TJ001', '张三']] }),
    quiet: book({ name: 'T', rows: [['证件编号', '姓名', '身份证号'], ['TJ001', '张三', '11010519491231002X']] }),
    options: { catalogue: [person] },
  },
  'template.outdated': {
    fire: tpl({ ...person, version: 1 }, [['TJ001', '张三', '11010519491231002X']]),
    quiet: tpl({ ...person, version: 2 }, [['TJ001', '张三', '11010519491231002X']]),
    options: { catalogue: [{ ...person, version: 2 }] },
  },
  'template.no-rows': { fire: tpl(person, []), quiet: tpl(person, [], { zeroReport: true }), options: { catalogue: [person] } },
  'template.zero-report-with-rows': {
    fire: tpl(person, [['TJ001', '张三', '11010519491231002X']], { zeroReport: true }),
    quiet: tpl(person, [], { zeroReport: true }),
    options: { catalogue: [person] },
  },
  'template.merged-cells': {
    fire: book({ ...templateSheet(person, [['TJ001', '张三', '11010519491231002X'], ['TJ002', null, '340202198001010015']]), merges: [{ top: 4, left: 2, bottom: 5, right: 2 }] }),
    quiet: book({ ...templateSheet(person, [['TJ001', '张三', '11010519491231002X'], ['TJ002', '张三', '340202198001010015']]), merges: [{ top: 1, left: 1, bottom: 1, right: 3 }] }),
    options: { catalogue: [person] },
    cell: 'B4',
  },
  'template.text-length': typeCase('单位简称', 'C', 4, '芜湖市统计局', '统计局'),
  'template.number': typeCase('产值', 'N', null, '约一亿', '1,234.5'),
  'template.integer': typeCase('户数', 'I', null, 12.5, '12'),
  'template.money': typeCase('金额', 'Y', null, 12.345, '¥12.30'),
  'template.number-length': typeCase('产值', 'N', 4, 123456, 1234),
  'template.date': typeCase('发证日期', 'D', null, '2020-02-30', '2020年1月31日'),
  'template.datetime': typeCase('交换时间', 'T', null, '2020-01-31 25:00', '2020-01-31 08:30:00'),
  'template.logical': typeCase('是否有效', 'L', null, '也许', '是'),
  'template.duplicate-key': {
    fire: tpl(person, [['TJ001', '张三', '11010519491231002X'], ['TJ001', '李四', '340202198001010015']]),
    quiet: tpl(person, [['TJ001', '张三', '11010519491231002X'], ['TJ002', '李四', '340202198001010015']]),
    options: { catalogue: [person] },
    cell: 'A5',
  },
  'template.natural-person-columns': (() => {
    const bad = res([['姓名', 'C', 50], ['性别', 'C', 2]], { name: '人员名单', code: 'BA6006/000001' });
    return { fire: tpl(bad, [['张三', '男']]), quiet: tpl(person, [['TJ001', '张三', '11010519491231002X']]), options: { catalogue: [bad, person] } };
  })(),
  'template.natural-person-row': {
    fire: tpl(person, [['TJ001', null, '11010519491231002X']]),
    quiet: tpl(person, [['TJ001', '张三', '11010519491231002X']]),
    options: { catalogue: [person] },
    cell: 'B4',
  },
  'template.legal-person-columns': (() => {
    const bad = res([['企业名称', 'C', 100], ['地址', 'C', 200]], { name: '企业地址', code: 'BA6006/000002' });
    return { fire: tpl(bad, [['芜湖某某有限公司', '镜湖区']]), quiet: tpl(company, [['芜湖某某有限公司', '91350100M000100Y43']]), options: { catalogue: [bad, company] } };
  })(),
  'template.legal-person-row': {
    fire: tpl(company, [['芜湖某某有限公司', null]]),
    quiet: tpl(company, [['芜湖某某有限公司', '91350100M000100Y43']]),
    options: { catalogue: [company] },
    cell: 'B4',
  },
  'id.idcard': { fire: tpl(person, [['TJ001', '张三', '110105194912310025']]), quiet: tpl(person, [['TJ001', '张三', '11010519491231002x']]), options: { catalogue: [person] }, cell: 'C4' },
  'id.idcard-legacy': { fire: tpl(person, [['TJ001', '张三', '340202800101001']]), quiet: tpl(person, [['TJ001', '张三', '340202198001010015']]), options: { catalogue: [person] }, cell: 'C4' },
  'id.uscc': {
    fire: tpl(company, [['芜湖某某有限公司', '91350100M000100Y44']]),
    quiet: tpl(company, [['芜湖某某有限公司', '91350100M000100Y43']]),
    options: { catalogue: [company] },
    cell: 'B4',
  },
  'id.orgcode': (() => {
    const org = res([['组织机构代码', 'C', 10, true], ['统一社会信用代码', 'C', 18]], { name: '机构代码', code: 'BA6006/000004' });
    return { fire: tpl(org, [['D2143569-1', '91350100M000100Y43']]), quiet: tpl(org, [['D2143569-X', '91350100M000100Y43']]), options: { catalogue: [org] }, cell: 'A4' };
  })(),
  'id.division': typeCase('行政区划代码', 'C', 6, '349999', '340202'),
  'id.stored-as-number': { fire: tpl(person, [['TJ001', '张三', 340202198001010015]]), quiet: tpl(person, [['TJ001', '张三', '340202198001010015']]), options: { catalogue: [person] }, cell: 'C4' },
};

// The quiet case of resource-not-found is the same template with its catalogue at hand.
const quietOptions: Partial<Record<RuleId, ValidateOptions>> = { 'template.resource-not-found': { catalogue: [person] } };

const fired = (r: Report, rule: RuleId) => r.issues.filter((i) => i.ruleId === rule);

test('every rule has a case that fires and one that keeps quiet', () => {
  expect(Object.keys(CASES).sort()).toEqual(Object.keys(RULES).sort());
});

describe.each(Object.entries(CASES) as Array<[RuleId, Case]>)('%s', (rule, c) => {
  test('fires', () => {
    const issues = fired(validateWorkbook(c.fire, c.options), rule);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues[0].severity).toBe(RULES[rule].severity);
    expect(issues[0].message).toMatch(/[\u4e00-\u9fff]/);
    if (c.cell) expect(issues[0].cell).toBe(c.cell);
  });
  test('keeps quiet', () => {
    expect(fired(validateWorkbook(c.quiet, quietOptions[rule] ?? c.options), rule)).toEqual([]);
  });
});
