import { a1, columnNumber, parseRange, type CellValue, type MergeArea } from '../../shared/src';
import { compareSets } from '../src/excel/capabilities';
import { countingContext } from './mock-context';
import { excelMembers } from './office-api-sets';

/**
 * An Excel workbook at one ExcelApi level, on an office-addin-mock request context. Every object
 * it hands out is typed by the Excel class it stands for, and any member above the level throws
 * ("ApiNotFound"), as an older Excel refuses it; the sets come from Microsoft's typings
 * (office-api-sets.ts), not from the add-in's own table. Commands queue and run at
 * context.sync() in order, as Excel runs a batch: a property reads only after load() and a sync,
 * and gives the value it had at that point of the batch.
 *
 * Fills are per cell; an unfilled cell reads as "#FFFFFF" and a range of mixed fills as null, as
 * in Excel. Merged areas, conditional formats, notes and comments, frozen rows, column widths and
 * drop-downs are recorded for the tests to look at.
 */
export interface FakeSheet {
  name: string;
  /** cells[r][c] is the value at row r + 1, column c + 1; '' is empty. */
  cells: CellValue[][];
  merges: MergeArea[];
  fills: Map<string, string>;
  formats: Array<{ id: string; address: string; formula: string; color: string }>;
  notes: Map<string, string>;
  comments: Array<{ id: string; cell: string; content: string; replies: Array<{ id: string; content: string }> }>;
  frozenRows: number;
  widths: Map<number, number>;
  lists: Map<string, string>;
  bold: Set<string>;
}

export const NO_FILL = '#FFFFFF';

/** ClientObject members every class has. */
const COMMON = new Set(['load', 'toJSON', 'isNullObject', 'context', 'track', 'untrack', 'set']);

export function levelledWorkbook(level: string, input: Array<{ name: string; rows: CellValue[][]; merges?: MergeArea[]; fills?: Record<string, string> }>) {
  const members = excelMembers();
  const calls = new Set<string>();
  const refused: string[] = [];
  const queue: Array<() => void> = [];
  let n = 0;
  const fakeSheet = (name: string, rows: CellValue[][] = [], merges: MergeArea[] = [], fills: Record<string, string> = {}): FakeSheet => ({
    name,
    cells: rows.map((r) => r.map((v) => (v === null ? '' : v))),
    merges: [...merges],
    fills: new Map(Object.entries(fills)),
    formats: [],
    notes: new Map(),
    comments: [],
    frozenRows: 0,
    widths: new Map(),
    lists: new Map(),
    bold: new Set(),
  });
  const sheets: FakeSheet[] = input.map((s) => fakeSheet(s.name, s.rows, s.merges, s.fills));
  /** A collection whose items are what `itemsNow` gives when its load runs in a sync. */
  const collection = <T extends object>(itemsNow: () => unknown[], rest: T) => {
    let items: unknown[] | null = null;
    // Accessors copied as accessors: Object.assign would read `items` now.
    return Object.defineProperties(rest, Object.getOwnPropertyDescriptors({
      get items() {
        if (!items) throw new Error('PropertyNotLoaded: items');
        return items;
      },
      load() {
        queue.push(() => (items = itemsNow()));
        return this;
      },
    }));
  };
  const state = { active: sheets[0]?.name ?? '', selection: null as null | { sheet: string; cell: string } };

  const supported = (set: string | null) => set === null || (set !== 'preview' && compareSets(set, level) <= 0);
  function check(cls: string, prop: string, write: boolean) {
    const info = members.get(`${cls}.${prop}`);
    if (!info) {
      if (COMMON.has(prop) || prop === 'then') return;
      throw new Error(`not in the Excel API: ${cls}.${prop}`);
    }
    const set = write && info.setForWrite ? info.setForWrite : info.set;
    calls.add(`${cls}.${prop}${write ? '=' : ''}`);
    if (!supported(set)) {
      refused.push(`${cls}.${prop}`);
      throw new Error(`ApiNotFound: ${cls}.${prop} needs ExcelApi ${set}; this Excel has ${level}`);
    }
  }
  const proxies = new WeakMap<object, object>();
  function wrap(value: unknown, type: string | null): unknown {
    if (value === null || typeof value !== 'object' || !type) return value;
    if (type.endsWith('[]')) return Array.isArray(value) ? value.map((v) => wrap(v, type.slice(0, -2))) : value;
    return guard(value as object, type);
  }
  function guard<T extends object>(obj: T, cls: string): T {
    const known = proxies.get(obj);
    if (known) return known as T;
    const proxy = new Proxy(obj, {
      get(target, prop) {
        if (typeof prop !== 'string') return Reflect.get(target, prop);
        check(cls, prop, false);
        const type = members.get(`${cls}.${prop}`)?.type ?? null;
        const v = Reflect.get(target, prop, target);
        if (typeof v === 'function') return (...args: unknown[]) => wrap(v.apply(target, args), prop === 'load' ? cls : type);
        return wrap(v, type);
      },
      set(target, prop, value) {
        if (typeof prop === 'string') check(cls, prop, true);
        return Reflect.set(target, prop, value, target);
      },
    });
    proxies.set(obj, proxy);
    return proxy;
  }

  /**
   * An object whose `scalars` read only once loaded and synced: each load snapshots them at its
   * place in the batch. Writes to them go to `write` (queued by it); `rest` comes through as it is.
   */
  function loadable<T extends object>(scalars: readonly string[], read: (prop: string) => unknown, rest: T, write?: (prop: string, value: unknown) => void): T {
    const got = new Map<string, unknown>();
    const target = {} as Record<string, unknown>;
    Object.defineProperties(target, Object.getOwnPropertyDescriptors(rest));
    target.load = (what?: string | string[]) => {
      const list = what === undefined ? scalars : (Array.isArray(what) ? what : what.split(',')).map((p) => p.trim().split('/')[0]);
      queue.push(() => {
        for (const p of new Set([...list, 'isNullObject'])) got.set(p, read(p));
      });
      return target;
    };
    for (const p of [...scalars, 'isNullObject']) {
      Object.defineProperty(target, p, {
        enumerable: true,
        get: () => {
          if (!got.has(p)) throw new Error(`PropertyNotLoaded: ${p}`);
          return got.get(p);
        },
        set: (v: unknown) => {
          if (!write) throw new Error(`read-only: ${p}`);
          write(p, v);
        },
      });
    }
    return target as T;
  }

  const sheetOf = (name: string) => {
    const s = sheets.find((x) => x.name === name);
    if (!s) throw new Error(`ItemNotFound: ${name}`);
    return s;
  };
  const value = (s: FakeSheet, r: number, c: number) => s.cells[r - 1]?.[c - 1] ?? '';
  const areaOf = (s: FakeSheet, address?: string): MergeArea => {
    if (address === undefined) return { top: 1, left: 1, bottom: 1_048_576, right: 16_384 };
    const ref = address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '');
    const col = /^([A-Z]{1,3}):([A-Z]{1,3})$/.exec(ref);
    if (col) return { top: 1, left: columnNumber(col[1]), bottom: 1_048_576, right: columnNumber(col[2]) };
    const area = parseRange(ref);
    if (!area) throw new Error(`InvalidArgument: ${address} on ${s.name}`);
    return area;
  };
  const cellsIn = (a: MergeArea) => {
    const out: string[] = [];
    for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) out.push(a1(r, c));
    return out;
  };
  const addressOf = (s: FakeSheet, a: MergeArea) => `'${s.name}'!${a1(a.top, a.left)}${a.bottom > a.top || a.right > a.left ? `:${a1(a.bottom, a.right)}` : ''}`;

  function fill(s: FakeSheet, a: MergeArea) {
    return {
      get color(): unknown {
        const colours = new Set(cellsIn(a).map((c) => s.fills.get(c) ?? NO_FILL));
        return colours.size === 1 ? [...colours][0] : null;
      },
      set color(colour: unknown) {
        queue.push(() => cellsIn(a).forEach((c) => s.fills.set(c, String(colour))));
      },
      clear: () => void queue.push(() => cellsIn(a).forEach((c) => s.fills.delete(c))),
    };
  }

  function range(s: FakeSheet, a: MergeArea, isNull = false): object {
    const fillNode = fill(s, a);
    const format = {
      fill: loadable(['color'], () => fillNode.color, { clear: fillNode.clear }, (_p, c) => (fillNode.color = c)),
      font: { set bold(b: boolean) { queue.push(() => cellsIn({ ...a, bottom: Math.min(a.bottom, a.top + 100) }).forEach((c) => (b ? s.bold.add(c) : s.bold.delete(c)))); } },
      wrapText: false,
      set columnWidth(w: number) { queue.push(() => { for (let c = a.left; c <= a.right; c++) s.widths.set(c, w); }); },
    };
    const rest = {
      format,
      select: () => void queue.push(() => (state.selection = { sheet: s.name, cell: a1(a.top, a.left) })),
      getMergedAreasOrNullObject: () => {
        const inside = s.merges.filter((m) => m.top >= a.top && m.top <= a.bottom && m.left >= a.left && m.left <= a.right);
        return loadable(['address'], (p) => (p === 'isNullObject' ? inside.length === 0 : inside.map((m) => addressOf(s, m)).join(',')), {});
      },
      conditionalFormats: formatCollection(s, addressOf(s, a)),
      dataValidation: {
        set rule(rule: { list: { source: string } }) { queue.push(() => s.lists.set(addressOf(s, a), rule.list.source)); },
        errorAlert: null,
      },
    };
    const read = (p: string) => {
      if (p === 'isNullObject') return isNull;
      if (p === 'values') return Array.from({ length: a.bottom - a.top + 1 }, (_, i) => Array.from({ length: a.right - a.left + 1 }, (_, j) => value(s, a.top + i, a.left + j)));
      if (p === 'rowIndex') return a.top - 1;
      if (p === 'columnIndex') return a.left - 1;
      if (p === 'rowCount') return a.bottom - a.top + 1;
      if (p === 'columnCount') return a.right - a.left + 1;
      if (p === 'address') return addressOf(s, a);
      return undefined;
    };
    const write = (_p: string, rows: unknown) =>
      void queue.push(() =>
        (rows as CellValue[][]).forEach((row, i) =>
          row.forEach((v, j) => {
            const r = a.top - 1 + i;
            while (s.cells.length <= r) s.cells.push([]);
            s.cells[r][a.left - 1 + j] = v ?? '';
          }),
        ),
      );
    return loadable(['values', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount', 'address'], read, rest, (p, v) => (p === 'values' ? write(p, v) : undefined));
  }

  function formatCollection(s: FakeSheet, address: string) {
    const add = () => {
      const format = { id: `{CF-${++n}}`, address, formula: '', color: '' };
      queue.push(() => s.formats.push(format));
      return loadable(['id'], (p) => (p === 'id' ? format.id : undefined), {
        custom: { rule: { set formula(f: string) { format.formula = f; } }, format: { fill: { set color(c: string) { format.color = c; } } } },
        delete: () => void queue.push(() => s.formats.splice(s.formats.indexOf(format), 1)),
      });
    };
    const itemOf = (f: FakeSheet['formats'][number]) => ({ id: f.id, delete: () => void queue.push(() => s.formats.splice(s.formats.indexOf(f), 1)) });
    return collection(() => s.formats.map(itemOf), { add });
  }

  function usedArea(s: FakeSheet, valuesOnly: boolean): MergeArea | null {
    let top = Infinity, left = Infinity, bottom = 0, right = 0;
    const take = (r: number, c: number) => {
      top = Math.min(top, r); left = Math.min(left, c); bottom = Math.max(bottom, r); right = Math.max(right, c);
    };
    s.cells.forEach((row, i) => row.forEach((v, j) => v !== '' && take(i + 1, j + 1)));
    if (!valuesOnly) for (const cell of s.fills.keys()) { const a = parseRange(cell)!; take(a.top, a.left); }
    return bottom === 0 ? null : { top, left, bottom, right };
  }

  function notesOf(s: FakeSheet) {
    const withWrite = (cell: string) =>
      loadable(['content'], (p) => (p === 'isNullObject' ? !s.notes.has(cell) : s.notes.get(cell)), { delete: () => void queue.push(() => s.notes.delete(cell)) }, (_p, t) => void queue.push(() => s.notes.set(cell, String(t))));
    return {
      add: (cell: string, text: string) => {
        queue.push(() => {
          if (s.notes.has(cell)) throw new Error(`InvalidArgument: ${cell} already has a note`);
          s.notes.set(cell, text);
        });
        return withWrite(cell);
      },
      getItemOrNullObject: withWrite,
    };
  }

  function commentsOf(s: FakeSheet) {
    const itemOf = (c: FakeSheet['comments'][number]) => ({
      id: c.id,
      get content() { return c.content; },
      set content(t: string) { queue.push(() => (c.content = t)); },
      replies: {
        get items() { return c.replies.map((r) => ({ id: r.id, get content() { return r.content; }, set content(t: string) { queue.push(() => (r.content = t)); }, delete: () => void queue.push(() => c.replies.splice(c.replies.indexOf(r), 1)) })); },
        add: (content: string) => {
          const id = `R${++n}`;
          queue.push(() => c.replies.push({ id, content }));
          return { id, load() { return this; } };
        },
        load() { return this; },
      },
      getLocation: () => ({ address: `'${s.name}'!${c.cell}`, load() { return this; } }),
      delete: () => void queue.push(() => s.comments.splice(s.comments.indexOf(c), 1)),
      load() { return this; },
    });
    return collection(() => s.comments.map(itemOf), {});
  }

  function worksheet(s: FakeSheet): object {
    const ws = {
      getRange: (address?: string) => range(s, areaOf(s, address)),
      getRanges: (address: string) => ({
        conditionalFormats: formatCollection(s, address.split(',').map((part) => addressOf(s, areaOf(s, part))).join(',')),
      }),
      getUsedRange: (valuesOnly?: boolean) => {
        // The valuesOnly argument is ExcelApi 1.2: an older Excel refuses the call.
        if (valuesOnly !== undefined && !supported('1.2')) throw new Error('ApiNotFound: getUsedRange(valuesOnly) needs ExcelApi 1.2');
        return range(s, usedArea(s, valuesOnly === true) ?? { top: 1, left: 1, bottom: 1, right: 1 });
      },
      getUsedRangeOrNullObject: (valuesOnly?: boolean) => {
        const used = usedArea(s, valuesOnly === true);
        return range(s, used ?? { top: 1, left: 1, bottom: 1, right: 1 }, used === null);
      },
      activate: () => void queue.push(() => (state.active = s.name)),
      freezePanes: { freezeRows: (count: number) => void queue.push(() => (s.frozenRows = count)) },
      notes: notesOf(s),
      comments: commentsOf(s),
    };
    return loadable(['name', 'visibility'], (p) => (p === 'name' ? s.name : p === 'visibility' ? 'Visible' : undefined), ws);
  }

  const worksheetObjects = new Map<FakeSheet, object>();
  const worksheetFor = (s: FakeSheet) => worksheetObjects.get(s) ?? worksheetObjects.set(s, worksheet(s)).get(s)!;
  let sheetItems: unknown[] | null = null;
  const workbook = {
    worksheets: {
      getItem: (name: string) => worksheetFor(sheetOf(name)),
      getActiveWorksheet: () => worksheetFor(sheetOf(state.active)),
      add: (name: string) => {
        if (sheets.some((s) => s.name === name)) throw new Error(`ItemAlreadyExists: ${name}`);
        const s = fakeSheet(name);
        sheets.push(s);
        return worksheetFor(s);
      },
      get items() {
        if (!sheetItems) throw new Error('PropertyNotLoaded: items');
        return sheetItems;
      },
      load() {
        const all = sheets.map(worksheetFor);
        for (const ws of all) (ws as { load: () => void }).load();
        queue.push(() => (sheetItems = all));
        return this;
      },
    },
    comments: {
      add: (address: string, content: string) => {
        const s = sheetOf(address.slice(0, address.lastIndexOf('!')).replace(/^'|'$/g, '').replace(/''/g, "'"));
        const cell = address.slice(address.lastIndexOf('!') + 1);
        queue.push(() => {
          if (s.comments.some((c) => c.cell === cell)) throw new Error(`InvalidArgument: ${cell} already has a comment`);
          s.comments.push({ id: `C${++n}`, cell, content, replies: [] });
        });
      },
    },
  };
  const counted = countingContext({ sheetCount: sheets.length });
  const context = counted.context as unknown as { sync: () => Promise<void>; workbook: unknown };
  context.workbook = guard(workbook, 'Workbook');
  const sync = context.sync.bind(context);
  /** Commands run by each sync: the request's size, in commands. */
  const batches: number[] = [];
  context.sync = async () => {
    await sync();
    const ops = queue.splice(0);
    batches.push(ops.length);
    // A failing command fails the batch; the commands after it do not run.
    for (const op of ops) op();
  };
  const isSetSupported = (name: string, version: string) => name === 'ExcelApi' && supported(version);
  return { context: context as unknown as Excel.RequestContext, syncs: counted.syncs, batches, sheets, state, calls, refused, isSetSupported, sheet: sheetOf };
}
