/**
 * Merged cells, which exceljs's streaming WorksheetReader drops (`case 'mergeCell': break;`).
 * They are `<mergeCell ref="A1:B3"/>` elements after sheetData, picked out of the sheet XML text
 * as it streams past (see sheet-xml-filter.ts).
 */
import { EXCEL_COLUMNS, EXCEL_ROWS, MAX_MERGES_PER_SHEET, type MergeArea } from '../../../shared/src/grid';
import { parseRange } from '../../../shared/src/address';
import { MESSAGES, WorkbookReadError } from './errors';

// Not past the tag's end, and no back-reference: linear on any XML (see the ReDoS test).
const MERGE_CELL = /<mergeCell\s[^<>]*?\bref\s*=\s*["']([^"'<>]*)["']/g;

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

/** Adds the `<mergeCell>` elements of `xml`, which must hold only whole tags (see SheetXmlFilter). */
export function scanMergeCells(xml: string, into: MergeArea[]): void {
  if (xml.indexOf('<mergeCell') === -1) return;
  for (const m of xml.matchAll(MERGE_CELL)) addMerge(m[1], into);
}
