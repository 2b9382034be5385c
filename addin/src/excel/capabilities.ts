import type { HostCapabilities, HostFeature } from '../host/types';

/**
 * What the Office.js host needs from Excel, in one table. Volume-licensed Office stays on one
 * requirement set for years: Office 2016 has only ExcelApi 1.1, Office 2019 up to 1.7, Office 2021
 * up to 1.14; notes (1.18) come only with Microsoft 365. The manifest asks for BASE_SET alone, so
 * the add-in loads everywhere, and each feature above it is checked at run time
 * (Office.context.requirements.isSetSupported) and has a fallback that keeps 校验 and 提交 working.
 *
 * The sets are Microsoft's (the "[Api set: ExcelApi x]" of each member in @types/office-js and the
 * requirement-set pages); addin/test-support/office-api-sets.ts reads them from the typings, and a
 * test checks this table against it. Outside ExcelApi the host uses only the common APIs Office
 * 2016 has too: Office.context.document.settings (where the marks are recorded) and
 * Office.context.requirements.isSetSupported.
 */
export const BASE_SET = '1.1';

/** Every Excel member the host calls on every level: all in BASE_SET. */
export const BASE_CALLS = [
  'Workbook.worksheets', 'WorksheetCollection.getItem', 'WorksheetCollection.getActiveWorksheet', 'WorksheetCollection.add', 'WorksheetCollection.items',
  'Worksheet.name', 'Worksheet.visibility', 'Worksheet.getRange', 'Worksheet.getUsedRange', 'Worksheet.activate',
  'Range.values', 'Range.address', 'Range.rowIndex', 'Range.columnIndex', 'Range.rowCount', 'Range.columnCount', 'Range.select', 'Range.format',
  'RangeFormat.fill', 'RangeFormat.font', 'RangeFormat.wrapText', 'RangeFill.color', 'RangeFill.clear', 'RangeFont.bold',
] as const;

export interface FeatureRow {
  /** The ExcelApi requirement set it needs. */
  set: string;
  /** The Excel members it uses beyond BASE_CALLS. */
  apis: readonly string[];
  /** What it is, for the clerk (zh-CN). */
  label: string;
  /** What the pane does without it (zh-CN); null when the clerk sees no difference. */
  without: string | null;
}

export const FEATURES: Record<HostFeature, FeatureRow> = {
  usedRange: {
    set: '1.4',
    apis: ['Worksheet.getUsedRangeOrNullObject'],
    label: '只按有值的单元格确定已用区域',
    // getUsedRange() of 1.1 counts formatted cells too and gives A1 on an empty sheet: the blank edges are trimmed.
    without: null,
  },
  merges: {
    set: '1.13',
    apis: ['Range.getMergedAreasOrNullObject', 'RangeAreas.address'],
    label: '读取合并单元格',
    without: '不读取合并单元格，只读取单元格的值：合并的资源单元格下方的空白行按“沿用本组第一行”校验，结果相同；提交的表格中不含合并信息，审核网页上这些单元格不显示为合并',
  },
  conditionalFormats: {
    set: '1.9',
    apis: ['Worksheet.getRanges', 'RangeAreas.conditionalFormats', 'ConditionalFormatCollection.add', 'ConditionalFormat.id', 'ConditionalFormat.custom', 'ConditionalFormat.delete', 'CustomConditionalFormat.rule', 'CustomConditionalFormat.format', 'ConditionalFormatRule.formula', 'ConditionalRangeFormat.fill', 'ConditionalRangeFill.color', 'Range.conditionalFormats'],
    label: '以条件格式着色标注（不改动单元格自己的填充色）',
    without: '标注直接改单元格的填充色：标注前先记下每个单元格原来的颜色，“清除标注”时恢复（无填充的单元格恢复为无填充；白色填充同样恢复为无填充，图案填充只恢复颜色）',
  },
  columnWidths: {
    set: '1.2',
    apis: ['RangeFormat.columnWidth'],
    label: '新建表时设置列宽',
    without: '新建表时不设置列宽，请按需要手动调整',
  },
  freezePanes: {
    set: '1.7',
    apis: ['Worksheet.freezePanes', 'WorksheetFreezePanes.freezeRows'],
    label: '新建表时冻结表头',
    without: '新建表时不冻结表头，可在“视图 → 冻结窗格”中手动冻结',
  },
  dataValidation: {
    set: '1.8',
    apis: ['Range.dataValidation', 'DataValidation.rule', 'DataValidation.errorAlert'],
    label: '新建表时添加下拉列表',
    without: '新建表时不添加下拉列表，取值仍由校验检查',
  },
  comments: {
    set: '1.10',
    apis: ['Worksheet.comments', 'Workbook.comments', 'CommentCollection.add', 'Comment.content', 'Comment.replies', 'Comment.getLocation', 'Comment.delete', 'CommentReplyCollection.add', 'CommentReply.content', 'CommentReply.delete'],
    label: '把说明写在单元格批注（comments）中',
    without: '单元格上没有文字说明，只有颜色；每条说明列在窗格中，点击即选中单元格',
  },
  notes: {
    set: '1.18',
    apis: ['Worksheet.notes', 'NoteCollection.add', 'NoteCollection.getItemOrNullObject', 'Note.content', 'Note.delete'],
    label: '把说明写在单元格备注（notes）中',
    without: '说明写在批注（comments）中',
  },
};

/** The Office versions clerks name, by the highest ExcelApi set each supports (volume-licensed). */
export const OFFICE_VERSIONS = [
  { set: '1.18', name: 'Microsoft 365' },
  { set: '1.14', name: 'Office 2021' },
  { set: '1.7', name: 'Office 2019' },
  { set: '1.1', name: 'Office 2016' },
] as const;

/** The ExcelApi minor versions asked about, highest first (1.20 is the newest published). */
const PROBED = Array.from({ length: 20 }, (_, i) => `1.${20 - i}`);

export type IsSetSupported = (name: string, version: string) => boolean;

/** The host's features, its highest ExcelApi set, and so the Office version it stands for. */
export function capabilitiesOf(isSetSupported: IsSetSupported): HostCapabilities {
  const features = Object.fromEntries(Object.entries(FEATURES).map(([feature, row]) => [feature, isSetSupported('ExcelApi', row.set)])) as Record<HostFeature, boolean>;
  return { ...features, apiVersion: PROBED.find((v) => isSetSupported('ExcelApi', v)) ?? null };
}

/** Compares "1.7" and "1.14" as versions, not as decimals. */
export function compareSets(a: string, b: string): number {
  const [am, an] = a.split('.').map(Number);
  const [bm, bn] = b.split('.').map(Number);
  return am - bm || an - bn;
}

/** "Office 2019" for 1.7 up to 1.13; null below 1.1. */
export function officeVersionOf(apiVersion: string | null): string | null {
  if (!apiVersion) return null;
  return OFFICE_VERSIONS.find((o) => compareSets(apiVersion, o.set) >= 0)?.name ?? null;
}

/** What the pane says in 设置 about this Excel (zh-CN): its level, and each feature it lacks with what happens instead. */
export function capabilityReport(capabilities: HostCapabilities): { level: string; degraded: string[] } {
  const { apiVersion } = capabilities;
  const office = officeVersionOf(apiVersion);
  const level = apiVersion ? `此 Excel 支持 ExcelApi ${apiVersion}${office ? `（相当于 ${office}）` : ''}` : '此 Excel 支持的接口版本未知';
  const degraded: string[] = [];
  for (const [feature, row] of Object.entries(FEATURES) as Array<[HostFeature, FeatureRow]>) {
    if (capabilities[feature] || row.without === null) continue;
    // Without notes but with comments the message still goes on the cell: say where.
    if (feature === 'notes' && !capabilities.comments) continue;
    degraded.push(`${row.label}需要 ExcelApi ${row.set}：${row.without}。`);
  }
  return { level: degraded.length ? `${level}，以下功能有所不同：` : `${level}，加载项的全部功能可用。`, degraded };
}
