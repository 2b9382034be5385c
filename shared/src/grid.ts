import { a1 } from './address';
import { ruleMessage } from './rules';
/**
 * The engine's input: a workbook as plain grids. Every front door (the add-in's host, the
 * server's upload reader, the CLI) produces this shape and nothing else.
 *
 * Dates travel as Excel serial numbers, exactly as Office.js `values` returns them, so the
 * add-in and the xlsx reader hand the engine identical grids.
 */
export type CellValue = string | number | boolean | null;

/** A merged area, 1-based and inclusive, in sheet coordinates. */
export interface MergeArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetGrid {
  name: string;
  /** rows[i][j] is the cell at sheet row startRow + i, column startCol + j. */
  rows: CellValue[][];
  merges?: MergeArea[];
  /** 1-based sheet row of rows[0]; 1 unless the host read a used range lower down. */
  startRow?: number;
  /** 1-based sheet column of rows[i][0]. */
  startCol?: number;
}

export interface WorkbookGrid {
  sheets: SheetGrid[];
}

export function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** The cell as the clerk reads it, trimmed; numbers without float noise. */
export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(15)));
  return v ? 'TRUE' : 'FALSE';
}

export function isBlankRow(row: readonly CellValue[] | undefined): boolean {
  if (!row) return true;
  for (let i = 0; i < row.length; i++) if (!isBlank(row[i])) return false;
  return true;
}

/** Excel's own bounds: a sheet has 1,048,576 rows and 16,384 columns (XFD), a cell at most 32,767 characters. */
export const EXCEL_ROWS = 1_048_576;
export const EXCEL_COLUMNS = 16_384;
export const EXCEL_CELL_TEXT = 32_767;

/** Merged areas per sheet that any front door accepts: far more than a real form has. */
export const MAX_MERGES_PER_SHEET = 100_000;

/** Whether a cell holds more text than Excel lets a cell hold (only a crafted file or request can). */
export function isOverlongText(v: CellValue | undefined): v is string {
  return typeof v === 'string' && v.length > EXCEL_CELL_TEXT;
}

export function overlongTextParams(length: number) {
  return { length: length.toLocaleString('en-US'), limit: EXCEL_CELL_TEXT.toLocaleString('en-US') };
}

/** The rule's message, for a front door that refuses such a cell before validation (the server's 422). */
export function overlongTextMessage(length: number): string {
  return ruleMessage('cell.too-long', overlongTextParams(length));
}

/** Where a sheet's values lie: its first row and column, how many rows, and the widest row's length. */
export interface DataExtent {
  startRow: number;
  startCol: number;
  rowCount: number;
  width: number;
}

export function dataExtent(sheet: SheetGrid): DataExtent {
  let width = 0;
  for (const r of sheet.rows) if (r.length > width) width = r.length;
  return { startRow: sheet.startRow ?? 1, startCol: sheet.startCol ?? 1, rowCount: sheet.rows.length, width };
}

/**
 * The merged areas cut to the sheet's values: a merge may span far past them (A1:XFD2000 over one
 * column of data), and filling it there would add millions of cells nothing reads. A merge whose
 * top-left cell lies outside the values is dropped (its value is unknown), as is one cut to one cell.
 */
export function clipMerges(merges: readonly MergeArea[], extent: DataExtent): MergeArea[] {
  const lastRow = extent.startRow + extent.rowCount - 1;
  const lastCol = extent.startCol + extent.width - 1;
  const out: MergeArea[] = [];
  for (const m of merges) {
    if (m.top < extent.startRow || m.left < extent.startCol || m.top > lastRow || m.left > lastCol) continue;
    const bottom = Math.min(m.bottom, lastRow);
    const right = Math.min(m.right, lastCol);
    if (bottom > m.top || right > m.left) out.push(bottom === m.bottom && right === m.right ? m : { top: m.top, left: m.left, bottom, right });
  }
  return out;
}

/** The cells one merged area covers, its top-left one included. */
function areaCells(m: MergeArea): number {
  return (m.bottom - m.top + 1) * (m.right - m.left + 1);
}

/** The cells filling `merges` writes besides their top-left ones: what a fill costs, counted against a cell limit. */
export function mergedCellCount(merges: readonly MergeArea[]): number {
  let n = 0;
  for (const m of merges) n += areaCells(m) - 1;
  return n;
}

/**
 * The cells merged areas declare, whole. Filling is cut to the values (clipMerges), so a huge
 * merge would cost little, but it is refused anyway once all of them together pass the cell
 * limit: no form needs that, and a crafted one (A1:XFD2000 over two values) is how a few KB ask
 * for millions of cells.
 */
export function declaredMergeCells(merges: readonly MergeArea[]): number {
  let n = 0;
  for (const m of merges) n += areaCells(m);
  return n;
}

/** The refusal for merges past the cell limit, naming the largest so the clerk can find it. */
export function oversizedMergesMessage(merges: readonly MergeArea[], cells: number, maxCells: number): string {
  let largest = merges[0];
  let most = areaCells(largest);
  for (const m of merges) {
    const n = areaCells(m);
    if (n > most) {
      largest = m;
      most = n;
    }
  }
  const ref = `${a1(largest.top, largest.left)}:${a1(largest.bottom, largest.right)}`;
  return `合并区域共覆盖 ${cells.toLocaleString('en-US')} 个单元格（最大的是 ${ref}），超过 ${maxCells.toLocaleString('en-US')} 个单元格的上限，多是选中整行、整列后合并造成的；请取消这些合并后重新提交`;
}

/**
 * Copies the top-left value of each merged area into its other cells, so "same as above"
 * needs no special case later. Only the rows a merge touches are copied, and only as far as the
 * sheet has values (clipMerges); the input is not mutated.
 */
export function fillMerges(sheet: SheetGrid): CellValue[][] {
  if (!sheet.merges || sheet.merges.length === 0) return sheet.rows;
  const r0 = sheet.startRow ?? 1;
  const c0 = sheet.startCol ?? 1;
  const rows = sheet.rows.slice();
  const copied = new Set<number>();
  for (const m of clipMerges(sheet.merges, dataExtent(sheet))) {
    const top = m.top - r0;
    const left = m.left - c0;
    const value = rows[top]?.[left] ?? null;
    if (isBlank(value)) continue;
    for (let r = top; r <= m.bottom - r0; r++) {
      if (!copied.has(r)) {
        rows[r] = (rows[r] ?? []).slice();
        copied.add(r);
      }
      const row = rows[r];
      for (let c = left; c <= m.right - c0; c++) {
        if (r === top && c === left) continue;
        while (row.length <= c) row.push(null);
        if (isBlank(row[c])) row[c] = value;
      }
    }
  }
  return rows;
}
