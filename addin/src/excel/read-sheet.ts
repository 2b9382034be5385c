import { a1, parseRange, type CellValue, type MergeArea, type SheetGrid } from '../../../shared/src';
import type { HostCapabilities, HostOptions } from '../host/types';
import { FIRST_GUESS_BYTES_PER_CELL, measuredBytesPerCell, rowsPerBlock } from './blocks';

/**
 * A worksheet's used range as a grid, read in blocks (see blocks.ts). The only Excel calls are
 * here; `context.sync()` runs 1 + ⌈rows ÷ rows per block⌉ times on every level, where rows are
 * the used range's (on ExcelApi 1.1 that is the range of values and formats, and one row on an
 * empty sheet). Blocks are addressed in A1 (getRange, 1.1) so every level reads them alike.
 * Without merged areas (1.13) the grid has none: the engine's blank continuation rows stand in.
 */
export async function readSheet(context: Excel.RequestContext, name: string, capabilities: Pick<HostCapabilities, 'usedRange' | 'merges'>, options: HostOptions = {}): Promise<SheetGrid> {
  const sheet = context.workbook.worksheets.getItem(name);
  // Values only where Excel can say so (1.4); 1.1's used range counts formatted cells too, trimmed below.
  const used = capabilities.usedRange ? sheet.getUsedRangeOrNullObject(true) : sheet.getUsedRange();
  used.load(capabilities.usedRange ? 'isNullObject,rowIndex,columnIndex,rowCount,columnCount' : 'rowIndex,columnIndex,rowCount,columnCount');
  const merged = capabilities.merges ? used.getMergedAreasOrNullObject() : null;
  merged?.load('isNullObject,address');
  await context.sync();
  if (capabilities.usedRange && used.isNullObject) return { name, rows: [] };

  let rows: CellValue[][] = [];
  let bytesPerCell = FIRST_GUESS_BYTES_PER_CELL;
  for (let start = 0; start < used.rowCount; ) {
    options.signal?.throwIfAborted();
    const count = Math.min(rowsPerBlock(used.columnCount, bytesPerCell), used.rowCount - start);
    const top = used.rowIndex + start + 1;
    const block = sheet.getRange(`${a1(top, used.columnIndex + 1)}:${a1(top + count - 1, used.columnIndex + used.columnCount)}`);
    block.load('values');
    await context.sync();
    const values = block.values as CellValue[][];
    for (const row of values) rows.push(row.map(normalise));
    bytesPerCell = Math.max(bytesPerCell, measuredBytesPerCell(values));
    start += count;
    options.onProgress?.(start, used.rowCount);
  }
  let startRow = used.rowIndex + 1;
  let startCol = used.columnIndex + 1;
  if (!capabilities.usedRange) ({ rows, startRow, startCol } = trimBlank(rows, startRow, startCol));
  if (rows.length === 0) return { name, rows: [] };
  return { name, rows, merges: merged && !merged.isNullObject ? mergesOf(merged.address) : [], startRow, startCol };
}

/** The values' own extent: blank rows and columns at the edges dropped (a formatted but empty cell makes them on 1.1). */
export function trimBlank(rows: CellValue[][], startRow: number, startCol: number): { rows: CellValue[][]; startRow: number; startCol: number } {
  const filled = (v: CellValue) => v !== null;
  const first = rows.findIndex((r) => r.some(filled));
  if (first < 0) return { rows: [], startRow, startCol };
  const last = lastIndex(rows, (r) => r.some(filled));
  const kept = rows.slice(first, last + 1);
  const left = Math.min(...kept.map((r) => r.findIndex(filled)).filter((i) => i >= 0));
  const right = Math.max(...kept.map((r) => lastIndex(r, filled)));
  return { rows: kept.map((r) => r.slice(left, right + 1)), startRow: startRow + first, startCol: startCol + left };
}

function lastIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i])) return i;
  return -1;
}

/** Excel gives empty cells as ''; the engine reads them as null either way, and null is smaller. */
function normalise(v: unknown): CellValue {
  if (v === '' || v === undefined) return null;
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : String(v);
}

/** "Sheet1!A1:L1,Sheet1!B3:B70" → merged areas. */
export function mergesOf(address: string): MergeArea[] {
  const areas: MergeArea[] = [];
  for (const part of address.split(',')) {
    const ref = part.includes('!') ? part.slice(part.lastIndexOf('!') + 1) : part;
    const area = parseRange(ref.replace(/\$/g, ''));
    if (area) areas.push(area);
  }
  return areas;
}
