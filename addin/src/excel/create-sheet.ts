import { columnLetter } from '../../../shared/src';
import type { NewSheet } from '../host/types';

/**
 * A new sheet laid out for the clerk: head rows (a title, a template's identity), the header,
 * column widths, the header row frozen, and drop-down lists on coded columns. One sync.
 * Lists are written inline (comma-separated source) and so must stay under Excel's 255 characters.
 */
export const MAX_INLINE_LIST = 255;

export function listSource(values: readonly string[]): string | null {
  const source = values.join(',');
  return source.length <= MAX_INLINE_LIST && !values.some((v) => v.includes(',')) ? source : null;
}

export async function createSheet(context: Excel.RequestContext, spec: NewSheet, dataValidation: boolean): Promise<void> {
  const sheet = context.workbook.worksheets.add(spec.name);
  const headerRow = spec.headRows.length + 1;
  const width = Math.max(spec.headers.length, ...spec.headRows.map((r) => r.length), 1);
  const rows = [...spec.headRows, spec.headers].map((r) => Array.from({ length: width }, (_, j) => r[j] ?? ''));
  sheet.getRangeByIndexes(0, 0, rows.length, width).values = rows;
  const header = sheet.getRangeByIndexes(headerRow - 1, 0, 1, spec.headers.length);
  header.format.font.bold = true;
  header.format.wrapText = true;
  header.format.fill.color = '#D9E1F2';
  spec.columnWidths.forEach((chars, j) => {
    // Excel measures widths in points; a CJK character is about 12 points at the default font.
    sheet.getRange(`${columnLetter(j + 1)}:${columnLetter(j + 1)}`).format.columnWidth = Math.round(chars * 12);
  });
  sheet.freezePanes.freezeRows(headerRow);
  if (dataValidation) {
    for (const list of spec.lists) {
      const source = listSource(list.values);
      if (!source || spec.dataRows <= 0) continue;
      const column = columnLetter(list.column + 1);
      const range = sheet.getRange(`${column}${headerRow + 1}:${column}${headerRow + spec.dataRows}`);
      range.dataValidation.rule = { list: { inCellDropDown: true, source } };
      range.dataValidation.errorAlert = { showAlert: false, style: Excel.DataValidationAlertStyle.warning, title: '取值不在列表中', message: '请从下拉列表中选择' };
    }
  }
  sheet.activate();
  await context.sync();
}
