import { a1, columnLetter } from '../../../shared/src';
import type { CreateOutcome, HostCapabilities, NewSheet } from '../host/types';
import { FEATURES } from './capabilities';

/**
 * A new sheet laid out for the clerk: head rows (a title, a template's identity), the header,
 * column widths, the header row frozen, and drop-down lists on coded columns. One sync on every level.
 * Lists are written inline (comma-separated source) and so must stay under Excel's 255 characters.
 */
export const MAX_INLINE_LIST = 255;

export function listSource(values: readonly string[]): string | null {
  const source = values.join(',');
  return source.length <= MAX_INLINE_LIST && !values.some((v) => v.includes(',')) ? source : null;
}

/**
 * Without column widths (1.2), frozen panes (1.7) or data validation (1.8) the sheet is made
 * without them, and the outcome says so (FEATURES' words) for the pane to tell the clerk.
 */
export async function createSheet(context: Excel.RequestContext, spec: NewSheet, capabilities: Pick<HostCapabilities, 'columnWidths' | 'freezePanes' | 'dataValidation'>): Promise<CreateOutcome> {
  const sheet = context.workbook.worksheets.add(spec.name);
  const headerRow = spec.headRows.length + 1;
  const width = Math.max(spec.headers.length, ...spec.headRows.map((r) => r.length), 1);
  const rows = [...spec.headRows, spec.headers].map((r) => Array.from({ length: width }, (_, j) => r[j] ?? ''));
  // A1 addresses (getRange, 1.1) rather than getRangeByIndexes (1.7): one way on every level.
  sheet.getRange(`A1:${a1(rows.length, width)}`).values = rows;
  const header = sheet.getRange(`A${headerRow}:${a1(headerRow, Math.max(1, spec.headers.length))}`);
  header.format.font.bold = true;
  header.format.wrapText = true;
  header.format.fill.color = '#D9E1F2';
  const skipped: string[] = [];
  const lacking = (feature: 'columnWidths' | 'freezePanes' | 'dataValidation') => {
    if (capabilities[feature]) return false;
    skipped.push(FEATURES[feature].without!);
    return true;
  };
  if (spec.columnWidths.length > 0 && !lacking('columnWidths')) {
    spec.columnWidths.forEach((chars, j) => {
      // Excel measures widths in points; a CJK character is about 12 points at the default font.
      sheet.getRange(`${columnLetter(j + 1)}:${columnLetter(j + 1)}`).format.columnWidth = Math.round(chars * 12);
    });
  }
  if (!lacking('freezePanes')) sheet.freezePanes.freezeRows(headerRow);
  const lists = spec.dataRows > 0 ? spec.lists.filter((l) => listSource(l.values) !== null) : [];
  if (lists.length > 0 && !lacking('dataValidation')) {
    for (const list of lists) {
      const column = columnLetter(list.column + 1);
      const range = sheet.getRange(`${column}${headerRow + 1}:${column}${headerRow + spec.dataRows}`);
      range.dataValidation.rule = { list: { inCellDropDown: true, source: listSource(list.values)! } };
      range.dataValidation.errorAlert = { showAlert: false, style: Excel.DataValidationAlertStyle.warning, title: '取值不在列表中', message: '请从下拉列表中选择' };
    }
  }
  sheet.activate();
  await context.sync();
  return { skipped };
}
