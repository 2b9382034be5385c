import type { CellValue, SheetGrid } from '../../../shared/src';

/**
 * The one seam between the task pane and a spreadsheet program. The Office.js implementation is
 * the only code that touches `Excel.*`; the in-memory one serves tests and the browser preview;
 * a WPS implementation can follow without touching the rest.
 */

/** What a mark says: the engine's severities, and a reviewer's comment coming back from the server. */
import type { CellMark } from '../../../shared/src';
export type { CellMark, MarkKind } from '../../../shared/src';

export interface HostOptions {
  signal?: AbortSignal;
  /** Called as work proceeds: `done` of `total` units (rows read, marks applied). */
  onProgress?: (done: number, total: number) => void;
}

export interface NewSheet {
  name: string;
  /** Rows above the header: a title, a data template's identity marker. */
  headRows: CellValue[][];
  headers: string[];
  /** Column widths in characters, by column. */
  columnWidths: number[];
  /** Drop-down lists, by 0-based column index, applied to the data rows below the header. */
  lists: Array<{ column: number; values: string[] }>;
  /** How many data rows the drop-downs cover. */
  dataRows: number;
}

/**
 * What this host can do beyond reading values and filling cells. Excel's levels and fallbacks are
 * in addin/src/excel/capabilities.ts; the in-memory host can do everything.
 */
export type HostFeature = 'usedRange' | 'merges' | 'conditionalFormats' | 'columnWidths' | 'freezePanes' | 'dataValidation' | 'comments' | 'notes';

export type HostCapabilities = Record<HostFeature, boolean> & {
  /** The highest ExcelApi requirement set the host supports ("1.7"); null outside Excel. */
  apiVersion: string | null;
};

/** What a new sheet went without on this host, in words for the clerk (no frozen header, no drop-downs …). */
export interface CreateOutcome {
  skipped: string[];
}

/** A cell's message that could not be written to the cell (no notes in this Excel, a protected sheet…). */
export interface UnplacedMessage {
  sheet: string;
  cell: string;
  text: string;
}

export interface MarkOutcome {
  unplaced: UnplacedMessage[];
}

export interface SettingsStore {
  get(key: string): Promise<string | null>;
  set(key: string, value: string | null): Promise<void>;
}

export interface WorkbookHost {
  readonly name: 'excel' | 'memory';
  readonly capabilities: HostCapabilities;
  listSheets(): Promise<string[]>;
  activeSheet(): Promise<string>;
  /** The sheet's used range as a grid, with its merged areas where the host can read them (capabilities.merges). */
  readSheet(name: string, options?: HostOptions): Promise<SheetGrid>;
  /**
   * Fills and messages on cells; a cell's own fill is kept so that clearMarks can restore it. Values never change.
   * A message joins the add-in's earlier one on the same cell, and follows the clerk's own note or comment
   * there without changing it. What could not be written to its cell is returned, for the pane to list.
   */
  applyMarks(marks: readonly CellMark[], options?: HostOptions): Promise<MarkOutcome>;
  /** Restores the marked cells' own fills and notes and removes the add-in's messages, on the given sheets or all. */
  clearMarks(sheets?: readonly string[]): Promise<void>;
  selectCell(sheet: string, cell: string): Promise<void>;
  createSheet(sheet: NewSheet): Promise<CreateOutcome>;
  /** The add-in's own settings (server address, token): kept by the add-in, never in the workbook. */
  readonly settings: SettingsStore;
}
