import { raise, type SheetIssues } from '../collector';
import { blankCell, type Field, type Fields, type ParsedSheet } from '../parse';
import { renderMessage, NO_COLUMN_SUFFIX, type RuleProblem } from '../rules';
import type { ColumnDef, RequiredWhen } from '../sheets';
import { quote } from '../text';

/**
 * The one check behind every column's `requiredWhen` (sheets.ts): a column that must be filled
 * because of another column's value. Returns a function to call per resource group (or per row,
 * for kinds without groups); each call reports what that record lacks.
 */
export interface Conditional {
  def: ColumnDef;
  when: RequiredWhen;
  /** The deciding column's key. */
  decider: string;
}

/** The sheet kind's conditional columns, with their deciding columns resolved from labels to keys. */
export function conditionalColumns(columns: readonly ColumnDef[]): Conditional[] {
  return columns.flatMap((def) => {
    const when = def.requiredWhen;
    if (!when) return [];
    const decider = columns.find((c) => c.label === when.column);
    if (!decider) throw new Error(`${def.label}: requiredWhen names ${when.column}, which the sheet kind does not have`);
    return [{ def, when, decider: decider.key }];
  });
}

/** Whether `f` (a valid cell) holds the value that makes the column required. */
export function holds(when: RequiredWhen, f: Field | undefined): f is Field {
  if (!f || f.invalid) return false;
  if (when.equals !== undefined && f.norm !== when.equals) return false;
  return when.notEquals === undefined || f.norm !== when.notEquals;
}

/** A coded value as written, with its standard form when that differs (不可使用 → 不予共享). */
const shown = (f: Field) => (f.text === f.norm ? quote(f.text) : `${quote(f.text)}（${f.norm}）`);

/**
 * `about` names the record in the message ("资源“…”："), so an issue read away from the sheet
 * still says what it is about.
 */
export function requiredWhenCheck(sheet: ParsedSheet, report: SheetIssues) {
  const conditionals = conditionalColumns(sheet.def.columns);
  const present = new Set(sheet.columns.map((c) => c.def.key));
  /** The missing resource-level columns already told once, with the suffix their records' messages carry. */
  const missing = new Map<string, string>();
  return (record: { row: number; fields: Fields }, about: string): void => {
    for (const { def, when, decider } of conditionals) {
      const decidedBy = record.fields[decider];
      if (!holds(when, decidedBy) || record.fields[def.key]) continue;
      const params = { about, decider: decidedBy.norm, noColumn: '' };
      if (present.has(def.key)) {
        raise(report, { ruleId: when.rule, params } as RuleProblem, blankCell(sheet, def.key, record.row));
        continue;
      }
      // A row-level column the sheet lacks is not asked for; a resource-level one is, once for the sheet.
      if (def.level !== 'resource') continue;
      let noColumn = missing.get(def.key);
      if (noColumn === undefined) {
        report('header.missing-column', { variant: 'conditional', decider: quote(decidedBy.header), value: shown(decidedBy), label: def.label, headerRow: sheet.headerRow }, { row: sheet.headerRow, column: def.label });
        missing.set(def.key, (noColumn = renderMessage(NO_COLUMN_SUFFIX, { label: def.label, headerRow: sheet.headerRow })));
      }
      raise(report, { ruleId: when.rule, params: { ...params, noColumn } } as RuleProblem, { row: record.row, col: decidedBy.col, column: decidedBy.header, value: decidedBy.text });
    }
  };
}
