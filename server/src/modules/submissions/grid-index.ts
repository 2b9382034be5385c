import { constants, deflateRawSync, inflateRawSync } from 'node:zlib';
import {
  cellText, clipMerges, dataExtent, readCatalogue,
  type CatalogueResource, type CellValue, type MergeArea, type ResourceLocation, type WorkbookGrid,
} from '../../../../shared/src';

/**
 * A stored workbook prepared for reading a window at a time: the review page shows a sheet a
 * page of rows at a time, and a 300,000-row data template is 40 MB of JSON that no page should
 * load whole. Rows are kept in deflated chunks; what the diff needs (the catalogue in it and where
 * its resources sit) is extracted in the same pass, so the grid is parsed once.
 */
export const CHUNK_ROWS = 500;

export interface SheetOutline {
  index: number;
  name: string;
  /** 1-based sheet row and column of the first row's first cell. */
  startRow: number;
  startCol: number;
  rowCount: number;
  /** Cells in the widest row. */
  width: number;
  /** Merged areas with their anchor cell's text, so a page starting inside a merge can show it. */
  merges: Array<MergeArea & { value: string }>;
}

export interface GridIndex {
  sheets: SheetOutline[];
  /** Per sheet, CHUNK_ROWS rows at a time as deflated JSON. */
  chunks: Uint8Array[][];
  catalogue: CatalogueResource[];
  locations: ResourceLocation[];
  /** Roughly what the index holds in memory, for the cache's budget. */
  bytes: number;
}

export function indexGrid(grid: WorkbookGrid): GridIndex {
  let bytes = 0;
  const chunks: Uint8Array[][] = [];
  const sheets = grid.sheets.map((s, index): SheetOutline => {
    const startRow = s.startRow ?? 1;
    const startCol = s.startCol ?? 1;
    const own: Uint8Array[] = [];
    for (let from = 0; from < s.rows.length; from += CHUNK_ROWS) {
      const chunk = deflateRawSync(Buffer.from(JSON.stringify(s.rows.slice(from, from + CHUNK_ROWS)), 'utf8'), { level: constants.Z_BEST_SPEED });
      bytes += chunk.byteLength;
      own.push(chunk);
    }
    chunks.push(own);
    // Cut to the values, as the engine fills them: the page lays out every cell a merge covers.
    const extent = dataExtent(s);
    const merges = clipMerges(s.merges ?? [], extent).map((m) => ({ ...m, value: cellText(s.rows[m.top - startRow]?.[m.left - startCol]) }));
    bytes += merges.length * 64;
    return { index, name: s.name, startRow, startCol, rowCount: s.rows.length, width: extent.width, merges };
  });
  const { resources: catalogue, locations } = readCatalogue(grid);
  bytes += JSON.stringify(catalogue).length + JSON.stringify(locations).length;
  return { sheets, chunks, catalogue, locations, bytes };
}

/** Rows offset … offset+limit−1 of sheet `sheet` (fewer at its end). */
export function readRows(index: GridIndex, sheet: number, offset: number, limit: number): CellValue[][] {
  const chunks = index.chunks[sheet] ?? [];
  const rows: CellValue[][] = [];
  const end = Math.min(offset + limit, index.sheets[sheet]?.rowCount ?? 0);
  for (let c = Math.floor(offset / CHUNK_ROWS); c * CHUNK_ROWS < end; c++) {
    const chunk = JSON.parse(inflateRawSync(chunks[c]).toString('utf8')) as CellValue[][];
    const base = c * CHUNK_ROWS;
    rows.push(...chunk.slice(Math.max(0, offset - base), end - base));
  }
  return rows;
}
