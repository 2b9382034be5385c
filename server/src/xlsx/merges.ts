/**
 * Merged cells, which exceljs's streaming WorksheetReader drops (`case 'mergeCell': break;`).
 * They are `<mergeCell ref="A1:B3"/>` elements after sheetData, picked out of the sheet XML text
 * as it streams past (see sheet-xml-filter.ts).
 */
import type { MergeArea } from '../../../shared/src/grid';
import { parseRange } from '../../../shared/src/address';

const MERGE_CELL = /<mergeCell\s[^>]*?\bref\s*=\s*(["'])([^"']*)\1/g;

/**
 * Adds the merges in `xml` to `into`. `xml` must hold only whole tags, which SheetXmlFilter
 * guarantees by cutting its chunks before a '<'. Single-cell "merges" are dropped: they merge nothing.
 */
export function scanMergeCells(xml: string, into: MergeArea[]): void {
  if (xml.indexOf('<mergeCell') === -1) return;
  for (const m of xml.matchAll(MERGE_CELL)) {
    const area = parseRange(m[2]);
    if (area && (area.bottom > area.top || area.right > area.left)) into.push(area);
  }
}
