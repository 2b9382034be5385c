import type { IssueCollector } from '../collector';
import type { Field, ParsedSheet } from '../parse';
import { findResource, sameName, type CatalogueResource } from '../resources';
import { quote } from '../text';

/**
 * Rules across sheets (DOMAIN.md §1, §3, §4): the negative list and the responsibility list
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
      report('cross.negative-not-in-catalogue', `负面清单中的${quote(name.text)}在目录中找不到，请核对资源名称是否与目录一致，或先在目录中登记该资源并标为“不予共享”`, at(name));
      continue;
    }
    listed.push(found);
    if (found.shareType !== '不予共享') {
      report('cross.negative-not-unshared', `${quote(name.text)}列入了负面清单，但目录中的共享类型为“${found.shareType ?? '未填写'}”；请把目录中的共享类型改为“不予共享”，或从负面清单中删除`, at(name));
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
        report('cross.unshared-not-in-negative', `${quote(name.text)}为“不予共享”，但未列入负面清单，请在负面清单中补充该资源及其法律法规依据`, at(name));
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
      report('cross.responsibility-not-in-catalogue', `责任清单中的${quote(name.text)}在目录中找不到，请与目录中的资源名称保持一致`, at(name));
      continue;
    }
    for (const [key, label, expected] of [
      ['shareType', '共享类型', found.shareType],
      ['updateFrequency', '更新周期', found.updateFrequency],
    ] as const) {
      const f = g.fields[key];
      if (f && !f.invalid && expected && f.norm !== expected) {
        report('cross.responsibility-mismatch', `${label}与目录不一致：目录中为“${expected}”，此处为${quote(f.text)}`, at(f));
      }
    }
    for (const item of g.items) {
      const f = item.fields.itemName;
      if (f && !found.items.some((i) => sameName(i.name, f.text))) {
        report('cross.responsibility-not-in-catalogue', `信息项${quote(f.text)}不在目录资源${quote(found.name)}中，请核对名称`, at(f));
      }
    }
  }
}
