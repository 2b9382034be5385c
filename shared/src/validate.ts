import { IssueCollector } from './collector';
import { checkCatalogue } from './checks/catalogue';
import { checkContact } from './checks/contact';
import { checkNegativeAgainstCatalogue, checkResponsibilityAgainstCatalogue } from './checks/cross';
import { checkDemand } from './checks/demand';
import { fillMerges, isBlankRow, type CellValue, type SheetGrid, type WorkbookGrid } from './grid';
import { findHeader } from './header';
import { parseSheet, type ParsedSheet } from './parse';
import { ENGINE_VERSION, type Report, type SheetSummary } from './report';
import { findResource, resourcesOf, type CatalogueResource } from './resources';
import { CATALOGUE, KIND_LABELS, SHEET_DEFS } from './sheets';
import { findMarker, type TemplateMarker } from './template/marker';
import { findTemplateHeader, templateFit, validateTemplate } from './template/validate';

export interface ValidateOptions {
  /** Resources known beyond the workbook: a catalogue file given to the CLI, or the server's approved catalogue. */
  catalogue?: readonly CatalogueResource[];
  /** Most issues kept in the report (counts still cover all). */
  maxIssues?: number;
}

/** Sheets the product itself keeps in a workbook (lists for drop-downs and the like) start with this. */
export const INTERNAL_SHEET_PREFIX = '_govcat';

/** Least share of a resource's items a sheet's headers must name to be taken for its template. */
const TEMPLATE_FIT = 0.6;

interface Pending {
  sheet: SheetGrid;
  rows: CellValue[][];
  marker: { marker: TemplateMarker; rowIndex: number } | null;
}

/**
 * The engine's one entry point: grids in, report out. Recognises each sheet's kind, checks its
 * cells, rows and resources, then the rules across sheets and against a known catalogue.
 */
export function validateWorkbook(workbook: WorkbookGrid, options: ValidateOptions = {}): Report {
  const out = new IssueCollector(options.maxIssues ?? 20000);
  const summaries = new Map<SheetGrid, SheetSummary>();
  const parsed: ParsedSheet[] = [];
  const pending: Pending[] = [];

  for (const sheet of workbook.sheets) {
    if (sheet.name.startsWith(INTERNAL_SHEET_PREFIX)) continue;
    const rows = fillMerges(sheet);
    const summary: SheetSummary = { name: sheet.name, kind: null, kindLabel: '未识别', headerRow: null, dataRows: 0, resources: null, template: null };
    summaries.set(sheet, summary);
    if (rows.every((r) => isBlankRow(r))) continue;

    const marker = findMarker(rows);
    const match = marker ? null : findHeader(sheet.name, rows, SHEET_DEFS);
    if (!match) {
      pending.push({ sheet, rows, marker });
      continue;
    }
    const p = parseSheet(sheet.name, rows, sheet.startRow ?? 1, sheet.startCol ?? 1, match, out.forSheet(sheet.name));
    parsed.push(p);
    Object.assign(summary, {
      kind: p.def.kind,
      kindLabel: p.def.label,
      headerRow: p.headerRow,
      dataRows: p.rows.length,
      resources: p.groups ? p.groups.length : null,
    });
    if (p.rows.length === 0) out.add(sheet.name, 'sheet.empty', `“${sheet.name}”表头下没有数据，请填写后再校验`, { row: p.headerRow });
  }

  const catalogueSheets = parsed.filter((p) => p.def.kind === 'catalogue');
  const workbookResources = catalogueSheets.flatMap(resourcesOf);
  // The workbook's own catalogue wins over an external one for the same resource.
  const resources = [...workbookResources, ...(options.catalogue ?? [])];

  for (const p of parsed) {
    const report = out.forSheet(p.name);
    if (p.def.kind === 'catalogue') checkCatalogue(p, report);
    else if (p.def.kind === 'demand') checkDemand(p, report, options.catalogue ? resources : null);
    else if (p.def.kind === 'contact') checkContact(p, report);
  }

  const negatives = parsed.filter((p) => p.def.kind === 'negative');
  if (resources.length > 0) checkNegativeAgainstCatalogue(negatives, catalogueSheets, resources, out);
  const responsibility = parsed.filter((p) => p.def.kind === 'responsibility');
  if (resources.length > 0) checkResponsibilityAgainstCatalogue(responsibility, resources, out);

  for (const { sheet, rows, marker } of pending) {
    const summary = summaries.get(sheet)!;
    const report = out.forSheet(sheet.name);
    const startRow = sheet.startRow ?? 1;
    const resource = marker
      ? findResource(resources, { code: marker.marker.resourceCode, name: marker.marker.resourceName, department: marker.marker.department })
      : bestTemplateFit(rows, resources);
    if (!resource) {
      if (marker) {
        summary.kind = 'template';
        summary.kindLabel = KIND_LABELS.template;
        report('template.resource-not-found', `此数据模板属于资源“${marker.marker.resourceName}”，但找不到它的目录信息（信息项、数据类型），无法校验数据。请把该资源所在的目录表放进同一工作簿，或在命令行用 --catalog 指定目录文件`, { row: startRow + marker.rowIndex });
      } else {
        report('sheet.unrecognised', `无法识别“${sheet.name}”是哪种表：前 20 行中没有找到目录、需求清单、负面清单、责任清单、联系表的表头，也不是已知资源的数据模板。此表未被校验`, {});
      }
      continue;
    }
    const header = findTemplateHeader(rows, resource, marker ? marker.rowIndex + 1 : 0);
    summary.kind = 'template';
    summary.kindLabel = KIND_LABELS.template;
    summary.template = {
      resourceName: resource.name,
      resourceCode: resource.code,
      department: resource.department || null,
      version: marker?.marker.version ?? resource.version,
      period: marker?.marker.period ?? null,
      zeroReport: marker?.marker.zeroReport ?? false,
      matchedBy: marker ? 'marker' : 'headers',
    };
    if (!header) {
      report('template.missing-column', `找不到资源“${resource.name}”的信息项表头，请在模板标识下一行按目录填写表头（可重新生成数据模板）`, { row: startRow + (marker ? marker.rowIndex + 1 : 0) });
      continue;
    }
    summary.headerRow = startRow + header.headerIndex;
    summary.dataRows = validateTemplate({ rows, startRow, startCol: sheet.startCol ?? 1, resource, marker: marker?.marker ?? null, header, report }).dataRows;
  }

  return {
    engineVersion: ENGINE_VERSION,
    sheets: workbook.sheets.filter((s) => summaries.has(s)).map((s) => summaries.get(s)!),
    issues: out.issues,
    counts: { errors: out.errors, warnings: out.warnings, bySheet: out.bySheet, byRule: out.byRule },
    truncated: out.truncated,
  };
}

function bestTemplateFit(rows: readonly CellValue[][], resources: readonly CatalogueResource[]): CatalogueResource | null {
  let best: CatalogueResource | null = null;
  let bestFit = TEMPLATE_FIT - 1e-9;
  for (const r of resources) {
    const fit = templateFit(rows, r);
    if (fit > bestFit) {
      bestFit = fit;
      best = r;
    }
  }
  return best;
}

/** The catalogue resources of a workbook's catalogue sheets, for checking templates against another file. */
export function extractCatalogue(workbook: WorkbookGrid): CatalogueResource[] {
  const resources: CatalogueResource[] = [];
  for (const sheet of workbook.sheets) {
    const rows = fillMerges(sheet);
    const match = findHeader(sheet.name, rows, [CATALOGUE]);
    if (!match) continue;
    const parsed = parseSheet(sheet.name, rows, sheet.startRow ?? 1, sheet.startCol ?? 1, match, () => undefined);
    resources.push(...resourcesOf(parsed));
  }
  return resources;
}
