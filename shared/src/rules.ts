import type { Severity } from './report';

/**
 * Every rule the engine can report: a stable id, its severity and a short zh-CN title (used to
 * group issues in the pane, the CLI and the review pages). The detailed message that tells the
 * clerk what to do is built where the rule fires.
 */
export interface RuleInfo {
  severity: Severity;
  title: string;
}

const error = (title: string): RuleInfo => ({ severity: 'error', title });
const warning = (title: string): RuleInfo => ({ severity: 'warning', title });

export const RULES = {
  // Sheets and headers
  'sheet.unrecognised': warning('无法识别的工作表'),
  'sheet.empty': warning('表头下没有数据'),
  'header.missing-column': error('缺少必填列'),
  'header.unknown-column': warning('无法识别的列'),
  'header.duplicate-column': error('重复的列'),

  // Any cell
  'cell.required': error('必填项为空'),
  'cell.too-long': error('单元格文本超过 Excel 的 32,767 个字符上限'),
  'cell.code': error('取值不在代码表中'),
  'cell.positive-int': error('应为正整数'),
  'cell.duplicate': error('取值重复'),
  'cell.resource-code': error('资源代码格式不正确'),
  'cell.frequency-period': error('更新周期为“其他”时须写明具体周期'),
  'cell.domain-other': error('所属领域为“其他”时须写明领域'),
  'cell.citation': error('依据未引用法律法规名称'),
  'cell.citation-article': warning('依据未写明具体条款'),
  'cell.mobile': error('手机号码格式不正确'),
  'cell.landline': error('电话号码格式不正确'),
  'cell.email': error('电子邮箱格式不正确'),

  // Resource groups
  'group.inconsistent': error('同一资源内取值不一致'),

  // Catalogue
  'catalogue.empty': error('目录中没有数据资源'),
  'catalogue.duplicate-item': error('同一资源内信息项重复'),
  'catalogue.duplicate-resource': warning('同一部门内资源名称重复'),
  'catalogue.unshared-basis': error('不予共享须填写依据'),
  'catalogue.unshared-open': error('不予共享的资源不能无条件开放'),
  'catalogue.share-condition': error('有条件共享须填写共享条件'),
  'catalogue.open-condition': error('有条件开放须填写开放条件'),
  'catalogue.share-method': error('共享的资源须填写共享方式'),
  'catalogue.update-frequency': error('共享的资源须填写更新周期'),
  'catalogue.level4-open': error('4级数据须不予开放'),
  'catalogue.level3-open': warning('3级数据无条件开放'),
  'catalogue.personal-id-open': error('含公民身份号码的资源不能无条件开放'),
  'catalogue.natural-person-items': warning('自然人数据缺少姓名、证件类型或证件号码'),
  'catalogue.legal-person-items': warning('法人数据缺少统一社会信用代码'),

  // Demand list
  'demand.rejection-reason': error('已申请的需求须填写驳回理由'),
  'demand.source-basis': error('目录中没有的数据须填写数据来源依据'),
  'demand.one-provider': error('一条需求只能对应一个提供部门'),
  'demand.scene': error('应用场景须写明减材料、减填写或业务协同'),
  'demand.items': warning('未列出需求信息项'),

  // Contact form
  'contact.phone-required': error('未填写联系电话'),

  // Across sheets
  'cross.negative-not-in-catalogue': error('负面清单中的资源不在目录中'),
  'cross.negative-not-unshared': error('负面清单中的资源在目录中不是不予共享'),
  'cross.unshared-not-in-negative': warning('不予共享的资源未列入负面清单'),
  'cross.responsibility-not-in-catalogue': error('责任清单中的资源或信息项不在目录中'),
  'cross.responsibility-mismatch': error('责任清单与目录不一致'),

  // Data templates
  'template.resource-not-found': error('找不到数据模板对应的目录资源'),
  'template.missing-column': error('数据模板缺少信息项列'),
  'template.outdated': warning('数据模板版本已过期'),
  'template.no-rows': error('没有数据行也未声明零上报'),
  'template.zero-report-with-rows': error('声明零上报却填写了数据'),
  'template.merged-cells': warning('数据区域有合并单元格'),
  'template.text-length': error('文本超过数据长度'),
  'template.number': error('应为数值'),
  'template.integer': error('应为整数'),
  'template.money': error('应为金额（最多两位小数）'),
  'template.number-length': error('数值位数超过数据长度'),
  'template.date': error('应为日期'),
  'template.datetime': error('应为日期时间'),
  'template.logical': error('应为是或否'),
  'template.duplicate-key': error('主键重复'),
  'template.natural-person-columns': error('自然人数据缺少姓名、证件类型或证件号码列'),
  'template.natural-person-row': error('自然人数据行缺少姓名、证件类型或证件号码'),
  'template.legal-person-columns': error('法人数据缺少统一社会信用代码列'),
  'template.legal-person-row': error('法人数据行缺少统一社会信用代码'),

  // Identifiers
  'id.idcard': error('身份证号不正确'),
  'id.idcard-legacy': warning('15位旧身份证号'),
  'id.uscc': error('统一社会信用代码不正确'),
  'id.orgcode': error('组织机构代码不正确'),
  'id.division': error('行政区划代码不正确'),
  'id.stored-as-number': error('证件号码被存成了数字'),
} as const satisfies Record<string, RuleInfo>;

export type RuleId = keyof typeof RULES;

export function ruleInfo(id: RuleId): RuleInfo {
  return RULES[id];
}
