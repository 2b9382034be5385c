import type { ParsedSheet } from './parse';
import { itemKey } from './text';

/**
 * A catalogue resource as the rest of the product sees it: from a catalogue sheet of the same
 * workbook, a catalogue file given to the CLI, or the server's approved catalogue.
 */
export interface CatalogueItem {
  name: string;
  dataType: string | null;
  dataLength: number | null;
  isKey: boolean;
}

export interface CatalogueResource {
  department: string;
  code: string | null;
  name: string;
  /** The approved catalogue version the resource belongs to, when known (server). */
  version: number | null;
  shareType: string | null;
  updateFrequency: string | null;
  openType: string | null;
  items: CatalogueItem[];
}

export function resourcesOf(sheet: ParsedSheet): CatalogueResource[] {
  if (sheet.def.kind !== 'catalogue' || !sheet.groups) return [];
  return sheet.groups
    .filter((g) => g.fields.resourceName)
    .map((g) => ({
      department: g.fields.department?.norm ?? '',
      code: g.fields.resourceCode && !g.fields.resourceCode.invalid ? g.fields.resourceCode.norm : null,
      name: g.fields.resourceName!.text,
      version: null,
      shareType: validNorm(g.fields.shareType),
      updateFrequency: validNorm(g.fields.updateFrequency),
      openType: validNorm(g.fields.openType),
      items: g.items
        .filter((r) => r.fields.itemName)
        .map((r) => ({
          name: r.fields.itemName!.text,
          dataType: validNorm(r.fields.dataType),
          dataLength: r.fields.dataLength && !r.fields.dataLength.invalid ? Number(r.fields.dataLength.norm) : null,
          isKey: r.fields.isKey?.norm === '是',
        })),
    }));
}

function validNorm(f: { norm: string; invalid?: boolean } | undefined): string | null {
  return f && !f.invalid && f.norm !== '' ? f.norm : null;
}

/** Names compare without spaces, line breaks or full-width differences. */
export function sameName(a: string, b: string): boolean {
  return itemKey(a) === itemKey(b);
}

/** Finds a resource by code first, then by name (and department when both sides name one). */
export function findResource(
  resources: readonly CatalogueResource[],
  wanted: { code?: string | null; name?: string | null; department?: string | null },
): CatalogueResource | null {
  if (wanted.code) {
    const byCode = resources.find((r) => r.code !== null && itemKey(r.code) === itemKey(wanted.code!));
    if (byCode) return byCode;
  }
  if (!wanted.name) return null;
  const byName = resources.filter((r) => sameName(r.name, wanted.name!));
  if (byName.length <= 1 || !wanted.department) return byName[0] ?? null;
  return byName.find((r) => sameName(r.department, wanted.department!)) ?? byName[0];
}
