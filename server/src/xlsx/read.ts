/**
 * An uploaded .xlsx (a path or a Buffer) as the engine's WorkbookGrid, streamed with exceljs so
 * that memory follows the grid, not the XML: a 200,000-row file reads in bounded memory.
 *
 * Every failure is a WorkbookReadError whose message tells the clerk what to do; the only other
 * errors that can escape are the server's own I/O failures (see asReadError).
 */
import type ExcelJS from 'exceljs';
import { isBlankRow, type CellValue, type WorkbookGrid } from '../../../shared/src/grid';
import { toCellValue, type TextCopy } from './cells';
import { detectFileFormat, detectFormat, type FileFormat } from './detect';
import { MESSAGES, WorkbookReadError, asReadError } from './errors';
import { CELL_KEY_ROW } from './sheet-xml-filter';
import { GridBudget, SheetBuilder } from './sheet-builder';
import { detachText, keepText } from './detach-text';
import { DEFAULT_ZIP_LIMITS, openGuardedZip } from './zip-guard';
import { ZipWorkbookReader } from './zip-workbook-reader';

export { detectFormat, detectFileFormat, type FileFormat } from './detect';
export { WorkbookReadError, type WorkbookReadErrorCode } from './errors';

export interface ReadOptions {
  /** Rows over the whole workbook, gaps included (default 1,000,000). */
  maxRows?: number;
  /** Cells over the whole workbook, each row counted up to its last value (default 20,000,000). */
  maxCells?: number;
  /** Total uncompressed size of the zip's entries (default 512 MiB). */
  maxUncompressedBytes?: number;
}

export const DEFAULT_READ_OPTIONS: Required<ReadOptions> = {
  maxRows: 1_000_000,
  maxCells: 20_000_000,
  maxUncompressedBytes: DEFAULT_ZIP_LIMITS.maxUncompressedBytes,
};

export async function readWorkbook(input: string | Buffer, options: ReadOptions = {}): Promise<WorkbookGrid> {
  const limits = { ...DEFAULT_READ_OPTIONS, ...options };
  refuseNonZip(typeof input === 'string' ? await detectFileFormat(input) : detectFormat(input));

  let reader: ZipWorkbookReader | undefined;
  try {
    const zip = await openGuardedZip(input, { ...DEFAULT_ZIP_LIMITS, maxUncompressedBytes: limits.maxUncompressedBytes });
    reader = new ZipWorkbookReader(zip);
    const budget = new GridBudget(limits);
    const sheets = [];
    for await (const worksheet of reader) {
      const sheet = new SheetBuilder(worksheet.name, budget);
      const xml = reader.filterOf(worksheet);
      for await (const row of worksheet) sheet.add(row.number, rowCells(row, xml.hasInlineText ? detachText : keepText, xml.booleanCells));
      sheets.push(sheet.finish(xml.merges));
    }
    if (!sheets.some((s) => s.rows.some((r) => !isBlankRow(r)))) throw new WorkbookReadError('empty', MESSAGES.empty);
    return { sheets };
  } catch (err) {
    throw asReadError(err);
  } finally {
    reader?.dispose();
  }
}

function refuseNonZip(format: FileFormat): void {
  switch (format) {
    case 'zip':
      return;
    case 'cfb':
      throw new WorkbookReadError('legacy-xls', MESSAGES.legacyXls);
    case 'cfb-encrypted':
      throw new WorkbookReadError('encrypted', MESSAGES.encrypted);
    default:
      throw new WorkbookReadError('not-xlsx', MESSAGES.notXlsx);
  }
}

/** A row's cells from column A, in the array row.values made (sparse and 1-based: values[1] is column A). */
function rowCells(row: ExcelJS.Row, text: TextCopy, booleanCells: ReadonlySet<number>): CellValue[] {
  const values = row.values as unknown[];
  for (let col = 1; col < values.length; col++) {
    let v = values[col];
    if (v === undefined || v === null) v = null;
    else if (typeof v !== 'object') v = toCellValue(v, text);
    else {
      // row.values drops a formula's falsy result (0, FALSE, ''); the cell itself still has it.
      if ('formula' in v && !('result' in v)) v = { formula: v.formula, result: (row.getCell(col) as { result?: unknown }).result };
      v = toCellValue(v, text, booleanCells.size === 0 ? undefined : () => booleanCells.has(row.number * CELL_KEY_ROW + col));
    }
    values[col] = v;
  }
  values.shift();
  return values as CellValue[];
}
