/**
 * Merged cells: `<mergeCell ref="A1:B3"/>` elements after an .xlsx sheet's sheetData
 * (xlsx-sheets.ts), or SheetJS's `!merges` of an .xls or .ods (other-formats.ts).
 */
import { EXCEL_COLUMNS, EXCEL_ROWS, MAX_MERGES_PER_SHEET, type MergeArea } from '../../../shared/src/grid';
import { parseRange } from '../../../shared/src/address';
import { MESSAGES, WorkbookReadError } from './errors';


/**
 * Adds the merge `ref` ("A1:B3") to `into`. Single-cell "merges" are dropped: they merge
 * nothing. An area reaching past Excel's last row or column (only a crafted file has one) is cut
 * at it; more merges than any front door accepts make the file too large.
 */
export function addMerge(ref: string, into: MergeArea[]): void {
  const area = parseRange(ref);
  if (!area || area.top > EXCEL_ROWS || area.left > EXCEL_COLUMNS) return;
  area.bottom = Math.min(area.bottom, EXCEL_ROWS);
  area.right = Math.min(area.right, EXCEL_COLUMNS);
  if (!(area.bottom > area.top || area.right > area.left)) return;
  if (into.length >= MAX_MERGES_PER_SHEET) throw new WorkbookReadError('too-large', MESSAGES.tooManyMerges(MAX_MERGES_PER_SHEET));
  into.push(area);
}
