import { catalogueSheet, validResource } from '../../../shared/src/testing';
import { capabilitiesOf, compareSets } from '../excel/capabilities';
import { MemoryHost, memorySheet } from '../host/memory-host';

/**
 * The workbook the pane shows outside Excel (a browser preview, the end-to-end tests): a
 * catalogue with typical mistakes, in the in-memory host.
 */
export function previewHost(search = ''): MemoryHost {
  const s = catalogueSheet([
    validResource({ 数据资源名称: '企业登记信息', 共享类型: '有条件共享', 共享条件: '限市场监管业务使用' }),
    validResource({ 数据资源名称: '统计调查证信息', 责任科室: null }),
    validResource({ 数据资源名称: '统计原始资料', 共享类型: '不予共享', 不予共享依据: '涉及统计调查对象商业秘密', 开放属性: '无条件开放' }),
  ]);
  // ?excelApi=1.7 shows the pane as an Excel of that level would (the 设置 line, the notes on what differs).
  const level = new URLSearchParams(search).get('excelApi');
  const capabilities = level && /^1\.\d{1,2}$/.test(level) ? capabilitiesOf((name, version) => name === 'ExcelApi' && compareSets(version, level) <= 0) : undefined;
  return new MemoryHost([memorySheet(s.name, s.rows), memorySheet('Sheet2', [])], capabilities);
}
