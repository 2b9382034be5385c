import { parseRange } from '../../shared/src';
import { countingContext, type MockNode } from './mock-context';

/**
 * A workbook on office-addin-mock with one sheet, rich enough for reading and marking: its
 * conditional formats, notes and comment threads are recorded. Writes to notes and comments are
 * queued and run at context.sync(), in order, as Excel does; a write to a `refused` cell fails
 * that sync (like a protected sheet) and drops the writes queued after it.
 */
export interface FakeComment {
  id: string;
  cell: string;
  content: string;
  replies: Array<{ id: string; content: string }>;
}

export function mockWorkbook(cells: unknown[][] = [['x']], sheetName = '目录') {
  const made: Array<{ address: string; node: MockNode }> = [];
  const notes = new Map<string, string>();
  const comments: FakeComment[] = [];
  const refused = new Set<string>();
  const deleted: string[] = [];
  const valuesWritten: string[] = [];
  /** Formats a clerk deleted by hand. */
  const gone = new Set<string>();
  const queue: Array<() => void> = [];
  let n = 0;
  const later = (cell: string, write: () => void) => {
    queue.push(() => {
      if (refused.has(cell)) throw new Error(`AccessDenied: ${cell}`);
      write();
    });
  };

  const noteItem = (cell: string) => ({
    get isNullObject() {
      return !notes.has(cell);
    },
    get content() {
      return notes.get(cell) ?? '';
    },
    set content(text: string) {
      later(cell, () => notes.set(cell, text));
    },
    load() {
      return this;
    },
    delete: () => later(cell, () => notes.delete(cell)),
  });
  const commentItem = (c: FakeComment) => ({
    id: c.id,
    get content() {
      return c.content;
    },
    set content(text: string) {
      later(c.cell, () => (c.content = text));
    },
    replies: {
      get items() {
        return c.replies.map((r) => ({
          id: r.id,
          get content() {
            return r.content;
          },
          set content(text: string) {
            later(c.cell, () => (r.content = text));
          },
          delete: () => later(c.cell, () => c.replies.splice(c.replies.indexOf(r), 1)),
        }));
      },
      add: (content: string) => {
        const id = `R${++n}`;
        later(c.cell, () => c.replies.push({ id, content }));
        return { id, load: () => undefined };
      },
      load: () => undefined,
    },
    getLocation: () => ({ address: `'${sheetName}'!$${c.cell.replace(/\d/g, '')}$${c.cell.replace(/\D/g, '')}`, load() {
      return this;
    } }),
    load: () => undefined,
    delete: () => later(c.cell, () => comments.splice(comments.indexOf(c), 1)),
  });
  const addComment = (cell: string, content: string) => {
    const c: FakeComment = { id: `C${++n}`, cell, content, replies: [] };
    later(cell, () => {
      if (comments.some((x) => x.cell === cell)) throw new Error(`InvalidArgument: ${cell} already has a comment`);
      comments.push(c);
    });
  };

  const data = {
    workbook: {
      worksheets: {
        sheet: {
          used: { isNullObject: false, rowIndex: 0, columnIndex: 0, rowCount: cells.length, columnCount: cells[0].length, merged: { isNullObject: true, address: '' }, getMergedAreasOrNullObject() { return this.merged; } },
          getUsedRangeOrNullObject() {
            return this.used;
          },
          getRange(this: MockNode, address?: string) {
            if (address === undefined) return this.wholeSheet;
            // A block of rows, "A1:L100".
            const area = parseRange(address)!;
            const key = `block_${area.top}_${area.bottom}`;
            if (!this[key]) {
              this.addMock(key);
              (this[key] as MockNode).populate({ values: cells.slice(area.top - 1, area.bottom).map((r) => r.slice(0, area.right - area.left + 1)) });
            }
            return this[key];
          },
          getRanges(this: MockNode, address: string) {
            const sheet = this;
            return {
              set values(_v: unknown) {
                valuesWritten.push(address);
              },
              conditionalFormats: {
                add() {
                  const key = `cf_${++n}`;
                  sheet.addMock(key);
                  const node = sheet[key] as MockNode;
                  node.populate({ id: `{CF-${n}}`, custom: { rule: { formula: '' }, format: { fill: { color: '' } } } });
                  made.push({ address, node });
                  return node;
                },
              },
            };
          },
        },
        getItem() {
          return this.sheet;
        },
      },
    },
  };
  // The sheet's conditional formats, as getRange().conditionalFormats.load('items/id') gives them.
  const wholeSheet = {
    conditionalFormats: {
      items: [] as Array<{ id: string; delete: () => void }>,
      load() {
        this.items = made.map((m) => String(m.node.id)).filter((id) => !gone.has(id)).map((id) => ({ id, delete: () => void deleted.push(id) }));
        return this;
      },
    },
  };
  const counted = countingContext(data);
  const context = counted.context as unknown as { sync: () => Promise<void>; workbook: { comments: unknown; worksheets: { sheet: Record<string, unknown> } } };
  // Collections with items are plain objects: office-addin-mock cannot load paths through arrays.
  Object.assign(context.workbook.worksheets.sheet, {
    wholeSheet,
    notes: {
      add: (cell: string, text: string) => {
        later(cell, () => {
          if (notes.has(cell)) throw new Error(`InvalidArgument: ${cell} already has a note`);
          notes.set(cell, text);
        });
        return noteItem(cell);
      },
      getItemOrNullObject: noteItem,
    },
    comments: {
      get items() {
        return comments.map(commentItem);
      },
      load() {
        return this;
      },
    },
  });
  context.workbook.comments = { add: (address: string, content: string) => addComment(address.slice(address.lastIndexOf('!') + 1), content) };
  const sync = context.sync;
  context.sync = async () => {
    const writes = queue.splice(0);
    await sync();
    for (const write of writes) write();
  };
  /** A comment thread the clerk started before the add-in came. */
  const clerkComment = (cell: string, content: string) => void comments.push({ id: `C${++n}`, cell, content, replies: [] });
  return { ...counted, made, notes, comments, clerkComment, refused, deleted, valuesWritten, gone };
}
