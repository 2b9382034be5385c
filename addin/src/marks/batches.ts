import { columnNumber, columnLetter } from '../../../shared/src/address';

/**
 * Marks go to Excel in batches: `worksheet.getRanges("A1:A3, C5, …")` formats many areas in one
 * call, but one call must stay under about 8,000 characters of address text and a few hundred
 * areas. Cells next to each other in a column are merged into one area first, so a column of
 * 5,000 blank required cells costs a handful of areas, not 5,000.
 */
export const MAX_ADDRESS_CHARS = 7_500;
export const MAX_AREAS = 400;

/** Groups A1 cell addresses into area strings ("B3:B9", "D4"), column by column, top to bottom. */
export function areasOf(cells: readonly string[]): string[] {
  const byColumn = new Map<number, number[]>();
  for (const cell of cells) {
    const m = /^([A-Z]{1,3})(\d+)$/.exec(cell);
    if (!m) continue;
    const col = columnNumber(m[1]);
    const rows = byColumn.get(col) ?? [];
    rows.push(Number(m[2]));
    byColumn.set(col, rows);
  }
  const areas: string[] = [];
  for (const col of [...byColumn.keys()].sort((a, b) => a - b)) {
    const letters = columnLetter(col);
    const rows = [...new Set(byColumn.get(col))].sort((a, b) => a - b);
    let start = rows[0];
    let prev = rows[0];
    const flush = () => areas.push(start === prev ? `${letters}${start}` : `${letters}${start}:${letters}${prev}`);
    for (const row of rows.slice(1)) {
      if (row === prev + 1) {
        prev = row;
        continue;
      }
      flush();
      start = prev = row;
    }
    flush();
  }
  return areas;
}

/** Splits areas into address strings for getRanges, each within the character and area limits. */
export function addressBatches(areas: readonly string[], maxChars = MAX_ADDRESS_CHARS, maxAreas = MAX_AREAS): string[] {
  const batches: string[] = [];
  let current: string[] = [];
  let length = 0;
  for (const area of areas) {
    const extra = (current.length > 0 ? 1 : 0) + area.length;
    if (current.length > 0 && (length + extra > maxChars || current.length >= maxAreas)) {
      batches.push(current.join(','));
      current = [];
      length = 0;
    }
    current.push(area);
    length += current.length > 1 ? extra : area.length;
  }
  if (current.length > 0) batches.push(current.join(','));
  return batches;
}
