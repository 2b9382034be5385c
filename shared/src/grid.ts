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

/**
 * Copies the top-left value of each merged area into its other cells, so "same as above"
 * needs no special case later. Only the rows a merge touches are copied; the input is not mutated.
 */
export function fillMerges(sheet: SheetGrid): CellValue[][] {
  const merges = sheet.merges ?? [];
  if (merges.length === 0) return sheet.rows;
  const r0 = sheet.startRow ?? 1;
  const c0 = sheet.startCol ?? 1;
  const rows = sheet.rows.slice();
  const copied = new Set<number>();
  for (const m of merges) {
    const top = m.top - r0;
    const left = m.left - c0;
    if (top < 0 || left < 0 || top >= rows.length) continue;
    const value = rows[top]?.[left] ?? null;
    if (isBlank(value)) continue;
    for (let r = top; r <= m.bottom - r0 && r < rows.length; r++) {
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
