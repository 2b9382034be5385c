/**
 * The .xlsx reader: the workbook's sheet list, its shared strings, then each worksheet streamed
 * straight out of the zip in tab order (yauzl's random access, so the order the parts were zipped
 * in does not matter), scanned by xml-scan.ts into rows of CellValue.
 *
 * Values are what Office.js `values` gives the add-in: formulas as their cached result, rich text
 * as its runs joined (phonetic guides `<rPh>` left out), errors as '#N/A' etc., booleans, and
 * numbers as stored: a date is its serial number whatever its number format, so styles.xml is
 * never needed (a 1904-based workbook's serials are passed on as stored, as Office.js does).
 */
import { PassThrough, pipeline, type Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { posix } from 'node:path';
import type { Entry } from 'yauzl';
import { EXCEL_COLUMNS, type CellValue, type MergeArea } from '../../../shared/src/grid';
import { dateToSerial, MS_PER_DAY } from '../../../shared/src/dates';
import { unescapeExcelText } from './cells';
import { MESSAGES, WorkbookReadError } from './errors';
import { addMerge } from './merges';
import { GridBudget, RowGate } from './sheet-builder';
import { corrupt, XmlScanner, type Tag, type XmlHandler } from './xml-scan';
import type { GuardedZip } from './zip-guard';
import type { WorkbookVisitor } from './read';

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';

/**
 * Inflated XML buffered ahead of the scanner. yauzl inflates on the libuv thread pool; with only
 * the default 16 KiB of read-ahead the scanner waits on every chunk.
 */
const INFLATE_AHEAD = 1024 * 1024;

/** zlib's default 16 KiB output chunks cost ~40% more main-thread time than 256 KiB ones (measured on the bench template). */
const INFLATE_CHUNK = 256 * 1024;

/**
 * V8 makes a substring of 13 characters or more a "sliced string" that keeps its whole parent
 * chunk alive; text kept in the grid is copied out so the XML it came from can go.
 */
const V8_MIN_SLICE = 13;

function detach(s: string): string {
  // Concatenating then slicing makes V8 flatten into a fresh string.
  return s.length < V8_MIN_SLICE ? s : (' ' + s).slice(1);
}

const noop = () => undefined;

interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

interface BookSheet {
  name: string;
  rId: string;
  /** visible, hidden or veryHidden: hidden sheets are read like the others, as before. */
  state: string;
}

/** Streams every worksheet of an .xlsx into `visitor`, held to `budget`. */
export async function streamXlsx(zip: GuardedZip, visitor: WorkbookVisitor, budget: GridBudget): Promise<void> {
  const book = zip.entry(WORKBOOK);
  const relsEntry = zip.entry(WORKBOOK_RELS);
  if (!book) throw new WorkbookReadError('not-xlsx', MESSAGES.notXlsx);
  if (!relsEntry) throw new WorkbookReadError('corrupt', MESSAGES.corrupt);
  const rels = await scanPart(zip, relsEntry, new RelsHandler());
  const sheets = await scanPart(zip, book, new WorkbookHandler());

  const sstRel = rels.find((r) => isType(r, 'sharedStrings'));
  const sstEntry = sstRel ? zip.entry(partName(sstRel.target)) : zip.entry('xl/sharedStrings.xml');
  const strings = sstEntry ? await scanPart(zip, sstEntry, new SharedStringsHandler()) : [];

  const byId = new Map(rels.map((r) => [r.id, r]));
  for (const sheet of sheets) {
    const rel = byId.get(sheet.rId);
    // Chartsheets, dialog and macro sheets hold no cells.
    if (!rel || !isType(rel, 'worksheet')) continue;
    const entry = zip.entry(partName(rel.target));
    if (!entry) throw new WorkbookReadError('corrupt', MESSAGES.corrupt);
    const gate = new RowGate(budget, visitor.beginSheet(sheet.name));
    gate.end(await scanPart(zip, entry, new SheetHandler(strings, (rowNumber, cells) => gate.row(rowNumber, cells))));
  }
}

interface PartHandler<T> extends XmlHandler {
  result(): T;
}

/** Inflates one part into the scanner, decoding UTF-8 statefully so characters arrive whole. */
async function scanPart<T>(zip: GuardedZip, entry: Entry, handler: PartHandler<T>): Promise<T> {
  const inflated = await zip.openInflated(entry, INFLATE_CHUNK);
  inflated.on('error', noop);
  const stream: Readable = pipeline(inflated, new PassThrough({ highWaterMark: INFLATE_AHEAD }), noop);
  try {
    const scanner = new XmlScanner(handler);
    const decoder = new StringDecoder('utf8');
    let first = true;
    for await (const bytes of stream as AsyncIterable<Buffer>) {
      let text = decoder.write(bytes);
      if (first && text.length > 0) {
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        first = false;
      }
      scanner.feed(text);
    }
    scanner.feed(decoder.end());
    scanner.end();
    return handler.result();
  } finally {
    stream.destroy();
    inflated.destroy();
  }
}

abstract class QuietHandler {
  open(_local: string, _tag: Tag, _selfClosing: boolean): void {}
  close(_local: string): void {}
  wantsText(): boolean {
    return false;
  }
  text(_s: string): void {}
}

class RelsHandler extends QuietHandler implements PartHandler<Relationship[]> {
  private readonly rels: Relationship[] = [];

  override open(local: string, tag: Tag): void {
    if (local !== 'Relationship') return;
    this.rels.push({
      id: tag.get('Id') ?? '',
      type: tag.get('Type') ?? '',
      target: tag.get('Target') ?? '',
      external: tag.get('TargetMode') === 'External',
    });
  }

  result(): Relationship[] {
    return this.rels;
  }
}

class WorkbookHandler extends QuietHandler implements PartHandler<BookSheet[]> {
  private readonly sheets: BookSheet[] = [];

  override open(local: string, tag: Tag): void {
    if (local !== 'sheet') return;
    this.sheets.push({ name: tag.get('name') ?? '', rId: tag.getLocal('id') ?? '', state: tag.get('state') ?? 'visible' });
  }

  result(): BookSheet[] {
    return this.sheets;
  }
}

/** `<si>` items: plain `<t>`, or rich-text runs `<r><t>` joined; `<rPh>` phonetic runs are not the cell's text. */
class SharedStringsHandler extends QuietHandler implements PartHandler<string[]> {
  private readonly strings: string[] = [];
  private current = '';
  private phonetic = 0;
  private inText = false;
  private inItem = false;

  override open(local: string, _tag: Tag, selfClosing: boolean): void {
    if (local === 'si') {
      this.inItem = true;
      this.current = '';
    } else if (local === 'rPh') {
      if (!selfClosing) this.phonetic++;
    } else if (local === 't') {
      this.inText = this.inItem && this.phonetic === 0 && !selfClosing;
    }
  }

  override close(local: string): void {
    if (local === 't') this.inText = false;
    else if (local === 'rPh') this.phonetic = Math.max(0, this.phonetic - 1);
    else if (local === 'si') {
      this.inItem = false;
      this.strings.push(detach(unescapeExcelText(this.current)));
    }
  }

  override wantsText(): boolean {
    return this.inText;
  }

  override text(s: string): void {
    this.current += s;
  }

  result(): string[] {
    return this.strings;
  }
}

type RowSink = (rowNumber: number, cells: CellValue[]) => void;

/**
 * `<sheetData>`'s rows and cells, and `<mergeCell>`s. A row or cell without `r` takes the next
 * position, as Excel reads it.
 */
class SheetHandler extends QuietHandler implements PartHandler<MergeArea[]> {
  private readonly merges: MergeArea[] = [];
  private inData = false;
  private rowNumber = 0;
  private cells: CellValue[] | null = null;
  private col = 0;
  private type: string | undefined;
  private hasFormula = false;
  private hasValue = false;
  private value = '';
  private inValue = false;
  private inInline = false;
  private phonetic = 0;

  constructor(
    private readonly strings: readonly string[],
    private readonly sink: RowSink,
  ) {
    super();
  }

  override open(local: string, tag: Tag, selfClosing: boolean): void {
    switch (local) {
      case 'c':
        if (!this.cells) return;
        const { column, type } = tag.cell();
        this.col = cellColumn(column, this.col);
        this.type = type;
        this.hasFormula = false;
        this.hasValue = false;
        this.value = '';
        return;
      case 'v':
        if (!this.cells || this.inInline) return;
        this.hasValue = true;
        this.inValue = !selfClosing;
        return;
      case 't':
        if (this.inInline && this.phonetic === 0) {
          this.hasValue = true;
          this.inValue = !selfClosing;
        }
        return;
      case 'is':
        if (this.cells && !selfClosing) this.inInline = true;
        return;
      case 'rPh':
        if (this.inInline && !selfClosing) this.phonetic++;
        return;
      case 'f':
        if (this.cells) this.hasFormula = true;
        return;
      case 'row': {
        if (!this.inData) return;
        const r = tag.get('r');
        this.rowNumber = r === undefined ? this.rowNumber + 1 : positiveInt(r);
        this.cells = [];
        this.col = 0;
        return;
      }
      case 'sheetData':
        this.inData = !selfClosing;
        return;
      case 'mergeCell': {
        const ref = tag.get('ref');
        if (ref !== undefined) addMerge(ref, this.merges);
        return;
      }
    }
  }

  override close(local: string): void {
    switch (local) {
      case 'v':
      case 't':
        this.inValue = false;
        return;
      case 'c':
        if (this.cells) this.setCell();
        return;
      case 'is':
        this.inInline = false;
        return;
      case 'rPh':
        if (this.phonetic > 0) this.phonetic--;
        return;
      case 'row':
        if (this.cells) {
          const cells = this.cells;
          this.cells = null;
          this.sink(this.rowNumber, cells);
        }
        return;
      case 'sheetData':
        this.inData = false;
        return;
    }
  }

  override wantsText(): boolean {
    return this.inValue;
  }

  override text(s: string): void {
    this.value += s;
  }

  private setCell(): void {
    const cells = this.cells!;
    const v = this.hasValue ? cellValue(this.type, this.value, this.hasFormula, this.strings) : null;
    const at = this.col - 1;
    while (cells.length < at) cells.push(null);
    cells[at] = v;
  }

  result(): MergeArea[] {
    return this.merges;
  }
}

function cellValue(type: string | undefined, text: string, formula: boolean, strings: readonly string[]): CellValue {
  switch (type) {
    case 's': {
      const s = strings[positiveIntOr(text, -1)];
      // An empty shared string is no value, as exceljs made it.
      return s === undefined || s.length === 0 ? null : s;
    }
    case 'str':
    case 'inlineStr':
      return detach(unescapeExcelText(text));
    case 'e':
      return detach(text);
    case 'b':
      return formula ? numberOf(text) !== 0 : parseInt(text, 10) !== 0;
    case 'd':
      return isoSerial(text);
    default:
      return numberOf(text);
  }
}

/** A number as Excel stores it; anything else (an empty `<v/>`, garbage) is no value. */
function numberOf(text: string): number | null {
  const n = parseFloat(text);
  return Number.isFinite(n) ? n : null;
}

/** t="d": an ISO 8601 date-time (written by some tools instead of a serial), as its serial. */
function isoSerial(text: string): number | null {
  // Without a zone a date-time is local time in JavaScript; in a workbook it is just the time of day.
  const time = text.indexOf('T');
  const zoned = time === -1 || text.endsWith('Z') || text.endsWith('z') || text.indexOf('+', time) !== -1 || text.indexOf('-', time) !== -1;
  const t = Date.parse(zoned ? text : `${text}Z`);
  if (Number.isNaN(t)) return null;
  const d = new Date(t);
  const midnight = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  return dateToSerial(d) + (t - midnight) / MS_PER_DAY;
}

/** The column of a cell's reference (Tag.column), or the next column when it has none. */
function cellColumn(col: number, previous: number): number {
  if (col === 0) throw corrupt();
  return checkColumn(col === -1 ? previous + 1 : col);
}

/** Past XFD only a crafted file goes; refused before any row is built that wide. */
function checkColumn(col: number): number {
  if (col > EXCEL_COLUMNS) throw corrupt();
  return col;
}

function positiveInt(s: string): number {
  const n = positiveIntOr(s, 0);
  if (n <= 0) throw corrupt();
  return n;
}

/** Digits only, as Excel writes row numbers and string indexes; parseInt is slower for these millions of short strings. */
function positiveIntOr(s: string, fallback: number): number {
  let n = 0;
  const len = s.length;
  if (len === 0 || len > 15) return fallback;
  for (let i = 0; i < len; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return fallback;
    n = n * 10 + d;
  }
  return n;
}

/** Relationship types end in /worksheet, /sharedStrings … in both transitional and strict OOXML. */
function isType(rel: Relationship, type: string): boolean {
  return !rel.external && rel.type.endsWith(`/${type}`);
}

/** The zip entry a target of xl/workbook.xml's relationships names: relative to xl/, or absolute. */
function partName(target: string): string {
  return target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join('xl', target));
}
