import type { SheetGrid } from '../../../shared/src';
import type { CellMark, CreateOutcome, HostCapabilities, HostOptions, MarkOutcome, NewSheet, SettingsStore, WorkbookHost } from '../host/types';
import { createSheet } from './create-sheet';
import { applyMarks, clearMarks, type AppliedMarks } from './marks';
import { readSheet } from './read-sheet';

/**
 * The WorkbookHost on Office.js: the only class that talks to `Excel.*`. What it marked is
 * recorded in the workbook's own document settings (the marks live in the workbook too), so a
 * reopened pane can still clear them; the server address and token never go there.
 */
export const MARKS_KEY = 'govcat.marks';

type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface DocumentSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: (result: { status: string }) => void): void;
}

export class ExcelHost implements WorkbookHost {
  readonly name = 'excel';

  constructor(
    private readonly run: Run,
    readonly capabilities: HostCapabilities,
    private readonly documentSettings: DocumentSettings,
    readonly settings: SettingsStore,
  ) {}

  listSheets(): Promise<string[]> {
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name,items/visibility');
      await context.sync();
      return sheets.items.filter((s) => s.visibility === 'Visible').map((s) => s.name);
    });
  }

  activeSheet(): Promise<string> {
    return this.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.load('name');
      await context.sync();
      return sheet.name;
    });
  }

  readSheet(name: string, options?: HostOptions): Promise<SheetGrid> {
    return this.run((context) => readSheet(context, name, this.capabilities, options));
  }

  async applyMarks(marks: readonly CellMark[], options?: HostOptions): Promise<MarkOutcome> {
    const held = this.record();
    const { formats, fills, messages, unplaced } = await this.run((context) => applyMarks(context, marks, this.capabilities, held, options));
    for (const [sheet, ids] of Object.entries(formats)) held.formats[sheet] = [...(held.formats[sheet] ?? []), ...ids];
    // A sheet's fill record comes back whole, the earlier cells joined.
    Object.assign(held.fills, fills);
    Object.assign(held.messages, messages);
    await this.save(held);
    return { unplaced };
  }

  async clearMarks(sheets?: readonly string[]): Promise<void> {
    const held = this.record();
    const left = await this.run((context) => clearMarks(context, held, this.capabilities, sheets));
    await this.save(left);
  }

  selectCell(sheet: string, cell: string): Promise<void> {
    return this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await context.sync();
    });
  }

  createSheet(sheet: NewSheet): Promise<CreateOutcome> {
    return this.run((context) => createSheet(context, sheet, this.capabilities));
  }

  private record(): AppliedMarks {
    const raw = this.documentSettings.get(MARKS_KEY);
    if (typeof raw !== 'string') return { formats: {}, fills: {}, messages: {} };
    try {
      const parsed = JSON.parse(raw) as Partial<AppliedMarks> & { notes?: Record<string, string[]> };
      const messages = parsed.messages ?? {};
      // A workbook marked by an older add-in listed only the cells: their notes are ours alone, deleted whole.
      for (const [sheet, cells] of Object.entries(parsed.notes ?? {})) {
        messages[sheet] = Object.fromEntries(cells.map((cell) => [cell, { on: this.capabilities.notes ? 'note' : 'comment', own: null, text: null }]));
      }
      return { formats: parsed.formats ?? {}, fills: parsed.fills ?? {}, messages };
    } catch {
      return { formats: {}, fills: {}, messages: {} };
    }
  }

  private save(record: AppliedMarks): Promise<void> {
    this.documentSettings.set(MARKS_KEY, JSON.stringify(record));
    return new Promise((resolve, reject) => this.documentSettings.saveAsync((r) => (r.status === 'succeeded' ? resolve() : reject(new Error('无法保存标注记录')))));
  }
}

/** The add-in's own settings, in the pane's browser storage: never in the workbook. */
export function browserSettings(storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>, prefix = 'govcat.'): SettingsStore {
  return {
    get: async (key) => storage.getItem(prefix + key),
    set: async (key, value) => {
      if (value === null) storage.removeItem(prefix + key);
      else storage.setItem(prefix + key, value);
    },
  };
}
