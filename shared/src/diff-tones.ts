import type { CatalogueDiff } from './diff';
import type { ResourceLocation } from './validate';

/** How a row compares with the department's last approved catalogue. */
export type RowTone = 'added' | 'changed';

export interface RowToneMark {
  sheet: string;
  row: number;
  tone: RowTone;
}

/**
 * The diff against the last approved version, placed on the sheet: a new resource's rows are
 * "added", a resource whose own fields changed has its first row "changed", and new or changed
 * information items their own rows. Removed things have no row; the diff list names them.
 */
export function diffTones(locations: readonly ResourceLocation[], diff: CatalogueDiff): RowToneMark[] {
  const tones = new Map<string, RowToneMark>();
  const mark = (sheet: string, row: number, tone: RowTone) => {
    const key = `${sheet}\n${row}`;
    if (tones.get(key)?.tone !== 'added') tones.set(key, { sheet, row, tone });
  };
  const added = new Set(diff.added);
  for (const loc of locations) {
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
  return [...tones.values()].sort((a, b) => (a.sheet === b.sheet ? a.row - b.row : a.sheet < b.sheet ? -1 : 1));
}
