/**
 * .xls (BIFF8, Excel 97-2003 and WPS) and .ods (OpenDocument) through SheetJS CE into the same
 * grid as an .xlsx. SheetJS reads a whole file into memory (~6× its XML on the bench template), so
 * these files get tighter size bounds than an .xlsx before SheetJS sees them; rows and cells are
 * then held to the same GridBudget, and merges to the same rules (merges.ts).
 */
import * as XLSX from '@e965/xlsx';
import { a1 } from '../../../shared/src/address';
import { EXCEL_ROWS, type CellValue, type MergeArea } from '../../../shared/src/grid';
import { MS_PER_DAY } from '../../../shared/src/dates';
import { MESSAGES, WorkbookReadError } from './errors';
import { addMerge } from './merges';
import { GridBudget, RowGate } from './sheet-builder';
import type { WorkbookVisitor } from './read';

export type OtherFormat = 'xls' | 'ods';

/** An .xls file, or an .ods file's content.xml uncompressed, at most this large (a 64 MB .xls holds about 1 million cells). */
export const SHEETJS_MAX_BYTES = 64 * 1024 * 1024;

/** BIFF error codes (MS-XLS 2.5.97.2), as Excel shows them. */
const ERRORS: Record<number, string> = { 0: '#NULL!', 7: '#DIV/0!', 15: '#VALUE!', 23: '#REF!', 29: '#NAME?', 36: '#NUM!', 42: '#N/A', 43: '#GETTING_DATA' };

/** BOF record types of BIFF2 to BIFF8 (MS-XLS 2.4.21): a workbook stream starts with one. */
const BIFF_BOF = new Set([0x0009, 0x0209, 0x0409, 0x0809]);

/**
 * Whether a CFB file is a workbook at all (a Word or PowerPoint file is one too); one whose
 * workbook stream does not start as BIFF does is a corrupt .xls (SheetJS would read it as empty).
 */
export function isBiffWorkbook(bytes: Buffer): boolean {
  let stream: { content?: ArrayLike<number> } | null;
  try {
    const cfb = XLSX.CFB.read(bytes, { type: 'buffer' });
    stream = XLSX.CFB.find(cfb, 'Workbook') ?? XLSX.CFB.find(cfb, 'Book');
  } catch (err) {
    throw new WorkbookReadError('corrupt', MESSAGES.corruptXls, { cause: err });
  }
  if (!stream) return false;
  const head = stream.content;
  if (!head || head.length < 4 || !BIFF_BOF.has(head[0] | (head[1] << 8))) throw new WorkbookReadError('corrupt', MESSAGES.corruptXls);
  return true;
}

/** Streams an .xls or .ods into `visitor`, held to `budget`. */
export function readWithSheetJs(bytes: Buffer, format: OtherFormat, visitor: WorkbookVisitor, budget: GridBudget, maxRows: number): void {
  let book: XLSX.WorkBook;
  try {
    // sheetRows stops SheetJS past the row limit instead of building the rest; the gate then refuses.
    book = XLSX.read(bytes, { type: 'buffer', dense: true, cellDates: false, cellFormula: false, cellHTML: false, cellText: false, cellStyles: false, sheetRows: Math.min(maxRows, EXCEL_ROWS) + 1 });
  } catch (err) {
    throw new WorkbookReadError('corrupt', format === 'xls' ? MESSAGES.corruptXls : MESSAGES.corruptOds, { cause: err });
  }
  // SheetNames is the tab order; hidden sheets are read like the others, as for an .xlsx.
  for (const name of book.SheetNames) {
    const sheet = book.Sheets[name] as XLSX.WorkSheet & { '!data'?: XLSX.CellObject[][] };
    // Chart sheets carry no cell data.
    if (!sheet || !sheet['!data']) continue;
    const gate = new RowGate(budget, visitor.beginSheet(name));
    const data = sheet['!data'];
    for (let r = 0; r < data.length; r++) {
      const row = data[r];
      if (!row) continue;
      const cells: CellValue[] = new Array(row.length);
      for (let c = 0; c < row.length; c++) cells[c] = row[c] ? cellValue(row[c]) : null;
      gate.row(r + 1, cells);
    }
    const merges: MergeArea[] = [];
    for (const m of sheet['!merges'] ?? []) addMerge(`${a1(m.s.r + 1, m.s.c + 1)}:${a1(m.e.r + 1, m.e.c + 1)}`, merges);
    gate.end(merges);
  }
}

function cellValue(cell: XLSX.CellObject): CellValue {
  const v = cell.v;
  switch (cell.t) {
    case 'n':
      return typeof v === 'number' && Number.isFinite(v) ? v : null;
    case 's':
      return typeof v === 'string' && v.length > 0 ? v : null;
    case 'b':
      return v === true;
    case 'e':
      return typeof v === 'number' ? (ERRORS[v] ?? '#N/A') : null;
    case 'd':
      // Only with cellDates, which is off: a date is its serial number, as in an .xlsx.
      return v instanceof Date ? dateSerial(v) : null;
    default:
      return null;
  }
}

function dateSerial(d: Date): number {
  return (d.getTime() - Date.UTC(1899, 11, 30)) / MS_PER_DAY;
}
