import { addressBatches, areasOf } from '../marks/batches';
import { groupBy } from '../marks/group';
import { joinLines, OWN_SEPARATOR, withOurs, withoutOurs, type PlacedText } from '../marks/messages';
import { MARK_FILLS, noteText, strongestKind } from '../../../shared/src';
import type { CellMark, HostCapabilities, HostOptions, MarkKind, UnplacedMessage } from '../host/types';
import { applyFills, clearFills, type FillRun } from './fills';

/**
 * Marks on Excel cells without touching the cells' own formats: each mark colour is a
 * conditional format over the marked areas (a custom rule that is always true; getRanges and
 * RangeAreas need ExcelApi 1.9, below that the colours are direct fills, see fills.ts), and each
 * message a note (ExcelApi 1.18) or a comment (1.10). A cell's messages join into one labelled text; on a
 * cell where the clerk already has a note, ours follows the clerk's words, and in the clerk's
 * comment thread ours is a reply of its own. Clearing deletes exactly the conditional formats,
 * notes and replies this add-in made, whose ids and texts it keeps, and gives the clerk's notes
 * back as they were. Values are never written.
 */
export interface PlacedMessage extends PlacedText {
  /** A note (ours, or the clerk's with ours after it), a comment thread of ours, or our reply in the clerk's thread. */
  on: 'note' | 'comment' | 'reply';
  replyId?: string;
}

export interface AppliedMarks {
  /** Conditional-format ids by sheet. */
  formats: Record<string, string[]>;
  /** Direct fills (Excel below 1.9) with each cell's own fill, by sheet. */
  fills: Record<string, FillRun[]>;
  /** What we wrote on each cell, by sheet and cell. */
  messages: Record<string, Record<string, PlacedMessage>>;
}

/** Batches queued before each context.sync(): bounded so one request stays far below 5 MB. */
export const BATCHES_PER_SYNC = 50;
export const NOTES_PER_SYNC = 1000;

/** The order conditional formats are added in. */
const KINDS: MarkKind[] = ['review', 'warning', 'error'];

/**
 * syncs = ⌈address batches ÷ BATCHES_PER_SYNC⌉, plus for messages ⌈cells ÷ NOTES_PER_SYNC⌉ to see
 * what each cell already has, ⌈comment threads on the sheet ÷ NOTES_PER_SYNC⌉ (at least one) to
 * locate them, and ⌈cells ÷ NOTES_PER_SYNC⌉ to write; per sheet. Direct fills (below 1.9) count
 * fillSyncs (fills.ts) instead of the batches.
 */
export function markSyncs(batches: number, noteCells: number, messages: boolean, threads = 0): number {
  return Math.ceil(batches / BATCHES_PER_SYNC) + (messages ? 2 * Math.ceil(noteCells / NOTES_PER_SYNC) + Math.ceil(Math.max(1, threads) / NOTES_PER_SYNC) : 0);
}

/**
 * Clearing one sheet: one sync to see what is there (⌈cells ÷ NOTES_PER_SYNC⌉ with notes, each
 * cell's note looked up), ⌈comment threads ÷ NOTES_PER_SYNC⌉ to locate them, ⌈cells ÷
 * NOTES_PER_SYNC⌉ (at least one) to delete; direct fills add fillSyncs.
 */
export function clearSyncs(noteCells: number, threads: number, notes: boolean): number {
  const chunks = Math.max(1, Math.ceil(noteCells / NOTES_PER_SYNC));
  return (notes ? chunks : 1) + Math.ceil(threads / NOTES_PER_SYNC) + chunks;
}

export async function applyMarks(
  context: Excel.RequestContext,
  marks: readonly CellMark[],
  capabilities: HostCapabilities,
  held: AppliedMarks = { formats: {}, fills: {}, messages: {} },
  options: HostOptions = {},
): Promise<AppliedMarks & { unplaced: UnplacedMessage[] }> {
  const applied: AppliedMarks = { formats: {}, fills: {}, messages: {} };
  const unplaced: UnplacedMessage[] = [];
  const bySheet = groupBy(marks, (m) => m.sheet);
  let done = 0;
  for (const [name, sheetMarks] of bySheet) {
    const sheet = context.workbook.worksheets.getItem(name);
    // One colour per cell: the strongest of its marks (shared/src/marks.ts), as the in-memory host does.
    const byCell = groupBy(sheetMarks, (m) => m.cell);
    const cellKind = new Map([...byCell].map(([cell, list]) => [cell, strongestKind(list.map((m) => m.kind))] as const));
    if (capabilities.conditionalFormats) applied.formats[name] = await addFormats(context, sheet, cellKind, options.signal);
    else applied.fills[name] = await applyFills(context, sheet, cellKind, held.fills?.[name], options.signal);

    const texts = [...byCell].map(([cell, list]) => ({ cell, text: noteText(list) }));
    if (capabilities.notes || capabilities.comments) {
      const result = await writeMessages(context, sheet, name, texts, held.messages[name] ?? {}, capabilities);
      applied.messages[name] = result.placed;
      unplaced.push(...result.unplaced);
    } else {
      // Older Excel: the colours are on the cells, the messages only in the pane.
      unplaced.push(...texts.map((t) => ({ sheet: name, ...t })));
    }
    done += sheetMarks.length;
    options.onProgress?.(done, marks.length);
  }
  return { ...applied, unplaced };
}

/** One conditional format per batch of areas of each kind: ⌈batches ÷ BATCHES_PER_SYNC⌉ syncs; returns their ids. */
async function addFormats(context: Excel.RequestContext, sheet: Excel.Worksheet, cellKind: ReadonlyMap<string, MarkKind>, signal?: AbortSignal): Promise<string[]> {
  const formats: Excel.ConditionalFormat[] = [];
  let queued = 0;
  for (const kind of KINDS) {
    const cells = [...cellKind].filter(([, k]) => k === kind).map(([c]) => c);
    for (const batch of addressBatches(areasOf(cells))) {
      signal?.throwIfAborted();
      const format = sheet.getRanges(batch).conditionalFormats.add(Excel.ConditionalFormatType.custom);
      format.custom.rule.formula = '=TRUE';
      format.custom.format.fill.color = MARK_FILLS[kind];
      format.load('id');
      formats.push(format);
      if (++queued % BATCHES_PER_SYNC === 0) await context.sync();
    }
  }
  if (queued % BATCHES_PER_SYNC !== 0) await context.sync();
  return formats.map((f) => f.id);
}

/** What a cell has now: the clerk's (or our) note, and the comment thread on it, loaded. */
interface CellNow {
  note: Excel.Note | null;
  comment: Excel.Comment | null;
}

/** Loads what the cells have: ⌈cells ÷ NOTES_PER_SYNC⌉ syncs (one without notes), and ⌈threads ÷ NOTES_PER_SYNC⌉ more for the sheet's comments. */
async function probe(context: Excel.RequestContext, sheet: Excel.Worksheet, cells: readonly string[], capabilities: HostCapabilities, pending = false): Promise<Map<string, CellNow>> {
  const now = new Map<string, CellNow>(cells.map((c) => [c, { note: null, comment: null }]));
  const comments = capabilities.comments ? sheet.comments.load('items/id,items/content') : null;
  const notes: Array<[string, Excel.Note]> = [];
  // `pending`: the caller queued loads of its own that this first sync must run.
  let queued = pending || comments !== null;
  if (capabilities.notes) {
    for (const cell of cells) {
      const note = sheet.notes.getItemOrNullObject(cell);
      note.load('content');
      notes.push([cell, note]);
      queued = true;
      if (notes.length % NOTES_PER_SYNC === 0) {
        await context.sync();
        queued = false;
      }
    }
  }
  if (queued) await context.sync();
  for (const [cell, note] of notes) if (!note.isNullObject) now.get(cell)!.note = note;
  // Located in chunks too: a sheet can hold thousands of threads, and one request must stay small.
  const threads = comments?.items ?? [];
  for (let start = 0; start < threads.length; start += NOTES_PER_SYNC) {
    const located = threads.slice(start, start + NOTES_PER_SYNC).map((c) => {
      c.replies.load('items/id,items/content');
      return [c, c.getLocation().load('address')] as const;
    });
    await context.sync();
    for (const [comment, at] of located) {
      const entry = now.get(cellOf(at.address));
      if (entry) entry.comment = comment;
    }
  }
  return now;
}

/** "'附件1 共享目录'!$I$3" → "I3". */
function cellOf(address: string): string {
  return address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '');
}

/** A sheet name as it goes in an address. */
function quoted(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * Queues our text onto one cell, joining what we wrote there before; returns how to record it
 * once synced, or null when this Excel has no way to put it there.
 */
function place(context: Excel.RequestContext, sheet: Excel.Worksheet, name: string, cell: string, added: string, before: PlacedMessage | undefined, now: CellNow, capabilities: HostCapabilities): (() => PlacedMessage) | null {
  if (before?.on === 'note' && now.note) {
    const own = withoutOurs(now.note.content, before);
    if (own !== undefined) {
      const text = joinLines(before.text, added);
      now.note.content = withOurs(own, text);
      return () => ({ on: 'note', own, text });
    }
  }
  if (before?.on === 'comment' && now.comment && (before.text === null || now.comment.content === before.text)) {
    const text = joinLines(before.text, added);
    now.comment.content = text;
    return () => ({ on: 'comment', own: null, text });
  }
  const reply = before?.on === 'reply' ? now.comment?.replies.items.find((r) => r.id === before.replyId) : undefined;
  if (reply) {
    const text = joinLines(before!.text, added);
    reply.content = text;
    return () => ({ on: 'reply', own: null, text, replyId: before!.replyId });
  }
  // Nothing of ours there (any more): follow the clerk's note or join the clerk's thread, never replace them.
  if (now.note) {
    const own = now.note.content;
    now.note.content = withOurs(own, added);
    return () => ({ on: 'note', own, text: added });
  }
  if (now.comment) {
    const made = now.comment.replies.add(added);
    made.load('id');
    return () => ({ on: 'reply', own: null, text: added, replyId: made.id });
  }
  if (capabilities.notes) {
    sheet.notes.add(cell, added);
    return () => ({ on: 'note', own: null, text: added });
  }
  if (capabilities.comments) {
    context.workbook.comments.add(`${quoted(name)}!${cell}`, added);
    return () => ({ on: 'comment', own: null, text: added });
  }
  return null;
}

/** Our text found on a cell after a failed sync (the writes before the failing one did happen). */
function found(now: CellNow, text: string): PlacedMessage | null {
  const note = now.note?.content;
  if (note === text) return { on: 'note', own: null, text };
  if (note?.endsWith(OWN_SEPARATOR + text)) return { on: 'note', own: note.slice(0, -(OWN_SEPARATOR + text).length), text };
  if (now.comment?.content === text) return { on: 'comment', own: null, text };
  const reply = now.comment?.replies.items.find((r) => r.content === text);
  return reply ? { on: 'reply', own: null, text, replyId: reply.id } : null;
}

/**
 * Writes the messages in syncs of NOTES_PER_SYNC cells. A sync that fails (a protected sheet, a
 * cell Excel will not take a note on) is retried cell by cell, so one bad cell costs only itself.
 */
async function writeMessages(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  name: string,
  texts: ReadonlyArray<{ cell: string; text: string }>,
  before: Record<string, PlacedMessage>,
  capabilities: HostCapabilities,
): Promise<{ placed: Record<string, PlacedMessage>; unplaced: UnplacedMessage[] }> {
  // Earlier messages on cells not marked this time stay as they are.
  const placed: Record<string, PlacedMessage> = { ...before };
  const unplaced: UnplacedMessage[] = [];
  const now = await probe(context, sheet, texts.map((t) => t.cell), capabilities);
  const tryOne = async (cell: string, text: string) => {
    const cellNow = (await probe(context, sheet, [cell], capabilities)).get(cell)!;
    const there = found(cellNow, joinLines(before[cell]?.text ?? null, text));
    if (there) return void (placed[cell] = there);
    try {
      const finish = place(context, sheet, name, cell, text, before[cell], cellNow, capabilities);
      await context.sync();
      if (finish) return void (placed[cell] = finish());
    } catch {
      // Reported below; the other cells go on.
    }
    unplaced.push({ sheet: name, cell, text });
  };
  for (let start = 0; start < texts.length; start += NOTES_PER_SYNC) {
    const chunk = texts.slice(start, start + NOTES_PER_SYNC);
    let pending: Array<{ cell: string; text: string; finish: (() => PlacedMessage) | null }> = [];
    try {
      pending = chunk.map(({ cell, text }) => ({ cell, text, finish: place(context, sheet, name, cell, text, before[cell], now.get(cell)!, capabilities) }));
      await context.sync();
      for (const p of pending) {
        if (p.finish) placed[p.cell] = p.finish();
        else unplaced.push({ sheet: name, cell: p.cell, text: p.text });
      }
    } catch {
      for (const { cell, text } of chunk) await tryOne(cell, text);
    }
  }
  return { placed, unplaced };
}

/**
 * Deletes the marks `applied` lists, on the given sheets or all, in clearSyncs per sheet: first
 * what still exists (a clerk may have deleted or edited some by hand), then ours deleted; direct
 * fills add fillSyncs (fills.ts). A clerk's note gets back its own words; a thread someone
 * answered stays. What this Excel cannot reach (conditional formats or notes made by a newer one)
 * stays in the record for that Excel to clear.
 */
export async function clearMarks(context: Excel.RequestContext, applied: AppliedMarks, capabilities: HostCapabilities, sheets?: readonly string[]): Promise<AppliedMarks> {
  const left: AppliedMarks = { formats: { ...applied.formats }, fills: { ...applied.fills }, messages: { ...applied.messages } };
  const names = new Set([...Object.keys(applied.formats), ...Object.keys(applied.fills ?? {}), ...Object.keys(applied.messages)]);
  for (const name of names) {
    if (sheets && !sheets.includes(name)) continue;
    const sheet = context.workbook.worksheets.getItem(name);
    const ids = new Set(capabilities.conditionalFormats ? applied.formats[name] ?? [] : []);
    // Loading the sheet's formats (1.6) finds ours without failing on one the clerk deleted.
    const formats = ids.size > 0 ? sheet.getRange().conditionalFormats.load('items/id') : null;
    const canWrite = capabilities.notes || capabilities.comments;
    const placed = canWrite ? applied.messages[name] ?? {} : {};
    const now = await probe(context, sheet, Object.keys(placed), capabilities, formats !== null);
    for (const format of formats?.items ?? []) if (ids.has(format.id)) format.delete();
    const cells = Object.entries(placed);
    for (let start = 0; start < cells.length || (start === 0 && formats !== null); start += NOTES_PER_SYNC) {
      for (const [cell, message] of cells.slice(start, start + NOTES_PER_SYNC)) takeOff(now.get(cell)!, message);
      await context.sync();
    }
    if (applied.fills?.[name]) await clearFills(context, sheet, applied.fills[name]);
    if (capabilities.conditionalFormats) delete left.formats[name];
    if (canWrite) delete left.messages[name];
    delete left.fills[name];
  }
  return left;
}

function takeOff(now: CellNow, message: PlacedMessage): void {
  if (message.on === 'note' && now.note) {
    const own = withoutOurs(now.note.content, message);
    if (own === null) now.note.delete();
    else if (own !== undefined) now.note.content = own;
  } else if (message.on === 'comment' && now.comment && (message.text === null || now.comment.content === message.text) && now.comment.replies.items.length === 0) {
    now.comment.delete();
  } else if (message.on === 'reply') {
    now.comment?.replies.items.find((r) => r.id === message.replyId)?.delete();
  }
}
