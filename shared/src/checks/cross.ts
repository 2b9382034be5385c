import type { IssueCollector } from '../collector';
import type { Field, ParsedSheet } from '../parse';
import { findResource, sameName, type CatalogueResource } from '../resources';
import { quote } from '../text';

/**
 * Rules across sheets (docs/DOMAIN.md §1, §3, §4): the negative list and the responsibility list
 * must agree with the catalogue, whether it is in the same workbook or on the server.
 */
const at = (f: Field) => ({ row: f.row, col: f.col, column: f.header, value: f.text });

/** Each resource a list names, with the catalogue resource it names (null when none) and the list sheet's reporter. */
function* listedResources(lists: readonly ParsedSheet[], catalogue: readonly CatalogueResource[], out: IssueCollector) {
  for (const sheet of lists) {
    const report = out.forSheet(sheet.name);
    for (const group of sheet.groups ?? []) {
      const name = group.fields.resourceName;
      if (!name) continue;
      const found = findResource(catalogue, { name: name.text, department: group.fields.department?.norm ?? null });
      yield { group, name, found, report };
    }
  }
}

export function checkNegativeAgainstCatalogue(
  negatives: readonly ParsedSheet[],
  catalogueSheets: readonly ParsedSheet[],
  catalogue: readonly CatalogueResource[],
  out: IssueCollector,
): void {
  const listed: CatalogueResource[] = [];
  for (const { name, found, report } of listedResources(negatives, catalogue, out)) {
    if (!found) {
      report('cross.negative-not-in-catalogue', { name: quote(name.text) }, at(name));
      continue;
    }
    listed.push(found);
    if (found.shareType !== '不予共享') {
      report('cross.negative-not-unshared', { name: quote(name.text), shareType: found.shareType ?? '未填写' }, at(name));
    }
  }
  if (negatives.length === 0) return;
  for (const sheet of catalogueSheets) {
    const report = out.forSheet(sheet.name);
    for (const g of sheet.groups ?? []) {
      const name = g.fields.resourceName;
      const share = g.fields.shareType;
      if (!name || !share || share.invalid || share.norm !== '不予共享') continue;
      if (!listed.some((r) => sameName(r.name, name.text))) {
        report('cross.unshared-not-in-negative', { name: quote(name.text) }, at(name));
      }
    }
  }
}

export function checkResponsibilityAgainstCatalogue(
  lists: readonly ParsedSheet[],
  catalogue: readonly CatalogueResource[],
  out: IssueCollector,
): void {
  for (const { group: g, name, found, report } of listedResources(lists, catalogue, out)) {
    if (!found) {
      report('cross.responsibility-not-in-catalogue', { name: quote(name.text) }, at(name));
      continue;
    }
    for (const [key, label, expected] of [
      ['shareType', '共享类型', found.shareType],
      ['updateFrequency', '更新周期', found.updateFrequency],
    ] as const) {
      const f = g.fields[key];
      if (f && !f.invalid && expected && f.norm !== expected) {
        report('cross.responsibility-mismatch', { label, expected, value: quote(f.text) }, at(f));
      }
    }
    for (const item of g.items) {
      const f = item.fields.itemName;
      if (f && !found.items.some((i) => sameName(i.name, f.text))) {
        report('cross.responsibility-not-in-catalogue', { variant: 'item', item: quote(f.text), name: quote(found.name) }, at(f));
      }
    }
  }
}
