import { itemKey } from './text';
import type { CatalogueItem, CatalogueResource } from './resources';

/**
 * What changed in a department's catalogue since its last approved version: resources and
 * information items added, removed or changed, field by field. Resources are matched by code
 * when both sides have one, else by name; items by name.
 */
export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

export interface ResourceChange {
  name: string;
  fields: FieldChange[];
  itemsAdded: string[];
  itemsRemoved: string[];
  itemsChanged: Array<{ name: string; fields: FieldChange[] }>;
}

export interface CatalogueDiff {
  added: string[];
  removed: string[];
  changed: ResourceChange[];
}

const RESOURCE_FIELDS: ReadonlyArray<readonly [keyof CatalogueResource, string]> = [
  ['code', '资源代码'],
  ['department', '部门名称'],
  ['shareType', '共享类型'],
  ['updateFrequency', '更新周期'],
  ['openType', '开放属性'],
];

const ITEM_FIELDS: ReadonlyArray<readonly [keyof CatalogueItem, string]> = [
  ['dataType', '数据类型'],
  ['dataLength', '数据长度'],
  ['isKey', '是否主键'],
];

const show = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'boolean' ? (v ? '是' : '否') : String(v));

function fieldChanges<T>(before: T, after: T, fields: ReadonlyArray<readonly [keyof T, string]>): FieldChange[] {
  return fields
    .filter(([key]) => show(before[key]) !== show(after[key]))
    .map(([key, label]) => ({ field: label, before: show(before[key]), after: show(after[key]) }));
}

function matchKey(r: CatalogueResource): string {
  return r.code ? `code:${itemKey(r.code)}` : `name:${itemKey(r.name)}`;
}

export function diffCatalogues(before: readonly CatalogueResource[], after: readonly CatalogueResource[]): CatalogueDiff {
  const find = (list: readonly CatalogueResource[], r: CatalogueResource) =>
    list.find((x) => matchKey(x) === matchKey(r)) ?? list.find((x) => itemKey(x.name) === itemKey(r.name));
  const diff: CatalogueDiff = { added: [], removed: [], changed: [] };
  for (const r of after) {
    const old = find(before, r);
    if (!old) {
      diff.added.push(r.name);
      continue;
    }
    const fields = fieldChanges(old, r, RESOURCE_FIELDS);
    if (itemKey(old.name) !== itemKey(r.name)) fields.unshift({ field: '数据资源名称', before: old.name, after: r.name });
    const oldItems = new Map(old.items.map((i) => [itemKey(i.name), i]));
    const newItems = new Map(r.items.map((i) => [itemKey(i.name), i]));
    const change: ResourceChange = {
      name: r.name,
      fields,
      itemsAdded: r.items.filter((i) => !oldItems.has(itemKey(i.name))).map((i) => i.name),
      itemsRemoved: old.items.filter((i) => !newItems.has(itemKey(i.name))).map((i) => i.name),
      itemsChanged: r.items
        .filter((i) => oldItems.has(itemKey(i.name)))
        .map((i) => ({ name: i.name, fields: fieldChanges(oldItems.get(itemKey(i.name))!, i, ITEM_FIELDS) }))
        .filter((c) => c.fields.length > 0),
    };
    if (change.fields.length || change.itemsAdded.length || change.itemsRemoved.length || change.itemsChanged.length) diff.changed.push(change);
  }
  for (const r of before) if (!find(after, r)) diff.removed.push(r.name);
  return diff;
}
