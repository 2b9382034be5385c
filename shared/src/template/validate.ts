import { raise, type SheetIssues } from '../collector';
import { a1 } from '../address';
import { cellText, isBlank, type CellValue, type MergeArea } from '../grid';
import { HEADER_SCAN_ROWS } from '../header';
import { itemRole, missingPersonItems, personKinds, hasLegalPersonCode, type ItemRole } from '../item-roles';
import type { CatalogueItem, CatalogueResource } from '../resources';
import { headerKey, itemKey, squeeze } from '../text';
import { compileCellCheck, type CellCheck } from './cells';
import { KeyIndex } from './key-index';
import type { TemplateMarker } from './marker';

/**
 * Data template checks (docs/DOMAIN.md §6; seed 004 art. 28): one column per information item of the resource, typed
 * by 数据类型 and 数据长度; identifiers by item name; natural- and legal-person columns;
 * key uniqueness; zero report.
 */
interface TemplateColumn {
  index: number;
  header: string;
  item: CatalogueItem;
  role: ItemRole | null;
  check: CellCheck | null;
}

export interface TemplateHeader {
  headerIndex: number;
  columns: TemplateColumn[];
  unknown: Array<{ index: number; header: string }>;
  missing: CatalogueItem[];
}

function sameItem(header: string, item: string): boolean {
  return itemKey(header) === itemKey(item) || headerKey(header) === headerKey(item);
}

/** The row (within the first rows, below `from`) whose cells name most of the resource's items. */
export function findTemplateHeader(rows: readonly CellValue[][], resource: CatalogueResource, from = 0): TemplateHeader | null {
  let best: TemplateHeader | null = null;
  for (let r = from; r < Math.min(rows.length, from + HEADER_SCAN_ROWS); r++) {
    const row = rows[r] ?? [];
    const columns: TemplateColumn[] = [];
    const unknown: TemplateHeader['unknown'] = [];
    const used = new Set<CatalogueItem>();
    for (let i = 0; i < row.length; i++) {
      const header = squeeze(cellText(row[i]));
      if (header === '') continue;
      const item = resource.items.find((it) => !used.has(it) && sameItem(header, it.name));
      if (!item) {
        unknown.push({ index: i, header });
        continue;
      }
      used.add(item);
      const role = itemRole(item.name);
      columns.push({ index: i, header, item, role, check: compileCellCheck(item.dataType, item.dataLength, role, header) });
    }
    if (columns.length > 0 && (!best || columns.length > best.columns.length)) {
      best = { headerIndex: r, columns, unknown, missing: resource.items.filter((it) => !used.has(it)) };
    }
  }
  return best;
}

/** How well a sheet's headers fit a resource: the share of its items found in one row. */
export function templateFit(rows: readonly CellValue[][], resource: CatalogueResource): number {
  if (resource.items.length < 2) return 0;
  const h = findTemplateHeader(rows, resource);
  return h && h.columns.length >= 2 ? h.columns.length / resource.items.length : 0;
}

export interface TemplateInput {
  startRow: number;
  startCol: number;
  resource: CatalogueResource;
  marker: TemplateMarker | null;
  header: TemplateHeader;
  report: SheetIssues;
}

/**
 * Checks a template's data rows one at a time, so a large sheet can be checked as it streams in
 * and never held whole. Sheet-level problems are reported when it is created; `finish` reports
 * what needs every row (zero report, merged data cells).
 */
export class TemplateRows {
  private readonly headerRow: number;
  private readonly checked: TemplateColumn[];
  private readonly personCols: TemplateColumn[];
  private readonly legalCols: TemplateColumn[];
  private readonly certType: TemplateColumn | undefined;
  private readonly certNumber: TemplateColumn | undefined;
  private readonly certNumberIdCheck: CellCheck | null;
  private readonly keyCols: TemplateColumn[] | null;
  private readonly keys = new KeyIndex();
  dataRows = 0;

  constructor(private readonly input: TemplateInput) {
    const { startRow, startCol, resource, marker, header, report } = input;
    const headerRow = (this.headerRow = startRow + header.headerIndex);
    const cols = header.columns;

    for (const item of header.missing) {
      report('template.missing-column', { item: item.name, headerRow }, { row: headerRow, column: item.name });
    }
    for (const u of header.unknown) {
      report('header.unknown-column', { variant: 'template', header: u.header, resource: resource.name }, { row: headerRow, col: startCol + u.index, column: u.header, value: u.header });
    }
    if (marker?.version && resource.version && marker.version < resource.version) {
      report('template.outdated', { version: marker.version, current: resource.version }, { row: startRow });
    }

    const roles = cols.map((c) => c.role);
    const kinds = personKinds(resource.items.map((i) => itemRole(i.name)));
    this.personCols = kinds.natural ? personColumns(cols) : [];
    if (kinds.natural) {
      const missing = missingPersonItems(roles);
      if (missing.length > 0) {
        report('template.natural-person-columns', { missing: missing.join('、') }, { row: headerRow });
      }
    }
    this.legalCols = kinds.legal ? cols.filter((c) => c.role === 'uscc' || c.role === 'regNo') : [];
    if (kinds.legal && !hasLegalPersonCode(roles)) {
      report('template.legal-person-columns', {}, { row: headerRow });
    }
    this.certType = cols.find((c) => c.role === 'certType');
    this.certNumber = cols.find((c) => c.role === 'certNumber');
    this.certNumberIdCheck = this.certNumber ? compileCellCheck(null, null, 'idcard', this.certNumber.header) : null;
    this.keyCols = keyColumns(cols, marker);
    this.checked = cols.filter((c) => c.check !== null);
  }

  /** Grid row `index` (0-based from startRow); rows at or above the header are ignored. */
  row(index: number, row: readonly CellValue[]): void {
    const { startRow, startCol, report } = this.input;
    if (index <= this.input.header.headerIndex || isBlankRowFast(row)) return;
    this.dataRows++;
    const sheetRow = startRow + index;

    const checked = this.checked;
    for (let k = 0; k < checked.length; k++) {
      const c = checked[k];
      const v = row[c.index];
      if (v === null || v === undefined || v === '') continue;
      const p = c.check!(v);
      if (p !== null) raise(report, p, { row: sheetRow, col: startCol + c.index, column: c.header, value: cellText(v) });
    }

    // 证件号码 is numbered like a 身份证号 when the row's 证件类型 is a 身份证 (111), a residence
    // permit (港澳台居民居住证 carry a 公民身份号码) or the 外国人永久居留身份证.
    const { certType, certNumber, certNumberIdCheck } = this;
    if (certType && certNumber && certNumberIdCheck) {
      const v = row[certNumber.index];
      if (!isBlank(v) && /身份证|居住证|^111$/.test(cellText(row[certType.index] ?? null))) {
        const p = certNumberIdCheck(v ?? null);
        if (p) raise(report, p, { row: sheetRow, col: startCol + certNumber.index, column: certNumber.header, value: cellText(v ?? null) });
      }
    }

    for (let k = 0; k < this.personCols.length; k++) {
      const c = this.personCols[k];
      if (isBlank(row[c.index])) report('template.natural-person-row', { header: c.header }, { row: sheetRow, col: startCol + c.index, column: c.header });
    }
    if (this.legalCols.length > 0 && this.legalCols.every((c) => isBlank(row[c.index]))) {
      const c = this.legalCols[0];
      report('template.legal-person-row', { header: c.header }, { row: sheetRow, col: startCol + c.index, column: c.header });
    }

    const keyCols = this.keyCols;
    const key = rowKey(row, keyCols);
    if (key === null) return;
    const first = this.keys.firstRowOrAdd(key, sheetRow);
    if (first === undefined) return;
    if (keyCols) {
      report('template.duplicate-key', { keys: keyCols.map((c) => c.header).join('、'), first }, {
        row: sheetRow,
        col: startCol + keyCols[0].index,
        column: keyCols[0].header,
        value: cellText(row[keyCols[0].index] ?? null),
      });
    } else {
      report('template.duplicate-key', { variant: 'wholeRow', first }, { row: sheetRow });
    }
  }

  /** After the last row: the zero-report rules, and merged cells among the data. */
  finish(merges: readonly MergeArea[]): { dataRows: number } {
    const { marker, report } = this.input;
    // Merged cells are not filled in templates: only the top-left cell holds the value, and the
    // platform receives exactly what the cells hold.
    for (const m of merges) {
      if (m.bottom <= this.headerRow) continue;
      report('template.merged-cells', { range: `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}` }, {
        row: Math.max(m.top, this.headerRow + 1),
        col: m.left,
      });
    }
    if (marker?.zeroReport && this.dataRows > 0) {
      report('template.zero-report-with-rows', { rows: this.dataRows }, { row: this.headerRow });
    } else if (!marker?.zeroReport && this.dataRows === 0) {
      report('template.no-rows', {}, { row: this.headerRow });
    }
    return { dataRows: this.dataRows };
  }
}

function isBlankRowFast(row: readonly CellValue[]): boolean {
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    if (v === null || v === undefined || v === '') continue;
    if (typeof v === 'string' && v.trim() === '') continue;
    return false;
  }
  return true;
}

/** 姓名 and the identity columns every natural-person row must fill. */
function personColumns(cols: TemplateColumn[]): TemplateColumn[] {
  const hasIdcard = cols.some((c) => c.role === 'idcard');
  return cols.filter((c) => c.role === 'personName' || c.role === 'idcard' || (!hasIdcard && (c.role === 'certType' || c.role === 'certNumber')));
}

/** Key columns: items marked 主键 in the catalogue, else those the template's marker names; null = whole row. */
function keyColumns(cols: TemplateColumn[], marker: TemplateMarker | null): TemplateColumn[] | null {
  const marked = cols.filter((c) => c.item.isKey);
  if (marked.length > 0) return marked;
  const named = marker ? cols.filter((c) => marker.keys.some((k) => sameItem(c.header, k))) : [];
  return named.length > 0 ? named : null;
}

function rowKey(row: readonly CellValue[], keyCols: TemplateColumn[] | null): string | null {
  if (keyCols) {
    if (keyCols.length === 1) {
      const v = row[keyCols[0].index];
      return isBlank(v) ? null : cellText(v ?? null);
    }
    let key = '';
    for (const c of keyCols) key += cellText(row[c.index] ?? null) + '\u0001';
    return key;
  }
  let key = '';
  for (let i = 0; i < row.length; i++) key += cellText(row[i] ?? null) + '\u0001';
  return key;
}
