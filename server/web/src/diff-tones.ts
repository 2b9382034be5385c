import { locateResources, type CatalogueDiff, type WorkbookGrid } from '../../../shared/src';
import type { RowTone } from './components/sheet-grid';

/**
 * The diff against the last approved version, placed on the sheet: a new resource's rows are
 * "added", a resource whose own fields changed has its first row "changed", and new or changed
 * information items their own rows. Removed things have no row; the diff list names them.
 */
export function diffTones(workbook: WorkbookGrid, diff: CatalogueDiff): Map<string, Map<number, RowTone>> {
  const tones = new Map<string, Map<number, RowTone>>();
  const mark = (sheet: string, row: number, tone: RowTone) => {
    let rows = tones.get(sheet);
    if (!rows) tones.set(sheet, (rows = new Map()));
    if (rows.get(row) !== 'added') rows.set(row, tone);
  };
  const located = locateResources(workbook);
  const added = new Set(diff.added);
  for (const loc of located) {
    if (added.has(loc.name)) {
      for (let r = loc.row; r <= loc.lastRow; r++) mark(loc.sheet, r, 'added');
      continue;
    }
    const change = diff.changed.find((c) => c.name === loc.name);
    if (!change) continue;
    if (change.fields.length > 0) mark(loc.sheet, loc.row, 'changed');
    for (const item of loc.items) {
      if (change.itemsAdded.includes(item.name)) mark(loc.sheet, item.row, 'added');
      else if (change.itemsChanged.some((c) => c.name === item.name)) mark(loc.sheet, item.row, 'changed');
    }
  }
  return tones;
}
