/**
 * Small workbooks for the rules' own examples (rules.ts): a valid catalogue, demand list, contact
 * form, negative and responsibility list or data template, changed one cell at a time. The rule
 * reference shows them and rules.test.ts runs them, so one grid serves both.
 */
import type { CellValue, WorkbookGrid } from './grid';
import type { CatalogueItem, CatalogueResource } from './resources';
import { book, catalogueSheet, resource, sheet, templateSheet, validResource, type ResourceSpec } from './testing';
import type { ValidateOptions } from './validate';

export { book, catalogueSheet, sheet, templateSheet, validResource, resource };

/** A catalogue of valid resources, each changed by its spec. */
export const cat = (...specs: ResourceSpec[]) => book(catalogueSheet(specs.map((s) => validResource(s))));

/** A catalogue whose rows are edited after they are laid out (a value on a continuation row). */
export function catWithRow(edit: (rows: CellValue[][]) => void, ...specs: ResourceSpec[]): WorkbookGrid {
  const s = catalogueSheet(specs.map((x) => validResource(x)));
  edit(s.rows);
  return book(s);
}

/** A catalogue with its own header row (a missing, unknown or doubled column). */
export const catWithHeaders = (headers: readonly string[]) => book(catalogueSheet([validResource()], { headers }));

const CONTACT_HEADER = ['单位', '负责人', '职务', '联系人', '办公电话', '手机', '电子邮箱'];
export const contact = (phone: CellValue, mobile: CellValue, email: CellValue = 'tjj@wuhu.gov.cn') =>
  book(sheet('工作联系表', [['政务数据资源目录编制工作联系表'], CONTACT_HEADER, ['芜湖市统计局', '王局长', '副局长', '李明', phone, mobile, email]]));

export const DEMAND_HEADER = ['序号', '需求部门', '需求数据名称', '提供部门', '需求信息项', '应用场景', '共享方式', '更新频率', '是否已申请', '驳回理由', '数据来源依据', '责任科室'];
type Demand = Partial<Record<(typeof DEMAND_HEADER)[number], CellValue>>;
/** One valid demand, changed by `d`. */
export const demand = (d: Demand) => {
  const row: Demand = {
    序号: 1, 需求部门: '芜湖市统计局', 需求数据名称: '统计调查证信息表', 提供部门: '芜湖市公安局', 需求信息项: '姓名、身份证号',
    应用场景: '减材料：统计执法人员资格核验', 共享方式: '信息核验接口', 更新频率: '每月', 是否已申请: '否', 驳回理由: null, 数据来源依据: null, 责任科室: '法规科', ...d,
  };
  return book(sheet('共享需求清单', [['共享需求清单'], DEMAND_HEADER, DEMAND_HEADER.map((h) => row[h] ?? null)]));
};

const NEGATIVE_HEADER = ['序号', '部门名称', '数据资源名称', '不予共享理由', '法律法规依据', '责任科室'];
export const negative = (name: string) => sheet('负面清单', [['负面清单'], NEGATIVE_HEADER, [1, '芜湖市统计局', name, '涉及统计调查对象的商业秘密', '《中华人民共和国统计法》第二十五条', '综合科']]);
/** A resource marked 不予共享 with its basis, as the rules expect. */
export const unshared = (name: string): ResourceSpec => ({ 数据资源名称: name, 共享类型: '不予共享', 不予共享依据: '《中华人民共和国统计法》第二十五条', 开放属性: '不予开放' });

const RESP_HEADER = ['序号', '部门名称', '数据资源名称', '信息项', '共享类型', '更新周期', '责任科室'];
export const responsibility = (name: string, item: string, share: string) =>
  sheet('共享责任清单', [['芜湖市统计局共享责任清单'], RESP_HEADER, [1, '芜湖市统计局', name, item, share, '每月', '综合科']]);

type ItemSpec = [string, string | null, number | null, boolean?];
/** A catalogue resource with the given items (name, 数据类型, 数据长度, 主键). */
export const res = (items: ItemSpec[], extra: Partial<CatalogueResource> = {}): CatalogueResource =>
  resource({ items: items.map(([name, dataType, dataLength, isKey]): CatalogueItem => ({ name, dataType, dataLength, isKey: isKey ?? false })), ...extra });

/** A data template of `r` with `data` under its head rows. */
export const tpl = (r: CatalogueResource, data: CellValue[][], opts: { zeroReport?: boolean } = {}) => book(templateSheet(r, data, opts));

/** The catalogue a template is checked against, as the CLI's --catalog or the server gives it. */
export const against = (...resources: CatalogueResource[]): ValidateOptions => ({ catalogue: resources });

/** A one-column template of item `name` typed `type`/`len`, holding `value`. */
export const single = (name: string, type: string | null, len: number | null, value: CellValue) => {
  const r = res([[name, type, len]]);
  return { book: tpl(r, [[value]]), options: against(r) };
};

export const person = res([['证件编号', 'C', 20, true], ['姓名', 'C', 50], ['身份证号', 'C', 18]]);
export const company = res([['企业名称', 'C', 100], ['统一社会信用代码', 'C', 18, true]], { name: '规上企业名单', code: 'BA6006/000003' });
export const personRow = (idcard: CellValue, name: CellValue = '张三', key: CellValue = 'TJ001'): CellValue[] => [key, name, idcard];
