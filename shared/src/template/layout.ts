import type { CellValue } from '../grid';
import type { CatalogueResource } from '../resources';
import { formatMarker } from './marker';

/**
 * The top of a data template generated from a catalogue resource: a title, the identity
 * marker, and one header per information item. Used by the add-in, the server and tests.
 */
export const TEMPLATE_HEADER_ROW = 3;

export interface TemplateOptions {
  period?: string | null;
  zeroReport?: boolean;
}

export function templateTitle(resource: CatalogueResource): string {
  return `${resource.name}（${resource.department}）数据模板`;
}

export function templateHeadRows(resource: CatalogueResource, options: TemplateOptions = {}): CellValue[][] {
  const marker = formatMarker({
    resourceName: resource.name,
    resourceCode: resource.code,
    department: resource.department || null,
    version: resource.version,
    period: options.period ?? null,
    zeroReport: options.zeroReport ?? false,
    keys: resource.items.filter((i) => i.isKey).map((i) => i.name),
  });
  return [[templateTitle(resource)], [marker], resource.items.map((i) => i.name)];
}
