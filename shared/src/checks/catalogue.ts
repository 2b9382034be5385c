import type { SheetIssues } from '../collector';
import { itemRole, missingPersonItems, personKinds, hasLegalPersonCode } from '../item-roles';
import { blankCell, type Field, type ParsedSheet, type ResourceGroup } from '../parse';
import { CATALOGUE_COLUMNS } from '../sheets';
import { itemKey, quote } from '../text';

/**
 * Cross-field and cross-row rules of the catalogue (DOMAIN.md §1), one small function each,
 * applied per resource group.
 */
type GroupRule = (g: ResourceGroup, ctx: CatalogueContext) => void;

interface CatalogueContext {
  sheet: ParsedSheet;
  report: SheetIssues;
  /** Reports once per sheet that a column a rule needs is absent. */
  needColumn: (key: keyof typeof CATALOGUE_COLUMNS, why: string) => boolean;
}

const at = (f: Field) => ({ row: f.row, col: f.col, column: f.header, value: f.text });
const valid = (f: Field | undefined): f is Field => f !== undefined && !f.invalid;
const isShared = (g: ResourceGroup) => valid(g.fields.shareType) && g.fields.shareType.norm !== '不予共享';

const blankAt = (ctx: CatalogueContext, g: ResourceGroup, key: string) => blankCell(ctx.sheet, key, g.row);

const unsharedNeedsBasis: GroupRule = (g, ctx) => {
  const share = g.fields.shareType;
  if (!valid(share) || share.norm !== '不予共享' || g.fields.unsharedBasis) return;
  if (!ctx.needColumn('unsharedBasis', '有资源为“不予共享”')) return;
  ctx.report('catalogue.unshared-basis', '共享类型为“不予共享”时须填写不予共享依据，并引用法律法规名称《…》及条款（第…条）', blankAt(ctx, g, 'unsharedBasis'));
};

const unsharedNotOpen: GroupRule = (g, ctx) => {
  const share = g.fields.shareType;
  const open = g.fields.openType;
  if (valid(share) && share.norm === '不予共享' && valid(open) && open.norm === '无条件开放') {
    ctx.report('catalogue.unshared-open', '部门间不予共享的资源不能向社会无条件开放，请改为“不予开放”或“有条件开放”，或重新核定共享类型', at(open));
  }
};

const conditionalShare: GroupRule = (g, ctx) => {
  const share = g.fields.shareType;
  if (!valid(share) || share.norm !== '有条件共享' || g.fields.shareCondition) return;
  if (!ctx.needColumn('shareCondition', '有资源为“有条件共享”')) return;
  ctx.report('catalogue.share-condition', '共享类型为“有条件共享”时须写明共享条件（如：仅限办理××业务时使用）', blankAt(ctx, g, 'shareCondition'));
};

const conditionalOpen: GroupRule = (g, ctx) => {
  const open = g.fields.openType;
  if (!valid(open) || open.norm !== '有条件开放' || g.fields.openCondition) return;
  if (!ctx.needColumn('openCondition', '有资源为“有条件开放”')) return;
  ctx.report('catalogue.open-condition', '开放属性为“有条件开放”时须写明开放条件', blankAt(ctx, g, 'openCondition'));
};

const sharedNeedsMethod: GroupRule = (g, ctx) => {
  if (!isShared(g) || g.fields.shareMethod) return;
  if (!ctx.needColumn('shareMethod', '共享的资源须写明共享方式')) return;
  ctx.report('catalogue.share-method', `共享类型为“${g.fields.shareType!.norm}”时须填写共享方式（如接口、文件、库表）`, blankAt(ctx, g, 'shareMethod'));
};

const sharedNeedsFrequency: GroupRule = (g, ctx) => {
  if (!isShared(g) || g.fields.updateFrequency) return;
  if (!ctx.needColumn('updateFrequency', '共享的资源须写明更新周期')) return;
  ctx.report('catalogue.update-frequency', `共享类型为“${g.fields.shareType!.norm}”时须填写更新周期（实时、每日、每周、每月、每季度、每年或写明具体周期）`, blankAt(ctx, g, 'updateFrequency'));
};

const securityLevelOpen: GroupRule = (g, ctx) => {
  const level = g.fields.securityLevel;
  if (!valid(level)) return;
  const open = g.fields.openType;
  if (level.norm === '4级' && !(valid(open) && open.norm === '不予开放')) {
    ctx.report('catalogue.level4-open', '安全级别为4级的数据泄露会造成非常严重的损害，开放属性须为“不予开放”', open ? at(open) : { ...blankAt(ctx, g, 'openType'), value: null });
  } else if (level.norm === '3级' && valid(open) && open.norm === '无条件开放') {
    ctx.report('catalogue.level3-open', '安全级别为3级的数据一般不宜无条件开放，请确认或改为“有条件开放”', at(open));
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
    ctx.report('catalogue.personal-id-open', `资源含有公民身份号码（第 ${idItem.row} 行“${idItem.fields.itemName!.text}”），不能向社会无条件开放，请改为“有条件开放”或“不予开放”`, at(open));
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
      ctx.report('catalogue.natural-person-items', `资源${quote(name.text)}是关于自然人的数据，按规定须同时提供姓名、证件类型和证件号码，缺少信息项：${missing.join('、')}`, at(name));
    }
  }
  if (kinds.legal && !hasLegalPersonCode(r)) {
    ctx.report('catalogue.legal-person-items', `资源${quote(name.text)}是关于法人或其他组织的数据，按规定须同时提供统一社会信用代码（或企业注册号），请增加该信息项`, at(name));
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
      ctx.report('catalogue.duplicate-item', `信息项${quote(f.text)}在本资源中与第 ${first} 行重复，请删除重复行`, at(f));
    } else seen.set(key, item.row);
  }
};

const GROUP_RULES: readonly GroupRule[] = [
  unsharedNeedsBasis, unsharedNotOpen, conditionalShare, conditionalOpen, sharedNeedsMethod,
  sharedNeedsFrequency, securityLevelOpen, personalIdNotOpen, personItems, uniqueItems,
];

export function checkCatalogue(sheet: ParsedSheet, report: SheetIssues): void {
  const present = new Set(sheet.columns.map((c) => c.def.key));
  const reportedMissing = new Set<string>();
  const needColumn: CatalogueContext['needColumn'] = (key, why) => {
    if (present.has(key)) return true;
    if (!reportedMissing.has(key)) {
      reportedMissing.add(key);
      const label = CATALOGUE_COLUMNS[key].label;
      report('header.missing-column', `${why}，但表中没有“${label}”列，请在第 ${sheet.headerRow} 行表头中加上此列并填写`, { row: sheet.headerRow, column: label });
    }
    return false;
  };
  const ctx: CatalogueContext = { sheet, report, needColumn };
  for (const g of sheet.groups ?? []) for (const rule of GROUP_RULES) rule(g, ctx);
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
      report('catalogue.duplicate-resource', `资源名称${quote(name.text)}与第 ${first} 行的资源相同；如是同一资源，请合并为一组，否则请改名加以区分`, at(name));
    } else seen.set(key, g.row);
  }
}
