import type { SheetIssues } from '../collector';
import { itemRole, missingPersonItems, personKinds, hasLegalPersonCode } from '../item-roles';
import type { Field, ParsedSheet, ResourceGroup } from '../parse';
import { itemKey, quote } from '../text';
import { requiredWhenCheck } from './required-when';

/**
 * Cross-field and cross-row rules of the catalogue (docs/DOMAIN.md §1), one small function each,
 * applied per resource group. Columns required by another column's value (有条件共享 ⇒ 共享条件)
 * are declared in sheets.ts and checked by required-when.ts.
 */
type GroupRule = (g: ResourceGroup, ctx: CatalogueContext) => void;

interface CatalogueContext {
  sheet: ParsedSheet;
  report: SheetIssues;
}

/** A resource's cell in `f`'s column on the resource's first row, where resource values belong (docs/DOMAIN.md §1). */
const at = (g: ResourceGroup, f: Field) => ({ row: g.row, col: f.col, column: f.header, value: f.text });
const valid = (f: Field | undefined): f is Field => f !== undefined && !f.invalid;

/** "资源“…”：", so an issue read away from the sheet (a list, a review page) still names its resource. */
const about = (g: ResourceGroup) => (g.fields.resourceName ? `资源${quote(g.fields.resourceName.text)}：` : '');

const unsharedNotOpen: GroupRule = (g, ctx) => {
  const share = g.fields.shareType;
  const open = g.fields.openType;
  if (valid(share) && share.norm === '不予共享' && valid(open) && open.norm === '无条件开放') {
    ctx.report('catalogue.unshared-open', { about: about(g) }, at(g, open));
  }
};

/** A blank 开放属性 on a 4级 resource is its column's requiredWhen; here, one filled in wrongly. */
const securityLevelOpen: GroupRule = (g, ctx) => {
  const level = g.fields.securityLevel;
  const open = g.fields.openType;
  if (!valid(level) || !open) return;
  if (level.norm === '4级' && !(valid(open) && open.norm === '不予开放')) ctx.report('catalogue.level4-open', { about: about(g), noColumn: '' }, at(g, open));
  else if (level.norm === '3级' && valid(open) && open.norm === '无条件开放') {
    ctx.report('catalogue.level3-open', { about: about(g) }, at(g, open));
  }
};

const roles = (g: ResourceGroup) => g.items.map((r) => (r.fields.itemName ? itemRole(r.fields.itemName.text) : null));

const personalIdNotOpen: GroupRule = (g, ctx) => {
  const open = g.fields.openType;
  if (!valid(open) || open.norm !== '无条件开放') return;
  const idItem = g.items.find((r) => {
    const role = r.fields.itemName ? itemRole(r.fields.itemName.text) : null;
    return role === 'idcard' || role === 'certNumber';
  });
  if (idItem) {
    ctx.report('catalogue.personal-id-open', { about: about(g), row: idItem.row, item: idItem.fields.itemName!.text }, at(g, open));
  }
};

const personItems: GroupRule = (g, ctx) => {
  const r = roles(g);
  const kinds = personKinds(r);
  const name = g.fields.resourceName;
  if (!name) return;
  if (kinds.natural) {
    const missing = missingPersonItems(r);
    if (missing.length > 0) {
      ctx.report('catalogue.natural-person-items', { resource: quote(name.text), missing: missing.join('、') }, at(g, name));
    }
  }
  if (kinds.legal && !hasLegalPersonCode(r)) {
    ctx.report('catalogue.legal-person-items', { resource: quote(name.text) }, at(g, name));
  }
};

const uniqueItems: GroupRule = (g, ctx) => {
  const seen = new Map<string, number>();
  for (const item of g.items) {
    const f = item.fields.itemName;
    if (!f) continue;
    const key = itemKey(f.text);
    const first = seen.get(key);
    if (first !== undefined) {
      ctx.report('catalogue.duplicate-item', { about: about(g), value: quote(f.text), first }, { row: f.row, col: f.col, column: f.header, value: f.text });
    } else seen.set(key, item.row);
  }
};

const GROUP_RULES: readonly GroupRule[] = [unsharedNotOpen, securityLevelOpen, personalIdNotOpen, personItems, uniqueItems];

export function checkCatalogue(sheet: ParsedSheet, report: SheetIssues): void {
  if (sheet.rows.length === 0) {
    report('catalogue.empty', { sheet: sheet.name, headerRow: sheet.headerRow }, { row: sheet.headerRow });
    return;
  }
  const required = requiredWhenCheck(sheet, report);
  const ctx: CatalogueContext = { sheet, report };
  for (const g of sheet.groups ?? []) {
    required(g, about(g));
    for (const rule of GROUP_RULES) rule(g, ctx);
  }
  duplicateResourceNames(sheet, report);
}

/** The same resource name twice in one department is probably one resource split in two. */
function duplicateResourceNames(sheet: ParsedSheet, report: SheetIssues): void {
  const seen = new Map<string, number>();
  for (const g of sheet.groups ?? []) {
    const name = g.fields.resourceName;
    if (!name) continue;
    const key = `${itemKey(g.fields.department?.norm ?? '')}\u0000${itemKey(name.text)}`;
    const first = seen.get(key);
    if (first !== undefined) {
      report('catalogue.duplicate-resource', { value: quote(name.text), first }, at(g, name));
    } else seen.set(key, g.row);
  }
}
