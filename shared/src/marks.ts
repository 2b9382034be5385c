/** Marks on cells: what the add-in paints in Excel and the review pages paint in the browser, the same way. */
import type { Report } from './report';

export type MarkKind = 'error' | 'warning' | 'review';

export interface CellMark {
  sheet: string;
  /** A1 address of one cell. */
  cell: string;
  kind: MarkKind;
  message: string;
}

/** How each kind of mark looks: Excel's own "bad" and "neutral" fills, and a blue for reviewers. */
export const MARK_FILLS: Record<MarkKind, string> = {
  error: '#FFC7CE',
  warning: '#FFEB9C',
  review: '#BDD7EE',
};

export const MARK_LABELS: Record<MarkKind, string> = {
  error: '错误',
  warning: '警告',
  review: '审核意见',
};

/** The text put on a cell: what kind, and what to do. Several marks on one cell share one note. */
export function noteText(marks: ReadonlyArray<{ kind: MarkKind; message: string }>): string {
  return marks.map((m) => `【${MARK_LABELS[m.kind]}】${m.message}`).join('\n');
}

/** Which kind colours a cell that has several: an error first, then a reviewer's comment, then a warning. */
const PRIORITY: readonly MarkKind[] = ['warning', 'review', 'error'];

export function strongestKind(kinds: Iterable<MarkKind>): MarkKind {
  let best: MarkKind = 'warning';
  for (const k of kinds) if (PRIORITY.indexOf(k) > PRIORITY.indexOf(best)) best = k;
  return best;
}

/** The report's issues that point at a cell, as marks. Sheet-level issues stay in the pane's list. */
export function marksFromReport(report: Report): CellMark[] {
  return report.issues.filter((i) => i.cell !== null).map((i) => ({ sheet: i.sheet, cell: i.cell!, kind: i.severity, message: i.message }));
}

/** A reviewer's comments on cells, as marks. */
export function marksFromComments(comments: ReadonlyArray<{ sheet: string; cell: string | null; message: string }>): CellMark[] {
  return comments.filter((c) => c.cell !== null).map((c) => ({ sheet: c.sheet, cell: c.cell!, kind: 'review', message: c.message }));
}
