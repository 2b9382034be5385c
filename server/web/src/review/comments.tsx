import { a1, parseA1 } from '../../../../shared/src';
import type { CellComment, SheetOutline } from '../types';
import type { SelectedCell } from './sheet-grid';

/** Where a reviewer's comment points, in words: “目录!D3”, “目录 第 20 行”, or the sheet alone. */
export function commentPlace(c: CellComment): string {
  return c.cell ? `${c.sheet}!${c.cell}` : c.row ? `${c.sheet} 第 ${c.row} 行` : c.sheet;
}

/** A stable handle for a comment's place (`data-comment`): “目录!D3” for a cell, “目录!20” for a row. */
export function commentKey(c: CellComment): string {
  return `${c.sheet}!${c.cell ?? c.row ?? ''}`;
}

/** The cell a comment leads to: its own, or the first cell of its row. */
export function commentTarget(c: CellComment, sheets: readonly SheetOutline[]): SelectedCell | null {
  const sheet = sheets.find((s) => s.name === c.sheet);
  if (!sheet || c.row === null) return null;
  if (c.cell) {
    const at = parseA1(c.cell);
    return at && { sheet: c.sheet, cell: c.cell, ...at };
  }
  return { sheet: c.sheet, cell: a1(c.row, sheet.startCol), row: c.row, col: sheet.startCol };
}

/** Row comments by sheet and row, for marking the rows' headers. */
export function rowCommentsBySheet(comments: readonly CellComment[]): Map<string, Map<number, string[]>> {
  const bySheet = new Map<string, Map<number, string[]>>();
  for (const c of comments) {
    if (c.cell !== null || c.row === null) continue;
    let rows = bySheet.get(c.sheet);
    if (!rows) bySheet.set(c.sheet, (rows = new Map()));
    rows.set(c.row, [...(rows.get(c.row) ?? []), c.message]);
  }
  return bySheet;
}
