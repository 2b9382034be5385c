import { addressBatches, areasOf } from '../marks/batches';
import { groupBy } from '../marks/group';
import { MARK_FILLS, noteText, strongestKind } from '../../../shared/src';
import type { CellMark, HostCapabilities, HostOptions, MarkKind } from '../host/types';

/**
 * Marks on Excel cells without touching the cells' own formats: each mark colour is a
 * conditional format over the marked areas (a custom rule that is always true), and each message
 * a note (ExcelApi 1.18) or a comment (1.10). Clearing deletes exactly the conditional formats
 * and notes this add-in made, whose ids it keeps, so every cell's own fill comes back as it was.
 * Values are never written.
 */
export interface AppliedMarks {
  /** Conditional-format ids by sheet. */
  formats: Record<string, string[]>;
  /** Cells that got a note (or comment) by sheet. */
  notes: Record<string, string[]>;
}

/** Batches queued before each context.sync(): bounded so one request stays far below 5 MB. */
export const BATCHES_PER_SYNC = 50;
export const NOTES_PER_SYNC = 1000;

/** The order conditional formats are added in. */
const KINDS: MarkKind[] = ['review', 'warning', 'error'];

/**
 * syncs = ⌈address batches ÷ BATCHES_PER_SYNC⌉ + ⌈cells with messages ÷ NOTES_PER_SYNC⌉, per sheet.
 */
export function markSyncs(batches: number, noteCells: number, messages: boolean): number {
  return Math.ceil(batches / BATCHES_PER_SYNC) + (messages ? Math.ceil(noteCells / NOTES_PER_SYNC) : 0);
}

export async function applyMarks(context: Excel.RequestContext, marks: readonly CellMark[], capabilities: HostCapabilities, options: HostOptions = {}): Promise<AppliedMarks> {
  const applied: AppliedMarks = { formats: {}, notes: {} };
  const bySheet = groupBy(marks, (m) => m.sheet);
  let done = 0;
  for (const [name, sheetMarks] of bySheet) {
    const sheet = context.workbook.worksheets.getItem(name);
    // One colour per cell: the strongest of its marks (style.ts), as the in-memory host does.
    const byCell = groupBy(sheetMarks, (m) => m.cell);
    const cellKind = new Map([...byCell].map(([cell, list]) => [cell, strongestKind(list.map((m) => m.kind))] as const));
    const formats: Excel.ConditionalFormat[] = [];
    let queued = 0;
    for (const kind of KINDS) {
      const cells = [...cellKind].filter(([, k]) => k === kind).map(([c]) => c);
      for (const batch of addressBatches(areasOf(cells))) {
        options.signal?.throwIfAborted();
        const format = sheet.getRanges(batch).conditionalFormats.add(Excel.ConditionalFormatType.custom);
        format.custom.rule.formula = '=TRUE';
        format.custom.format.fill.color = MARK_FILLS[kind];
        format.load('id');
        formats.push(format);
        if (++queued % BATCHES_PER_SYNC === 0) await context.sync();
      }
    }
    if (queued % BATCHES_PER_SYNC !== 0) await context.sync();
    applied.formats[name] = formats.map((f) => f.id);

    if (capabilities.notes || capabilities.comments) {
      const noted: string[] = [];
      for (const [cell, list] of byCell) {
        const text = noteText(list);
        if (capabilities.notes) sheet.notes.add(cell, text);
        else context.workbook.comments.add(`${name}!${cell}`, text);
        noted.push(cell);
        if (noted.length % NOTES_PER_SYNC === 0) await context.sync();
      }
      if (noted.length % NOTES_PER_SYNC !== 0) await context.sync();
      applied.notes[name] = noted;
    }
    done += sheetMarks.length;
    options.onProgress?.(done, marks.length);
  }
  return applied;
}

/**
 * Deletes the marks `applied` lists, on the given sheets or all: two syncs per sheet, one to see
 * which still exist (a clerk may have deleted some by hand), one to delete those.
 */
export async function clearMarks(context: Excel.RequestContext, applied: AppliedMarks, capabilities: HostCapabilities, sheets?: readonly string[]): Promise<AppliedMarks> {
  const left: AppliedMarks = { formats: { ...applied.formats }, notes: { ...applied.notes } };
  const names = new Set([...Object.keys(applied.formats), ...Object.keys(applied.notes)]);
  for (const name of names) {
    if (sheets && !sheets.includes(name)) continue;
    const sheet = context.workbook.worksheets.getItem(name);
    const all = sheet.getRange().conditionalFormats;
    const found: Array<{ isNullObject: boolean; delete(): void }> = [];
    for (const id of applied.formats[name] ?? []) found.push(all.getItemOrNullObject(id));
    for (const cell of applied.notes[name] ?? []) {
      found.push(capabilities.notes ? sheet.notes.getItemOrNullObject(cell) : context.workbook.comments.getItemByCell(`${name}!${cell}`));
    }
    for (const item of found) (item as unknown as { load(p: string): void }).load('isNullObject');
    await context.sync();
    for (const item of found) if (!item.isNullObject) item.delete();
    await context.sync();
    delete left.formats[name];
    delete left.notes[name];
  }
  return left;
}
