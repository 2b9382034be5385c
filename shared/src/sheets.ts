import {
  CodeList, DEMAND_SHARE_METHOD, NETWORK, OPEN_TYPE, RESOURCE_CLASS, SECURITY_LEVEL, SHARE_METHOD, SHARE_TYPE, YES_NO,
} from './codes';
import type { SheetKind } from './report';
import type { RuleId } from './rules';

/**
 * The sheet kinds as data (after ckanext-scheming's presets): one table per kind, each column
 * with its standard header, the synonyms staff write, its level, how its cells are checked,
 * when it must be filled and a line of help. Changing a column means editing one line here;
 * the rule reference (GET /help/rules, `govcat rules`) is generated from these tables.
 */
export type ValueSpec =
  | { kind: 'text' }
  | { kind: 'code'; codes: CodeList; multiple?: boolean }
  | { kind: 'frequency' }
  | { kind: 'domain' }
  | { kind: 'dataType' }
  | { kind: 'positiveInt' }
  | { kind: 'resourceCode' }
  | { kind: 'citation' }
  | { kind: 'mobile' }
  | { kind: 'landline' }
  | { kind: 'email' };

/**
 * resource: one value per data resource, filled on the group's first row, blank (or merged) below;
 * item: one value per row (an information item); row: a plain per-row column.
 */
export type Level = 'resource' | 'item' | 'row';

/**
 * A column that must be filled when another column of the same row or resource holds a value
 * (共享类型 有条件共享 ⇒ 共享条件). The deciding cell must itself be valid; `rule` is what fires.
 * For resource-level columns a sheet without the column is told to add it; a row-level column
 * the sheet lacks is not asked for (seed 000's demand lists have no 驳回理由 column).
 */
export interface RequiredWhen {
  /** The deciding column, by its standard label in the same sheet kind. */
  column: string;
  equals?: string;
  notEquals?: string;
  rule: RuleId;
}

export interface ColumnDef {
  key: string;
  label: string;
  synonyms: readonly string[];
  level: Level;
  /** The sheet must have this column. */
  requiredColumn?: boolean;
  /** Every row (or resource, for resource-level columns) must fill it. */
  requiredValue?: boolean;
  value: ValueSpec;
  /** Values must not repeat within the sheet. */
  unique?: boolean;
  /** A blank cell means "same as the row above", also across resources (a department column merged down the sheet). */
  fillDown?: boolean;
  requiredWhen?: RequiredWhen;
  /** What to write, for a clerk (the rule reference and the pane's 填报说明). */
  help?: string;
}

export interface SheetDef {
  kind: Exclude<SheetKind, 'template'>;
  label: string;
  /** Words in the sheet's name or title rows that point to this kind. */
  nameHints: readonly string[];
  /** Recognised only when a name hint is present (its columns are a subset of another kind's). */
  needsNameHint?: boolean;
  /** Column keys that must all be present for a header row to count as this kind. */
  signature: readonly string[];
  columns: readonly ColumnDef[];
  /** Keys whose change on a row starts a new resource group; absent for kinds without groups. */
  groupKeys?: readonly string[];
}

const text = { kind: 'text' } as const;
const code = (codes: CodeList, multiple = false): ValueSpec => ({ kind: 'code', codes, multiple });

/** Catalogue columns: the reference every list reuses, so a synonym is added in one place. */
export const CATALOGUE_COLUMNS = {
  seq: { key: 'seq', label: '序号', synonyms: ['编号'], level: 'resource', value: { kind: 'positiveInt' }, unique: true, help: '每条资源一个序号，资源占多行时只在第一行填写' },
  department: { key: 'department', label: '部门名称', synonyms: ['提供部门', '信息资源提供方', '单位名称', '单位', '部门'], level: 'resource', requiredColumn: true, requiredValue: true, value: text, fillDown: true, help: '提供数据的部门全称；整列相同时可只在第一行填写或合并' },
  resourceCode: { key: 'resourceCode', label: '资源代码', synonyms: ['信息资源代码', '目录代码', '资源编码'], level: 'resource', value: { kind: 'resourceCode' }, unique: true, help: '信息资源代码，前段码/后段码，如 307021022100/000009；没有代码可留空' },
  resourceName: { key: 'resourceName', label: '数据资源名称', synonyms: ['数据类别', '信息资源名称', '目录名称', '数据名称', '资源名称'], level: 'resource', requiredColumn: true, requiredValue: true, value: text, help: '按办理事项的结果命名，如“结婚登记信息”' },
  resourceClass: { key: 'resourceClass', label: '资源分类', synonyms: ['信息资源分类'], level: 'resource', value: code(RESOURCE_CLASS), help: '资源的类别：对象的基础信息、办事产生的业务数据、加工后的统计数据或电子文档' },
  summary: { key: 'summary', label: '资源摘要', synonyms: ['摘要', '数据描述', '信息资源摘要'], level: 'resource', value: text, help: '简要说明资源的内容' },
  itemName: { key: 'itemName', label: '信息项名称', synonyms: ['数据字段', '数据项', '信息项', '字段名称', '数据项名称'], level: 'item', requiredColumn: true, requiredValue: true, value: text, help: '资源包含的具体信息项，每个信息项一行，如身份证号、姓名、出生日期' },
  dataType: { key: 'dataType', label: '数据类型', synonyms: ['字段类型', '信息项数据类型'], level: 'item', value: { kind: 'dataType' }, help: '与数据长度一起决定数据模板中这一列如何校验' },
  dataLength: { key: 'dataLength', label: '数据长度', synonyms: ['字段长度', '长度'], level: 'item', value: { kind: 'positiveInt' }, help: '字符数或数字位数' },
  isKey: { key: 'isKey', label: '是否主键', synonyms: ['主键', '主键标识'], level: 'item', value: code(YES_NO), help: '能唯一确定一条数据的信息项填“是”，数据模板据此检查重复' },
  shareType: { key: 'shareType', label: '共享类型', synonyms: ['部门间数据使用属性', '共享属性'], level: 'resource', requiredColumn: true, requiredValue: true, value: code(SHARE_TYPE), help: '无条件共享、有条件共享或不予共享（也可写无条件使用、有条件使用、不可使用）' },
  shareCondition: { key: 'shareCondition', label: '共享条件', synonyms: [], level: 'resource', value: text, help: '只提供给哪些部门、用于哪些业务，如“仅限办理统计执法业务使用”', requiredWhen: { column: '共享类型', equals: '有条件共享', rule: 'catalogue.share-condition' } },
  unsharedBasis: { key: 'unsharedBasis', label: '不予共享依据', synonyms: ['法律法规依据', '不共享依据'], level: 'resource', value: { kind: 'citation' }, help: '引用法律法规或政策的名称和条款，如“《中华人民共和国统计法》第二十五条”', requiredWhen: { column: '共享类型', equals: '不予共享', rule: 'catalogue.unshared-basis' } },
  shareMethod: { key: 'shareMethod', label: '共享方式', synonyms: ['交换方式'], level: 'resource', value: code(SHARE_METHOD, true), help: '优先采用系统对接、前置机共享、联机查询、部门批量下载', requiredWhen: { column: '共享类型', notEquals: '不予共享', rule: 'catalogue.share-method' } },
  updateFrequency: { key: 'updateFrequency', label: '更新周期', synonyms: ['拟共享频率', '更新频率', '共享频率'], level: 'resource', value: { kind: 'frequency' }, help: '“其他”须写明周期，如每三年', requiredWhen: { column: '共享类型', notEquals: '不予共享', rule: 'catalogue.update-frequency' } },
  openType: { key: 'openType', label: '开放属性', synonyms: ['面向社会开放属性', '是否向社会开放'], level: 'resource', value: code(OPEN_TYPE), help: '是否向社会开放：无条件开放、有条件开放或不予开放', requiredWhen: { column: '安全级别', equals: '4级', rule: 'catalogue.level4-open' } },
  openCondition: { key: 'openCondition', label: '开放条件', synonyms: [], level: 'resource', value: text, help: '向社会开放的条件，如“实名申请后开放”', requiredWhen: { column: '开放属性', equals: '有条件开放', rule: 'catalogue.open-condition' } },
  scenario: { key: 'scenario', label: '应用场景', synonyms: ['可被各部门使用的应用场景描述', '应用场景描述'], level: 'resource', value: text, help: '可被各部门用在哪些业务中' },
  domain: { key: 'domain', label: '所属领域', synonyms: ['领域'], level: 'resource', value: { kind: 'domain' }, help: '标准领域之外的，写明具体领域' },
  network: { key: 'network', label: '网络环境', synonyms: [], level: 'resource', value: code(NETWORK), help: '产生或管理数据的网络' },
  securityLevel: { key: 'securityLevel', label: '安全级别', synonyms: ['分级', '数据分级', '安全分级'], level: 'resource', value: code(SECURITY_LEVEL), help: '1级至4级；4级须不予开放' },
  creditData: { key: 'creditData', label: '是否可作为信用数据', synonyms: [], level: 'resource', value: code(YES_NO), help: '是或否' },
  alreadyShared: { key: 'alreadyShared', label: '是否已共享', synonyms: [], level: 'resource', value: code(YES_NO), help: '是或否' },
  responsibleOffice: { key: 'responsibleOffice', label: '责任科室', synonyms: ['责任处室', '责任部门'], level: 'resource', requiredColumn: true, requiredValue: true, value: text, help: '负责此资源的科室' },
  remark: { key: 'remark', label: '备注', synonyms: [], level: 'row', value: text, help: '其他需要说明的情况' },
} as const satisfies Record<string, ColumnDef>;

const C = CATALOGUE_COLUMNS;

export const CATALOGUE: SheetDef = {
  kind: 'catalogue',
  label: '数据资源目录',
  nameHints: ['目录', '调查表', '资源清单'],
  signature: ['resourceName', 'itemName'],
  columns: Object.values(C),
  groupKeys: ['seq', 'resourceCode', 'resourceName'],
};

export const RESPONSIBILITY: SheetDef = {
  kind: 'responsibility',
  label: '共享责任清单',
  nameHints: ['责任清单'],
  needsNameHint: true,
  signature: ['resourceName', 'itemName'],
  columns: [
    C.seq, C.department, C.resourceName,
    { ...C.itemName, requiredColumn: false, requiredValue: false },
    C.shareType, C.updateFrequency, C.responsibleOffice,
  ],
  groupKeys: ['seq', 'resourceName'],
};

export const NEGATIVE: SheetDef = {
  kind: 'negative',
  label: '负面清单',
  nameHints: ['负面清单'],
  signature: ['resourceName', 'unsharedReason'],
  columns: [
    C.seq, C.department, C.resourceName,
    { ...C.itemName, requiredColumn: false, requiredValue: false },
    { key: 'unsharedReason', label: '不予共享理由', synonyms: ['不共享理由', '不予共享原因'], level: 'resource', requiredColumn: true, requiredValue: true, value: text },
    { key: 'legalBasis', label: '法律法规依据', synonyms: ['不予共享依据', '政策依据', '依据'], level: 'resource', requiredColumn: true, requiredValue: true, value: { kind: 'citation' }, help: '法律法规或政策的名称（加《》）和条款' },
    C.responsibleOffice,
  ],
  groupKeys: ['seq', 'resourceName'],
};

export const DEMAND: SheetDef = {
  kind: 'demand',
  label: '共享需求清单',
  nameHints: ['需求'],
  signature: ['demandName'],
  columns: [
    // Seed 000 numbers the requesting unit's block, merged down its demands: not unique per row.
    { key: 'seq', label: '序号', synonyms: ['编号'], level: 'row', value: { kind: 'positiveInt' }, help: '可按需求部门编号，合并的序号不要求唯一' },
    { key: 'requester', label: '需求部门', synonyms: ['单位', '需求单位', '需求方'], level: 'row', requiredColumn: true, requiredValue: true, value: text, fillDown: true, help: '提出需求的部门' },
    { key: 'demandName', label: '需求数据名称', synonyms: ['数据名称', '目录名称', '数据供需差异', '需求目录名称', '需求资源名称'], level: 'row', requiredColumn: true, requiredValue: true, value: text, help: '按办理事项的结果命名，可与目录名称一致' },
    { key: 'provider', label: '提供部门', synonyms: ['数据提供部门', '提供单位'], level: 'row', requiredColumn: true, requiredValue: true, value: text, help: '一条需求只写一个部门' },
    { key: 'demandItems', label: '需求信息项', synonyms: ['被需求数据字段', '需求字段', '信息项'], level: 'row', value: text, help: '用顿号分隔，如“姓名、身份证号”' },
    { key: 'scene', label: '应用场景', synonyms: ['应用场景描述'], level: 'row', value: text, help: '减材料、减填写或业务协同，并写明所服务的办理事项' },
    { key: 'shareMethod', label: '共享方式', synonyms: ['期望共享方式'], level: 'row', value: code(DEMAND_SHARE_METHOD, true) },
    { key: 'updateFrequency', label: '更新频率', synonyms: ['更新周期'], level: 'row', value: { kind: 'frequency' } },
    { key: 'inStateList', label: '是否在国办共享责任清单', synonyms: ['是否在国办共享责任清单中'], level: 'row', value: code(YES_NO) },
    { key: 'sourceBasis', label: '数据来源依据', synonyms: ['来源依据'], level: 'row', value: text, help: '目录中没有所需数据时必填：法律法规的规定或确切掌握的数据汇聚情况' },
    { key: 'applied', label: '是否已申请', synonyms: [], level: 'row', value: code(YES_NO) },
    { key: 'rejectionReason', label: '驳回理由', synonyms: [], level: 'row', value: text, help: '申请已通过的写“申请已通过”', requiredWhen: { column: '是否已申请', equals: '是', rule: 'demand.rejection-reason' } },
    { key: 'responsibleOffice', label: '责任科室', synonyms: ['责任处室'], level: 'row', value: text, fillDown: true },
  ],
};

export const CONTACT: SheetDef = {
  kind: 'contact',
  label: '工作联系表',
  nameHints: ['联系'],
  signature: ['contact'],
  columns: [
    { key: 'unit', label: '单位', synonyms: ['单位名称', '部门名称'], level: 'row', requiredColumn: true, requiredValue: true, value: text, fillDown: true },
    { key: 'head', label: '负责人', synonyms: [], level: 'row', value: text },
    { key: 'title', label: '职务', synonyms: [], level: 'row', value: text },
    { key: 'contact', label: '联系人', synonyms: [], level: 'row', requiredColumn: true, requiredValue: true, value: text, help: '办公电话和手机至少填一项' },
    { key: 'officePhone', label: '办公电话', synonyms: ['座机', '固定电话', '联系电话'], level: 'row', value: { kind: 'landline' } },
    { key: 'mobile', label: '手机', synonyms: ['手机号', '手机号码', '移动电话'], level: 'row', value: { kind: 'mobile' } },
    { key: 'email', label: '电子邮箱', synonyms: ['邮箱', '电子邮件', 'email', 'e-mail'], level: 'row', value: { kind: 'email' } },
  ],
};

/** In order of precedence when two kinds score the same. */
export const SHEET_DEFS: readonly SheetDef[] = [CATALOGUE, RESPONSIBILITY, NEGATIVE, DEMAND, CONTACT];

export const KIND_LABELS: Record<SheetKind, string> = {
  catalogue: CATALOGUE.label,
  responsibility: RESPONSIBILITY.label,
  negative: NEGATIVE.label,
  demand: DEMAND.label,
  contact: CONTACT.label,
  template: '数据模板',
};
