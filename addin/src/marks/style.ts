import type { MarkKind } from '../host/types';

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
