import { a1, MARK_FILLS, parseRange, type MarkKind } from '../../../shared/src';
import { areasOf } from '../marks/batches';
import { groupBy } from '../marks/group';

/**
 * Marks as direct fills, for an Excel without conditional formats over many areas (getRanges and
 * RangeAreas need ExcelApi 1.9; Office 2016 and 2019 lack them). Only ExcelApi 1.1 is used:
 * getRange on contiguous areas (a column's adjacent cells are one area, as for conditional
 * formats) and format.fill. Each cell's own fill is read before it is first marked and kept in
 * the record; clearing puts it back on the cells that still show our colour, so a cell the clerk
 * refilled since keeps the clerk's fill. Excel 1.1 reads an unfilled cell as white and cannot
 * tell a white fill from none: both come back as no fill (gridlines showing), the usual case.
 */
export const NO_FILL = '#FFFFFF';

/** Ranges queued per context.sync(): a fill read or write is a few hundred bytes of request, so 1,000 stay far below 5 MB. */
export const RANGES_PER_SYNC = 1000;

/** Cells with the same own fill and the same mark colour, as areas. `own` null: no fill of its own. */
export interface FillRun {
  own: string | null;
  ours: string;
  areas: string[];
}

type CellFill = { own: string | null; ours: string };

/**
 * The syncs per sheet, marking or clearing: ⌈areas read ÷ R⌉ + ⌈cells of mixed-fill areas ÷ R⌉ +
 * ⌈areas written ÷ R⌉, with R = RANGES_PER_SYNC. An area whose cells share one fill is one read;
 * only an area of mixed fills is read cell by cell.
 */
export function fillSyncs(areasRead: number, mixedCells: number, areasWritten: number): number {
  return [areasRead, mixedCells, areasWritten].reduce((n, k) => n + Math.ceil(k / RANGES_PER_SYNC), 0);
}

/** The cells of a contiguous area ("B3:B9"). */
function cellsOf(area: string): string[] {
  const a = parseRange(area);
  if (!a) return [];
  const cells: string[] = [];
  for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) cells.push(a1(r, c));
  return cells;
}

function expand(runs: readonly FillRun[]): Map<string, CellFill> {
  const cells = new Map<string, CellFill>();
  for (const { own, ours, areas } of runs) for (const area of areas) for (const cell of cellsOf(area)) cells.set(cell, { own, ours });
  return cells;
}

function compress(cells: ReadonlyMap<string, CellFill>): FillRun[] {
  const groups = groupBy([...cells], ([, f]) => `${f.own ?? ''}\u0000${f.ours}`);
  return [...groups.values()].map((list) => ({ own: list[0][1].own, ours: list[0][1].ours, areas: areasOf(list.map(([cell]) => cell)) }));
}

/** Queues one command per item and syncs every RANGES_PER_SYNC of them. */
async function inChunks<T>(context: Excel.RequestContext, items: readonly T[], queue: (item: T) => void, signal?: AbortSignal): Promise<void> {
  for (let start = 0; start < items.length; start += RANGES_PER_SYNC) {
    signal?.throwIfAborted();
    items.slice(start, start + RANGES_PER_SYNC).forEach(queue);
    await context.sync();
  }
}

/** Each cell's fill colour as Excel reads it (NO_FILL when none): one read per area, cell by cell only where an area's fills differ. */
async function fillsOf(context: Excel.RequestContext, sheet: Excel.Worksheet, areas: readonly string[]): Promise<Map<string, string>> {
  const colours = new Map<string, string>();
  const mixed: string[] = [];
  const areaFills: Array<[string, Excel.RangeFill]> = [];
  await inChunks(context, areas, (area) => areaFills.push([area, sheet.getRange(area).format.fill.load('color')]));
  for (const [area, fill] of areaFills) {
    // Excel gives null for a range whose cells differ.
    if (fill.color === null) mixed.push(...cellsOf(area));
    else for (const cell of cellsOf(area)) colours.set(cell, fill.color);
  }
  const cellFills: Array<[string, Excel.RangeFill]> = [];
  await inChunks(context, mixed, (cell) => cellFills.push([cell, sheet.getRange(cell).format.fill.load('color')]));
  for (const [cell, fill] of cellFills) colours.set(cell, fill.color ?? NO_FILL);
  return colours;
}

/** Fills the marked cells with their kind's colour; returns the sheet's record, the earlier one joined. */
export async function applyFills(context: Excel.RequestContext, sheet: Excel.Worksheet, kinds: ReadonlyMap<string, MarkKind>, held: readonly FillRun[] = [], signal?: AbortSignal): Promise<FillRun[]> {
  const record = expand(held);
  // A cell we marked before shows our colour now: its own fill is the one already kept.
  const fresh = [...kinds.keys()].filter((cell) => !record.has(cell));
  const own = await fillsOf(context, sheet, areasOf(fresh));
  for (const [cell, kind] of kinds) {
    const was = own.get(cell);
    record.set(cell, { own: record.get(cell)?.own ?? (was === undefined || was === NO_FILL ? null : was), ours: MARK_FILLS[kind] });
  }
  const writes = [...groupBy([...kinds], ([, kind]) => kind)].flatMap(([kind, list]) => areasOf(list.map(([cell]) => cell)).map((area) => [area, MARK_FILLS[kind as MarkKind]] as const));
  await inChunks(context, writes, ([area, colour]) => (sheet.getRange(area).format.fill.color = colour), signal);
  return compress(record);
}

/** Gives the marked cells their own fills back, where they still show our colour. */
export async function clearFills(context: Excel.RequestContext, sheet: Excel.Worksheet, runs: readonly FillRun[]): Promise<void> {
  const record = expand(runs);
  const now = await fillsOf(context, sheet, runs.flatMap((r) => r.areas));
  const back = groupBy([...record].filter(([cell, f]) => now.get(cell) === f.ours), ([, f]) => f.own ?? '');
  const restores = [...back].flatMap(([own, list]) => areasOf(list.map(([cell]) => cell)).map((area) => [area, own] as const));
  await inChunks(context, restores, ([area, own]) => {
    const fill = sheet.getRange(area).format.fill;
    if (own === '') fill.clear();
    else fill.color = own;
  });
}
