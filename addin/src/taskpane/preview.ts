import { catalogueSheet, validResource } from '../../../shared/src/testing';
import { MemoryHost, memorySheet } from '../host/memory-host';

/**
 * The workbook the pane shows outside Excel (a browser preview, the end-to-end tests): a
 * catalogue with typical mistakes, in the in-memory host.
 */
export function previewHost(): MemoryHost {
  const s = catalogueSheet([
    validResource({ 数据资源名称: '企业登记信息', 共享类型: '有条件共享', 共享条件: '限市场监管业务使用' }),
    validResource({ 数据资源名称: '统计调查证信息', 责任科室: null }),
    validResource({ 数据资源名称: '统计原始资料', 共享类型: '不予共享', 不予共享依据: '涉及统计调查对象商业秘密', 开放属性: '无条件开放' }),
  ]);
  return new MemoryHost([memorySheet(s.name, s.rows), memorySheet('Sheet2', [])]);
}
