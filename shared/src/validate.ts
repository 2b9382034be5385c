import { IssueCollector } from './collector';
import { checkCatalogue } from './checks/catalogue';
import { checkContact } from './checks/contact';
import { checkNegativeAgainstCatalogue, checkResponsibilityAgainstCatalogue } from './checks/cross';
import { checkDemand } from './checks/demand';
import type { SheetIssues } from './collector';
import { fillMerges, isBlankRow, isOverlongText, overlongTextParams, type CellValue, type MergeArea, type WorkbookGrid } from './grid';
import { findHeader, HEADER_SCAN_ROWS } from './header';
import { parseSheet, type ParsedSheet } from './parse';
import { ENGINE_VERSION, type Report, type SheetSummary } from './report';
import { findResource, resourcesOf, type CatalogueResource } from './resources';
import { KIND_LABELS, SHEET_DEFS } from './sheets';
import { findMarker, MARKER_SCAN_ROWS, type TemplateMarker } from './template/marker';
import { findTemplateHeader, templateFit, TemplateRows } from './template/validate';

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

/** Rows a sheet is held for before deciding whether it is a template that can be checked as it streams. */
const DECIDE_AFTER_ROWS = MARKER_SCAN_ROWS + HEADER_SCAN_ROWS + 1;

/** Receives one sheet's rows in order; `index` is 0-based from the sheet's first row. */
export interface SheetSink {
  row(index: number, cells: CellValue[]): void;
  end(merges: readonly MergeArea[]): void;
}

interface Held {
  name: string;
  rows: CellValue[][];
  merges: readonly MergeArea[];
  startRow: number;
  startCol: number;
  summary: SheetSummary;
  marker: { marker: TemplateMarker; rowIndex: number } | null;
}

/**
 * The engine's one entry point, fed sheet by sheet and row by row. Lists and catalogues are held
 * until their sheet ends (merges come last in an .xlsx); a data template whose resource is
 * already known is checked row by row and never held, so a 200,000-row upload costs little memory.
 * `validateWorkbook` feeds it a grid; the xlsx reader feeds it a file as it streams.
 */
export class WorkbookValidation {
  private readonly out: IssueCollector;
  private readonly summaries: SheetSummary[] = [];
  private readonly parsed: ParsedSheet[] = [];
  private readonly pending: Held[] = [];
  private readonly workbookResources: CatalogueResource[] = [];

  constructor(private readonly options: ValidateOptions = {}) {
    this.out = new IssueCollector(options.maxIssues ?? 20000);
  }

  /** Resources known so far: the workbook's own catalogue sheets first, then the external catalogue. */
  private resources(): CatalogueResource[] {
    return [...this.workbookResources, ...(this.options.catalogue ?? [])];
  }

  beginSheet(name: string, origin: { startRow?: number; startCol?: number } = {}): SheetSink {
    const startRow = origin.startRow ?? 1;
    const startCol = origin.startCol ?? 1;
    if (name.startsWith(INTERNAL_SHEET_PREFIX)) return { row: () => undefined, end: () => undefined };
    const summary: SheetSummary = { name, kind: null, kindLabel: '未识别', headerRow: null, dataRows: 0, resources: null, template: null };
    this.summaries.push(summary);

    const report = this.out.forSheet(name);
    const rows: CellValue[][] = [];
    let streaming: TemplateRows | null = null;
    let decided = false;
    const decide = () => {
      decided = true;
      streaming = this.startStreamingTemplate(name, rows, startRow, startCol, summary);
      if (streaming) rows.forEach((r, i) => streaming!.row(i, r));
    };
    return {
      row: (index, cells) => {
        overlongCells(cells, startRow + index, startCol, report);
        if (streaming) return streaming.row(index, cells);
        while (rows.length < index) rows.push([]);
        rows[index] = cells;
        if (!decided && index + 1 >= DECIDE_AFTER_ROWS) decide();
      },
      end: (merges) => {
        if (!decided) decide();
        if (streaming) {
          summary.dataRows = (streaming as TemplateRows).finish(merges).dataRows;
          return;
        }
        this.endHeldSheet({ name, rows, merges, startRow, startCol, summary, marker: null });
      },
    };
  }

  /** A template whose marker names a resource known now is checked as its rows arrive. */
  private startStreamingTemplate(name: string, rows: CellValue[][], startRow: number, startCol: number, summary: SheetSummary): TemplateRows | null {
    const marker = findMarker(rows);
    if (!marker) return null;
    const resource = findResource(this.resources(), { code: marker.marker.resourceCode, name: marker.marker.resourceName, department: marker.marker.department });
    if (!resource) return null;
    const header = findTemplateHeader(rows, resource, marker.rowIndex + 1);
    if (!header) return null;
    this.describeTemplate(summary, resource, marker.marker, 'marker', startRow + header.headerIndex);
    return new TemplateRows({ startRow, startCol, resource, marker: marker.marker, header, report: this.out.forSheet(name) });
  }

  private endHeldSheet(held: Held): void {
    const { name, startRow, startCol, summary } = held;
    if (held.rows.every((r) => isBlankRow(r))) return;
    const marker = findMarker(held.rows);
    const filled = marker ? held.rows : fillMerges({ name, rows: held.rows, merges: [...held.merges], startRow, startCol });
    const match = marker ? null : findHeader(name, filled, SHEET_DEFS);
    if (!match) {
      this.pending.push({ ...held, marker });
      return;
    }
    const p = parseSheet(name, filled, startRow, startCol, match, this.out.forSheet(name));
    this.parsed.push(p);
    Object.assign(summary, { kind: p.def.kind, kindLabel: p.def.label, headerRow: p.headerRow, dataRows: p.rows.length, resources: p.groups ? p.groups.length : null });
    // An empty catalogue is an error of its own (checkCatalogue); other lists may be empty.
    if (p.rows.length === 0 && p.def.kind !== 'catalogue') this.out.add(name, 'sheet.empty', { sheet: name }, { row: p.headerRow });
    if (p.def.kind === 'catalogue') this.workbookResources.push(...resourcesOf(p));
  }

  private describeTemplate(summary: SheetSummary, resource: CatalogueResource, marker: TemplateMarker | null, matchedBy: 'marker' | 'headers', headerRow: number | null): void {
    Object.assign(summary, {
      kind: 'template',
      kindLabel: KIND_LABELS.template,
      headerRow,
      template: {
        resourceName: resource.name,
        resourceCode: resource.code,
        department: resource.department || null,
        version: marker?.version ?? resource.version,
        period: marker?.period ?? null,
        zeroReport: marker?.zeroReport ?? false,
        matchedBy,
      },
    });
  }

  finish(): Report {
    const { out, parsed } = this;
    const resources = this.resources();
    for (const p of parsed) {
      const report = out.forSheet(p.name);
      if (p.def.kind === 'catalogue') checkCatalogue(p, report);
      else if (p.def.kind === 'demand') checkDemand(p, report, this.options.catalogue ? resources : null);
      else if (p.def.kind === 'contact') checkContact(p, report);
    }
    const catalogueSheets = parsed.filter((p) => p.def.kind === 'catalogue');
    if (resources.length > 0) {
      checkNegativeAgainstCatalogue(parsed.filter((p) => p.def.kind === 'negative'), catalogueSheets, resources, out);
      checkResponsibilityAgainstCatalogue(parsed.filter((p) => p.def.kind === 'responsibility'), resources, out);
    }
    for (const held of this.pending) this.checkHeldTemplate(held, resources);

    return {
      engineVersion: ENGINE_VERSION,
      sheets: this.summaries,
      issues: out.issues,
      counts: { errors: out.errors, warnings: out.warnings, bySheet: out.bySheet, byRule: out.byRule },
      truncated: out.truncated,
    };
  }

  /** A sheet of no list kind: a template found by its marker or its headers, or unrecognised. */
  private checkHeldTemplate(held: Held, resources: readonly CatalogueResource[]): void {
    const { name, rows, startRow, startCol, summary, marker } = held;
    const report = this.out.forSheet(name);
    const resource = marker
      ? findResource(resources, { code: marker.marker.resourceCode, name: marker.marker.resourceName, department: marker.marker.department })
      : bestTemplateFit(rows, resources);
    if (!resource) {
      if (marker) {
        Object.assign(summary, { kind: 'template', kindLabel: KIND_LABELS.template });
        report('template.resource-not-found', { resource: marker.marker.resourceName }, { row: startRow + marker.rowIndex });
      } else {
        report('sheet.unrecognised', { sheet: name }, {});
      }
      return;
    }
    const header = findTemplateHeader(rows, resource, marker ? marker.rowIndex + 1 : 0);
    this.describeTemplate(summary, resource, marker?.marker ?? null, marker ? 'marker' : 'headers', header ? startRow + header.headerIndex : null);
    if (!header) {
      report('template.missing-column', { variant: 'noHeader', resource: resource.name }, { row: startRow + (marker ? marker.rowIndex + 1 : 0) });
      return;
    }
    const template = new TemplateRows({ startRow, startCol, resource, marker: marker?.marker ?? null, header, report });
    rows.forEach((r, i) => template.row(i, r));
    summary.dataRows = template.finish(held.merges).dataRows;
  }
}

/** Grids in, report out: recognises each sheet's kind, checks cells, rows, resources, and the rules across sheets. */
export function validateWorkbook(workbook: WorkbookGrid, options: ValidateOptions = {}): Report {
  const validation = new WorkbookValidation(options);
  for (const sheet of workbook.sheets) {
    const sink = validation.beginSheet(sheet.name, sheet);
    sheet.rows.forEach((cells, i) => sink.row(i, cells));
    sink.end(sheet.merges ?? []);
  }
  return validation.finish();
}

/** Text longer than Excel allows comes only from a crafted file or request; each such cell is reported where it is. */
function overlongCells(cells: readonly CellValue[], row: number, startCol: number, report: SheetIssues): void {
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i];
    if (isOverlongText(v)) report('cell.too-long', overlongTextParams(v.length), { row, col: startCol + i, value: `${v.slice(0, 40)}…` });
  }
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

/**
 * The sheets validation takes for catalogues. Kinds are decided among all of them, as in
 * validation: a negative or responsibility list also has resource and item columns, and read
 * as a catalogue it would count its resources a second time.
 */
function parsedCatalogueSheets(workbook: WorkbookGrid) {
  return workbook.sheets.flatMap((sheet) => {
    if (sheet.name.startsWith(INTERNAL_SHEET_PREFIX)) return [];
    const rows = fillMerges(sheet);
    const match = findHeader(sheet.name, rows, SHEET_DEFS);
    return match?.def.kind === 'catalogue' ? [parseSheet(sheet.name, rows, sheet.startRow ?? 1, sheet.startCol ?? 1, match, () => undefined)] : [];
  });
}

/** Where each catalogue resource and its items sit in the workbook, for highlighting a diff on the sheet. */
export interface ResourceLocation {
  sheet: string;
  name: string;
  /** The group's first and last sheet rows. */
  row: number;
  lastRow: number;
  items: Array<{ name: string; row: number }>;
}

/** A workbook's catalogue sheets read once: their resources, and where each sits. */
export function readCatalogue(workbook: WorkbookGrid): { resources: CatalogueResource[]; locations: ResourceLocation[] } {
  const sheets = parsedCatalogueSheets(workbook);
  return { resources: sheets.flatMap(resourcesOf), locations: sheets.flatMap(locationsOf) };
}

function locationsOf(sheet: ParsedSheet): ResourceLocation[] {
  return (sheet.groups ?? [])
    .filter((g) => g.fields.resourceName)
    .map((g) => {
      const items = g.items.filter((r) => r.fields.itemName).map((r) => ({ name: r.fields.itemName!.text, row: r.row }));
      return { sheet: sheet.name, name: g.fields.resourceName!.text, row: g.row, lastRow: Math.max(g.row, ...g.items.map((r) => r.row)), items };
    });
}
