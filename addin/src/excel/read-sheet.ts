import { parseRange, type CellValue, type MergeArea, type SheetGrid } from '../../../shared/src';
import type { HostOptions } from '../host/types';
import { FIRST_GUESS_BYTES_PER_CELL, measuredBytesPerCell, rowsPerBlock } from './blocks';

/**
 * A worksheet's used range as a grid, read in blocks (see blocks.ts). The only Excel calls are
 * here; `context.sync()` runs 1 + ⌈rows ÷ rows per block⌉ times.
 */
export async function readSheet(context: Excel.RequestContext, name: string, options: HostOptions = {}): Promise<SheetGrid> {
  const sheet = context.workbook.worksheets.getItem(name);
  // Values only: formats would multiply the payload.
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load('isNullObject,rowIndex,columnIndex,rowCount,columnCount');
  const merged = used.getMergedAreasOrNullObject();
  merged.load('isNullObject,address');
  await context.sync();
  if (used.isNullObject) return { name, rows: [] };

  const rows: CellValue[][] = [];
  let bytesPerCell = FIRST_GUESS_BYTES_PER_CELL;
  for (let start = 0; start < used.rowCount; ) {
    options.signal?.throwIfAborted();
    const count = Math.min(rowsPerBlock(used.columnCount, bytesPerCell), used.rowCount - start);
    const block = sheet.getRangeByIndexes(used.rowIndex + start, used.columnIndex, count, used.columnCount);
    block.load('values');
    await context.sync();
    const values = block.values as CellValue[][];
    for (const row of values) rows.push(row.map(normalise));
    bytesPerCell = Math.max(bytesPerCell, measuredBytesPerCell(values));
    start += count;
    options.onProgress?.(start, used.rowCount);
  }
  return {
    name,
    rows,
    merges: merged.isNullObject ? [] : mergesOf(merged.address),
    startRow: used.rowIndex + 1,
    startCol: used.columnIndex + 1,
  };
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
