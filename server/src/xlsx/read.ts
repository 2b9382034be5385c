/**
 * An uploaded workbook (a path or a Buffer) as the engine's WorkbookGrid. An .xlsx streams through
 * our own scanner (xlsx-sheets.ts) so that memory follows the grid, not the XML: a 200,000-row
 * file reads in bounded memory. An .xls or .ods is read whole by SheetJS (other-formats.ts).
 *
 * Every failure is a WorkbookReadError whose message tells the clerk what to do; the only other
 * errors that can escape are the server's own I/O failures (see asReadError).
 */
import { isBlankRow, type CellValue, type MergeArea, type SheetGrid, type WorkbookGrid } from '../../../shared/src/grid';
import { detectFileFormat, detectFormat, type FileFormat } from './detect';
import { MESSAGES, WorkbookReadError, asReadError } from './errors';
import { readFile, stat } from 'node:fs/promises';
import { isBiffWorkbook, readWithSheetJs, SHEETJS_MAX_BYTES } from './other-formats';
import { GridBudget } from './sheet-builder';
import { streamXlsx } from './xlsx-sheets';
import { DEFAULT_ZIP_LIMITS, openGuardedZip, type GuardedZip } from './zip-guard';

export { detectFormat, detectFileFormat, type FileFormat } from './detect';
export { WorkbookReadError, type WorkbookReadErrorCode } from './errors';

export interface ReadOptions {
  /** Rows over the whole workbook, gaps included (default 1,000,000). */
  maxRows?: number;
  /** Cells over the whole workbook, each row counted up to its last value (default 20,000,000). */
  maxCells?: number;
  /** Total uncompressed size of the zip's entries (default 512 MiB). */
  maxUncompressedBytes?: number;
  /** An .xls, or an .ods's content.xml uncompressed, which SheetJS reads whole (default 64 MiB). */
  maxInMemoryBytes?: number;
}

export const DEFAULT_READ_OPTIONS: Required<ReadOptions> = {
  maxRows: 1_000_000,
  maxCells: 20_000_000,
  maxUncompressedBytes: DEFAULT_ZIP_LIMITS.maxUncompressedBytes,
  maxInMemoryBytes: SHEETJS_MAX_BYTES,
};

/** Receives a workbook sheet by sheet, row by row, as it streams out of the file. */
export interface WorkbookVisitor {
  beginSheet(name: string): SheetVisitor;
}

export interface SheetVisitor {
  /** Grid row `index` (0-based: sheet row index + 1), with its cells from column A; rows without values are not sent. */
  row(index: number, cells: CellValue[]): void;
  end(merges: readonly MergeArea[]): void;
}

/**
 * Streams an .xlsx into `visitor` without holding it: the engine's WorkbookValidation checks a
 * large data template this way in bounded memory. Limits are enforced as rows arrive.
 */
export async function streamWorkbook(input: string | Buffer, visitor: WorkbookVisitor, options: ReadOptions = {}): Promise<void> {
  const limits = { ...DEFAULT_READ_OPTIONS, ...options };
  const format = typeof input === 'string' ? await detectFileFormat(input) : detectFormat(input);
  refuseUnreadable(format);

  let zip: GuardedZip | undefined;
  try {
    const budget = new GridBudget(limits);
    if (format === 'cfb') {
      readWithSheetJs(await xlsBytes(input, limits.maxInMemoryBytes), 'xls', visitor, budget, limits.maxRows);
    } else {
      zip = await openGuardedZip(input, { ...DEFAULT_ZIP_LIMITS, maxUncompressedBytes: limits.maxUncompressedBytes });
      if (!zip.entry('xl/workbook.xml') && (await isOds(zip, limits.maxInMemoryBytes))) {
        zip.close();
        zip = undefined;
        readWithSheetJs(await bytesOf(input), 'ods', visitor, budget, limits.maxRows);
      } else {
        await streamXlsx(zip, visitor, budget);
      }
    }
    if (!budget.anyValue) throw new WorkbookReadError('empty', MESSAGES.empty);
  } catch (err) {
    throw asReadError(err);
  } finally {
    zip?.close();
  }
}

const ODS_MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet';

/** An OpenDocument spreadsheet by its `mimetype` part (ODF 1.2 §3.3), held to SheetJS's bound by its content.xml. */
async function isOds(zip: GuardedZip, maxBytes: number): Promise<boolean> {
  const mimetype = zip.entry('mimetype');
  if (!mimetype || mimetype.uncompressedSize > 256) return false;
  const chunks: Buffer[] = [];
  for await (const chunk of await zip.zip.openReadStreamPromise(mimetype)) chunks.push(chunk as Buffer);
  if (Buffer.concat(chunks).toString('latin1').trim() !== ODS_MIMETYPE) return false;
  const content = zip.entry('content.xml');
  if (!content) throw new WorkbookReadError('corrupt', MESSAGES.corruptOds);
  if (content.uncompressedSize > maxBytes) throw new WorkbookReadError('too-large', MESSAGES.odsTooLarge(maxBytes));
  return true;
}

/** An .xls, held to SheetJS's bound before it is read whole; a CFB file that holds no workbook (a .doc) is not one. */
async function xlsBytes(input: string | Buffer, maxBytes: number): Promise<Buffer> {
  const size = typeof input === 'string' ? (await stat(input)).size : input.length;
  if (size > maxBytes) throw new WorkbookReadError('too-large', MESSAGES.xlsTooLarge(maxBytes));
  const bytes = await bytesOf(input);
  if (!isBiffWorkbook(bytes)) throw new WorkbookReadError('not-xlsx', MESSAGES.notXlsx);
  return bytes;
}

function bytesOf(input: string | Buffer): Promise<Buffer> | Buffer {
  return typeof input === 'string' ? readFile(input) : input;
}

/** The whole workbook as grids, for uploads that are stored and for small files. */
export async function readWorkbook(input: string | Buffer, options: ReadOptions = {}): Promise<WorkbookGrid> {
  const sheets: SheetGrid[] = [];
  await streamWorkbook(
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

function refuseUnreadable(format: FileFormat): void {
  switch (format) {
    case 'zip':
    case 'cfb':
      return;
    case 'cfb-encrypted':
      throw new WorkbookReadError('encrypted', MESSAGES.encrypted);
    case 'zero-bytes':
      throw new WorkbookReadError('empty', MESSAGES.zeroBytes);
    default:
      throw new WorkbookReadError('not-xlsx', MESSAGES.notXlsx);
  }
}
