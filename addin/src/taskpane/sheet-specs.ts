import {
  CATALOGUE, CONTACT, DATA_TYPE, DEMAND, DOMAIN_FIELD, NEGATIVE, UPDATE_FREQUENCY, type CodeList, type ColumnDef, type SheetDef,
} from '../../../shared/src';
import type { NewSheet } from '../host/types';

/**
 * Blank sheets the clerk can create, laid out from the shared sheet definitions: the standard
 * headers, and a drop-down list for every coded column. One place: the definitions in shared/.
 */
export const CREATABLE: ReadonlyArray<{ def: SheetDef; title: string }> = [
  { def: CATALOGUE, title: '政务数据资源目录' },
  { def: DEMAND, title: '政务数据共享需求清单' },
  { def: NEGATIVE, title: '政务数据共享负面清单' },
  { def: CONTACT, title: '政务数据资源目录编制工作联系表' },
];

/** The drop-down for a column: its code list; 更新周期 and 所属领域 also take written-out values, which the list allows. */
function listOf(c: ColumnDef): CodeList | null {
  switch (c.value.kind) {
    case 'code':
      return c.value.codes;
    case 'dataType':
      return DATA_TYPE;
    case 'frequency':
      return UPDATE_FREQUENCY;
    case 'domain':
      return DOMAIN_FIELD;
    default:
      return null;
  }
}

export function blankSheet(def: SheetDef, title: string, name = def.label, dataRows = 500): NewSheet {
  const columns = def.columns;
  const lists = columns.flatMap((c, column) => {
    const codes = listOf(c);
    // Multi-valued cells (several share methods) cannot be a single-choice list.
    if (!codes || (c.value.kind === 'code' && c.value.multiple)) return [];
    return [{ column, values: codes.entries.map((e) => e.value) }];
  });
  return {
    name,
    headRows: [[title]],
    headers: columns.map((c) => c.label),
    columnWidths: columns.map((c) => Math.min(30, Math.max(6, c.label.length * 2))),
    lists,
    dataRows,
  };
}
