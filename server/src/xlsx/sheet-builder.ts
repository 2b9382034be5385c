/**
 * Holds a workbook to its row and cell limits as rows stream in, before the memory is spent,
 * and passes on only rows that hold values.
 */
import { clipMerges, declaredMergeCells, EXCEL_COLUMNS, EXCEL_ROWS, isBlankRow, mergedCellCount, oversizedMergesMessage, type CellValue, type MergeArea } from '../../../shared/src/grid';
import { MESSAGES, WorkbookReadError } from './errors';
import type { SheetVisitor } from './read';

export interface GridLimits {
  /** Rows over the whole workbook, counting gaps up to each sheet's last row with data. */
  maxRows: number;
  /** Cells over the whole workbook: each row's length up to its last value. */
  maxCells: number;
}

export class GridBudget {
  private rows = 0;
  private cells = 0;
  private declaredMerged = 0;
  /** Whether any row passed on held a value that is not blank: a workbook without one is empty. */
  anyValue = false;

  constructor(private readonly limits: GridLimits) {}

  spendRows(n: number): void {
    this.rows += n;
    if (this.rows > this.limits.maxRows) throw new WorkbookReadError('too-large', MESSAGES.tooManyRows(this.limits.maxRows));
  }

  spendCells(n: number, message = MESSAGES.tooManyCells): void {
    this.cells += n;
    if (this.cells > this.limits.maxCells) throw new WorkbookReadError('too-large', message(this.limits.maxCells));
  }

  /** Merged areas as the file declares them, over the whole workbook (see declaredMergeCells). */
  spendDeclaredMerges(merges: readonly MergeArea[]): void {
    this.declaredMerged += declaredMergeCells(merges);
    if (this.declaredMerged > this.limits.maxCells) throw new WorkbookReadError('too-large', oversizedMergesMessage(merges, this.declaredMerged, this.limits.maxCells));
  }
}

/**
 * One sheet's gate between a front door (xlsx-sheets.ts, other-formats.ts) and its visitor: rows
 * must come in ascending order, as the file format requires.
 */
export class RowGate {
  private last = 0;
  private width = 0;

  constructor(
    private readonly budget: GridBudget,
    private readonly sink: SheetVisitor,
  ) {}

  /**
   * Sheet row `rowNumber` (1-based), passed on with trailing empties cut; a row without values is
   * dropped: styled but empty rows are common far below the data and cost nothing.
   */
  row(rowNumber: number, cells: CellValue[]): void {
    const kept = this.admit(rowNumber, cells);
    if (!kept) return;
    this.budget.anyValue ||= !isBlankRow(kept);
    this.sink.row(rowNumber - 1, kept);
  }

  /** The sheet's rows are in: its merges are spent (spendMerges) and passed on with the sheet's end. */
  end(merges: readonly MergeArea[]): void {
    this.spendMerges(merges);
    this.sink.end(merges);
  }

  private admit(rowNumber: number, cells: CellValue[]): CellValue[] | null {
    let length = cells.length;
    while (length > 0 && cells[length - 1] === null) length--;
    if (length === 0) return null;
    if (!(rowNumber > this.last)) throw new WorkbookReadError('corrupt', MESSAGES.corrupt);
    if (rowNumber > EXCEL_ROWS || length > EXCEL_COLUMNS) throw new WorkbookReadError('too-large', MESSAGES.outsideSheet(EXCEL_ROWS, EXCEL_COLUMNS));
    cells.length = length;
    this.budget.spendRows(rowNumber - this.last);
    this.budget.spendCells(length);
    this.last = rowNumber;
    if (length > this.width) this.width = length;
    return cells;
  }

  /**
   * Once the sheet's rows are in: the cells that filling its merges will add, as far as its values
   * reach (clipMerges), are spent too, so a merge over a long and wide area of values is refused here.
   */
  private spendMerges(merges: readonly MergeArea[]): void {
    this.budget.spendDeclaredMerges(merges);
    const clipped = clipMerges(merges, { startRow: 1, startCol: 1, rowCount: this.last, width: this.width });
    this.budget.spendCells(mergedCellCount(clipped), MESSAGES.tooManyMergedCells);
  }
}
