import { valueKey } from './text';

/**
 * Code lists (代码表) as data. Each entry is the standard value and the other ways the seeds and
 * real sheets write it; `lookup` maps any of them to the standard value.
 */
export interface CodeList {
  id: string;
  label: string;
  entries: ReadonlyArray<{ value: string; aliases?: readonly string[] }>;
}

const list = (id: string, label: string, entries: CodeList['entries']): CodeList => ({ id, label, entries });

export const SHARE_TYPE = list('shareType', '共享类型', [
  { value: '无条件共享', aliases: ['无条件使用', '无条件'] },
  { value: '有条件共享', aliases: ['有条件使用', '有条件'] },
  { value: '不予共享', aliases: ['不可使用', '不予使用', '不共享', '不可共享'] },
]);

export const OPEN_TYPE = list('openType', '开放属性', [
  { value: '无条件开放', aliases: ['可开放', '开放'] },
  { value: '有条件开放' },
  { value: '不予开放', aliases: ['不可开放', '不开放', '不予公开', '不公开'] },
]);

/** 其他 is completed by a concrete period; see `updateFrequency` in values.ts. */
export const UPDATE_FREQUENCY = list('updateFrequency', '更新周期', [
  { value: '实时' },
  { value: '每日', aliases: ['每天', '日', '天', '日更新'] },
  { value: '每周', aliases: ['周'] },
  { value: '每月', aliases: ['月', '月度'] },
  { value: '每季度', aliases: ['每季', '季度', '季'] },
  { value: '每年', aliases: ['年', '年度', '每年度'] },
  { value: '其他' },
]);

export const SHARE_METHOD = list('shareMethod', '共享方式', [
  { value: '接口' },
  { value: '文件' },
  { value: '库表' },
  { value: '系统对接' },
  { value: '前置机共享', aliases: ['前置机'] },
  { value: '联机查询' },
  { value: '部门批量下载', aliases: ['批量下载'] },
  { value: '信息查询接口', aliases: ['查询接口'] },
  { value: '信息核验接口', aliases: ['核验接口'] },
  { value: '批量库表交换', aliases: ['库表交换'] },
  { value: '文件下载交换', aliases: ['文件下载'] },
]);

export const DEMAND_SHARE_METHOD = list('demandShareMethod', '共享方式', [
  { value: '信息查询接口', aliases: ['查询接口'] },
  { value: '信息核验接口', aliases: ['核验接口'] },
  { value: '批量库表交换', aliases: ['库表交换'] },
  { value: '文件下载交换', aliases: ['文件下载'] },
]);

export const DEMAND_SCENE = list('demandScene', '应用场景', [
  { value: '减材料' },
  { value: '减填写' },
  { value: '业务协同' },
]);

export const RESOURCE_CLASS = list('resourceClass', '资源分类', [
  { value: '基础信息', aliases: ['基础信息资源'] },
  { value: '业务事项数据', aliases: ['业务事项', '业务数据'] },
  { value: '统计数据' },
  { value: '电子文档' },
]);

/** 数据类型 (seed 001): the letter is the standard value; the Chinese name and both together are accepted. */
export const DATA_TYPE = list('dataType', '数据类型', [
  { value: 'C', aliases: ['字符型', '字符', '字符串'] },
  { value: 'N', aliases: ['数值型', '数值', '数字'] },
  { value: 'Y', aliases: ['货币型', '货币'] },
  { value: 'D', aliases: ['日期型', '日期'] },
  { value: 'T', aliases: ['日期时间型', '日期时间', '时间'] },
  { value: 'L', aliases: ['逻辑型', '逻辑', '布尔'] },
  { value: 'M', aliases: ['备注型', '备注', '长文本'] },
  { value: 'G', aliases: ['通用型', '通用'] },
  { value: 'B', aliases: ['双精度型', '双精度'] },
  { value: 'I', aliases: ['整型', '整数型', '整数'] },
  { value: 'F', aliases: ['浮点型', '浮点'] },
]);

export const DOMAIN_FIELD = list('domain', '所属领域', [
  '科学技术创新', '商贸流通', '社会救助', '城建住房', '教育文化', '工业农业', '机构团体', '地理空间',
  '资源能源', '市场监管', '生活服务', '生态环境', '交通运输', '安全生产', '社保就业', '医疗卫生',
  '信用服务', '公共安全', '财税金融', '气象服务', '法律服务', '新冠疫苗',
].map((value) => ({ value })));

export const NETWORK = list('network', '网络环境', [
  { value: '互联网' },
  { value: '政务外网', aliases: ['电子政务外网'] },
  { value: '部门专网', aliases: ['专网', '业务专网'] },
]);

export const SECURITY_LEVEL = list('securityLevel', '安全级别', [
  { value: '1级', aliases: ['一级', '1', '第一级', 'L1'] },
  { value: '2级', aliases: ['二级', '2', '第二级', 'L2'] },
  { value: '3级', aliases: ['三级', '3', '第三级', 'L3'] },
  { value: '4级', aliases: ['四级', '4', '第四级', 'L4'] },
]);

export const YES_NO = list('yesNo', '是/否', [
  { value: '是', aliases: ['可以', '可', 'y', 'yes', '已共享'] },
  { value: '否', aliases: ['不可以', '不可', 'n', 'no', '未共享'] },
]);

/** 逻辑型 (L) data values. */
export const LOGICAL = list('logical', '逻辑值', [
  { value: '是', aliases: ['true', '1', 'y', 'yes', '真'] },
  { value: '否', aliases: ['false', '0', 'n', 'no', '假'] },
]);

const indexes = new WeakMap<CodeList, Map<string, string>>();

function indexOf(codes: CodeList): Map<string, string> {
  let map = indexes.get(codes);
  if (!map) {
    map = new Map();
    for (const e of codes.entries) {
      map.set(valueKey(e.value), e.value);
      for (const a of e.aliases ?? []) map.set(valueKey(a), e.value);
    }
    indexes.set(codes, map);
  }
  return map;
}

/** The standard value for any accepted spelling, or null. */
export function lookup(codes: CodeList, raw: string): string | null {
  const map = indexOf(codes);
  // Most cells are already written in a standard form; normalising them is the slow part.
  return map.get(raw) ?? map.get(valueKey(raw)) ?? null;
}

/** "A、B、C" for messages. */
export function choices(codes: CodeList): string {
  return codes.entries.map((e) => e.value).join('、');
}
