import type { Report } from '../../../shared/src';
import type { CellMark } from '../host/types';

/** The report's issues that point at a cell, as marks. Sheet-level issues stay in the pane's list. */
export function marksFromReport(report: Report): CellMark[] {
  return report.issues.filter((i) => i.cell !== null).map((i) => ({ sheet: i.sheet, cell: i.cell!, kind: i.severity, message: i.message }));
}

/** A reviewer's comments on cells, as marks. */
export function marksFromComments(comments: ReadonlyArray<{ sheet: string; cell: string | null; message: string }>): CellMark[] {
  return comments.filter((c) => c.cell !== null).map((c) => ({ sheet: c.sheet, cell: c.cell!, kind: 'review', message: c.message }));
}
