import { cellText, type CellValue } from './grid';
import type { ColumnDef, SheetDef } from './sheets';
import { fold, headerKey, squeeze } from './text';

/**
 * Finds the header row as staff write it: below a title, across one or two rows, with line
 * breaks, spaces, full-width brackets and units in the header texts, columns in any order.
 */
export const HEADER_SCAN_ROWS = 20;

export interface ColumnMatch {
  /** 0-based index into the grid row. */
  index: number;
  /** The header as written, whitespace squeezed, for messages. */
  header: string;
  def: ColumnDef;
}

export interface HeaderMatch {
  def: SheetDef;
  /** 0-based index of the (last) header row in the grid. */
  headerIndex: number;
  columns: ColumnMatch[];
  unknown: Array<{ index: number; header: string }>;
  duplicates: ColumnMatch[];
  missing: ColumnDef[];
}

const synonymIndexes = new WeakMap<SheetDef, Map<string, ColumnDef>>();

function synonymsOf(def: SheetDef): Map<string, ColumnDef> {
  let map = synonymIndexes.get(def);
  if (!map) {
    map = new Map();
    for (const col of def.columns) {
      for (const name of [col.label, ...col.synonyms]) map.set(headerKey(name), col);
    }
    synonymIndexes.set(def, map);
  }
  return map;
}

/** A row's share of the title: its text cells, folded and without whitespace. */
function titlePart(row: readonly CellValue[]): string {
  const strings: string[] = [];
  for (const v of row) if (typeof v === 'string') strings.push(v);
  return strings.length ? squeeze(fold(strings.join(' '))) : '';
}

function hasHint(def: SheetDef, title: string): boolean {
  return def.nameHints.some((h) => title.includes(h));
}

/** One candidate header row: each cell's text as written (squeezed) and its comparable form. */
interface RowHeaders {
  texts: string[];
  keys: string[];
}

function rowHeaders(row: readonly CellValue[] | undefined): RowHeaders {
  const texts = (row ?? []).map((v) => squeeze(cellText(v)));
  return { texts, keys: texts.map((t) => (t ? headerKey(t) : '')) };
}

function evaluate(def: SheetDef, row: RowHeaders, upper: RowHeaders | null): Omit<HeaderMatch, 'headerIndex'> | null {
  const synonyms = synonymsOf(def);
  const columns: ColumnMatch[] = [];
  const unknown: HeaderMatch['unknown'] = [];
  const duplicates: ColumnMatch[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < row.texts.length; i++) {
    let header = row.texts[i];
    let col = header ? (synonyms.get(row.keys[i]) ?? null) : null;
    // A two-row header: a cell merged down from the row above carries its text there.
    if (!header && upper && upper.texts[i]) {
      col = synonyms.get(upper.keys[i]) ?? null;
      if (col) header = upper.texts[i];
    }
    if (!header) continue;
    if (!col) {
      unknown.push({ index: i, header });
      continue;
    }
    const m = { index: i, header, def: col };
    if (seen.has(col.key)) duplicates.push(m);
    else {
      seen.add(col.key);
      columns.push(m);
    }
  }
  if (columns.length < 2 || !def.signature.every((k) => seen.has(k))) return null;
  return { def, columns, unknown, duplicates, missing: def.columns.filter((c) => c.requiredColumn && !seen.has(c.key)) };
}

/**
 * The best header row and sheet kind among `defs`, or null when no row looks like a header.
 * Each scanned row's header keys and the title above it are worked out once, not once per kind.
 */
export function findHeader(sheetName: string, rows: readonly CellValue[][], defs: readonly SheetDef[]): HeaderMatch | null {
  let best: HeaderMatch | null = null;
  let bestScore = 0;
  const scan = Math.min(rows.length, HEADER_SCAN_ROWS);
  let title = titlePart([sheetName]);
  let upper: RowHeaders | null = null;
  for (let r = 0; r < scan; r++) {
    if (r > 0) title += titlePart(rows[r - 1] ?? []);
    const row = rowHeaders(rows[r]);
    const above = upper;
    upper = row;
    if (row.texts.every((t) => t === '')) continue;
    for (const def of defs) {
      const hinted = hasHint(def, title);
      if (def.needsNameHint && !hinted) continue;
      const m = evaluate(def, row, above);
      if (!m) continue;
      // Matched columns decide; a name hint breaks ties; unknown columns count slightly against.
      const score = m.columns.length + (hinted ? 0.5 : 0) - m.unknown.length * 0.01;
      if (score > bestScore) {
        bestScore = score;
        best = { ...m, headerIndex: r };
      }
    }
  }
  return best;
}

/** A row under the header that only numbers the columns (1, 2, 3 …) is not data. */
export function isColumnNumberRow(row: readonly CellValue[] | undefined): boolean {
  if (!row) return false;
  let expected = 0;
  let count = 0;
  for (const v of row) {
    const t = cellText(v);
    if (t === '') continue;
    const n = Number(t.replace(/[()（）]/g, ''));
    if (!Number.isInteger(n) || n <= expected) return false;
    expected = n;
    count++;
  }
  return count >= 3;
}

/** A note under the table ("注：…", "填表说明：…") sits in one cell and is not data. */
export function isFootnoteRow(row: readonly CellValue[] | undefined): boolean {
  return row ? isFootnoteTexts(Array.from(row, cellText)) : false;
}

/** isFootnoteRow on a row's cell texts (cellText of each cell). */
export function isFootnoteTexts(texts: readonly string[]): boolean {
  // A note merged across the row has the same text in every cell once merges are filled.
  let text = '';
  for (const t of texts) {
    if (t === '' || t === text) continue;
    if (text !== '') return false;
    text = t;
  }
  return text !== '' && /^(注|备注|说明|填表说明|填报说明|附注)[:：\d一二三四五六七八九十、.]/.test(fold(text));
}
