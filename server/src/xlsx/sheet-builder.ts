/**
 * Builds a SheetGrid row by row as rows stream in, keeping sheet positions (rows[i] is sheet row
 * i + 1, gaps are empty arrays) and holding the workbook to its row and cell limits before the
 * memory is spent.
 */
import { isBlankRow, type CellValue, type MergeArea, type SheetGrid } from '../../../shared/src/grid';
import { MESSAGES, WorkbookReadError } from './errors';

export interface GridLimits {
  /** Rows held over the whole workbook, counting gaps up to each sheet's last row with data. */
  maxRows: number;
  /** Cells held over the whole workbook: each row's length up to its last value. */
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

export class SheetBuilder {
  private readonly rows: CellValue[][] = [];

  constructor(
    private readonly name: string,
    private readonly budget: GridBudget,
  ) {}

  /**
   * Row `rowNumber` (1-based; rows must come in ascending order, as the file format requires)
   * with its cells from column A. Rows without values are not kept: styled but empty rows are
   * common far below the data, and the gaps are filled in when a later row has values.
   */
  add(rowNumber: number, cells: CellValue[]): void {
    let length = cells.length;
    while (length > 0 && cells[length - 1] === null) length--;
    if (length === 0) return;
    cells.length = length;
    const index = rowNumber >= 1 ? rowNumber - 1 : this.rows.length;
    if (index >= this.rows.length) {
      this.budget.spendRows(index + 1 - this.rows.length);
      this.budget.spendCells(length);
      while (this.rows.length < index) this.rows.push([]);
      this.rows.push(cells);
    } else {
      this.mergeInto(this.rows[index], cells);
    }
  }

  finish(merges: MergeArea[]): SheetGrid {
    let end = this.rows.length;
    while (end > 0 && isBlankRow(this.rows[end - 1])) end--;
    this.rows.length = end;
    return { name: this.name, rows: this.rows, merges };
  }

  /** A row number seen twice (a malformed file): later values win, earlier ones stay where the later row has none. */
  private mergeInto(row: CellValue[], cells: CellValue[]): void {
    if (cells.length > row.length) this.budget.spendCells(cells.length - row.length);
    while (row.length < cells.length) row.push(null);
    cells.forEach((v, j) => {
      if (v !== null) row[j] = v;
    });
  }
}
