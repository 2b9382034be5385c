import type { SheetIssues } from '../collector';
import { DEMAND_SCENE } from '../codes';
import { blankCell, type ParsedSheet } from '../parse';
import { findResource, type CatalogueResource } from '../resources';
import { fold, quote } from '../text';
import { requiredWhenCheck } from './required-when';

/** Demand list rules (docs/DOMAIN.md §2, seed 001 annex 2), per row; 驳回理由 is its column's requiredWhen. */
export function checkDemand(sheet: ParsedSheet, report: SheetIssues, catalogue: readonly CatalogueResource[] | null): void {
  const has = (key: string) => sheet.columns.some((c) => c.def.key === key);
  // Whether the sheet has these columns is one answer for the sheet, not one per row.
  const [hasScene, hasItems] = [has('scene'), has('demandItems')];
  const required = requiredWhenCheck(sheet, report);
  for (const r of sheet.rows) {
    const f = r.fields;
    required(r, '');

    const provider = f.provider;
    if (provider && !provider.inherited && /[、,，;；/]|和|及/.test(fold(provider.text))) {
      report('demand.one-provider', { value: quote(provider.text) }, { row: provider.row, col: provider.col, column: provider.header, value: provider.text });
    }

    if (hasScene) {
      const scene = f.scene;
      if (!scene || !DEMAND_SCENE.entries.some((e) => scene.text.includes(e.value))) {
        report('demand.scene', {}, scene ? { row: scene.row, col: scene.col, column: scene.header, value: scene.text } : blankCell(sheet, 'scene', r.row));
      }
    }

    if (hasItems && !f.demandItems) {
      report('demand.items', {}, blankCell(sheet, 'demandItems', r.row));
    }

    // Only against a catalogue we know: the consolidated one on the server, or one in the workbook.
    if (catalogue && f.demandName && !f.sourceBasis) {
      const found = findResource(catalogue, { name: f.demandName.text, department: provider?.text ?? null });
      if (!found) {
        report('demand.source-basis', { name: quote(f.demandName.text) }, blankCell(sheet, 'sourceBasis', r.row));
      }
    }
  }
}
