import type { SheetIssues } from '../collector';
import { itemRole, missingPersonItems, personKinds, hasLegalPersonCode } from '../item-roles';
import { blankCell, type Field, type ParsedSheet, type ResourceGroup } from '../parse';
import type { RuleId } from '../rules';
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
  /**
   * Reports that resource `g` must fill column `key` because of the value in `decidedBy`: in the
   * blank cell on the resource's first row, or, when the sheet has no such column, in the
   * deciding cell (and once on the header row, for the whole sheet).
   */
  require: (g: ResourceGroup, key: keyof typeof CATALOGUE_COLUMNS, decidedBy: Field, ruleId: RuleId, message: string) => void;
}

/** A resource's cell in `f`'s column on the resource's first row, where resource values belong (DOMAIN.md §1). */
const at = (g: ResourceGroup, f: Field) => ({ row: g.row, col: f.col, column: f.header, value: f.text });
const valid = (f: Field | undefined): f is Field => f !== undefined && !f.invalid;
const isShared = (g: ResourceGroup) => valid(g.fields.shareType) && g.fields.shareType.norm !== '不予共享';

/** A coded value as written, with its standard form when that differs (不可使用 → 不予共享). */
const shown = (f: Field) => (f.text === f.norm ? quote(f.text) : `${quote(f.text)}（${f.norm}）`);

/** "资源“…”：", so an issue read away from the sheet (a list, a review page) still names its resource. */
const about = (g: ResourceGroup) => (g.fields.resourceName ? `资源${quote(g.fields.resourceName.text)}：` : '');

const unsharedNeedsBasis: GroupRule = (g, ctx) => {
  const share = g.fields.shareType;
  if (!valid(share) || share.norm !== '不予共享' || g.fields.unsharedBasis) return;
  ctx.require(g, 'unsharedBasis', share, 'catalogue.unshared-basis', '共享类型为“不予共享”时须填写不予共享依据，并引用法律法规名称《…》及条款（第…条）');
};

const unsharedNotOpen: GroupRule = (g, ctx) => {
  const share = g.fields.shareType;
  const open = g.fields.openType;
  if (valid(share) && share.norm === '不予共享' && valid(open) && open.norm === '无条件开放') {
    ctx.report('catalogue.unshared-open', `${about(g)}部门间不予共享的资源不能向社会无条件开放，请改为“不予开放”或“有条件开放”，或重新核定共享类型`, at(g, open));
  }
};

const conditionalShare: GroupRule = (g, ctx) => {
  const share = g.fields.shareType;
  if (!valid(share) || share.norm !== '有条件共享' || g.fields.shareCondition) return;
  ctx.require(g, 'shareCondition', share, 'catalogue.share-condition', '共享类型为“有条件共享”时须写明共享条件（如：仅限办理××业务时使用）');
};

const conditionalOpen: GroupRule = (g, ctx) => {
  const open = g.fields.openType;
  if (!valid(open) || open.norm !== '有条件开放' || g.fields.openCondition) return;
  ctx.require(g, 'openCondition', open, 'catalogue.open-condition', '开放属性为“有条件开放”时须写明开放条件');
};

const sharedNeedsMethod: GroupRule = (g, ctx) => {
  if (!isShared(g) || g.fields.shareMethod) return;
  const share = g.fields.shareType!;
  ctx.require(g, 'shareMethod', share, 'catalogue.share-method', `共享类型为“${share.norm}”时须填写共享方式（如接口、文件、库表）`);
};

const sharedNeedsFrequency: GroupRule = (g, ctx) => {
  if (!isShared(g) || g.fields.updateFrequency) return;
  const share = g.fields.shareType!;
  ctx.require(g, 'updateFrequency', share, 'catalogue.update-frequency', `共享类型为“${share.norm}”时须填写更新周期（实时、每日、每周、每月、每季度、每年或写明具体周期）`);
};

const securityLevelOpen: GroupRule = (g, ctx) => {
  const level = g.fields.securityLevel;
  if (!valid(level)) return;
  const open = g.fields.openType;
  const level4 = '安全级别为4级的数据泄露会造成非常严重的损害，开放属性须为“不予开放”';
  if (level.norm === '4级' && !open) ctx.require(g, 'openType', level, 'catalogue.level4-open', level4);
  else if (level.norm === '4级' && !(valid(open) && open.norm === '不予开放')) ctx.report('catalogue.level4-open', `${about(g)}${level4}`, at(g, open!));
  else if (level.norm === '3级' && valid(open) && open.norm === '无条件开放') {
    ctx.report('catalogue.level3-open', `${about(g)}安全级别为3级的数据一般不宜无条件开放，请确认或改为“有条件开放”`, at(g, open));
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
    ctx.report('catalogue.personal-id-open', `${about(g)}含有公民身份号码（第 ${idItem.row} 行“${idItem.fields.itemName!.text}”），不能向社会无条件开放，请改为“有条件开放”或“不予开放”`, at(g, open));
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
      ctx.report('catalogue.natural-person-items', `资源${quote(name.text)}是关于自然人的数据，按规定须同时提供姓名、证件类型和证件号码，缺少信息项：${missing.join('、')}`, at(g, name));
    }
  }
  if (kinds.legal && !hasLegalPersonCode(r)) {
    ctx.report('catalogue.legal-person-items', `资源${quote(name.text)}是关于法人或其他组织的数据，按规定须同时提供统一社会信用代码（或企业注册号），请增加该信息项`, at(g, name));
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
      ctx.report('catalogue.duplicate-item', `${about(g)}信息项${quote(f.text)}与第 ${first} 行重复，请删除重复行`, { row: f.row, col: f.col, column: f.header, value: f.text });
    } else seen.set(key, item.row);
  }
};

const GROUP_RULES: readonly GroupRule[] = [
  unsharedNeedsBasis, unsharedNotOpen, conditionalShare, conditionalOpen, sharedNeedsMethod,
  sharedNeedsFrequency, securityLevelOpen, personalIdNotOpen, personItems, uniqueItems,
];

export function checkCatalogue(sheet: ParsedSheet, report: SheetIssues): void {
  if (sheet.rows.length === 0) {
    report('catalogue.empty', `“${sheet.name}”只有表头，没有登记任何数据资源。请在第 ${sheet.headerRow} 行表头下逐行填写本部门的数据资源（每个信息项一行），再校验提交`, { row: sheet.headerRow });
    return;
  }
  const present = new Set(sheet.columns.map((c) => c.def.key));
  const reportedMissing = new Set<string>();
  const require: CatalogueContext['require'] = (g, key, decidedBy, ruleId, message) => {
    if (present.has(key)) {
      report(ruleId, about(g) + message, blankCell(sheet, key, g.row));
      return;
    }
    const label = CATALOGUE_COLUMNS[key].label;
    if (!reportedMissing.has(key)) {
      reportedMissing.add(key);
      report('header.missing-column', `有资源的${quote(decidedBy.header)}为${shown(decidedBy)}，但表中没有“${label}”列，请在第 ${sheet.headerRow} 行表头中加上此列并为这些资源填写（各资源在其第一行另有提示）`, { row: sheet.headerRow, column: label });
    }
    report(ruleId, `${about(g)}${message}；表中还没有“${label}”列，请先在第 ${sheet.headerRow} 行表头中加上此列`, at(g, decidedBy));
  };
  const ctx: CatalogueContext = { sheet, report, require };
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
      report('catalogue.duplicate-resource', `资源名称${quote(name.text)}与第 ${first} 行的资源相同；如是同一资源，请合并为一组，否则请改名加以区分`, at(g, name));
    } else seen.set(key, g.row);
  }
}
