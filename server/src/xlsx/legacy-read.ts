/**
 * The exceljs-based reader this project used before xlsx-sheets.ts, kept only for the grid-equality test.
 */
import type ExcelJS from 'exceljs';
import { isBlankRow, type CellValue, type MergeArea, type SheetGrid, type WorkbookGrid } from '../../../shared/src/grid';
import { toCellValue, type TextCopy } from './cells';
import { detectFileFormat, detectFormat, type FileFormat } from './detect';
import { MESSAGES, WorkbookReadError, asReadError } from './errors';
import { CELL_KEY_ROW } from './sheet-xml-filter';
import { GridBudget, RowGate } from './sheet-builder';
import { detachText, keepText } from './detach-text';
import { DEFAULT_ZIP_LIMITS, openGuardedZip } from './zip-guard';
import { ZipWorkbookReader } from './zip-workbook-reader';


interface ReadOptions {
  /** Rows over the whole workbook, gaps included (default 1,000,000). */
  maxRows?: number;
  /** Cells over the whole workbook, each row counted up to its last value (default 20,000,000). */
  maxCells?: number;
  /** Total uncompressed size of the zip's entries (default 512 MiB). */
  maxUncompressedBytes?: number;
}

const DEFAULT_READ_OPTIONS: Required<ReadOptions> = {
  maxRows: 1_000_000,
  maxCells: 20_000_000,
  maxUncompressedBytes: DEFAULT_ZIP_LIMITS.maxUncompressedBytes,
};

/** Receives a workbook sheet by sheet, row by row, as it streams out of the file. */
interface WorkbookVisitor {
  beginSheet(name: string): SheetVisitor;
}

interface SheetVisitor {
  /** Grid row `index` (0-based: sheet row index + 1), with its cells from column A; rows without values are not sent. */
  row(index: number, cells: CellValue[]): void;
  end(merges: readonly MergeArea[]): void;
}

/**
 * Streams an .xlsx into `visitor` without holding it: the engine's WorkbookValidation checks a
 * large data template this way in bounded memory. Limits are enforced as rows arrive.
 */
export async function legacyStreamWorkbook(input: string | Buffer, visitor: WorkbookVisitor, options: ReadOptions = {}): Promise<void> {
  const limits = { ...DEFAULT_READ_OPTIONS, ...options };
  refuseNonZip(typeof input === 'string' ? await detectFileFormat(input) : detectFormat(input));

  let reader: ZipWorkbookReader | undefined;
  try {
    const zip = await openGuardedZip(input, { ...DEFAULT_ZIP_LIMITS, maxUncompressedBytes: limits.maxUncompressedBytes });
    reader = new ZipWorkbookReader(zip);
    const budget = new GridBudget(limits);
    let anyValue = false;
    for await (const worksheet of reader) {
      const sink = visitor.beginSheet(worksheet.name);
      const gate = new RowGate(budget);
      const xml = reader.filterOf(worksheet);
      for await (const row of worksheet) {
        const cells = gate.admit(row.number, rowCells(row, xml.hasInlineText ? detachText : keepText, xml.booleanCells));
        if (!cells) continue;
        anyValue ||= !isBlankRow(cells);
        sink.row(row.number - 1, cells);
      }
      gate.spendMerges(xml.merges);
      sink.end(xml.merges);
    }
    if (!anyValue) throw new WorkbookReadError('empty', MESSAGES.empty);
  } catch (err) {
    throw asReadError(err);
  } finally {
    reader?.dispose();
  }
}

/** The whole workbook as grids, for uploads that are stored and for small files. */
export async function legacyReadWorkbook(input: string | Buffer, options: ReadOptions = {}): Promise<WorkbookGrid> {
  const sheets: SheetGrid[] = [];
  await legacyStreamWorkbook(
    input,
    {
      beginSheet(name) {
        const rows: CellValue[][] = [];
        return {
          row(index, cells) {
            while (rows.length < index) rows.push([]);
            rows[index] = cells;
          },
          end(merges) {
            let end = rows.length;
            while (end > 0 && isBlankRow(rows[end - 1])) end--;
            rows.length = end;
            sheets.push({ name, rows, merges: [...merges] });
          },
        };
      },
    },
    options,
  );
  return { sheets };
}

function refuseNonZip(format: FileFormat): void {
  switch (format) {
    case 'zip':
      return;
    case 'cfb':
      throw new WorkbookReadError('legacy-xls', MESSAGES.legacyXls);
    case 'cfb-encrypted':
      throw new WorkbookReadError('encrypted', MESSAGES.encrypted);
    case 'zero-bytes':
      throw new WorkbookReadError('empty', MESSAGES.zeroBytes);
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
