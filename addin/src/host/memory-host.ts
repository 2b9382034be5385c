import { parseA1, type CellValue, type MergeArea, type SheetGrid } from '../../../shared/src';
import { groupBy } from '../marks/group';
import { MARK_FILLS, noteText, strongestKind } from '../../../shared/src';
import { joinLines, withOurs, withoutOurs, type PlacedText } from '../marks/messages';
import type { CellMark, CreateOutcome, HostCapabilities, HostOptions, MarkOutcome, NewSheet, SettingsStore, UnplacedMessage, WorkbookHost } from './types';

/**
 * A workbook in memory: the host for tests and for the pane's browser preview. It behaves as
 * the Excel host must: marks change fills and notes only, and clearing restores each cell's own
 * fill and note exactly.
 */
export interface MemorySheet {
  name: string;
  cells: CellValue[][];
  merges: MergeArea[];
  /** Fill colours by A1 address; absent means no fill. */
  fills: Map<string, string>;
  /** Notes by A1 address: the clerk's own, and the add-in's messages. */
  notes: Map<string, string>;
  /** Cells no message can be written to (as on a protected sheet in Excel). */
  locked: Set<string>;
  columnWidths: number[];
  frozenRows: number;
  lists: Map<number, string[]>;
}

export function memorySheet(name: string, cells: CellValue[][], extra: Partial<MemorySheet> = {}): MemorySheet {
  return { name, cells, merges: [], fills: new Map(), notes: new Map(), locked: new Set(), columnWidths: [], frozenRows: 0, lists: new Map(), ...extra };
}

export class MemoryHost implements WorkbookHost {
  readonly name = 'memory';
  readonly sheets: MemorySheet[];
  active: string;
  selection: { sheet: string; cell: string } | null = null;
  /** Each marked cell's own fill (null: none), kept until marks are cleared. */
  private readonly ownFills = new Map<string, Map<string, string | null>>();
  /** Our text on each cell, and the clerk's note it follows, by sheet. */
  private readonly placed = new Map<string, Map<string, PlacedText>>();
  private readonly values = new Map<string, string>();

  /** `capabilities`: what the pane is told this host can do (the preview can pose as an older Excel); the host itself does everything. */
  constructor(
    sheets: MemorySheet[],
    readonly capabilities: HostCapabilities = { usedRange: true, merges: true, conditionalFormats: true, columnWidths: true, freezePanes: true, dataValidation: true, comments: true, notes: true, apiVersion: null },
  ) {
    this.sheets = sheets;
    this.active = sheets[0]?.name ?? '';
  }

  readonly settings: SettingsStore = {
    get: async (key) => this.values.get(key) ?? null,
    set: async (key, value) => {
      if (value === null) this.values.delete(key);
      else this.values.set(key, value);
    },
  };

  private sheet(name: string): MemorySheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`没有名为“${name}”的工作表`);
    return s;
  }

  async listSheets(): Promise<string[]> {
    return this.sheets.map((s) => s.name);
  }

  async activeSheet(): Promise<string> {
    return this.active;
  }

  async readSheet(name: string, options: HostOptions = {}): Promise<SheetGrid> {
    const s = this.sheet(name);
    options.signal?.throwIfAborted();
    options.onProgress?.(s.cells.length, s.cells.length);
    return { name, rows: s.cells.map((r) => [...r]), merges: s.merges.map((m) => ({ ...m })) };
  }

  async applyMarks(marks: readonly CellMark[], options: HostOptions = {}): Promise<MarkOutcome> {
    const byCell = groupBy(marks, (m) => `${m.sheet}\u0000${m.cell}`);
    const unplaced: UnplacedMessage[] = [];
    let done = 0;
    for (const list of byCell.values()) {
      options.signal?.throwIfAborted();
      const { sheet, cell } = list[0];
      const s = this.sheet(sheet);
      if (!parseA1(cell)) continue;
      const own = this.ownFills.get(sheet) ?? new Map<string, string | null>();
      this.ownFills.set(sheet, own);
      if (!own.has(cell)) own.set(cell, s.fills.get(cell) ?? null);
      s.fills.set(cell, MARK_FILLS[strongestKind(list.map((m) => m.kind))]);
      const text = noteText(list);
      if (s.locked.has(cell)) unplaced.push({ sheet, cell, text });
      else this.placeText(s, cell, text);
      options.onProgress?.(++done, byCell.size);
    }
    return { unplaced };
  }

  private placeText(s: MemorySheet, cell: string, added: string): void {
    const placed = this.placed.get(s.name) ?? new Map<string, PlacedText>();
    this.placed.set(s.name, placed);
    const current = s.notes.get(cell) ?? null;
    const before = placed.get(cell);
    // The clerk's words as they stand now: the note without our earlier text, or all of it.
    const left = before && current !== null ? withoutOurs(current, before) : current;
    const own = left === undefined ? current : left;
    const text = before && left !== undefined && current !== null ? joinLines(before.text, added) : added;
    placed.set(cell, { own, text });
    s.notes.set(cell, withOurs(own, text));
  }

  async clearMarks(sheets?: readonly string[]): Promise<void> {
    for (const [name, own] of this.ownFills) {
      if (sheets && !sheets.includes(name)) continue;
      const s = this.sheet(name);
      for (const [cell, fill] of own) {
        if (fill === null) s.fills.delete(cell);
        else s.fills.set(cell, fill);
      }
      this.ownFills.delete(name);
    }
    for (const [name, placed] of this.placed) {
      if (sheets && !sheets.includes(name)) continue;
      const s = this.sheet(name);
      for (const [cell, text] of placed) {
        const current = s.notes.get(cell);
        if (current === undefined) continue;
        const left = withoutOurs(current, text);
        if (left === null) s.notes.delete(cell);
        else if (left !== undefined) s.notes.set(cell, left);
      }
      this.placed.delete(name);
    }
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    this.sheet(sheet);
    this.active = sheet;
    this.selection = { sheet, cell };
  }

  async createSheet(spec: NewSheet): Promise<CreateOutcome> {
    if (this.sheets.some((s) => s.name === spec.name)) throw new Error(`已有名为“${spec.name}”的工作表`);
    const s = memorySheet(spec.name, [...spec.headRows.map((r) => [...r]), [...spec.headers]], {
      columnWidths: [...spec.columnWidths],
      frozenRows: spec.headRows.length + 1,
      lists: new Map(spec.lists.map((l) => [l.column, [...l.values]])),
    });
    this.sheets.push(s);
    this.active = spec.name;
    return { skipped: [] };
  }
}
