import { raise, type SheetIssues } from './collector';
import { cellText, type CellValue } from './grid';
import { isColumnNumberRow, isFootnoteTexts, type ColumnMatch, type HeaderMatch } from './header';
import type { SheetDef } from './sheets';
import { headerKey, quote } from './text';
import { readValue } from './values';

/**
 * Turns a recognised sheet into rows and resource groups, reporting what is wrong with single
 * cells and columns on the way. Cross-field and cross-row rules run on the result.
 */
export interface Field {
  /** The cell's text as written (trimmed). */
  text: string;
  /** The standard form: a code list's value, or the text. */
  norm: string;
  row: number;
  col: number;
  header: string;
  /** True when the value was taken from above (a blank "same as above" cell). */
  inherited?: boolean;
  /** True when the cell failed its own check; cross-field rules then stay quiet about it. */
  invalid?: boolean;
}

export type Fields = Partial<Record<string, Field>>;

export interface RecordRow {
  row: number;
  fields: Fields;
}

export interface ResourceGroup {
  row: number;
  fields: Fields;
  items: RecordRow[];
}

export interface ParsedSheet {
  name: string;
  def: SheetDef;
  headerRow: number;
  /** 1-based sheet column of grid index 0. */
  startCol: number;
  columns: ColumnMatch[];
  rows: RecordRow[];
  /** Resource groups, for kinds with resource-level columns; null otherwise. */
  groups: ResourceGroup[] | null;
}

export function parseSheet(
  name: string,
  rows: readonly CellValue[][],
  startRow: number,
  startCol: number,
  match: HeaderMatch,
  report: SheetIssues,
): ParsedSheet {
  const { def, columns } = match;
  const headerRow = startRow + match.headerIndex;
  const sheetRow = (i: number) => startRow + i;
  const sheetCol = (i: number) => startCol + i;

  for (const m of match.missing) {
    const params = { label: m.label, headerRow };
    report('header.missing-column', m.synonyms.length ? { ...params, variant: 'synonyms', synonyms: m.synonyms.slice(0, 3).join('、') } : params, { row: headerRow, column: m.label });
  }
  for (const u of match.unknown) {
    report('header.unknown-column', { header: u.header }, { row: headerRow, col: sheetCol(u.index), column: u.header, value: u.header });
  }
  for (const d of match.duplicates) {
    report('header.duplicate-column', { header: d.header, label: d.def.label }, { row: headerRow, col: sheetCol(d.index), column: d.header, value: d.header });
  }

  const grouped = def.groupKeys !== undefined;
  const parsed: ParsedSheet = { name, def, headerRow, startCol, columns, rows: [], groups: grouped ? [] : null };
  const seen = new Map<string, Map<string, number>>();
  let group: ResourceGroup | null = null;
  // The row above, for "same as above" cells: its own fields, then its resource's.
  let previousRow: Fields = {};
  let previousGroup: Fields | null = null;
  const above = (key: string): Field | undefined => previousGroup?.[key] ?? previousRow[key];

  const read = (m: ColumnMatch, raw: CellValue, text: string, i: number): Field => {
    const v = readValue(m.def.value, m.def.label, raw, text);
    const field: Field = { text, norm: v.norm, row: sheetRow(i), col: sheetCol(m.index), header: m.header };
    if (v.problem) {
      field.invalid = true;
      raise(report, v.problem, { row: field.row, col: field.col, column: m.header, value: field.text });
    }
    if (m.def.unique && !v.problem) checkUnique(m, field);
    return field;
  };

  const checkUnique = (m: ColumnMatch, field: Field) => {
    let values = seen.get(m.def.key);
    if (!values) seen.set(m.def.key, (values = new Map()));
    const first = values.get(field.norm);
    if (first !== undefined) {
      report('cell.duplicate', { label: m.def.label, value: quote(field.text), first }, { row: field.row, col: field.col, column: m.header, value: field.text });
    } else values.set(field.norm, field.row);
  };

  // The column is named once, as the clerk wrote it, with the standard name when that differs.
  const requireValue = (m: ColumnMatch, row: number, resource = '') => {
    const alias = headerKey(m.header) === headerKey(m.def.label) ? '' : `（${m.def.label}）`;
    report('cell.required', { resource, header: m.header, alias }, { row, col: sheetCol(m.index), column: m.header });
  };

  let first = match.headerIndex + 1;
  if (isColumnNumberRow(rows[first])) first++;

  // The columns by role, worked out once rather than for every row.
  const resourceColumns = grouped ? columns.filter((m) => m.def.level === 'resource') : [];
  const rowColumns = grouped ? columns.filter((m) => m.def.level !== 'resource') : columns;
  const groupColumns = grouped ? columns.filter((m) => def.groupKeys!.includes(m.def.key)) : [];
  // Each cell's text, computed once per row and shared by every check on it.
  const texts: string[] = [];
  const textAt = (index: number) => (index < texts.length ? texts[index] : '');

  for (let i = first; i < rows.length; i++) {
    const raw = rows[i] ?? [];
    let blank = true;
    texts.length = raw.length;
    for (let j = 0; j < raw.length; j++) if ((texts[j] = cellText(raw[j])) !== '') blank = false;
    if (blank || isFootnoteTexts(texts)) continue;
    const row = sheetRow(i);
    const record: RecordRow = { row, fields: {} };

    if (grouped && startsGroup(groupColumns, textAt, group)) {
      group = { row, fields: {}, items: [] };
      parsed.groups!.push(group);
      for (const m of resourceColumns) {
        const text = textAt(m.index);
        if (text !== '') group.fields[m.def.key] = read(m, raw[m.index], text, i);
        else {
          const from = m.def.fillDown ? above(m.def.key) : undefined;
          if (from) group.fields[m.def.key] = { ...from, inherited: true };
        }
      }
    } else if (grouped && group) {
      for (const m of resourceColumns) {
        const text = textAt(m.index);
        if (text === '') continue;
        const held = group.fields[m.def.key];
        if (!held || held.inherited) {
          // Written lower down in the group: it still belongs to the resource.
          group.fields[m.def.key] = read(m, raw[m.index], text, i);
        } else if (text !== held.text && readValue(m.def.value, m.def.label, text).norm !== held.norm) {
          report('group.inconsistent', { header: m.header, firstRow: held.row, first: quote(held.text), value: quote(text) }, { row, col: sheetCol(m.index), column: m.header, value: text });
        }
      }
    }

    for (const m of rowColumns) {
      const text = textAt(m.index);
      if (text !== '') record.fields[m.def.key] = read(m, raw[m.index], text, i);
      else {
        const from = m.def.fillDown ? above(m.def.key) : undefined;
        if (from) record.fields[m.def.key] = { ...from, inherited: true };
        else if (m.def.requiredValue) requireValue(m, row);
      }
    }

    parsed.rows.push(record);
    if (group) group.items.push(record);
    previousRow = record.fields;
    previousGroup = group ? group.fields : null;
  }

  for (const g of parsed.groups ?? []) {
    for (const m of columns) {
      if (m.def.level === 'resource' && m.def.requiredValue && !g.fields[m.def.key]) {
        const name = g.fields.resourceName;
        requireValue(m, g.row, name ? `资源${quote(name.text)}的` : '');
      }
    }
  }
  return parsed;
}

/** A row starts a new resource when one of the group's identifying cells holds a new value. */
function startsGroup(groupColumns: readonly ColumnMatch[], textAt: (index: number) => string, group: ResourceGroup | null): boolean {
  if (!group) return true;
  for (const m of groupColumns) {
    const text = textAt(m.index);
    if (text === '') continue;
    const held = group.fields[m.def.key];
    if (!held || held.text !== text) return true;
  }
  return false;
}

/** Where a blank cell of column `key` on `row` is, for pointing at what must be filled. */
export function blankCell(sheet: ParsedSheet, key: string, row: number): { row: number; col: number | null; column: string } {
  const m = sheet.columns.find((c) => c.def.key === key);
  return m ? { row, col: sheet.startCol + m.index, column: m.header } : { row, col: null, column: key };
}
