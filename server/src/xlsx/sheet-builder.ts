/**
 * Holds a workbook to its row and cell limits as rows stream in, before the memory is spent,
 * and passes on only rows that hold values.
 */
import type { CellValue } from '../../../shared/src/grid';
import { MESSAGES, WorkbookReadError } from './errors';

export interface GridLimits {
  /** Rows over the whole workbook, counting gaps up to each sheet's last row with data. */
  maxRows: number;
  /** Cells over the whole workbook: each row's length up to its last value. */
  maxCells: number;
}

export class GridBudget {
  private rows = 0;
  private cells = 0;

  constructor(private readonly limits: GridLimits) {}

  spendRows(n: number): void {
    this.rows += n;
    if (this.rows > this.limits.maxRows) throw new WorkbookReadError('too-large', MESSAGES.tooManyRows(this.limits.maxRows));
  }

  spendCells(n: number): void {
    this.cells += n;
    if (this.cells > this.limits.maxCells) throw new WorkbookReadError('too-large', MESSAGES.tooManyCells(this.limits.maxCells));
  }
}

/** One sheet's gate: rows must come in ascending order, as the file format requires. */
export class RowGate {
  private last = 0;

  constructor(private readonly budget: GridBudget) {}

  /**
   * The row's cells with trailing empties cut, or null for a row without values: styled but
   * empty rows are common far below the data and cost nothing.
   */
  admit(rowNumber: number, cells: CellValue[]): CellValue[] | null {
    let length = cells.length;
    while (length > 0 && cells[length - 1] === null) length--;
    if (length === 0) return null;
    if (!(rowNumber > this.last)) throw new WorkbookReadError('corrupt', MESSAGES.corrupt);
    cells.length = length;
    this.budget.spendRows(rowNumber - this.last);
    this.budget.spendCells(length);
    this.last = rowNumber;
    return cells;
  }
}
