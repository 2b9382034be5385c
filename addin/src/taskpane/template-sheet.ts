import { templateHeadRows, type CatalogueResource } from '../../../shared/src';
import type { NewSheet } from '../host/types';

/**
 * A data template for one resource of the approved catalogue: its identity row (resource, version,
 * period, zero report) above one column per information item; 是/否 lists on logical items.
 * A zero report (零上报) is the same sheet declared empty for the period.
 */
const FORBIDDEN_IN_SHEET_NAMES = /[\\/?*[\]:]/g;

export function sheetNameFor(resource: CatalogueResource, zeroReport: boolean): string {
  const base = resource.name.replace(FORBIDDEN_IN_SHEET_NAMES, '').replace(/\s+/g, '');
  const suffix = zeroReport ? '（零上报）' : '';
  return base.slice(0, 31 - suffix.length) + suffix;
}

export function templateSheet(resource: CatalogueResource, options: { period: string | null; zeroReport: boolean; dataRows?: number }): NewSheet {
  const [title, marker, headers] = templateHeadRows(resource, { period: options.period, zeroReport: options.zeroReport });
  return {
    name: sheetNameFor(resource, options.zeroReport),
    headRows: [title, marker],
    headers: headers.map(String),
    columnWidths: resource.items.map((i) => Math.min(30, Math.max(8, (i.dataLength ?? i.name.length * 2) + 2))),
    lists: resource.items.flatMap((item, column) => (item.dataType === 'L' ? [{ column, values: ['是', '否'] }] : [])),
    dataRows: options.zeroReport ? 0 : options.dataRows ?? 1000,
  };
}
