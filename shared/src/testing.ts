/**
 * Builders for tests: grids that look like what clerks fill in, with valid defaults that a test
 * changes one field at a time. Not part of the package's public API.
 */
import type { CellValue, MergeArea, SheetGrid, WorkbookGrid } from './grid';
import type { CatalogueResource } from './resources';
import { templateHeadRows, type TemplateOptions } from './template/layout';

export const CATALOGUE_HEADERS = [
  '序号', '部门名称', '资源代码', '数据资源名称', '信息项名称', '数据类型', '数据长度', '共享类型', '共享条件',
  '不予共享依据', '共享方式', '更新周期', '开放属性', '开放条件', '所属领域', '网络环境', '安全级别', '责任科室',
] as const;

type Header = (typeof CATALOGUE_HEADERS)[number];
export type ResourceSpec = Partial<Record<Exclude<Header, '信息项名称' | '数据类型' | '数据长度'>, CellValue>> & {
  items?: Array<[string, CellValue?, CellValue?]>;
};

let seq = 0;

export function validResource(overrides: ResourceSpec = {}): ResourceSpec {
  seq++;
  return {
    序号: seq,
    部门名称: '芜湖市统计局',
    资源代码: `307021022100/${String(seq).padStart(6, '0')}`,
    数据资源名称: `统计资源${seq}`,
    共享类型: '无条件共享',
    共享方式: '接口',
    更新周期: '每月',
    开放属性: '不予开放',
    所属领域: '财税金融',
    网络环境: '政务外网',
    安全级别: '2级',
    责任科室: '综合科',
    items: [['年份', 'N', 4], ['地区生产总值', 'N', 12]],
    ...overrides,
  };
}

/** Catalogue rows: a title, the header, then each resource's items with the resource cells on its first row only. */
export function catalogueSheet(resources: ResourceSpec[], options: { name?: string; headers?: readonly string[]; title?: string | null } = {}): SheetGrid {
  const headers = options.headers ?? CATALOGUE_HEADERS;
  const rows: CellValue[][] = [];
  if (options.title !== null) rows.push([options.title ?? '芜湖市政务数据资源目录（2026年版）']);
  rows.push([...headers]);
  for (const r of resources) {
    (r.items ?? []).forEach(([item, type, length], i) => {
      rows.push(headers.map((h) => {
        if (h === '信息项名称') return item;
        if (h === '数据类型') return type ?? null;
        if (h === '数据长度') return length ?? null;
        return i === 0 ? ((r as Record<string, CellValue>)[h] ?? null) : null;
      }));
    });
  }
  return { name: options.name ?? '目录', rows };
}

export function sheet(name: string, rows: CellValue[][], merges?: MergeArea[]): SheetGrid {
  return { name, rows, merges };
}

export function book(...sheets: SheetGrid[]): WorkbookGrid {
  return { sheets };
}

export function resource(overrides: Partial<CatalogueResource> = {}): CatalogueResource {
  return {
    department: '芜湖市统计局',
    code: '307021022100/000009',
    name: '统计调查证信息表',
    version: null,
    shareType: '有条件共享',
    updateFrequency: '每月',
    openType: '不予开放',
    items: [
      { name: '证件编号', dataType: 'C', dataLength: 20, isKey: true },
      { name: '姓名', dataType: 'C', dataLength: 50, isKey: false },
      { name: '身份证号', dataType: 'C', dataLength: 18, isKey: false },
      { name: '发证日期', dataType: 'D', dataLength: null, isKey: false },
    ],
    ...overrides,
  };
}

/** A template sheet for `res` with data rows under the generated head rows. */
export function templateSheet(res: CatalogueResource, data: CellValue[][], options: TemplateOptions & { name?: string } = {}): SheetGrid {
  return { name: options.name ?? res.name.slice(0, 31), rows: [...templateHeadRows(res, options), ...data] };
}
